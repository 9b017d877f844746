// Adding, moving, renaming and removing clauses of a room document; a move changes only the order,
// so edits made to the clause at the same time survive it.
import * as Y from 'yjs';
import type { ClauseKind, Party } from '../termsheet';
import { clauseKindIds, clauseKinds, isCalculatorKind } from '../termsheet';
import { addPreparedClause, prepareClause } from './document';
import { yToJson } from './json-y';
import {
  CLAUSE_BODY,
  CLAUSE_KIND,
  CLAUSE_TITLE,
  clauseBody,
  clauseOrderArray,
  clausesMap,
  getClauseMap,
  metaMap,
  readClauseOrder,
  requireClauseMap,
} from './layout';
import { markdownToFragment } from './markdown';

export type InsertClauseOptions = {
  kind: ClauseKind;
  /** Defaults to the kind's label. */
  title?: string;
  /** Position in the displayed clause order; defaults to the end. */
  index?: number;
  /** Parties the kind's default params are built for; defaults to the room's parties. */
  parties?: readonly Party[];
  /** A chosen id; by default a fresh random one. */
  id?: string;
  /** Markdown body; defaults to the kind's default text. */
  text?: string;
  /** Defaults to the kind's default params. */
  params?: unknown;
  /** Source of randomness for the id, Math.random by default. */
  random?: () => number;
};

const ID_CHARS = '0123456789abcdefghijklmnopqrstuvwxyz';

/** `c-` and 8 base-36 characters, not yet used by a clause of the document. */
export function newClauseId(doc: Y.Doc, random: () => number = Math.random): string {
  const clauses = clausesMap(doc);
  for (;;) {
    let id = 'c-';
    for (let i = 0; i < 8; i++) id += ID_CHARS[Math.floor(random() * 36) % 36];
    if (!clauses.has(id)) return id;
  }
}

function roomParties(doc: Y.Doc): Party[] {
  const parties = metaMap(doc).get('parties');
  const json = parties === undefined ? [] : yToJson(parties);
  return Array.isArray(json) ? (json as unknown as Party[]) : [];
}

/** The raw clauseOrder position before which an item shown at `index` goes (end if none). */
function rawInsertPosition(doc: Y.Doc, visible: string[], index: number): number {
  const order = clauseOrderArray(doc);
  const anchor = visible[index];
  if (anchor === undefined) return order.length;
  const raw = order.toArray().indexOf(anchor);
  return raw === -1 ? order.length : raw;
}

function clampIndex(index: number | undefined, length: number, what: string): number {
  if (index === undefined) return length;
  if (!Number.isInteger(index)) throw new RangeError(`${what} must be a whole number`);
  return Math.max(0, Math.min(index, length));
}

/**
 * Adds a clause of `kind` with the kind's default params and text (unless given) and returns its
 * id. A second clause of a calculator kind is refused.
 */
export function insertClause(doc: Y.Doc, options: InsertClauseOptions): string {
  const { kind } = options;
  if (!(clauseKindIds as readonly string[]).includes(kind)) {
    throw new RangeError(`unknown clause kind "${String(kind)}"`);
  }
  const def = clauseKinds[kind];
  const clauses = clausesMap(doc);
  if (isCalculatorKind(kind)) {
    for (const id of readClauseOrder(doc)) {
      if (getClauseMap(doc, id)?.get(CLAUSE_KIND) === kind) {
        throw new RangeError(
          `the room already has a "${kind}" clause (${id}); only one is allowed`,
        );
      }
    }
  }
  if (options.id !== undefined && clauses.has(options.id)) {
    throw new RangeError(`the room already has a clause "${options.id}"`);
  }
  const id = options.id ?? newClauseId(doc, options.random);
  const prepared = prepareClause(
    {
      id,
      kind,
      title: options.title ?? def.label,
      text: options.text ?? def.defaultText,
      params: options.params ?? def.defaultParams(options.parties ?? roomParties(doc)),
    },
    'new clause',
  );
  doc.transact(() => {
    const visible = readClauseOrder(doc);
    const at = clampIndex(options.index, visible.length, 'index');
    const raw = rawInsertPosition(doc, visible, at);
    addPreparedClause(doc, prepared);
    clauseOrderArray(doc).insert(raw, [id]);
  });
  return id;
}

/**
 * Moves a clause to `toIndex` of the displayed order. Only its id moves in clauseOrder; the
 * clause map itself is untouched, so edits made to it at the same time survive the move.
 */
export function moveClause(doc: Y.Doc, id: string, toIndex: number): void {
  requireClauseMap(doc, id);
  doc.transact(() => {
    const order = clauseOrderArray(doc);
    const raw = order.toArray();
    for (let i = raw.length - 1; i >= 0; i--) if (raw[i] === id) order.delete(i, 1);
    const visible = readClauseOrder(doc).filter((other) => other !== id);
    // readClauseOrder lists the clause again as an orphan; it is being placed now.
    const at = clampIndex(toIndex, visible.length, 'toIndex');
    order.insert(rawInsertPosition(doc, visible, at), [id]);
  });
}

/** Removes a clause and every mention of it in clauseOrder. */
export function removeClause(doc: Y.Doc, id: string): void {
  requireClauseMap(doc, id);
  doc.transact(() => {
    const order = clauseOrderArray(doc);
    const raw = order.toArray();
    for (let i = raw.length - 1; i >= 0; i--) if (raw[i] === id) order.delete(i, 1);
    clausesMap(doc).delete(id);
  });
}

export function setClauseTitle(doc: Y.Doc, id: string, title: string): void {
  if (typeof title !== 'string') throw new TypeError('a clause title must be a string');
  requireClauseMap(doc, id).set(CLAUSE_TITLE, title);
}

/** Replaces the clause body with Markdown (for imports and tools; editors edit the fragment). */
export function setClauseText(doc: Y.Doc, id: string, markdown: string): void {
  if (typeof markdown !== 'string') throw new TypeError('clause text must be a string');
  const clause = requireClauseMap(doc, id);
  doc.transact(() => markdownToFragment(markdown, clauseBody(clause)));
}

/** The clause body fragment an editor binds to, or undefined when there is no such clause. */
export function getClauseBody(doc: Y.Doc, id: string): Y.XmlFragment | undefined {
  const body = getClauseMap(doc, id)?.get(CLAUSE_BODY);
  return body instanceof Y.XmlFragment ? body : undefined;
}
