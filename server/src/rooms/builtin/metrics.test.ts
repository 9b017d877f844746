// The metrics hook in isolation: each stored update is counted and its append time observed.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { collabMetrics } from '../../metrics';
import { SlotValues } from '../slots';
import { metricsHook } from './metrics';

async function counted(): Promise<{ stored: number; observed: number }> {
  const stored = (await collabMetrics.updatesStored.get()).values[0]?.value ?? 0;
  const histogram = await collabMetrics.appendSeconds.get();
  const observed =
    histogram.values.find((v) => v.metricName === 'parley_collab_store_append_seconds_count')
      ?.value ?? 0;
  return { stored, observed };
}

describe('metrics hook', () => {
  it('counts every stored update and observes how long its append took', async () => {
    const hook = metricsHook();
    const slots = new SlotValues('r');
    const room = { id: 'r', seq: 1, doc: new Y.Doc(), slot: slots.get.bind(slots) };
    const before = await counted();
    for (let seq = 1; seq <= 3; seq++) {
      hook.afterStore?.(room, {
        seq,
        update: new Uint8Array([0, 0]),
        memberId: 'm-1',
        clauseIds: [],
        origin: 'client',
        appendMs: 2,
      });
    }
    expect(await counted()).toEqual({ stored: before.stored + 3, observed: before.observed + 3 });
  });
});
