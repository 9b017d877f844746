// Two peers editing one room at once: edits to different parts of a clause all survive, a clause
// moved by both shows once, both inserts stay, and a removal wins over an edit of the body.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { TermSheet } from '../termsheet';
import { templates } from '../templates';
import {
  createRoomDoc,
  exportTermSheet,
  fragmentToMarkdown,
  getClauseBody,
  insertClause,
  moveClause,
  readClauseOrder,
  removeClause,
  setClauseTitle,
  setDriverField,
  setParam,
} from './index';

/** Two peers that start from the same room and only meet when `exchange` is called. */
function twoPeers(termsheet: TermSheet): { a: Y.Doc; b: Y.Doc; exchange: () => void } {
  const a = createRoomDoc(termsheet);
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  const exchange = (): void => {
    const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
    const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
    Y.applyUpdate(b, toB);
    Y.applyUpdate(a, toA);
  };
  return { a, b, exchange };
}

function appendToBody(doc: Y.Doc, clauseId: string, text: string): void {
  const body = getClauseBody(doc, clauseId) as Y.XmlFragment;
  const paragraph = body.get(0) as Y.XmlElement;
  const run = paragraph.get(0) as Y.XmlText;
  run.insert(run.length, text);
}

type Exported = TermSheet & { clauses: { id: string; text: string; params: never }[] };
const clause = (doc: Y.Doc, id: string) =>
  (exportTermSheet(doc) as Exported).clauses.find((c) => c.id === id) as Exported['clauses'][0];

const sheet = templates.mhealth;
const revenueId = sheet.clauses.find((c) => c.kind === 'revenue')?.id as string;

describe('concurrent edits of one clause', () => {
  it('keeps a param edit and a body edit made at the same time', () => {
    const { a, b, exchange } = twoPeers(sheet);
    setParam(a, revenueId, ['streams', 0, 'unitPrice'], 1234);
    appendToBody(b, revenueId, ' Amended.');
    exchange();
    for (const doc of [a, b]) {
      const c = clause(doc, revenueId) as {
        text: string;
        params: { streams: { unitPrice: number }[] };
      };
      expect(c.params.streams[0]?.unitPrice).toBe(1234);
      expect(c.text.split('\n\n')[0]).toMatch(/Amended\.$/);
    }
    expect(exportTermSheet(a)).toEqual(exportTermSheet(b));
  });

  it('keeps two different params of the same row edited at the same time', () => {
    const { a, b, exchange } = twoPeers(sheet);
    setParam(a, revenueId, ['streams', 0, 'unitPrice'], 1111);
    setParam(b, revenueId, ['streams', 0, 'name'], 'Renamed stream');
    exchange();
    for (const doc of [a, b]) {
      const c = clause(doc, revenueId) as {
        params: { streams: { unitPrice: number; name: string }[] };
      };
      expect(c.params.streams[0]?.unitPrice).toBe(1111);
      expect(c.params.streams[0]?.name).toBe('Renamed stream');
    }
  });

  it('keeps a title edit and a param edit, and two parts of one driver', () => {
    const { a, b, exchange } = twoPeers(sheet);
    const scenario = sheet.assumptions.scenarios[0]?.id as string;
    const driver = Object.entries(sheet.assumptions.scenarios[0]?.drivers ?? {}).find(
      ([, v]) => typeof v === 'object' && 'start' in v,
    )?.[0] as string;
    setClauseTitle(a, revenueId, 'Money in');
    setParam(b, revenueId, ['streams', 0, 'unitPrice'], 7);
    setDriverField(a, scenario, driver, ['start'], 42);
    setDriverField(b, scenario, driver, ['growthPct'], 3);
    exchange();
    const out = exportTermSheet(a) as TermSheet;
    expect(out.clauses.find((c) => c.id === revenueId)?.title).toBe('Money in');
    expect(out.assumptions.scenarios[0]?.drivers[driver]).toEqual({ start: 42, growthPct: 3 });
    expect(exportTermSheet(b)).toEqual(out);
  });

  it('keeps a body edit made while someone else moves the clause', () => {
    const { a, b, exchange } = twoPeers(sheet);
    moveClause(a, revenueId, 0);
    appendToBody(b, revenueId, ' Still here.');
    exchange();
    for (const doc of [a, b]) {
      expect(readClauseOrder(doc)[0]).toBe(revenueId);
      expect(clause(doc, revenueId).text.split('\n\n')[0]).toMatch(/Still here\.$/);
    }
  });

  it('shows a clause once when two people move it at the same time', () => {
    const { a, b, exchange } = twoPeers(sheet);
    moveClause(a, revenueId, 0);
    moveClause(b, revenueId, 5);
    exchange();
    expect(readClauseOrder(a)).toEqual(readClauseOrder(b));
    expect(readClauseOrder(a).filter((id) => id === revenueId)).toHaveLength(1);
    expect(readClauseOrder(a)).toHaveLength(sheet.clauses.length);
  });

  it('keeps both clauses when two people insert at the same time', () => {
    const { a, b, exchange } = twoPeers(sheet);
    const fromA = insertClause(a, { kind: 'custom', title: 'From A', index: 0 });
    const fromB = insertClause(b, { kind: 'custom', title: 'From B', index: 0 });
    exchange();
    expect(readClauseOrder(a)).toEqual(readClauseOrder(b));
    expect(readClauseOrder(a).slice(0, 2).sort()).toEqual([fromA, fromB].sort());
  });

  it('drops a clause removed while someone else edits its body', () => {
    const { a, b, exchange } = twoPeers(sheet);
    removeClause(a, revenueId);
    appendToBody(b, revenueId, ' Too late.');
    exchange();
    for (const doc of [a, b]) {
      expect(readClauseOrder(doc)).not.toContain(revenueId);
      expect(getClauseBody(doc, revenueId)).toBeUndefined();
    }
  });

  it('keeps two people typing in different paragraphs of one body', () => {
    const { a, b, exchange } = twoPeers(sheet);
    appendToBody(a, revenueId, ' First.');
    const body = getClauseBody(b, revenueId) as Y.XmlFragment;
    const last = body.get(body.length - 1) as Y.XmlElement;
    expect(last.nodeName).toBe('paragraph');
    (last.get(0) as Y.XmlText).insert(0, 'Last: ');
    exchange();
    const blocks = fragmentToMarkdown(getClauseBody(a, revenueId) as Y.XmlFragment).split('\n\n');
    expect(blocks[0]).toMatch(/First\.$/);
    expect(blocks[blocks.length - 1]).toMatch(/^Last: /);
  });
});
