import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeValue } from '../engine/compute-value';
import { validTermSheetArb, replaceAt } from '../engine/testing/arbitraries';
import { clause, fixedSplit, revenue, sheet } from '../engine/testing/sheets';
import { templates } from '../templates';
import { moveShare } from './edit';
import { sensitivity } from './sensitivity';
import { sensitivityAnalysisSchema } from './sensitivity-result';
import type { SensitivityEntry } from './sensitivity-result';

type Doc = Record<string, unknown>;

function entry(entries: readonly SensitivityEntry[], path: string): SensitivityEntry {
  const found = entries.find((e) => e.path === path);
  if (!found) throw new Error(`no entry ${path}`);
  return found;
}

describe('sensitivity on a small hand-checked sheet', () => {
  // One period: 100 members × 1.00 EUR = 10,000 cents, split 40 / 40 / 20, no costs.
  const doc = sheet();

  it('a 10 % move of the price changes a fixed-split party by its share of the extra revenue', () => {
    const { result, issues } = sensitivity(doc, { partyId: 'csp' });
    expect(issues).toEqual([]);
    expect(result?.net).toBe(4000);
    const price = entry(result?.entries ?? [], 'clauses.0.params.streams.0.unitPrice');
    // ±10 % of 100 cents × 100 members = ±1,000 cents of revenue, 40 % of it to csp.
    expect(price.down).toMatchObject({ value: 90, net: 3600, netChange: -400, issues: [] });
    expect(price.up).toMatchObject({ value: 110, net: 4400, netChange: 400, issues: [] });
    expect(price.netSwing).toBe(800);
    const device = sensitivity(doc, { partyId: 'device' }).result?.entries ?? [];
    expect(entry(device, 'clauses.0.params.streams.0.unitPrice').up.netChange).toBe(200);
  });

  it('moves a share against the other shares in proportion, keeping the split at 100', () => {
    const { result } = sensitivity(doc, { partyId: 'insurer' });
    const csp = entry(result?.entries ?? [], 'clauses.1.params.fixed.csp');
    // csp 40 → 44: the 4 points come from insurer (40 of the other 60) and device (20 of 60).
    expect(csp.up.value).toBe(44);
    expect(moveShare({ csp: 40, insurer: 40, device: 20 }, 'csp', 44)).toEqual({
      csp: 44,
      insurer: 37.3333,
      device: 18.6667,
    });
    expect(csp.up.netChange).toBe(-267); // 10,000 × 37.3333 % = 3,733.33 → 3,733
    expect(csp.down.netChange).toBe(267);
  });

  it('sorts by swing, moves drivers and the discount rate, and skips what cannot move', () => {
    const doc2 = sheet({
      periods: 4,
      discountRatePct: 8,
      drivers: { members: { start: 100, growthPct: 5 }, unused: 3 },
      clauses: [
        revenue(),
        clause('costs', {
          costs: [{ party: 'csp', name: 'Ops', fixedPerPeriod: 100, upfront: 0 }],
        }),
        fixedSplit({ csp: 40, insurer: 40, device: 20 }),
        clause('exit', { noticePeriods: 1, triggers: [] }),
      ],
    });
    const { result } = sensitivity(doc2, { partyId: 'csp' });
    const entries = result?.entries ?? [];
    expect(entries.map((e) => e.netSwing)).toEqual(
      [...entries.map((e) => e.netSwing)].sort((a, b) => b - a),
    );
    expect(entries.map((e) => e.path)).toEqual(
      expect.arrayContaining([
        'assumptions.scenarios.0.drivers.members.start',
        'assumptions.scenarios.0.drivers.members.growthPct',
        'assumptions.discountRatePct',
      ]),
    );
    const discount = entry(entries, 'assumptions.discountRatePct');
    expect(discount.down.netChange).toBe(0);
    expect(discount.down.npvChange).toBeGreaterThan(0);
    expect(result?.skipped).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'clauses.1.params.costs.0.upfront', reason: 'zero' }),
        expect.objectContaining({ path: 'clauses.3.params.noticePeriods', reason: 'no-effect' }),
        expect.objectContaining({
          path: 'assumptions.scenarios.0.drivers.unused',
          reason: 'no-effect',
        }),
      ]),
    );
  });

  it('reports a move the format does not allow, or one that breaks a rule, without figures', () => {
    const doc3 = sheet({
      clauses: [
        revenue(),
        fixedSplit({ csp: 95, insurer: 5 }),
        clause('minimum-guarantee', { floors: { csp: 1000 } }),
        clause('cap', { caps: { csp: 1050 } }),
      ],
    });
    const { result } = sensitivity(doc3, { partyId: 'csp' });
    const share = entry(result?.entries ?? [], 'clauses.1.params.fixed.csp');
    expect(share.up).toMatchObject({ value: null, net: null, netChange: null });
    expect(share.up.issues[0]).toMatchObject({ code: 'invalid-field' });
    expect(share.down.netChange).not.toBeNull();
    const floor = entry(result?.entries ?? [], 'clauses.2.params.floors.csp');
    expect(floor.up).toMatchObject({ value: 1100, net: null });
    expect(floor.up.issues.map((i) => i.code)).toEqual(['floor-above-cap']);
  });

  it('names an unknown party, scenario or a bad step', () => {
    expect(sensitivity(doc, { partyId: 'nobody' }).issues).toEqual([
      expect.objectContaining({ code: 'unknown-party' }),
    ]);
    expect(sensitivity(doc, { partyId: 'csp', scenarioId: 'nope' }).issues).toEqual([
      expect.objectContaining({ code: 'unknown-scenario' }),
    ]);
    expect(sensitivity(doc, { partyId: 'csp', stepPct: 0 }).issues).toEqual([
      expect.objectContaining({ code: 'invalid-option' }),
    ]);
    const broken = sensitivity(sheet({ clauses: [revenue(), fixedSplit({ csp: 50 })] }), {
      partyId: 'csp',
    });
    expect(broken.result).toBeNull();
    expect(broken.issues.map((i) => i.code)).toEqual(['split-not-100']);
  });
});

describe('sensitivity, exactness', () => {
  it('every move equals the engine on the moved sheet (templates)', () => {
    const doc = templates.telematics as unknown as Doc;
    const { result } = sensitivity(doc, { partyId: 'insurer', scenarioId: 'base', stepPct: 7.5 });
    expect(sensitivityAnalysisSchema.safeParse(sensitivity(doc, { partyId: 'csp' })).success).toBe(
      true,
    );
    for (const e of result?.entries ?? []) {
      if (e.target.kind !== 'param' || e.unit === 'share' || e.up.value === null) continue;
      const moved = replaceAt(doc, e.path.split('.').map(seg), e.up.value);
      const base = computeValue(moved).scenarios.find((s) => s.id === 'base');
      expect(base?.totals.insurer?.net, e.path).toBe(e.up.net);
      expect(base?.totals.insurer?.npv, e.path).toBe(e.up.npv);
    }
  });

  it('on random sheets, each scalar move matches computeValue and shares keep summing to 100', () => {
    fc.assert(
      fc.property(validTermSheetArb({ maxParties: 4, maxPeriods: 5 }), (doc) => {
        const partyId = (doc.parties as { id: string }[])[0]?.id ?? '';
        const { result, issues } = sensitivity(doc, { partyId });
        expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
        for (const e of result?.entries ?? []) {
          for (const m of [e.down, e.up]) {
            if (m.value === null || m.net === null || e.unit === 'share') continue;
            const moved = replaceAt(doc, e.path.split('.').map(seg), m.value);
            const scenario = computeValue(moved).scenarios[0];
            expect(scenario?.totals[partyId]?.net, e.path).toBe(m.net);
            expect(scenario?.totals[partyId]?.npv, e.path).toBe(m.npv);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('moveShare keeps the moved share, sums to exactly 100 and never goes negative', () => {
    const split = fc
      .array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 2, maxLength: 6 })
      .filter((w) => w.some((x) => x > 0));
    fc.assert(
      fc.property(split, fc.integer({ min: 0, max: 1_000_000 }), (weights, target) => {
        const total = weights.reduce((a, b) => a + b, 0);
        const units = weights.map((w) => Math.floor((w * 1_000_000) / total));
        units[0] = (units[0] ?? 0) + 1_000_000 - units.reduce((a, b) => a + b, 0);
        const record = Object.fromEntries(units.map((u, i) => [`p${i}`, u / 10_000]));
        const moved = moveShare(record, 'p1', target / 10_000);
        expect(moved).not.toBeNull();
        const values = Object.values(moved ?? {});
        expect(values.reduce((a, v) => a + Math.round(v * 10_000), 0)).toBe(1_000_000);
        expect(moved?.p1).toBe(target / 10_000);
        for (const v of values) expect(v).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

function seg(s: string): string | number {
  return /^\d+$/.test(s) ? Number(s) : s;
}
