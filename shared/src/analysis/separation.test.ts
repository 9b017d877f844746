import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeValue } from '../engine/compute-value';
import { validTermSheetArb } from '../engine/testing/arbitraries';
import { clause, fixedSplit, revenue, sheet } from '../engine/testing/sheets';
import { templates } from '../templates';
import { separation } from './separation';
import { separationAnalysisSchema } from './separation-result';
import type { SeparationScenario } from './separation-result';

// Four periods of 100 members × 100 cents = 10,000 a period, split 40 / 40 / 20. The device
// maker spends 10,000 upfront and 1,000 a period.
function deal(settlement: Record<string, unknown>, options: { costRecovery?: boolean } = {}) {
  return sheet({
    periods: 4,
    clauses: [
      revenue(),
      clause('costs', {
        costs: [{ party: 'device', name: 'Kit', upfront: 10000, fixedPerPeriod: 1000 }],
      }),
      fixedSplit({ csp: 40, insurer: 40, device: 20 }, options.costRecovery ?? false),
      clause('exit', {
        noticePeriods: 1,
        triggers: [{ party: 'device', netBelow: 0, forPeriods: 1 }],
        settlement,
      }),
    ],
  });
}

const terms = {
  reimbursement: { sharePct: 50, split: { csp: 50, insurer: 50 } },
  terminationFee: { amount: 600 },
  streamsOnExit: 'continue',
};

function only(result: { scenarios: SeparationScenario[] } | null): SeparationScenario {
  const s = result?.scenarios[0];
  if (!s) throw new Error('no scenario');
  return s;
}

function conserves(s: SeparationScenario): void {
  const transfers = Object.values(s.settlement.transfers);
  const paid = transfers.filter((x) => x < 0).reduce((a, b) => a + b, 0);
  const received = transfers.filter((x) => x > 0).reduce((a, b) => a + b, 0);
  expect(received + paid).toBe(0);
  expect(received).toBeGreaterThanOrEqual(0);
  for (const p of s.periods) {
    expect(Object.values(p.parties).reduce((a, f) => a + f.allocation, 0)).toBe(p.pool);
  }
}

describe('separation on a small hand-checked sheet', () => {
  it('settles the unrecovered upfront costs and the fee, and the others share what is left', () => {
    const { result, issues } = separation(deal(terms), { partyId: 'device', period: 1 });
    expect(issues).toEqual([]);
    const s = only(result);
    conserves(s);
    expect(s).toMatchObject({ lastPeriod: 2, exitPeriod: 3, triggerFired: true });
    // Device nets −9,000 then +1,000: 8,000 of its 10,000 upfront is unrecovered; half of it is
    // paid back by csp and the insurer equally; it pays a fee of 600, shared equally.
    expect(s.settlement).toEqual({
      unrecoveredUpfront: 8000,
      reimbursement: 4000,
      terminationFee: 600,
      feeWaived: false,
      transfers: { csp: -1700, insurer: -1700, device: 3400 },
    });
    expect(s.streams).toEqual([{ id: 'subs', status: 'continues' }]);
    // After the exit the 40 / 40 split becomes 50 / 50: 5,000 each in periods 3 and 4.
    expect(s.periods.map((p) => p.parties.csp?.allocation)).toEqual([4000, 4000, 5000, 5000]);
    expect(s.periods.map((p) => p.parties.device?.allocation)).toEqual([2000, 2000, 0, 0]);
    expect(s.parties.csp).toMatchObject({
      continuing: true,
      before: { allocation: 16000, net: 16000 },
      after: { allocation: 18000, settlement: -1700, net: 16300 },
      change: { net: 300 },
      afterExit: { allocation: 10000, net: 10000 },
    });
    expect(s.parties.device).toMatchObject({
      continuing: false,
      before: { net: -6000 },
      after: { allocation: 4000, costs: 12000, settlement: 3400, net: -4600 },
      change: { net: 1400 },
    });
    expect(result?.terms).toEqual({
      noticePeriods: 1,
      reimbursedPct: 50,
      terminationFee: 600,
      waivedOnTrigger: false,
      streamsOnExit: 'continue',
    });
  });

  it('waives the fee when the leaver leaves under its trigger, if the terms say so', () => {
    const waived = { ...terms, terminationFee: { amount: 600, waivedOnTrigger: true } };
    const s = only(separation(deal(waived), { partyId: 'device', period: 1 }).result);
    expect(s.settlement).toMatchObject({ terminationFee: 0, feeWaived: true });
    expect(s.settlement.transfers).toEqual({ csp: -2000, insurer: -2000, device: 4000 });
  });

  it('stops the streams that need the leaver: a stream listing nobody needs everybody', () => {
    const s = only(
      separation(deal({ ...terms, streamsOnExit: 'stop' }), { partyId: 'csp', period: 2 }).result,
    );
    conserves(s);
    expect(s.streams).toEqual([{ id: 'subs', status: 'stops' }]);
    expect(s.periods.map((p) => p.pool)).toEqual([10000, 10000, 10000, 0]);
    // csp leaves having earned everything back: nothing to reimburse; it pays the fee.
    expect(s.settlement.transfers).toEqual({ csp: -600, insurer: 300, device: 300 });
  });

  it('carries the continuing parties’ unrecovered costs into the periods after the exit', () => {
    const doc = deal(terms, { costRecovery: true });
    const s = only(separation(doc, { partyId: 'insurer', period: 1 }).result);
    conserves(s);
    const value = computeValue(doc).scenarios[0];
    // With cost recovery the device's 11,000 of period 1 exceeds the pool: 1,000 carries over
    // and is recovered in period 2, before the exit; its recovery goes on afterwards.
    expect(s.periods.slice(0, 2)).toEqual(
      value?.periods.slice(0, 2).map((p) => ({
        t: p.t,
        pool: p.pool,
        parties: Object.fromEntries(
          Object.entries(p.parties).map(([id, f]) => [
            id,
            { allocation: f.allocation, costs: f.costs, net: f.net },
          ]),
        ),
      })),
    );
    expect(s.periods[2]?.parties.device?.allocation).toBeGreaterThanOrEqual(1000);
  });

  it('changes nothing when the notice runs to the end of the term', () => {
    const s = only(separation(deal(terms), { partyId: 'device', period: 4 }).result);
    expect(s).toMatchObject({ lastPeriod: 4, exitPeriod: null });
    expect(Object.values(s.settlement.transfers)).toEqual([0, 0, 0]);
    for (const p of Object.values(s.parties)) {
      expect(p.after.net).toBe(p.before.net);
      expect(p.after.npv).toBe(p.before.npv);
    }
  });

  it('works without settlement terms or an exit clause, and names bad options', () => {
    const s = only(separation(sheet({ periods: 3 }), { partyId: 'csp', period: 1 }).result);
    expect(s).toMatchObject({ lastPeriod: 1, exitPeriod: 2 });
    expect(Object.values(s.settlement.transfers)).toEqual([0, 0, 0]);
    expect(s.periods.map((p) => p.pool)).toEqual([10000, 0, 0]);
    const bad = separation(sheet({ periods: 3 }), { partyId: 'x', period: 9 });
    expect(bad.issues.map((i) => i.code)).toEqual(['unknown-party', 'invalid-option']);
  });
});

describe('separation conserves money', () => {
  it('on the templates, for every party and notice period', () => {
    for (const doc of [templates.mhealth, templates['smart-city']]) {
      const parties = doc.parties.map((p) => p.id);
      for (const partyId of parties) {
        for (const period of [1, 3, 7]) {
          const out = separation(doc, { partyId, period });
          expect(separationAnalysisSchema.safeParse(out).success).toBe(true);
          for (const s of out.result?.scenarios ?? []) conserves(s);
        }
      }
    }
  });

  it('on random sheets with random settlement terms', () => {
    const arb = fc.tuple(
      validTermSheetArb({ maxParties: 4, maxPeriods: 6, maxScenarios: 1 }),
      fc.nat(),
      fc.nat(),
      fc.integer({ min: 0, max: 100 }),
      fc.integer({ min: 0, max: 5_000_000 }),
      fc.boolean(),
      fc.integer({ min: 0, max: 3 }),
    );
    fc.assert(
      fc.property(arb, ([raw, who, when, pctPaid, fee, stop, notice]) => {
        const doc = raw as { parties: { id: string }[]; clauses: Record<string, unknown>[] };
        if (doc.parties.length < 2) return;
        doc.clauses = doc.clauses.filter((c) => c.kind !== 'exit');
        doc.clauses.push(
          clause('exit', {
            noticePeriods: notice,
            triggers: [],
            settlement: {
              reimbursement: { sharePct: pctPaid },
              terminationFee: { amount: fee },
              streamsOnExit: stop ? 'stop' : 'continue',
            },
          }),
        );
        const periods = (raw as { assumptions: { periods: number } }).assumptions.periods;
        const partyId = doc.parties[who % doc.parties.length]?.id ?? '';
        const out = separation(doc, { partyId, period: 1 + (when % periods) });
        expect(out.issues.filter((i) => i.severity === 'error')).toEqual([]);
        for (const s of out.result?.scenarios ?? []) {
          conserves(s);
          expect(Object.values(s.settlement.transfers).reduce((a, b) => a + b, 0)).toBe(0);
          for (const p of s.periods.filter((q) => q.t >= (s.exitPeriod ?? Infinity))) {
            expect(p.parties[partyId]).toEqual({ allocation: 0, costs: 0, net: 0 });
          }
        }
      }),
      { numRuns: 80 },
    );
  });
});
