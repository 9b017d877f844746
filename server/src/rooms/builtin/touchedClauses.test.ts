// The attribution hook in isolation: which clauses a change touched, on a real template document.
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { createRoomDoc, setClauseTitle, setDriver, setParam } from '@parley/shared/room';
import { templates } from '@parley/shared/templates';
import { SlotValues } from '../slots';
import type { AppliedChange, RoomContext } from '../hooks';
import { touchedClausesHook } from './touchedClauses';

function attributions(doc: Y.Doc, edit: () => void): string[][] {
  const hook = touchedClausesHook();
  const slots = new SlotValues('r');
  const room: RoomContext = { id: 'r', seq: 1, doc, slot: (s) => slots.get(s) };
  const seen: string[][] = [];
  const listener = (transaction: Y.Transaction) => {
    const change: AppliedChange = { transaction, memberId: 'm-1', clauseIds: [] };
    hook.onChange?.(room, change);
    seen.push(change.clauseIds);
  };
  doc.on('afterTransaction', listener);
  edit();
  doc.off('afterTransaction', listener);
  return seen;
}

describe('touched-clauses hook', () => {
  const sheet = templates.telematics;

  it('attributes a parameter change to its clause', () => {
    const doc = createRoomDoc(sheet);
    const seen = attributions(doc, () =>
      setParam(doc, 'c-revenue', ['streams', 0, 'unitPrice'], 1600),
    );
    expect(seen).toEqual([['c-revenue']]);
  });

  it('attributes a title change to its clause', () => {
    const doc = createRoomDoc(sheet);
    expect(attributions(doc, () => setClauseTitle(doc, 'c-exit', 'Leaving'))).toEqual([['c-exit']]);
  });

  it('attributes a change to the assumptions to no clause', () => {
    const doc = createRoomDoc(sheet);
    expect(attributions(doc, () => setDriver(doc, 'base', 'connectedCars', 5))).toEqual([[]]);
  });
});
