// The analyses on real engine threads: the same figures as the shared engine run inline, and a
// bound not marked shared is refused by the thread rather than searched.
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { monteCarlo, nashSettlement, sharedBound } from '@parley/shared/analysis';
import type { SharedPosition } from '@parley/shared/analysis';
import { createRoomDoc } from '@parley/shared/room';
import { templates } from '@parley/shared/templates';
import { silentLogger } from '../testing';
import { EnginePool } from './pool';

const sheet = templates.telematics;
const state = Y.encodeStateAsUpdate(createRoomDoc(sheet));
const pool = new EnginePool({ threads: 1, logger: silentLogger });

afterAll(async () => {
  await pool.close();
});

describe('analysis tasks on the engine threads', () => {
  it('runs Monte Carlo like the engine inline', async () => {
    const options = { paths: 50, seed: 3, scenarioId: 'base' };
    const result = await pool.run({ kind: 'risk', doc: state, options });
    expect(result).toEqual(monteCarlo(sheet, options));
    expect(result.result?.scenarios.map((s) => s.id)).toEqual(['base']);
  });

  it('searches the shared bounds like the engine inline', async () => {
    const bounds: SharedPosition[] = [
      {
        partyId: 'csp',
        clauseId: 'c-revenue',
        param: 'streams.0.unitPrice',
        bound: 'min',
        value: 1200,
        shared: true,
      },
    ];
    const options = { maxEvaluations: 200 };
    const result = await pool.run({ kind: 'settlement', doc: state, bounds, options });
    expect(result).toEqual(nashSettlement(sheet, bounds.map(sharedBound), options));
    expect(result.result?.parameters.map((p) => p.param)).toEqual(['streams.0.unitPrice']);
  });

  it('refuses a bound that is not marked shared', async () => {
    const unshared = {
      partyId: 'csp',
      clauseId: 'c-revenue',
      param: 'streams.0.unitPrice',
      bound: 'min',
      value: 1200,
      shared: false,
    } as unknown as SharedPosition;
    await expect(
      pool.run({ kind: 'settlement', doc: state, bounds: [unshared], options: {} }),
    ).rejects.toThrow(/only a position shared with the mediator/);
  });
});
