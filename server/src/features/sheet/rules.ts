// The rules of the live sheet, checked on every member's write against the document as it would
// be after it: the layout of the document, the header only an organizer changes, and no write may
// leave the sheet with a broken structure or a dangling reference, whoever sends it.
import { getClauseMap, readParams } from '@parley/shared/room';
import type { ClauseExporter, JsonObject } from '@parley/shared/room';
import { MAX_CLAUSE_TEXT_LENGTH } from '@parley/shared/termsheet';
import * as Y from 'yjs';
import type { RoomContext, RoomHook, WriteAttempt, WriteRefusal } from '../../rooms';
import { roomSlot } from '../../rooms';
import { ASSUMPTION_KEYS, CLAUSE_KEYS, HEADER_KEYS, PARTY_KEYS, foreignKey } from './layout';
import { newProblems, structuralProblems } from './structure';
import { clauseTextLength } from './textLength';
import type { StructuralProblems } from './structure';

interface SheetSlot {
  /** The structural problems of the document as stored, when known. */
  known: StructuralProblems | null;
  /** Those of the write just accepted, until it is stored. */
  pending: StructuralProblems | null;
  /**
   * Each clause's JSON as the stored document exports it, kept so that a write is checked
   * without exporting the clauses it did not touch (on a large sheet most of the cost). A
   * clause leaves it as soon as a write touches it; any change not checked here empties it.
   */
  clauses: Map<string, JsonObject>;
}

const sheetSlot = roomSlot<SheetSlot>('sheet-rules', () => ({
  known: null,
  pending: null,
  clauses: new Map(),
}));

/** Clause JSON from the kept copies, except for `touched` clauses, which are exported afresh. */
function keptClauses(slot: SheetSlot, touched: ReadonlySet<string>): ClauseExporter {
  return (id, exportClause) => {
    if (touched.has(id)) return exportClause();
    let json = slot.clauses.get(id);
    if (json === undefined) {
      json = exportClause();
      slot.clauses.set(id, json);
    }
    return json;
  };
}

function outsideSchema(where: string): WriteRefusal {
  return {
    code: 'outside-schema',
    message: `${where} is not part of a term sheet; the change was not saved.`,
  };
}

/** A refusal for the layout of the parts the write touched, or null. */
function layoutRefusal(before: Y.Doc, write: WriteAttempt): WriteRefusal | null {
  const { effect, after } = write;
  if (effect.unknownRoots.length > 0) return outsideSchema(`"${effect.unknownRoots[0]}"`);
  for (const key of effect.meta) {
    if (!HEADER_KEYS.has(key)) return outsideSchema(`The header field "${key}"`);
  }
  if (effect.meta.includes('parties')) {
    const parties = after.getMap('meta').get('parties');
    if (parties instanceof Y.Array) {
      for (const party of parties.toArray()) {
        const key = foreignKey(party, PARTY_KEYS);
        if (key !== null) return outsideSchema(`The party field "${key}"`);
      }
    }
  }
  if (effect.assumptions) {
    const key = foreignKey(after.getMap('assumptions'), ASSUMPTION_KEYS);
    if (key !== null) return outsideSchema(`The assumption "${key}"`);
  }
  for (const id of effect.clauses) {
    const clause = getClauseMap(after, id);
    if (clause === undefined) continue;
    const key = foreignKey(clause, CLAUSE_KEYS);
    if (key !== null) return outsideSchema(`The clause field "${key}"`);
    const earlier = getClauseMap(before, id);
    if (earlier === undefined) continue;
    for (const field of ['id', 'kind'] as const) {
      if (clause.get(field) !== earlier.get(field)) {
        return {
          code: 'invalid-change',
          message: `A clause keeps its ${field === 'id' ? 'id' : 'kind'}: add a new clause instead; the change was not saved.`,
        };
      }
    }
  }
  return null;
}

/** A refusal when the write makes a clause's text longer than a clause may hold. */
function textTooLong(before: Y.Doc, write: WriteAttempt): WriteRefusal | null {
  for (const id of write.effect.clauses) {
    const length = clauseTextLength(write.after, id);
    if (length > MAX_CLAUSE_TEXT_LENGTH && length > clauseTextLength(before, id)) {
      return {
        code: 'sheet-too-large',
        message: `A clause's text holds at most ${MAX_CLAUSE_TEXT_LENGTH.toLocaleString('en-GB')} characters; this change would make it ${length.toLocaleString('en-GB')}. It was not saved.`,
      };
    }
  }
  return null;
}

/** Whether the write can change the sheet's structure: anything beyond clause titles and text. */
function reachesStructure(before: Y.Doc, write: WriteAttempt): boolean {
  const { effect, after } = write;
  if (effect.meta.length > 0 || effect.assumptions) return true;
  for (const id of effect.clauses) {
    const was = getClauseMap(before, id);
    const is = getClauseMap(after, id);
    if (was === undefined || is === undefined) return true;
    if (JSON.stringify(readParams(before, id)) !== JSON.stringify(readParams(after, id))) {
      return true;
    }
    const title = is.get('title');
    if (title !== undefined && typeof title !== 'string') return true;
    if (typeof title === 'string' && title.length > 300) return true;
  }
  return false;
}

function known(room: RoomContext): StructuralProblems {
  const slot = room.slot(sheetSlot);
  slot.known ??= structuralProblems(room.doc, keptClauses(slot, new Set()));
  return slot.known;
}

export function sheetRulesHook(): RoomHook {
  return {
    name: 'sheet-rules',
    beforeWrite(room, write) {
      const slot = room.slot(sheetSlot);
      slot.pending = null;
      if (write.effect.unknownRoots.length === 0 && write.effect.meta.length > 0) {
        if (write.member.role !== 'organizer') {
          return {
            code: 'header-organizer-only',
            message:
              "Only an organizer changes the sheet's header (title, currency, ecosystem, parties, lead); your change was not saved.",
          };
        }
      }
      const layout = layoutRefusal(room.doc, write);
      if (layout !== null) return layout;
      const long = textTooLong(room.doc, write);
      if (long !== null) return long;
      if (!reachesStructure(room.doc, write)) return null;
      // Untouched clauses read the same in the document after the write as in the stored one.
      const touched = new Set(write.effect.clauses);
      for (const id of touched) slot.clauses.delete(id);
      const after = structuralProblems(write.after, keptClauses(slot, touched));
      const fresh = newProblems(known(room), after);
      const large = fresh.find((issue) => issue.code === 'sheet-too-large');
      if (large !== undefined) {
        return { code: 'sheet-too-large', message: `${large.message}. The change was not saved.` };
      }
      if (fresh.length > 0) {
        return {
          code: 'invalid-change',
          message: `This change would break the term sheet: ${fresh[0]!.message}. It was not saved.`,
        };
      }
      slot.pending = after;
      return null;
    },
    afterStore(room, change) {
      const slot = room.slot(sheetSlot);
      // A member's write that reached the structure left what the check saw; one that did not
      // (text, titles) left it as it was; the server's own edits are read again when needed.
      if (change.origin !== 'client') {
        slot.known = null;
        slot.clauses.clear();
      } else if (slot.pending !== null) slot.known = slot.pending;
      slot.pending = null;
    },
    onStoredElsewhere(room) {
      // Another instance's write, checked there: nothing kept here describes the document now.
      const slot = room.slot(sheetSlot);
      slot.known = null;
      slot.pending = null;
      slot.clauses.clear();
    },
  };
}
