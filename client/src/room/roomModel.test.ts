// The live model on real Yjs documents: what the calculator reads recomputes at once and reaches
// the store's readers; typing in clause text waits for a pause.
import { createRoomDoc, getClauseMap } from '@parley/shared/room';
import { templates } from '@parley/shared/templates';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { setAt } from './docWrites';
import { RoomModel, touchesOnlyClauseText } from './roomModel';

function revenueTotal(model: RoomModel): number {
  const base = (
    model.state.getState().value as {
      scenarios: { id: string; totals: Record<string, { allocation: number }> }[];
    }
  ).scenarios.find((s) => s.id === 'base');
  return Object.values(base?.totals ?? {}).reduce((sum, t) => sum + t.allocation, 0);
}

describe('live value of a room', () => {
  it('recomputes the value as soon as a parameter changes', async () => {
    const doc = createRoomDoc(templates.mhealth);
    const model = new RoomModel(doc);
    const before = revenueTotal(model);
    const params = getClauseMap(doc, 'c-revenue')?.get('params') as Y.Map<unknown>;
    setAt(params, ['streams', 0, 'unitPrice'], 1800);
    await Promise.resolve();
    expect(revenueTotal(model)).toBeGreaterThan(before);
    model.destroy();
  });

  it('tells typing in clause text from edits the calculator reads', () => {
    const doc = createRoomDoc(templates.mhealth);
    const seen: boolean[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => seen.push(touchesOnlyClauseText(tr)));
    const body = getClauseMap(doc, 'c-term')?.get('body') as Y.XmlFragment;
    const paragraph = body.get(0) as Y.XmlElement;
    (paragraph.get(0) as Y.XmlText).insert(0, 'Hello ');
    const params = getClauseMap(doc, 'c-revenue')?.get('params') as Y.Map<unknown>;
    setAt(params, ['streams', 0, 'unitPrice'], 1000);
    expect(seen).toEqual([true, false]);
  });
});
