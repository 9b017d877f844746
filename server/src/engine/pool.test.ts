// The engine pool on real threads: the same answers as the engine run inline, and a thread that
// dies fails only its own task while the next one succeeds.
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createRoomDoc } from '@parley/shared/room';
import { templates } from '@parley/shared/templates';
import { silentLogger } from '../testing';
import { EngineCrashedError, EnginePool } from './pool';
import { checkProposals, summarize } from './tasks';

const state = Y.encodeStateAsUpdate(createRoomDoc(templates.telematics));
let pool: EnginePool;

afterEach(async () => {
  await pool.close();
});

describe('engine pool', () => {
  it('answers like the engine inline', async () => {
    pool = new EnginePool({ threads: 2, logger: silentLogger });
    const proposals = [
      {
        id: 'p-1',
        clauseId: 'c-revenue',
        params: [{ path: 'streams.0.unitPrice', value: 1600 }],
        text: null,
      },
    ];
    const [summary, checked] = await Promise.all([
      pool.run({ kind: 'summary', doc: state }),
      pool.run({ kind: 'proposals', doc: state, proposals }),
    ]);
    expect(summary).toEqual(summarize(state));
    expect(checked).toEqual(checkProposals(state, proposals));
    expect(checked.checks[0]?.impact.ok).toBe(true);
  });

  it('survives a thread that dies: its task fails, the next one succeeds', async () => {
    pool = new EnginePool({ threads: 1, logger: silentLogger });
    const running = pool.run({ kind: 'summary', doc: state });
    await pool.terminateThreads();
    await expect(running).rejects.toBeInstanceOf(EngineCrashedError);
    expect((await pool.run({ kind: 'summary', doc: state })).partyIds).toEqual([
      'carmaker',
      'csp',
      'insurer',
      'app',
    ]);
  });
});
