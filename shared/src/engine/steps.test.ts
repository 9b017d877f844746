import { describe, expect, it } from 'vitest';
import { prepareWeights } from './largest-remainder';
import type { PreparedKpi } from './steps';
import {
  addKpiTransfer,
  applyCaps,
  applyFloors,
  kpiTransfer,
  recoverCosts,
  splitTiered,
} from './steps';

describe('cost recovery', () => {
  it('pays all dues when the pool covers them', () => {
    expect(recoverCosts(1000, [100, 200, 0])).toEqual({ recovered: [100, 200, 0], remaining: 700 });
  });

  it('pays pro rata to the dues when the pool is short', () => {
    // 100 over dues 300:100:100 → quotas 60, 20, 20.
    expect(recoverCosts(100, [300, 100, 100])).toEqual({ recovered: [60, 20, 20], remaining: 0 });
    // 10 over 1:1:1 → 3.33 each → leftover unit to the first.
    expect(recoverCosts(10, [5, 5, 5])).toEqual({ recovered: [4, 3, 3], remaining: 0 });
  });
});

describe('tiered split', () => {
  const tiers = [
    { upTo: 1000, weights: prepareWeights([1_000_000, 0]) }, // 100 / 0
    { upTo: 3000, weights: prepareWeights([500_000, 500_000]) }, // 50 / 50
    { upTo: null, weights: prepareWeights([0, 1_000_000]) }, // 0 / 100
  ];

  it('splits each band of the pool by its own tier', () => {
    // 5000: band (0,1000] → 1000/0; (1000,3000] → 1000/1000; (3000,∞) → 0/2000.
    expect(splitTiered(5000, tiers, 2)).toEqual([2000, 3000]);
    // 1500: 1000/0 + 250/250.
    expect(splitTiered(1500, tiers, 2)).toEqual([1250, 250]);
    // Exactly at a boundary: 1000 stays in the first band.
    expect(splitTiered(1000, tiers, 2)).toEqual([1000, 0]);
    expect(splitTiered(0, tiers, 2)).toEqual([0, 0]);
  });
});

describe('floors', () => {
  it('raises a party to its floor, the others paying in proportion to their split', () => {
    // split 700/200/100 of 1000, floor of the third 250 → rest 750 over 700:200 →
    // 583.33 / 166.67 → 583 / 167.
    expect(applyFloors(1000, [700, 200, 100], [0, 0, 250])).toEqual({
      split: [583, 167, 250],
      exceeded: false,
    });
  });

  it('repeats while raising one floor pushes another party below its own', () => {
    // 1000 split 800/150/50, floors 0/140/300. Round 1: third raised to 300, rest 700 over
    // 800:150 → 589.47 / 110.53 → 589 / 111 (second now below 140). Round 2: second raised to
    // 140 too, rest 560 all to the first.
    expect(applyFloors(1000, [800, 150, 50], [0, 140, 300])).toEqual({
      split: [560, 140, 300],
      exceeded: false,
    });
  });

  it('splits the pool in proportion to the floors when they exceed it', () => {
    // floors 600 + 300 = 900 > 600 → 600 split 600:300:0 → 400 / 200 / 0.
    expect(applyFloors(600, [200, 200, 200], [600, 300, 0])).toEqual({
      split: [400, 200, 0],
      exceeded: true,
    });
  });

  it('takes what a floor needs only from parties that have a share', () => {
    // 90 split 90/0/0, floor 60 for the third → the 30 left go to the first two in proportion
    // to 90:0, so all to the first; the second keeps 0.
    expect(applyFloors(90, [90, 0, 0], [0, 0, 60])).toEqual({
      split: [30, 0, 60],
      exceeded: false,
    });
    // 100 split 0/0/100, floor 50 for the first → 50 left over 0:100 → all from the third.
    expect(applyFloors(100, [0, 0, 100], [50, 0, 0])).toEqual({
      split: [50, 0, 50],
      exceeded: false,
    });
  });
});

describe('caps', () => {
  it('cuts a party to its cap and gives the rest to the uncapped in proportion to their split', () => {
    // 1000 split 600/300/100, cap 400 on the first → 600 over 300:100 → 450 / 150.
    expect(applyCaps(1000, [600, 300, 100], [400, null, null], 1)).toEqual({
      split: [400, 450, 150],
      overflow: false,
    });
  });

  it('repeats while the redistribution puts another party over its cap', () => {
    // 1000 split 600/300/100, caps 400/420/- → round 1: 450 / 150 (second over 420) →
    // round 2: second cut to 420, 180 to the third.
    expect(applyCaps(1000, [600, 300, 100], [400, 420, null], 0)).toEqual({
      split: [400, 420, 180],
      overflow: false,
    });
  });

  it('sends excess nobody uncapped can take to the lead, beyond its own cap', () => {
    // All capped: 1000 split 500/300/200, caps 100/100/100 → 700 of excess → lead (index 1).
    expect(applyCaps(1000, [500, 300, 200], [100, 100, 100], 1)).toEqual({
      split: [100, 800, 100],
      overflow: true,
    });
    // The uncapped party's split is 0: it cannot take a share, the lead does.
    expect(applyCaps(1000, [1000, 0, 0], [300, 300, null], 1)).toEqual({
      split: [300, 700, 0],
      overflow: true,
    });
  });
});

describe('KPI transfers', () => {
  const kpi = (over: Partial<PreparedKpi> = {}): PreparedKpi => ({
    sign: 1,
    target: 99.9,
    ratePerUnit: 10_000,
    capPerPeriod: null,
    funder: 0,
    beneficiaries: prepareWeights([0, 500_000, 500_000]),
    ...over,
  });

  it('rounds deviation × rate, clamps to the cap and negates when lower is better', () => {
    // (99.95 − 99.9) × 10000 = 500.
    expect(kpiTransfer(kpi(), 99.95)).toBe(500);
    // (99.5 − 99.9) × 10000 = −4000, clamped to −3000.
    expect(kpiTransfer(kpi({ capPerPeriod: 3000 }), 99.5)).toBe(-3000);
    // Lower is better: 10 below a target of 20 at 7 per unit → +70.
    expect(kpiTransfer(kpi({ sign: -1, target: 20, ratePerUnit: 7 }), 10)).toBe(70);
    // Half away from zero: 0.05 × 10 = 0.5 → 1; −0.5 → −1.
    expect(kpiTransfer(kpi({ target: 0, ratePerUnit: 10 }), 0.05)).toBe(1);
    expect(kpiTransfer(kpi({ target: 0.05, ratePerUnit: 10 }), 0)).toBe(-1);
  });

  it('moves a positive transfer from the funder to the beneficiaries', () => {
    const into = [0, 0, 0];
    // 101 split 50/50 → 51 / 50 (tie to the earlier beneficiary).
    addKpiTransfer(into, kpi(), 101);
    expect(into).toEqual([-101, 51, 50]);
  });

  it('moves a negative transfer from the beneficiaries to the funder', () => {
    const into = [0, 0, 0];
    addKpiTransfer(into, kpi(), -101);
    expect(into).toEqual([101, -51, -50]);
    expect(into.reduce((a, b) => a + b, 0)).toBe(0);
  });
});
