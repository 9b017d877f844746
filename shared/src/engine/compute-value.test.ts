import { describe, expect, it } from 'vitest';
import { computeValue } from './compute-value';
import type { ScenarioResult } from './result';
import { clause, fixedSplit, revenue, sheet, threeParties } from './testing/sheets';

function only(result: ReturnType<typeof computeValue>): ScenarioResult {
  expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
  const scenario = result.scenarios[0];
  if (!scenario) throw new Error('no scenario');
  return scenario;
}

function column(
  scenario: ScenarioResult,
  party: string,
  field: 'allocation' | 'recovered' | 'split' | 'kpi' | 'net' | 'costs',
) {
  return scenario.periods.map((p) => p.parties[party]?.[field]);
}

describe('computeValue: the basic flow', () => {
  it('matches the pool of the format example: 10000 members × 900', () => {
    const result = computeValue(
      sheet({
        periods: 12,
        drivers: { members: { start: 10000, growthPct: 6 } },
        clauses: [revenue(900), fixedSplit({ csp: 40, insurer: 40, device: 20 })],
      }),
    );
    // t = 2: 10600 × 900 = 9540000.
    expect(
      only(result)
        .periods.slice(0, 2)
        .map((p) => p.pool),
    ).toEqual([9000000, 9540000]);
  });

  it('computes pool, fixed split, allocation and net per period', () => {
    // 100 members × 100 = 10000; 40/40/20 → 4000/4000/2000.
    const s = only(computeValue(sheet()));
    expect(s.periods).toEqual([
      {
        t: 1,
        pool: 10000,
        shared: 10000,
        parties: {
          csp: {
            costs: 0,
            recovered: 0,
            split: 4000,
            kpi: 0,
            allocation: 4000,
            net: 4000,
            unrecovered: 0,
          },
          insurer: {
            costs: 0,
            recovered: 0,
            split: 4000,
            kpi: 0,
            allocation: 4000,
            net: 4000,
            unrecovered: 0,
          },
          device: {
            costs: 0,
            recovered: 0,
            split: 2000,
            kpi: 0,
            allocation: 2000,
            net: 2000,
            unrecovered: 0,
          },
        },
      },
    ]);
    expect(s.totals.csp).toMatchObject({ allocation: 4000, net: 4000, allocationSharePct: 40 });
    expect(s.totals.device).toMatchObject({
      allocationSharePct: 20,
      contributionSharePct: null,
      legacyNet: null,
    });
  });

  it('rounds revenue half away from zero', () => {
    // 2.5 units × 1 = 2.5 → 3; 40/40/20 of 3 → 1.2/1.2/0.6 → 1/1/0 + 1 leftover to the device (.6).
    const s = only(
      computeValue(
        sheet({
          drivers: { members: 2.5 },
          clauses: [revenue(1), fixedSplit({ csp: 40, insurer: 40, device: 20 })],
        }),
      ),
    );
    expect(s.periods[0]?.pool).toBe(3);
    expect(column(s, 'device', 'split')).toEqual([1]);
  });

  it('grows a driver by growthPct per period', () => {
    // start 100, +10 %: 100, 110, 121 units × 100.
    const s = only(
      computeValue(sheet({ periods: 3, drivers: { members: { start: 100, growthPct: 10 } } })),
    );
    expect(s.periods.map((p) => p.pool)).toEqual([10000, 11000, 12100]);
  });

  it('splits equally with a warning when there is no value-sharing clause', () => {
    // 10000 / 3 → 3333.33 each → the leftover unit to the first party.
    const result = computeValue(sheet({ clauses: [revenue()] }));
    const s = only(result);
    expect(column(s, 'csp', 'split')).toEqual([3334]);
    expect(column(s, 'insurer', 'split')).toEqual([3333]);
    expect(result.issues.map((i) => i.code)).toEqual(['no-value-sharing']);
  });

  it('returns no results at all when there is an error', () => {
    const result = computeValue(
      sheet({ clauses: [revenue(), fixedSplit({ csp: 40, insurer: 40 })] }),
    );
    expect(result.scenarios).toEqual([]);
    expect(result.issues.map((i) => i.code)).toEqual(['split-not-100']);
  });
});

describe('computeValue: cost recovery', () => {
  it('recovers costs pro rata and carries the unpaid rest forward', () => {
    // Pool 10000 each period. csp upfront 25000; device 1000 per period; split 50/25/25.
    // t1: dues 25000 + 1000 = 26000 > 10000 → 9615.38 / 384.62 → 9615 / 385 (leftover unit to
    //     the larger remainder .62). Carry 15385 / 615. Nothing left to share.
    // t2: dues 15385 / 1615 (615 + 1000) = 17000 → 9050 / 950 exactly. Carry 6335 / 665.
    // t3: dues 6335 / 1665 = 8000 ≤ 10000 → all paid; 2000 shared 1000 / 500 / 500.
    const s = only(
      computeValue(
        sheet({
          periods: 3,
          clauses: [
            revenue(),
            clause('costs', {
              costs: [
                { party: 'csp', name: 'Platform build', upfront: 25000 },
                { party: 'device', name: 'Fleet', fixedPerPeriod: 1000 },
              ],
            }),
            fixedSplit({ csp: 50, insurer: 25, device: 25 }, true),
          ],
        }),
      ),
    );
    expect(column(s, 'csp', 'recovered')).toEqual([9615, 9050, 6335]);
    expect(column(s, 'device', 'recovered')).toEqual([385, 950, 1665]);
    expect(s.periods.map((p) => p.shared)).toEqual([0, 0, 2000]);
    expect(s.periods.map((p) => p.parties.csp?.unrecovered)).toEqual([15385, 6335, 0]);
    expect(column(s, 'csp', 'split')).toEqual([0, 0, 1000]);
    expect(column(s, 'device', 'net')).toEqual([-615, -50, 1165]);
    // Totals: csp 26000 − 25000; device 3500 − 3000; insurer 500.
    expect(s.totals.csp).toMatchObject({
      allocation: 26000,
      costs: 25000,
      net: 1000,
      recovered: 25000,
    });
    expect(s.totals.device).toMatchObject({ allocation: 3500, costs: 3000, net: 500 });
    expect(s.totals.insurer).toMatchObject({ allocation: 500, costs: 0, net: 500 });
  });

  it('charges per-unit costs on the stream volume, rounded', () => {
    // 100 members × 3 per unit = 300 for the device; no recovery, so net = 2000 − 300.
    const s = only(
      computeValue(
        sheet({
          drivers: { members: 100 },
          clauses: [
            revenue(),
            clause('costs', {
              costs: [{ party: 'device', name: 'SIM', perUnit: { stream: 'subs', amount: 3 } }],
            }),
            fixedSplit({ csp: 40, insurer: 40, device: 20 }),
          ],
        }),
      ),
    );
    expect(column(s, 'device', 'costs')).toEqual([300]);
    expect(column(s, 'device', 'net')).toEqual([1700]);
  });
});

describe('computeValue: split methods', () => {
  it('splits tiered bands', () => {
    // 10000: the first 4000 all to csp; the remaining 6000 25/50/25 → 1500/3000/1500.
    const s = only(
      computeValue(
        sheet({
          clauses: [
            revenue(),
            clause('value-sharing', {
              costRecovery: false,
              method: 'tiered',
              tiers: [
                { upTo: 4000, split: { csp: 100 } },
                { upTo: null, split: { csp: 25, insurer: 50, device: 25 } },
              ],
            }),
          ],
        }),
      ),
    );
    expect(s.periods[0]?.parties).toMatchObject({
      csp: { split: 5500 },
      insurer: { split: 3000 },
      device: { split: 1500 },
    });
  });

  it('splits by contribution, skipping dimensions that sum to zero', () => {
    // capex (60 %): 3/1/0 of 4 → scores 45/15/0; effort (40 %): all 0, skipped.
    // 10000 in 45:15:0 → 7500/2500/0.
    const s = only(
      computeValue(
        sheet({
          clauses: [
            revenue(),
            clause('value-sharing', {
              costRecovery: false,
              method: 'contribution',
              contribution: {
                dimensions: [
                  {
                    id: 'capex',
                    name: 'Capex',
                    weightPct: 60,
                    amounts: { csp: 3, insurer: 1, device: 0 },
                  },
                  { id: 'effort', name: 'Effort', weightPct: 40, amounts: { csp: 0, insurer: 0 } },
                ],
              },
            }),
          ],
        }),
      ),
    );
    expect(column(s, 'csp', 'split')).toEqual([7500]);
    expect(column(s, 'insurer', 'split')).toEqual([2500]);
    expect(column(s, 'device', 'split')).toEqual([0]);
    expect(s.totals.csp?.contributionSharePct).toBe(75);
    expect(s.totals.device?.contributionSharePct).toBe(0);
  });

  it('splits by Shapley value of the streams each coalition can run', () => {
    // subs 100 × 100 = 10000 needs csp + insurer → 5000 each; ads 300 × 10 = 3000 needs all
    // → 1000 each. φ = 6000 / 6000 / 1000 of 13000 → 46.1538 % / 46.1538 % / 7.6923 %.
    const s = only(
      computeValue(
        sheet({
          drivers: { members: 100, views: 300 },
          clauses: [
            clause('revenue', {
              streams: [
                {
                  id: 'subs',
                  name: 'Subs',
                  driver: 'members',
                  unitPrice: 100,
                  requires: ['csp', 'insurer'],
                },
                { id: 'ads', name: 'Ads', driver: 'views', unitPrice: 10, requires: [] },
              ],
            }),
            clause('value-sharing', { costRecovery: false, method: 'shapley' }),
          ],
        }),
      ),
    );
    expect(s.periods[0]?.parties).toMatchObject({
      csp: { split: 6000 },
      insurer: { split: 6000 },
      device: { split: 1000 },
    });
    expect(s.totals.csp?.shapleySharePct).toBe(46.1538);
    expect(s.totals.device?.shapleySharePct).toBe(7.6923);
  });
});

describe('computeValue: floors and caps', () => {
  it('splits the pool in proportion to the floors when they exceed it, with a warning', () => {
    // Floors 6000 + 5000 > 10000 → 10000 × 6/11 = 5454.55, × 5/11 = 4545.45 → 5454 / 4545
    // plus the leftover unit to csp (.55 > .45).
    const result = computeValue(
      sheet({
        clauses: [
          revenue(),
          fixedSplit({ csp: 40, insurer: 40, device: 20 }),
          clause('minimum-guarantee', { floors: { csp: 6000, device: 5000 } }, 'c-floors'),
        ],
      }),
    );
    const s = only(result);
    expect(s.periods[0]?.parties).toMatchObject({
      csp: { split: 5455 },
      insurer: { split: 0 },
      device: { split: 4545 },
    });
    expect(result.issues).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'floors-exceed-pool',
        path: 'clauses.2.params.floors',
        clauseId: 'c-floors',
      }),
    ]);
  });

  it('sends what caps cut and nobody else can take to the lead, with a warning', () => {
    // Every party capped at 1000 → 7000 of excess → the lead (insurer) gets 1000 + 7000.
    const result = computeValue(
      sheet({
        clauses: [
          revenue(),
          fixedSplit({ csp: 40, insurer: 40, device: 20 }),
          clause('cap', { caps: { csp: 1000, insurer: 1000, device: 1000 } }),
        ],
      }),
    );
    const s = only(result);
    expect(s.periods[0]?.parties).toMatchObject({
      csp: { split: 1000 },
      insurer: { split: 8000 },
      device: { split: 1000 },
    });
    expect(result.issues.map((i) => i.code)).toEqual(['caps-exceed-pool']);
  });

  it('sends the overflow to the first party when no party is marked lead', () => {
    const parties = threeParties.map(({ id, name, role }) => ({ id, name, role }));
    const s = only(
      computeValue(
        sheet({
          parties,
          clauses: [
            revenue(),
            fixedSplit({ csp: 40, insurer: 40, device: 20 }),
            clause('cap', { caps: { csp: 1000, insurer: 1000, device: 1000 } }),
          ],
        }),
      ),
    );
    expect(column(s, 'csp', 'split')).toEqual([8000]);
  });
});

describe('computeValue: outcome KPIs', () => {
  it('makes beneficiaries pay the funder when the KPI misses its target', () => {
    // (99.5 − 99.9) × 10000 = −4000: csp (beneficiary) pays the insurer (funder) 4000.
    const s = only(
      computeValue(
        sheet({
          drivers: { members: 100, uptime: 99.5 },
          clauses: [
            revenue(),
            fixedSplit({ csp: 40, insurer: 40, device: 20 }),
            clause('outcomes', {
              kpis: [
                {
                  id: 'uptime',
                  name: 'Uptime',
                  unit: '%',
                  driver: 'uptime',
                  target: 99.9,
                  betterWhen: 'higher',
                  ratePerUnit: 10000,
                  funder: 'insurer',
                  beneficiaries: { csp: 100 },
                },
              ],
            }),
          ],
        }),
      ),
    );
    expect(s.periods[0]?.parties).toMatchObject({
      csp: { kpi: -4000, allocation: 0 },
      insurer: { kpi: 4000, allocation: 8000 },
      device: { kpi: 0, allocation: 2000 },
    });
  });
});

describe('computeValue: totals', () => {
  it('discounts yearly nets at the annual rate', () => {
    // csp nets 4000 a year for 2 years at 10 %: 4000/1.1 + 4000/1.21 = 6942.15 → 6942.
    const s = only(computeValue(sheet({ periods: 2, periodUnit: 'year', discountRatePct: 10 })));
    expect(s.totals.csp?.npv).toBe(6942);
  });

  it('discounts quarterly nets at the equivalent quarterly rate', () => {
    // r = 1.08^(1/4) − 1 = 1.94265 %; 4000 × Σ_{t=1..4} 1.0194265^−t = 15252.13 → 15252.
    const s = only(computeValue(sheet({ periods: 4, periodUnit: 'quarter', discountRatePct: 8 })));
    expect(s.totals.csp?.npv).toBe(15252);
    expect(s.totals.csp?.net).toBe(16000);
  });

  it('finds the first period that completes an exit trigger', () => {
    // Pools 10000, 1000, 1000, 10000, 1000 → device nets 2000, 200, 200, 2000, 200.
    // Below 500 for 2 periods: first completed at t = 3. For 3 periods: never.
    const run = (forPeriods: number) =>
      only(
        computeValue(
          sheet({
            periods: 5,
            drivers: { members: { series: [100, 10, 10, 100, 10] } },
            clauses: [
              revenue(),
              fixedSplit({ csp: 40, insurer: 40, device: 20 }),
              clause('exit', {
                noticePeriods: 1,
                triggers: [{ party: 'device', netBelow: 500, forPeriods }],
              }),
            ],
          }),
        ),
      );
    expect(run(2).totals.device?.exitTriggerPeriod).toBe(3);
    expect(run(2).totals.csp?.exitTriggerPeriod).toBeNull();
    expect(run(3).totals.device?.exitTriggerPeriod).toBeNull();
  });

  it('computes the legacy baseline: the lead keeps the pool and pays per FTE minus SLA credits', () => {
    // csp: base 2 × 1500 = 3000, credit round(3000 × 10 % × 2) = 600 → 2400 per period.
    // device: base round(1.5 × 1001 = 1501.5) = 1502, no credit; its 100 a period of costs count.
    // csp line 2: 60 % × 2 breaches exceeds the base → pays 0.
    // Lead (insurer): 10000 − 2400 − 1502 = 6098 per period. Over 2 periods:
    // csp 4800, insurer 12196, device 3004 − 200 = 2804.
    const s = only(
      computeValue(
        sheet({
          periods: 2,
          clauses: [
            revenue(),
            clause('costs', { costs: [{ party: 'device', name: 'Ops', fixedPerPeriod: 100 }] }),
            fixedSplit({ csp: 40, insurer: 40, device: 20 }),
            clause('legacy', {
              lines: [
                { party: 'csp', fte: 2, ratePerFte: 1500, slaCreditPct: 10, expectedBreaches: 2 },
                {
                  party: 'device',
                  fte: 1.5,
                  ratePerFte: 1001,
                  slaCreditPct: 0,
                  expectedBreaches: 0,
                },
                { party: 'csp', fte: 1, ratePerFte: 1000, slaCreditPct: 60, expectedBreaches: 2 },
              ],
            }),
          ],
        }),
      ),
    );
    expect(s.totals.csp?.legacyNet).toBe(4800);
    expect(s.totals.insurer?.legacyNet).toBe(12196);
    expect(s.totals.device?.legacyNet).toBe(2804);
    expect(s.totals.device?.net).toBe(4000 - 200);
  });

  it('gives one result per scenario, in order', () => {
    const result = computeValue(
      sheet({
        scenarios: [
          { id: 'low', name: 'Low', drivers: { members: 10 } },
          { id: 'high', name: 'High', drivers: { members: 1000 } },
        ],
      }),
    );
    expect(result.scenarios.map((s) => [s.id, s.name, s.periods[0]?.pool])).toEqual([
      ['low', 'Low', 1000],
      ['high', 'High', 100000],
    ]);
  });
});
