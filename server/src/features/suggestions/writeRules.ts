// The room hook that keeps suggestions honest on every member's write: nobody but its author
// changes or removes a suggestion by editing (others accept or reject it through the server),
// and a suggestion always names the member who wrote it.
import { getClauseMap } from '@parley/shared/room';
import { DELETION_MARK, INSERTION_MARK, sameMark } from '@parley/shared/suggestions';
import type { SuggestionAttrs } from '@parley/shared/suggestions';
import type { MemberClaims } from '@parley/shared/protocol';
import type * as Y from 'yjs';
import type { RoomHook, WriteAttempt, WriteRefusal } from '../../rooms';
import { charsOf } from './bodies';

const KINDS = [INSERTION_MARK, DELETION_MARK] as const;

function titleOf(doc: Y.Doc, clauseId: string): string {
  const title = getClauseMap(doc, clauseId)?.get('title');
  return typeof title === 'string' && title !== '' ? title : clauseId;
}

function authorText(mark: SuggestionAttrs): string {
  return mark.name === '' ? 'another member' : mark.name;
}

/** The first rule the write breaks in one clause, or null. */
function clauseRefusal(before: Y.Doc, write: WriteAttempt, clauseId: string): WriteRefusal | null {
  const { member, after } = write;
  const was = charsOf(before, clauseId);
  const is = charsOf(after, clauseId);
  for (const [id, char] of was) {
    for (const kind of KINDS) {
      const mark = char[kind];
      if (mark === null || mark.memberId === member.memberId) continue;
      if (sameMark(is.get(id)?.[kind] ?? null, mark)) continue;
      return {
        code: 'suggestion-protected',
        message: `"${titleOf(before, clauseId)}" holds a suggestion by ${authorText(mark)}: accept or reject it instead of editing it. Your change was not saved.`,
      };
    }
  }
  for (const [id, char] of is) {
    for (const kind of KINDS) {
      const mark = char[kind];
      if (mark === null || sameMark(was.get(id)?.[kind] ?? null, mark)) continue;
      if (!writtenBy(mark, member)) {
        return {
          code: 'suggestion-forged',
          message: `A suggestion must carry the name of the member who writes it (${member.name}); this one names ${authorText(mark)}. Your change was not saved.`,
        };
      }
    }
  }
  return null;
}

export function writtenBy(mark: SuggestionAttrs, member: MemberClaims): boolean {
  return (
    mark.memberId === member.memberId &&
    mark.partyId === member.partyId &&
    mark.name === member.name
  );
}

export function suggestionWriteRules(): RoomHook {
  return {
    name: 'suggestion-write-rules',
    beforeWrite(room, write) {
      for (const clauseId of write.effect.clauses) {
        const refusal = clauseRefusal(room.doc, write, clauseId);
        if (refusal !== null) return refusal;
      }
      return null;
    },
  };
}
