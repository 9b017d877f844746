// The jobs the analysis worker runs: each answers like the shared analysis it wraps, and the
// weighted figures exist only when every scenario carries a probability.
import { describe, expect, it } from 'vitest';
import { breakEven, separation } from '@parley/shared/analysis';
import { templates } from '@parley/shared/templates';
import { runJob } from './jobs';

const sheet = templates['smart-city'];

describe('analysis jobs', () => {
  it('answers break-even and separation like the shared analyses', () => {
    expect(runJob(sheet, { kind: 'break-even', scenarioId: 'base' })).toEqual(
      breakEven(sheet, { scenarioId: 'base' }),
    );
    const job = { kind: 'separation', partyId: 'csp', period: 3, scenarioId: 'base' } as const;
    expect(runJob(sheet, job)).toEqual(
      separation(sheet, { partyId: 'csp', period: 3, scenarioId: 'base' }),
    );
  });

  it('weights by probability only when every scenario has one', () => {
    expect(runJob(sheet, { kind: 'weighted' })).toBeNull();
    const weighted = structuredClone(sheet) as unknown as {
      assumptions: { scenarios: { probabilityPct?: number }[] };
    };
    weighted.assumptions.scenarios.forEach((s, i) => (s.probabilityPct = [20, 50, 30][i]));
    const figures = runJob(weighted, { kind: 'weighted' });
    expect(figures?.probabilities.map((p) => p.probabilityPct)).toEqual([20, 50, 30]);
    expect(Object.keys(figures?.parties ?? {})).toEqual(sheet.parties.map((p) => p.id));
  });

  it('comes back with issues, not an exception, for a sheet that is not one', () => {
    const answer = runJob({ nonsense: true }, { kind: 'break-even', scenarioId: 'base' });
    expect(answer.result).toBeNull();
    expect(answer.issues.length).toBeGreaterThan(0);
    expect(runJob({ nonsense: true }, { kind: 'weighted' })).toBeNull();
  });
});
