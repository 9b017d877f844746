// Whether a member's write only suggests: new text marked as their insertion, existing text
// marked as their deletion, or their own pending suggestions taken back. In single-text mode this
// is all a party may write; the mediator holds the pen for everything else.
import { getClauseMap, readParams } from '@parley/shared/room';
import { SUGGESTION_ANCHOR } from '@parley/shared/suggestions';
import type { MarkedChar, SuggestionAttrs } from '@parley/shared/suggestions';
import type * as Y from 'yjs';
import type { RoomContext, WriteAttempt } from '../../rooms';
import { bodyShape, charsOf, clauseBodyOf } from './bodies';

function own(mark: SuggestionAttrs | null, memberId: string): boolean {
  return mark !== null && mark.memberId === memberId;
}

function sameSuggestion(a: SuggestionAttrs | null, b: SuggestionAttrs | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A character both sides have: only the writer's own marks may come, go or change. */
function keptCharOk(was: MarkedChar, is: MarkedChar, memberId: string): boolean {
  if (was.format !== is.format) return false;
  for (const kind of ['insertion', 'deletion'] as const) {
    const a = was[kind];
    const b = is[kind];
    if (sameSuggestion(a, b)) continue;
    if (kind === 'insertion') {
      // One's own insertion may be renamed by the editor, never dropped (that would accept it)
      // nor put on text that was there (that text would vanish on reject).
      if (own(a, memberId) && own(b, memberId)) continue;
      return false;
    }
    // Marking text as deleted, or taking one's own deletion back.
    if ((a === null || own(a, memberId)) && (b === null || own(b, memberId))) continue;
    return false;
  }
  return true;
}

function clauseSuggestsOnly(
  before: Y.Doc,
  after: Y.Doc,
  clauseId: string,
  memberId: string,
): boolean {
  const was = getClauseMap(before, clauseId);
  const is = getClauseMap(after, clauseId);
  if (was === undefined || is === undefined) return false;
  if (was.get('title') !== is.get('title')) return false;
  if (JSON.stringify(readParams(before, clauseId)) !== JSON.stringify(readParams(after, clauseId)))
    return false;
  const bodyBefore = clauseBodyOf(before, clauseId);
  const bodyAfter = clauseBodyOf(after, clauseId);
  if (bodyBefore === null || bodyAfter === null) return false;
  if (bodyShape(bodyBefore) !== bodyShape(bodyAfter)) return false;
  const charsBefore = charsOf(before, clauseId);
  const charsAfter = charsOf(after, clauseId);
  for (const [id, char] of charsBefore) {
    const now = charsAfter.get(id);
    if (now === undefined) {
      // Only one's own suggested insertion (or its anchor) may be taken out again.
      if (
        own(char.insertion, memberId) ||
        (char.char === SUGGESTION_ANCHOR && own(char.deletion, memberId))
      )
        continue;
      return false;
    }
    if (!keptCharOk(char, now, memberId)) return false;
  }
  for (const [id, char] of charsAfter) {
    if (charsBefore.has(id)) continue;
    if (own(char.insertion, memberId) && char.deletion === null) continue;
    // The editor anchors a deletion at a paragraph's edge with a zero-width space.
    if (char.char === SUGGESTION_ANCHOR && own(char.deletion, memberId) && char.insertion === null)
      continue;
    return false;
  }
  return true;
}

/** Whether the write changes nothing but its writer's suggestions in clause text. */
export function suggestsOnly(room: RoomContext, write: WriteAttempt): boolean {
  const { effect, after, member } = write;
  if (effect.meta.length > 0 || effect.assumptions || effect.clauseOrder) return false;
  if (effect.unknownRoots.length > 0 || effect.clauses.length === 0) return false;
  return effect.clauses.every((id) => clauseSuggestsOnly(room.doc, after, id, member.memberId));
}
