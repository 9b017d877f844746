// The room hook that keeps suggestions honest on every member's write: nobody but its author
// changes or removes a suggestion by editing (others accept or reject it through the server),
// and a suggestion always names the member who wrote it.
import { getClauseMap } from '@parley/shared/room';
import {
  DELETION_MARK,
  hasSuggestionMarks,
  INSERTION_MARK,
  sameMark,
} from '@parley/shared/suggestions';
import type { SuggestionAttrs } from '@parley/shared/suggestions';
import type { MemberClaims } from '@parley/shared/protocol';
import * as Y from 'yjs';
import { roomSlot } from '../../rooms';
import type { RoomHook, WriteAttempt, WriteRefusal } from '../../rooms';
import { charsOf, clauseBodyOf } from './bodies';

const KINDS = [INSERTION_MARK, DELETION_MARK] as const;

/**
 * Clauses whose text in the room's document holds no suggestion mark. Only an update carrying a
 * mark can add one (deleting text only removes marks), so the set stays true until such an
 * update is stored; then it is emptied and refilled as clauses are read again.
 */
const unmarkedSlot = roomSlot('suggestion-free-clauses', () => new Set<string>());

/** Whether the update sets a suggestion mark anywhere: its items, not the document, are read. */
export function updateSetsMarks(update: Uint8Array): boolean {
  const { structs } = Y.decodeUpdate(update);
  return structs.some(
    (struct) =>
      struct instanceof Y.Item &&
      struct.content instanceof Y.ContentFormat &&
      struct.content.value !== null &&
      (struct.content.key === INSERTION_MARK || struct.content.key === DELETION_MARK),
  );
}

function titleOf(doc: Y.Doc, clauseId: string): string {
  const title = getClauseMap(doc, clauseId)?.get('title');
  return typeof title === 'string' && title !== '' ? title : clauseId;
}

function authorText(mark: SuggestionAttrs): string {
  return mark.name === '' ? 'another member' : mark.name;
}

/** The first rule the write breaks in one clause, or null. */
function clauseRefusal(
  before: Y.Doc,
  beforeMarked: boolean,
  write: WriteAttempt,
  clauseId: string,
): WriteRefusal | null {
  const { member, after } = write;
  // Most writes touch clauses without any suggestion, before or after: nothing to protect.
  const bodyAfter = clauseBodyOf(after, clauseId);
  if (!beforeMarked && (bodyAfter === null || !hasSuggestionMarks(bodyAfter))) return null;
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
      const unmarked = room.slot(unmarkedSlot);
      // Updates still waiting for predecessors may join the document with this write, marks and all.
      const setsMarks = room.doc.store.pendingStructs !== null || updateSetsMarks(write.update);
      for (const clauseId of write.effect.clauses) {
        if (unmarked.has(clauseId) && !setsMarks) continue;
        const body = clauseBodyOf(room.doc, clauseId);
        const beforeMarked = body !== null && hasSuggestionMarks(body);
        if (!beforeMarked) unmarked.add(clauseId);
        const refusal = clauseRefusal(room.doc, beforeMarked, write, clauseId);
        if (refusal !== null) return refusal;
      }
      return null;
    },
    afterStore(room, change) {
      if (updateSetsMarks(change.update)) room.slot(unmarkedSlot).clear();
    },
    // Another instance's writer may have set a mark: the set is true only until then, here too.
    onStoredElsewhere(room, change) {
      if (updateSetsMarks(change.update)) room.slot(unmarkedSlot).clear();
    },
  };
}
