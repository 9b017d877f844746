// The live model on real Yjs documents: what the calculator reads recomputes at once and reaches
// the store's readers; typing in clause text waits for a pause.
import { createRoomDoc, getClauseMap, setClauseText } from '@parley/shared/room';
import { templates } from '@parley/shared/templates';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as Y from 'yjs';
import { setAt } from './docWrites';
import { RoomModel, touchesOnlyClauseText } from './roomModel';
import type { RoomSnapshot } from './roomModel';

/** Everything the parties are allocated in the base scenario. */
function revenueTotal(snapshot: RoomSnapshot): number {
  const base = (
    snapshot.value as {
      scenarios: { id: string; totals: Record<string, { allocation: number }> }[];
    }
  ).scenarios.find((s) => s.id === 'base');
  return Object.values(base?.totals ?? {}).reduce((sum, t) => sum + t.allocation, 0);
}

function revenueParams(doc: Y.Doc): Y.Map<unknown> {
  return getClauseMap(doc, 'c-revenue')?.get('params') as Y.Map<unknown>;
}

/** The warnings about `{{param:…}}` references in clause text that the engine gave last. */
function unknownRefs(model: RoomModel): string[] {
  return model.state
    .getState()
    .issues.filter((i) => i.code === 'unknown-param-ref')
    .map((i) => `${i.clauseId}:${i.param}`);
}

const settle = () => Promise.resolve();

afterEach(() => {
  vi.useRealTimers();
});

describe('live value of a room', () => {
  it('recomputes the value as soon as a parameter changes', async () => {
    const doc = createRoomDoc(templates.mhealth);
    const model = new RoomModel(doc);
    const before = revenueTotal(model.state.getState());
    setAt(revenueParams(doc), ['streams', 0, 'unitPrice'], 1800);
    await settle();
    expect(revenueTotal(model.state.getState())).toBeGreaterThan(before);
    model.destroy();
  });

  it('tells typing in clause text from edits the calculator reads', () => {
    const doc = createRoomDoc(templates.mhealth);
    const seen: boolean[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => seen.push(touchesOnlyClauseText(tr)));
    const body = getClauseMap(doc, 'c-term')?.get('body') as Y.XmlFragment;
    const paragraph = body.get(0) as Y.XmlElement;
    (paragraph.get(0) as Y.XmlText).insert(0, 'Hello ');
    setAt(revenueParams(doc), ['streams', 0, 'unitPrice'], 1000);
    expect(seen).toEqual([true, false]);
  });

  it('tells the store readers once for edits made together, with the new figures', async () => {
    const doc = createRoomDoc(templates.mhealth);
    const model = new RoomModel(doc);
    const totals: number[] = [];
    model.state.subscribe((snapshot) => totals.push(revenueTotal(snapshot)));
    const before = model.state.getState();
    setAt(revenueParams(doc), ['streams', 0, 'unitPrice'], 1800);
    setAt(revenueParams(doc), ['streams', 0, 'unitPrice'], 2400);
    await settle();
    expect(totals).toHaveLength(1);
    expect(model.state.getState().revision).toBe(before.revision + 1);
    expect(totals[0]).toBeGreaterThan(revenueTotal(before));
    model.destroy();
  });

  it('warns about a reference typed into clause text once the typing pauses', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const doc = createRoomDoc(templates.mhealth);
    const model = new RoomModel(doc);
    expect(unknownRefs(model)).toEqual([]);
    setClauseText(doc, 'c-term', 'The term is {{param:nosuchThing}} months.');
    await settle();
    expect(unknownRefs(model)).toEqual([]);
    vi.runAllTimers();
    expect(unknownRefs(model)).toEqual(['c-term:nosuchThing']);
    model.destroy();
  });

  it('brings the text warnings at once when an edit the calculator reads follows the typing', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const doc = createRoomDoc(templates.mhealth);
    const model = new RoomModel(doc);
    setClauseText(doc, 'c-term', 'The term is {{param:nosuchThing}} months.');
    setAt(revenueParams(doc), ['streams', 0, 'unitPrice'], 1800);
    await settle();
    expect(unknownRefs(model)).toEqual(['c-term:nosuchThing']);
    const revision = model.state.getState().revision;
    // The pending pause-timer was dropped: nothing recomputes a second time.
    vi.runAllTimers();
    expect(model.state.getState().revision).toBe(revision);
    model.destroy();
  });

  it('wakes nobody once destroyed, even for an edit made just before', async () => {
    const doc = createRoomDoc(templates.mhealth);
    const model = new RoomModel(doc);
    let calls = 0;
    model.state.subscribe(() => calls++);
    const before = model.state.getState();
    setAt(revenueParams(doc), ['streams', 0, 'unitPrice'], 1800);
    model.destroy();
    await settle();
    setAt(revenueParams(doc), ['streams', 0, 'unitPrice'], 2400);
    await settle();
    expect(calls).toBe(0);
    expect(model.state.getState()).toBe(before);
  });
});
