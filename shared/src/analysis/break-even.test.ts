import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeValue } from '../engine/compute-value';
import { validTermSheetArb } from '../engine/testing/arbitraries';
import { clause, fixedSplit, revenue, sheet } from '../engine/testing/sheets';
import { driverSeries } from '../termsheet/drivers';
import type { DriverValue } from '../termsheet/schema';
import { templates } from '../templates';
import { breakEven } from './break-even';
import { breakEvenAnalysisSchema } from './break-even-result';

type Doc = {
  assumptions: { periods: number; scenarios: { id: string; drivers: Record<string, unknown> }[] };
  clauses: { kind: string; params: { streams?: { driver: string }[] } }[];
};

/** The sheet with the named drivers of every scenario replaced by series scaled by k. */
function scaled(doc: unknown, drivers: readonly string[], k: number): unknown {
  const copy = structuredClone(doc) as Doc;
  for (const s of copy.assumptions.scenarios) {
    for (const name of drivers) {
      const value = s.drivers[name] as DriverValue | undefined;
      if (value === undefined) continue;
      s.drivers[name] = {
        series: [...driverSeries(value, copy.assumptions.periods)].map((v) => v * k),
      };
    }
  }
  return copy;
}

function netAt(doc: unknown, drivers: readonly string[], k: number, party: string, sc = 0) {
  const scenario = computeValue(scaled(doc, drivers, k)).scenarios[sc];
  return { net: scenario?.totals[party]?.net, pool: scenario?.periods[0]?.pool };
}

describe('break-even on a small hand-checked sheet', () => {
  // 100 members × 100 cents, csp takes 40 % and pays 6,000 a period: it breaks even at a pool of
  // 15,000, and in fact at 14,999, where the largest-remainder cent still goes its way.
  const doc = sheet({
    clauses: [
      revenue(),
      clause('costs', { costs: [{ party: 'csp', name: 'Ops', fixedPerPeriod: 6000 }] }),
      fixedSplit({ csp: 40, insurer: 40, device: 20 }),
    ],
  });

  it('finds where the net changes sign, one cent of pool either side', () => {
    const { result, issues } = breakEven(doc, { partyId: 'csp' });
    expect(issues).toEqual([]);
    const party = result?.scenarios[0]?.parties[0];
    expect(party?.net).toBe(-2000);
    const members = party?.drivers[0];
    expect(members).toMatchObject({ driver: 'members', status: 'crosses' });
    expect(members?.crossings).toHaveLength(1);
    const c = members?.crossings[0];
    expect(c).toMatchObject({ net: 0, otherNet: -1, direction: 'rising' });
    expect(c?.scale).toBeCloseTo(1.49985, 9);
    // The two scales are neighbouring doubles: nothing lies between them.
    expect((c?.otherScale ?? 0) + ((c?.scale ?? 0) - (c?.otherScale ?? 0)) / 2).toBeOneOf([
      c?.scale,
      c?.otherScale,
    ]);
    // Checked on the engine itself: a pool of 14,999 breaks even, 14,998 does not.
    expect(netAt(doc, ['members'], c?.scale ?? 0, 'csp')).toEqual({ net: 0, pool: 14999 });
    expect(netAt(doc, ['members'], c?.otherScale ?? 0, 'csp')).toEqual({ net: -1, pool: 14998 });
  });

  it('says always for a party without costs and never for one that cannot cover them', () => {
    const never = sheet({
      clauses: [
        revenue(),
        clause('costs', { costs: [{ party: 'device', name: 'Kit', fixedPerPeriod: 1 }] }),
        fixedSplit({ csp: 50, insurer: 50 }),
      ],
    });
    const { result } = breakEven(never);
    const [csp, , device] = result?.scenarios[0]?.parties ?? [];
    expect(csp?.drivers[0]).toMatchObject({ status: 'always', crossings: [], searchedUpTo: 1024 });
    expect(device?.drivers[0]).toMatchObject({ status: 'never', crossings: [] });
  });

  it('finds a falling crossing: a party whose per-unit cost outgrows a capped share', () => {
    const capped = sheet({
      clauses: [
        revenue(),
        clause('costs', {
          costs: [{ party: 'csp', name: 'Per member', perUnit: { stream: 'subs', amount: 20 } }],
        }),
        fixedSplit({ csp: 40, insurer: 40, device: 20 }),
        clause('cap', { caps: { csp: 6000 } }),
      ],
    });
    const members = breakEven(capped, { partyId: 'csp' }).result?.scenarios[0]?.parties[0]
      ?.drivers[0];
    // 40 % of 100 per member beats 20 per member until the cap of 6,000 meets 20 × 300 members.
    expect(members?.status).toBe('crosses');
    expect(members?.crossings.map((c) => c.direction)).toEqual(['falling']);
    expect(members?.crossings[0]?.scale).toBeCloseTo(3, 2);
  });

  it('scales every volume driver together as well as each on its own', () => {
    const { result } = breakEven(templates.mhealth, { scenarioId: 'low', partyId: 'care' });
    expect(breakEvenAnalysisSchema.safeParse(breakEven(templates.mhealth)).success).toBe(true);
    expect(result?.scenarios.map((s) => s.id)).toEqual(['low']);
    expect(result?.scenarios[0]?.parties[0]?.drivers.map((d) => d.driver)).toEqual([
      null,
      'members',
      'avoidedAdmissions',
    ]);
  });

  it('names an unknown party or scenario', () => {
    expect(breakEven(doc, { partyId: 'x', scenarioId: 'y' }).issues.map((i) => i.code)).toEqual([
      'unknown-scenario',
      'unknown-party',
    ]);
  });
});

describe('break-even on random sheets', () => {
  it('every crossing is a sign change of the engine net between two neighbouring scales', () => {
    fc.assert(
      fc.property(validTermSheetArb({ maxParties: 3, maxPeriods: 4, maxScenarios: 1 }), (raw) => {
        const doc = raw as unknown as Doc;
        const volume = [
          ...new Set(
            doc.clauses.flatMap((c) => (c.kind === 'revenue' ? (c.params.streams ?? []) : [])),
          ),
        ].map((s) => s.driver);
        const { result } = breakEven(raw);
        for (const party of result?.scenarios[0]?.parties ?? []) {
          for (const d of party.drivers) {
            const drivers = d.driver === null ? [...new Set(volume)] : [d.driver];
            for (const c of d.crossings) {
              expect(c.net).toBeGreaterThanOrEqual(0);
              expect(c.otherNet).toBeLessThan(0);
              expect(netAt(raw, drivers, c.scale, party.partyId).net).toBe(c.net);
              expect(netAt(raw, drivers, c.otherScale, party.partyId).net).toBe(c.otherNet);
              const mid = c.otherScale + (c.scale - c.otherScale) / 2;
              expect([c.scale, c.otherScale]).toContain(mid);
            }
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});
