import { describe, expect, it } from 'vitest';
import { computeValue } from '../engine/compute-value';
import { clause, fixedSplit, revenue, sheet } from '../engine/testing/sheets';
import { validateTermSheet } from '../termsheet/validate';
import { templates } from '../templates';
import { monteCarlo } from './monte-carlo';
import { monteCarloAnalysisSchema } from './monte-carlo-result';
import { probabilityWeighted } from './probability';

type Doc = {
  assumptions: {
    scenarios: { probabilityPct?: number; drivers: Record<string, unknown> }[];
  };
};

/** A template with every growing or series driver made volatile, and optional probabilities. */
function volatile(volatilityPct: number, probabilities?: number[]): unknown {
  const doc = structuredClone(templates.mhealth) as unknown as Doc;
  doc.assumptions.scenarios.forEach((s, i) => {
    if (probabilities) s.probabilityPct = probabilities[i];
    for (const d of Object.values(s.drivers)) {
      if (typeof d === 'object' && d !== null)
        (d as { volatilityPct?: number }).volatilityPct = volatilityPct;
    }
  });
  return doc;
}

// Four periods; csp takes 40 % of 100 members × 100 cents and pays 3,500 a period.
const small = (volatilityPct: number) =>
  sheet({
    periods: 4,
    scenarios: [
      {
        id: 'base',
        name: 'Base',
        probabilityPct: 60,
        drivers: { members: { start: 100, growthPct: 0, volatilityPct } },
      },
      { id: 'low', name: 'Low', probabilityPct: 40, drivers: { members: 80 } },
    ],
    clauses: [
      revenue(),
      clause('costs', { costs: [{ party: 'csp', name: 'Ops', fixedPerPeriod: 3500 }] }),
      fixedSplit({ csp: 40, insurer: 40, device: 20 }),
      clause('exit', {
        noticePeriods: 1,
        triggers: [{ party: 'csp', netBelow: 0, forPeriods: 2 }],
      }),
    ],
  });

describe('Monte Carlo', () => {
  it('gives the same figures for the same seed, and others for another seed', () => {
    const doc = volatile(8);
    const a = monteCarlo(doc, { paths: 200, seed: 7 });
    expect(a.issues).toEqual([]);
    expect(monteCarloAnalysisSchema.safeParse(a).success).toBe(true);
    expect(monteCarlo(doc, { paths: 200, seed: 7 })).toEqual(a);
    expect(monteCarlo(doc, { paths: 200, seed: 8 }).result?.scenarios).not.toEqual(
      a.result?.scenarios,
    );
  });

  it('gives a scenario the same figures whether it runs alone or with the others', () => {
    const doc = volatile(8);
    const all = monteCarlo(doc, { paths: 100, seed: 3 }).result?.scenarios[1];
    const alone = monteCarlo(doc, { paths: 100, seed: 3, scenarioId: 'base' }).result?.scenarios;
    expect(alone).toEqual([all]);
  });

  it('at zero volatility every path is the scenario, and P50 tends to it as volatility falls', () => {
    const exact = monteCarlo(volatile(0), { paths: 50 }).result?.scenarios[1];
    const det = computeValue(templates.mhealth).scenarios[1]?.totals;
    expect(exact?.volatileDrivers).toEqual([]);
    for (const [id, party] of Object.entries(exact?.parties ?? {})) {
      expect(party.net.p5).toBe(det?.[id]?.net);
      expect(party.net.p50).toBe(det?.[id]?.net);
      expect(party.net.p95).toBe(det?.[id]?.net);
      expect(party.deterministicNet).toBe(det?.[id]?.net);
      expect(party.netBelowZeroPct).toBe((det?.[id]?.net ?? 0) < 0 ? 100 : 0);
    }
    const gap = (v: number) => {
      const parties = monteCarlo(volatile(v), { paths: 201 }).result?.scenarios[1]?.parties ?? {};
      return Math.max(
        ...Object.values(parties).map((p) => Math.abs(p.net.p50 - p.deterministicNet)),
      );
    };
    const gaps = [10, 1, 0.1, 0.0001].map(gap);
    expect(gaps[1]).toBeLessThan(gaps[0] ?? 0);
    expect(gaps[2]).toBeLessThan(gaps[1] ?? 0);
    expect(gaps[3]).toBeLessThan(gaps[2] ?? 0);
    // At the smallest volatility the format allows, within 10^-5 of nets of about 10^8 cents.
    const largest = Math.max(...Object.values(det ?? {}).map((t) => Math.abs(t.net)));
    expect(gaps[3]).toBeLessThanOrEqual(largest * 1e-5);
  });

  it('reports losses, percentiles and exit periods that match the paths', () => {
    const { result } = monteCarlo(small(25), { paths: 400, seed: 11 });
    const base = result?.scenarios[0];
    const csp = base?.parties.csp;
    expect(base?.volatileDrivers).toEqual([{ driver: 'members', volatilityPct: 25 }]);
    // Deterministically csp nets 4 × (4,000 − 3,500) = 2,000; with 25 % volatility it often loses.
    expect(csp?.deterministicNet).toBe(2000);
    expect(csp?.netBelowZeroPct).toBeGreaterThan(10);
    expect(csp?.netBelowZeroPct).toBeLessThan(60);
    const n = csp?.net;
    expect([n?.min, n?.p5, n?.p25, n?.p50, n?.p75, n?.p95, n?.max]).toEqual(
      [n?.min, n?.p5, n?.p25, n?.p50, n?.p75, n?.p95, n?.max].sort((a, b) => (a ?? 0) - (b ?? 0)),
    );
    expect(csp?.histogram.pct.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 2);
    // Triggers fire from period 2 at the earliest, most often first.
    const periods = csp?.exit.periods ?? [];
    expect(periods.length).toBeGreaterThan(0);
    expect(Math.min(...periods.map((p) => p.period))).toBeGreaterThanOrEqual(2);
    expect(periods.map((p) => p.pct)).toEqual([...periods.map((p) => p.pct)].sort((a, b) => b - a));
    expect(periods.reduce((a, p) => a + p.pct, 0)).toBeCloseTo(csp?.exit.firedPct ?? 0, 3);
  });

  it('pools the scenarios by probability, next to the probability-weighted scenarios', () => {
    const { result } = monteCarlo(small(25), { paths: 400, seed: 11 });
    const base = result?.scenarios[0]?.parties.csp;
    const low = result?.scenarios[1]?.parties.csp;
    // low has no volatility: csp nets 4 × (3,200 − 3,500) = −1,200 on every path.
    expect(low?.net.p50).toBe(-1200);
    expect(low?.netBelowZeroPct).toBe(100);
    expect(result?.combined?.parties.csp?.netBelowZeroPct).toBeCloseTo(
      0.6 * (base?.netBelowZeroPct ?? 0) + 40,
      3,
    );
    // 0.6 × 2,000 + 0.4 × (−1,200) = 720.
    expect(result?.probabilityWeighted?.parties.csp?.net).toBe(720);
    expect(monteCarlo(small(25), { paths: 10, scenarioId: 'base' }).result?.combined).toBeNull();
  });

  it('refuses bad options and volatility that leaves the supported range', () => {
    expect(monteCarlo(small(5), { paths: 0 }).issues.map((i) => i.code)).toEqual([
      'invalid-option',
    ]);
    expect(monteCarlo(small(5), { seed: -1 }).issues.map((i) => i.code)).toEqual([
      'invalid-option',
    ]);
    expect(monteCarlo(small(5), { scenarioId: 'x' }).issues.map((i) => i.code)).toEqual([
      'unknown-scenario',
    ]);
    const wild = sheet({
      periods: 600,
      periodUnit: 'month',
      drivers: { members: { start: 1e9, growthPct: 0, volatilityPct: 100 } },
      clauses: [revenue(1000), fixedSplit({ csp: 50, insurer: 50 })],
    });
    const out = monteCarlo(wild, { paths: 20 });
    expect(out.result).toBeNull();
    expect(out.issues.map((i) => i.code)).toEqual(['volatility-out-of-range']);
  });
});

describe('probability-weighted figures', () => {
  it('average each party exactly by the probabilities, and are null without them', () => {
    const doc = small(0);
    const ts = validateTermSheet(doc).termsheet;
    if (!ts) throw new Error('invalid fixture');
    const weighted = probabilityWeighted(computeValue(doc), ts);
    expect(weighted?.probabilities).toEqual([
      { scenarioId: 'base', probabilityPct: 60 },
      { scenarioId: 'low', probabilityPct: 40 },
    ]);
    // insurer: 0.6 × 16,000 + 0.4 × 12,800 = 14,720; device 0.6 × 8,000 + 0.4 × 6,400 = 7,360.
    expect(weighted?.parties.insurer).toEqual({
      allocation: 14720,
      costs: 0,
      net: 14720,
      npv: 14720,
    });
    expect(weighted?.parties.device?.net).toBe(7360);
    expect(weighted?.parties.csp).toMatchObject({ costs: 14000, net: 720 });
    const plain = validateTermSheet(sheet()).termsheet;
    if (!plain) throw new Error('invalid fixture');
    expect(probabilityWeighted(computeValue(sheet()), plain)).toBeNull();
  });
});
