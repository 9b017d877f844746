// Which clauses an edit touches: params, titles, bodies, inserts and removals but not moves, and
// the same answer for a remote update before it is applied, leaving the document as it was.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { templates } from '../templates';
import {
  clauseOrderTouchedBy,
  clausesTouchedBy,
  clausesTouchedByUpdate,
  createRoomDoc,
  exportTermSheet,
  getClauseBody,
  insertClause,
  moveClause,
  removeClause,
  setClauseText,
  setClauseTitle,
  setDriver,
  setParam,
} from './index';

const sheet = templates.telematics;
const [first, second] = sheet.clauses.map((c) => c.id) as [string, string];
const revenueId = sheet.clauses.find((c) => c.kind === 'revenue')?.id as string;

/** The clauses each transaction of `edit` touched, and whether the order changed. */
function touches(doc: Y.Doc, edit: () => void): { clauses: string[]; order: boolean } {
  const clauses = new Set<string>();
  let order = false;
  const listener = (tr: Y.Transaction): void => {
    clausesTouchedBy(tr).forEach((id) => clauses.add(id));
    order ||= clauseOrderTouchedBy(tr);
  };
  doc.on('afterTransaction', listener);
  edit();
  doc.off('afterTransaction', listener);
  return { clauses: [...clauses].sort(), order };
}

describe('clausesTouchedBy', () => {
  it('names the clause whose param, title or body changed', () => {
    const doc = createRoomDoc(sheet);
    expect(touches(doc, () => setParam(doc, revenueId, ['streams', 1, 'unitPrice'], 5))).toEqual({
      clauses: [revenueId],
      order: false,
    });
    expect(touches(doc, () => setClauseTitle(doc, first, 'New title')).clauses).toEqual([first]);
    const body = getClauseBody(doc, second) as Y.XmlFragment;
    const text = (body.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    expect(touches(doc, () => text.insert(0, 'Hello ')).clauses).toEqual([second]);
    expect(touches(doc, () => text.format(0, 5, { bold: {} })).clauses).toEqual([second]);
    expect(touches(doc, () => text.delete(0, 6)).clauses).toEqual([second]);
    expect(touches(doc, () => setClauseText(doc, second, '# Replaced')).clauses).toEqual([second]);
  });

  it('names inserted and removed clauses, and not moved ones', () => {
    const doc = createRoomDoc(sheet);
    let id = '';
    const inserted = touches(doc, () => {
      id = insertClause(doc, { kind: 'custom' });
    });
    expect(inserted).toEqual({ clauses: [id], order: true });
    expect(touches(doc, () => moveClause(doc, first, 3))).toEqual({ clauses: [], order: true });
    expect(touches(doc, () => removeClause(doc, id))).toEqual({ clauses: [id], order: true });
  });

  it('names no clause for edits outside clauses', () => {
    const doc = createRoomDoc(sheet);
    const scenario = sheet.assumptions.scenarios[0]?.id as string;
    expect(touches(doc, () => setDriver(doc, scenario, 'extra', 3)).clauses).toEqual([]);
    expect(touches(doc, () => doc.getMap('meta').set('title', 'x')).clauses).toEqual([]);
  });

  it('names the clauses a remote update touched when it is applied', () => {
    const doc = createRoomDoc(sheet);
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    const before = Y.encodeStateVector(remote);
    setParam(remote, revenueId, ['streams', 0, 'unitPrice'], 1);
    setClauseTitle(remote, first, 'Remote title');
    const update = Y.encodeStateAsUpdate(remote, before);
    expect(touches(doc, () => Y.applyUpdate(doc, update)).clauses).toEqual(
      [first, revenueId].sort(),
    );
  });
});

describe('clausesTouchedByUpdate', () => {
  it('reports what an update would touch without changing the document', () => {
    const doc = createRoomDoc(sheet);
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    const before = Y.encodeStateVector(remote);
    const body = getClauseBody(remote, second) as Y.XmlFragment;
    ((body.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Remote ');
    moveClause(remote, first, 4);
    const update = Y.encodeStateAsUpdate(remote, before);

    const exported = JSON.stringify(exportTermSheet(doc));
    const vector = Y.encodeStateVector(doc);
    expect(clausesTouchedByUpdate(doc, update)).toEqual({ clauses: [second], clauseOrder: true });
    expect(JSON.stringify(exportTermSheet(doc))).toBe(exported);
    expect(Y.encodeStateVector(doc)).toEqual(vector);

    Y.applyUpdate(doc, update);
    expect(exportTermSheet(doc)).toEqual(exportTermSheet(remote));
  });

  it('reports nothing for an update the document already holds', () => {
    const doc = createRoomDoc(sheet);
    expect(clausesTouchedByUpdate(doc, Y.encodeStateAsUpdate(doc))).toEqual({
      clauses: [],
      clauseOrder: false,
    });
  });

  it('counts updates waiting for the one under test', () => {
    const doc = createRoomDoc(sheet);
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    const start = Y.encodeStateVector(remote);
    setClauseTitle(remote, first, 'First edit');
    const middle = Y.encodeStateVector(remote);
    setParam(remote, revenueId, ['streams', 0, 'unitPrice'], 2);
    const firstUpdate = Y.encodeStateAsUpdate(remote, start);
    const laterUpdate = Y.encodeStateAsUpdate(remote, middle);
    Y.applyUpdate(doc, laterUpdate); // arrives early: waits for firstUpdate
    expect(clausesTouchedByUpdate(doc, firstUpdate).clauses).toEqual([first, revenueId].sort());
    expect(touches(doc, () => Y.applyUpdate(doc, firstUpdate)).clauses).toEqual(
      [first, revenueId].sort(),
    );
  });

  it('reports a clause removal', () => {
    const doc = createRoomDoc(sheet);
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    const before = Y.encodeStateVector(remote);
    removeClause(remote, revenueId);
    const update = Y.encodeStateAsUpdate(remote, before);
    expect(clausesTouchedByUpdate(doc, update)).toEqual({
      clauses: [revenueId],
      clauseOrder: true,
    });
  });
});
