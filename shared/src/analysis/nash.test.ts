import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validTermSheetArb } from '../engine/testing/arbitraries';
import { clause, revenue, sheet } from '../engine/testing/sheets';
import type { Position } from '../mediation/positions';
import { resolveParamPath } from '../termsheet/param-refs';
import { validateTermSheet } from '../termsheet/validate';
import { nashSettlement } from './nash';
import { nashAnalysisSchema } from './nash-result';
import type { NashResult } from './nash-result';
import { numericParams } from './param-fields';
import type { SharedBound } from './shared-bounds';
import { sharedBound, sharedBoundsOf } from './shared-bounds';

const two = [
  { id: 'csp', name: 'Operator', role: 'network', lead: true },
  { id: 'partner', name: 'Partner', role: 'app' },
];

function bound(
  partyId: string,
  clauseId: string,
  param: string,
  side: 'min' | 'max',
  value: number,
): SharedBound {
  return sharedBound({ partyId, clauseId, param, bound: side, value, shared: true });
}

// One period, 100 members × 100 cents, split 50 / 50. Under the legacy deal the operator keeps the
// pool and pays the partner 3,000.
function deal(withCosts = false): Record<string, unknown> {
  return sheet({
    parties: two,
    clauses: [
      revenue(),
      ...(withCosts
        ? [
            clause('costs', {
              costs: [
                { party: 'csp', name: 'Network', fixedPerPeriod: 2000 },
                { party: 'partner', name: 'App', fixedPerPeriod: 1000 },
              ],
            }),
          ]
        : []),
      clause('value-sharing', {
        costRecovery: false,
        method: 'fixed',
        fixed: { csp: 50, partner: 50 },
      }),
      clause('legacy', {
        lines: [
          { party: 'partner', fte: 1, ratePerFte: 3000, slaCreditPct: 0, expectedBreaches: 0 },
        ],
      }),
    ],
  });
}

function applied(doc: unknown, result: NashResult | null): unknown {
  const copy = structuredClone(doc) as {
    clauses: { id: string; params: Record<string, unknown> }[];
  };
  for (const p of result?.proposals ?? []) {
    const target = copy.clauses.find((c) => c.id === p.clauseId);
    for (const change of p.params) {
      const path = change.path.split('.');
      let at: Record<string, unknown> = target?.params ?? {};
      for (const step of path.slice(0, -1)) at = at[step] as Record<string, unknown>;
      at[path[path.length - 1] as string] = change.value;
    }
  }
  return copy;
}

function holds(doc: unknown, bounds: readonly SharedBound[]): boolean {
  const ts = validateTermSheet(doc).termsheet;
  return bounds.every((b) => {
    const value = resolveParamPath(ts?.clauses.find((c) => c.id === b.clauseId)?.params, b.param);
    return typeof value !== 'number' || (b.bound === 'min' ? value >= b.value : value <= b.value);
  });
}

describe('Nash settlement on small hand-checked sheets', () => {
  it('splits the gain over the legacy deal equally when the price may rise', () => {
    const bounds = [
      bound('csp', 'c-revenue', 'streams.0.unitPrice', 'min', 100),
      bound('partner', 'c-revenue', 'streams.0.unitPrice', 'max', 120),
      bound('csp', 'c-value-sharing', 'fixed.csp', 'max', 80),
      bound('partner', 'c-value-sharing', 'fixed.csp', 'min', 50),
    ];
    const out = nashSettlement(deal(), bounds);
    expect(nashAnalysisSchema.safeParse(out).success).toBe(true);
    const r = out.result;
    // Legacy: csp 7,000, partner 3,000. At 1.20 the pool is 12,000: 2,000 more to share, and
    // the product of the gains is largest when each gains 1,000 (csp 8,000 = 66.67 %).
    expect(r?.status).toBe('found');
    expect(r?.parties).toEqual({
      csp: { currentNpv: 5000, legacyNpv: 7000, npv: 8000, gain: 1000 },
      partner: { currentNpv: 5000, legacyNpv: 3000, npv: 4000, gain: 1000 },
    });
    const price = r?.parameters.find((p) => p.param === 'streams.0.unitPrice');
    expect(price).toMatchObject({ current: 100, value: 120, searchedFrom: 100, searchedTo: 120 });
    const share = r?.parameters.find((p) => p.param === 'fixed.csp')?.value ?? 0;
    expect(share).toBeGreaterThan(66.6625);
    expect(share).toBeLessThan(66.6709);
    // The partner's share absorbs the move, and the proposals carry the whole split.
    expect(r?.proposals).toEqual([
      { clauseId: 'c-revenue', params: [{ path: 'streams.0.unitPrice', value: 120 }] },
      {
        clauseId: 'c-value-sharing',
        params: [
          { path: 'fixed.csp', value: share },
          { path: 'fixed.partner', value: Math.round((100 - share) * 10_000) / 10_000 },
        ],
      },
    ]);
    expect(holds(applied(deal(), r), bounds)).toBe(true);
  });

  it('with no deal as the disagreement point, maximises the product of the NPVs', () => {
    // csp nets 10,000 s − 2,000, partner 10,000 (1 − s) − 1,000: the product peaks at s = 55 %.
    const bounds = [
      bound('csp', 'c-value-sharing', 'fixed.csp', 'min', 40),
      bound('partner', 'c-value-sharing', 'fixed.csp', 'max', 60),
    ];
    const r = nashSettlement(deal(true), bounds, { disagreement: 'no-deal' }).result;
    expect(r?.status).toBe('found');
    expect(r?.parameters[0]).toMatchObject({ param: 'fixed.csp', value: 55 });
    expect(r?.parties.csp).toMatchObject({ legacyNpv: 0, npv: 3500, gain: 3500 });
    expect(r?.parties.partner).toMatchObject({ npv: 3500 });
    // A tighter shared bound holds even though the product would prefer 55 %.
    const tight = nashSettlement(
      deal(true),
      [...bounds, bound('csp', 'c-value-sharing', 'fixed.csp', 'min', 58)],
      { disagreement: 'no-deal' },
    ).result;
    expect(tight?.parameters[0]).toMatchObject({
      value: 58,
      highestMin: { partyId: 'csp', value: 58 },
    });
  });

  it('says no-gain when the legacy deal leaves nothing to gain, and maximises the smallest gain', () => {
    // Moving the split only moves money: the gains over legacy always add up to 0.
    const bounds = [
      bound('csp', 'c-value-sharing', 'fixed.csp', 'min', 40),
      bound('partner', 'c-value-sharing', 'fixed.csp', 'max', 90),
    ];
    const r = nashSettlement(deal(), bounds).result;
    expect(r?.status).toBe('no-gain');
    // The most even point: the legacy split itself, 70 / 30 (to the cent: 69.995 % to 70.005 %
    // all give the operator 7,000 of 10,000).
    expect(r?.parameters[0]?.value).toBeGreaterThanOrEqual(69.995);
    expect(r?.parameters[0]?.value).toBeLessThanOrEqual(70.005);
    expect(r?.parties.csp?.gain).toBe(0);
    expect(r?.parties.partner?.gain).toBe(0);
  });

  it('names the bounds that conflict, and suggests nothing', () => {
    const r = nashSettlement(deal(), [
      bound('csp', 'c-value-sharing', 'fixed.csp', 'min', 60),
      bound('partner', 'c-value-sharing', 'fixed.csp', 'max', 55),
      bound('partner', 'c-revenue', 'streams.0.unitPrice', 'max', 120),
    ]).result;
    expect(r?.status).toBe('conflict');
    expect(r?.conflicts).toEqual([
      {
        clauseId: 'c-value-sharing',
        param: 'fixed.csp',
        label: 'value-sharing · fixed · csp',
        highestMin: { partyId: 'csp', value: 60 },
        lowestMax: { partyId: 'partner', value: 55 },
        allowed: { min: 0, max: 100 },
      },
    ]);
    expect(r?.proposals).toEqual([]);
    const split = nashSettlement(deal(), [
      bound('csp', 'c-value-sharing', 'fixed.csp', 'min', 60),
      bound('partner', 'c-value-sharing', 'fixed.partner', 'min', 45),
    ]).result;
    expect(split?.status).toBe('conflict');
    expect(split?.splitConflicts).toEqual([
      {
        clauseId: 'c-value-sharing',
        split: 'fixed',
        shares: [
          { param: 'fixed.csp', highestMin: { partyId: 'csp', value: 60 }, lowestMax: null },
          {
            param: 'fixed.partner',
            highestMin: { partyId: 'partner', value: 45 },
            lowestMax: null,
          },
        ],
      },
    ]);
  });

  it('ignores bounds on what the sheet does not have, and searches nothing without bounds', () => {
    const r = nashSettlement(deal(), [
      bound('csp', 'c-nope', 'fixed.csp', 'min', 60),
      bound('ghost', 'c-value-sharing', 'fixed.csp', 'min', 60),
      bound('csp', 'c-legacy', 'lines.0.ratePerFte', 'max', 100),
    ]).result;
    expect(r?.status).toBe('nothing-to-search');
    expect(r?.ignored.map((i) => i.reason)).toEqual([
      'unknown-param',
      'unknown-party',
      'legacy-baseline',
    ]);
  });
});

describe('Nash settlement and confidential positions', () => {
  const base = { clauseId: 'c-value-sharing', param: 'fixed.csp', updatedAt: 1, updatedBy: 'm' };
  const shared: Position[] = [
    { ...base, partyId: 'csp', bound: 'min', value: 40, shared: true },
    { ...base, partyId: 'partner', bound: 'max', value: 60, shared: true },
  ];

  it('never reads a position its party did not share', () => {
    // The partner's private walk-away: reading its value (or anything but `shared`) throws.
    const secret = new Proxy(
      { ...base, partyId: 'partner', bound: 'max', value: 52, shared: false } as Position,
      {
        get(target, prop) {
          if (prop !== 'shared') throw new Error(`read ${String(prop)} of an unshared position`);
          return target.shared;
        },
      },
    );
    const bounds = sharedBoundsOf([...shared, secret]);
    expect(bounds).toHaveLength(2);
    const r = nashSettlement(deal(true), bounds, { disagreement: 'no-deal' }).result;
    // The suggestion is 55 %, which the secret (at most 52 %) would have forbidden.
    expect(r?.parameters[0]?.value).toBe(55);
    expect(r).toEqual(
      nashSettlement(deal(true), sharedBoundsOf(shared), { disagreement: 'no-deal' }).result,
    );
  });

  it('refuses an unshared position by type and at run time', () => {
    const secret: Position = {
      ...base,
      partyId: 'partner',
      bound: 'max',
      value: 52,
      shared: false,
    };
    // @ts-expect-error a position whose `shared` is only boolean is not a shared position
    expect(() => sharedBound(secret)).toThrow(TypeError);
    // @ts-expect-error raw positions are not shared bounds
    const forged = nashSettlement(deal(), [secret]);
    expect(forged.result).toBeNull();
    expect(forged.issues.map((i) => i.code)).toEqual(['invalid-option']);
  });
});

describe('Nash settlement on random sheets', () => {
  it('never leaves a shared bound, and does not depend on the order of the bounds', () => {
    const arb = fc
      .tuple(
        validTermSheetArb({ maxParties: 3, maxPeriods: 3, maxScenarios: 1 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(2), fc.boolean(), fc.integer({ min: 0, max: 30 })), {
          minLength: 1,
          maxLength: 6,
        }),
      )
      .map(([doc, picks]) => {
        const ts = validateTermSheet(doc).termsheet;
        const params = ts ? numericParams(ts).filter((p) => p.effect !== 'legacy') : [];
        const parties = (doc.parties as { id: string }[]).map((p) => p.id);
        const bounds = params.length
          ? picks.map(([which, who, isMin, offsetPct]) => {
              const p = params[which % params.length] as (typeof params)[number];
              // Walk-away values around today's value, so that most bounds leave room to search.
              const spread = (Math.abs(p.value) * offsetPct) / 100 + 1;
              const value = isMin ? p.value - spread : p.value + spread;
              return bound(
                parties[who % parties.length] ?? '',
                p.clauseId,
                p.param,
                isMin ? 'min' : 'max',
                value,
              );
            })
          : [];
        return { doc, bounds };
      });
    fc.assert(
      fc.property(arb, ({ doc, bounds }) => {
        const out = nashSettlement(doc, bounds, { maxEvaluations: 300 });
        expect(out.issues.filter((i) => i.severity === 'error')).toEqual([]);
        const r = out.result;
        if (r?.status === 'found' || r?.status === 'no-gain') {
          expect(holds(applied(doc, r), bounds)).toBe(true);
          for (const p of r.parameters) {
            expect(p.value).toBeGreaterThanOrEqual(p.searchedFrom);
            expect(p.value).toBeLessThanOrEqual(p.searchedTo);
          }
        }
        const reversed = nashSettlement(doc, [...bounds].reverse(), { maxEvaluations: 300 });
        expect(reversed.result).toEqual(r);
      }),
      { numRuns: 40 },
    );
  });
});
