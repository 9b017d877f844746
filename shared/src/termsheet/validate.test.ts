import { describe, expect, it } from 'vitest';
import { clause, fixedSplit, revenue, sheet, threeParties } from '../engine/testing/sheets';
import type { Issue } from './issues';
import { isTermSheetFormat } from './schema';
import { validateTermSheet } from './validate';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function issuesOf(input: unknown): Issue[] {
  return validateTermSheet(input).issues;
}

function withClauses(...clauses: Doc[]): Doc {
  return sheet({ clauses });
}

const split = fixedSplit({ csp: 40, insurer: 40, device: 20 });

describe('validateTermSheet: valid input', () => {
  it('returns the parsed term sheet with defaults and no issues', () => {
    const result = validateTermSheet(sheet());
    expect(result.issues).toEqual([]);
    expect(result.termsheet?.parties[0]?.id).toBe('csp');
  });
});

describe('validateTermSheet: structure', () => {
  it('names a missing field', () => {
    const doc = sheet();
    delete doc.currency;
    expect(issuesOf(doc)).toEqual([
      {
        severity: 'error',
        code: 'missing-field',
        path: 'currency',
        message: 'currency is missing',
      },
    ]);
  });

  it('names a field of the wrong type, with its clause and parameter', () => {
    const doc = withClauses(revenue(), fixedSplit({ csp: '40', insurer: 40, device: 20 }));
    expect(issuesOf(doc)).toEqual([
      {
        severity: 'error',
        code: 'invalid-field',
        path: 'clauses.1.params.fixed.csp',
        message: 'clauses.1.params.fixed.csp must be a number',
        clauseId: 'c-value-sharing',
        param: 'fixed.csp',
      },
    ]);
  });

  it('refuses percentages with more than 4 decimals and fractional amounts', () => {
    const doc = withClauses(revenue(100.5), fixedSplit({ csp: 40.00001, insurer: 40, device: 20 }));
    expect(issuesOf(doc).map((i) => [i.code, i.path, i.message])).toEqual([
      [
        'invalid-field',
        'clauses.0.params.streams.0.unitPrice',
        'clauses.0.params.streams.0.unitPrice must be a whole number',
      ],
      [
        'invalid-field',
        'clauses.1.params.fixed.csp',
        'clauses.1.params.fixed.csp must have at most 4 decimals',
      ],
    ]);
  });

  it('accepts percentages with exactly 4 decimals', () => {
    const doc = withClauses(
      revenue(),
      fixedSplit({ csp: 33.3333, insurer: 33.3333, device: 33.3334 }),
    );
    expect(issuesOf(doc)).toEqual([]);
  });

  it('reports an unknown clause kind', () => {
    const doc = withClauses({ id: 'x', kind: 'warranty', title: 'W', text: '', params: {} });
    expect(issuesOf(doc)).toEqual([
      expect.objectContaining({
        code: 'unknown-clause-kind',
        path: 'clauses.0.kind',
        clauseId: 'x',
      }),
    ]);
  });

  it('describes odd values without failing', () => {
    const doc = withClauses({ id: 'x', kind: BigInt(7), title: 'W', text: '', params: {} });
    expect(issuesOf(doc)[0]).toMatchObject({
      code: 'unknown-clause-kind',
      message: expect.stringContaining('clauses.0.kind 7n is not a clause kind'),
    });
  });

  it('reports more than 16 parties', () => {
    const parties = Array.from({ length: 17 }, (_, i) => ({
      id: `p${i}`,
      name: `P${i}`,
      role: 'r',
    }));
    expect(issuesOf(sheet({ parties }))).toEqual([
      expect.objectContaining({ code: 'too-many-parties', path: 'parties' }),
    ]);
  });

  it('points inside a driver series at the bad value', () => {
    const doc = sheet({ periods: 2, drivers: { members: { series: [1, 'two'] } } });
    expect(issuesOf(doc)).toEqual([
      expect.objectContaining({
        code: 'invalid-field',
        path: 'assumptions.scenarios.0.drivers.members.series.1',
      }),
    ]);
  });

  it('explains the shapes a driver may take', () => {
    const doc = sheet({ drivers: { members: 'lots' } });
    expect(issuesOf(doc)[0]?.message).toBe(
      'assumptions.scenarios.0.drivers.members must be a number, { start, growthPct } or { series: [numbers] }',
    );
  });

  it('refuses ids that would break dotted paths', () => {
    const doc = withClauses(revenue(), fixedSplit({ 'a.b': 100 }));
    expect(issuesOf(doc)[0]).toMatchObject({ code: 'invalid-field', param: 'fixed.a.b' });
  });

  it('never throws, whatever the input', () => {
    const cyclic: Doc = { format: 'parley.termsheet/v1' };
    cyclic.self = cyclic;
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('no');
        },
        ownKeys() {
          throw new Error('no');
        },
      },
    );
    for (const input of [
      null,
      undefined,
      0,
      'x',
      [],
      [1, 2],
      { format: 1 },
      cyclic,
      hostile,
      Number.NaN,
      1e308,
      BigInt(1),
    ]) {
      const result = validateTermSheet(input);
      expect(result.termsheet).toBeNull();
      expect(result.issues.length).toBeGreaterThan(0);
    }
  });
});

describe('validateTermSheet: rules of the format', () => {
  it('duplicate-id', () => {
    const parties = [...threeParties, { id: 'csp', name: 'Again', role: 'x' }];
    expect(issuesOf(sheet({ parties }))).toEqual([
      expect.objectContaining({ code: 'duplicate-id', path: 'parties.3.id' }),
    ]);
    const doc = withClauses(revenue(), split, { ...clause('scope', {}), id: 'c-revenue' });
    expect(issuesOf(doc)).toEqual([
      expect.objectContaining({ code: 'duplicate-id', path: 'clauses.2.id' }),
    ]);
  });

  it('unknown-party', () => {
    const doc = withClauses(revenue(100, ['csp', 'bank']), fixedSplit({ csp: 60, bank: 40 }));
    expect(issuesOf(doc).map((i) => [i.code, i.path, i.clauseId, i.param])).toEqual([
      [
        'unknown-party',
        'clauses.0.params.streams.0.requires.1',
        'c-revenue',
        'streams.0.requires.1',
      ],
      ['unknown-party', 'clauses.1.params.fixed.bank', 'c-value-sharing', 'fixed.bank'],
    ]);
  });

  it('unknown-driver, once per scenario that lacks it', () => {
    const doc = sheet({
      scenarios: [
        { id: 'low', name: 'Low', drivers: { users: 1 } },
        { id: 'high', name: 'High', drivers: { members: 1 } },
      ],
    });
    expect(issuesOf(doc)).toEqual([
      expect.objectContaining({
        code: 'unknown-driver',
        path: 'clauses.0.params.streams.0.driver',
        message: 'Stream "subs" uses driver "members", which scenario "low" does not define',
      }),
    ]);
  });

  it('unknown-stream', () => {
    const doc = withClauses(
      revenue(),
      clause('costs', {
        costs: [{ party: 'csp', name: 'SIM', perUnit: { stream: 'calls', amount: 1 } }],
      }),
      split,
    );
    expect(issuesOf(doc)).toEqual([
      expect.objectContaining({ code: 'unknown-stream', param: 'costs.0.perUnit.stream' }),
    ]);
  });

  it('split-not-100 for fixed splits, tiers and KPI beneficiaries', () => {
    const kpi = {
      id: 'k',
      name: 'K',
      unit: '',
      driver: 'members',
      target: 1,
      betterWhen: 'higher',
      ratePerUnit: 1,
      funder: 'csp',
      beneficiaries: { insurer: 50 },
    };
    expect(
      issuesOf(withClauses(revenue(), fixedSplit({ csp: 50, insurer: 49.9999 })))[0],
    ).toMatchObject({
      code: 'split-not-100',
      path: 'clauses.1.params.fixed',
      message: 'The fixed split sums to 99.9999 %; it must sum to exactly 100 %',
    });
    const tiered = clause('value-sharing', {
      costRecovery: false,
      method: 'tiered',
      tiers: [{ upTo: null, split: { csp: 101 } }],
    });
    expect(issuesOf(withClauses(revenue(), tiered)).map((i) => i.code)).toContain('invalid-field');
    const tiered2 = clause('value-sharing', {
      costRecovery: false,
      method: 'tiered',
      tiers: [{ upTo: null, split: { csp: 90 } }],
    });
    expect(issuesOf(withClauses(revenue(), tiered2))[0]).toMatchObject({
      code: 'split-not-100',
      param: 'tiers.0.split',
    });
    expect(
      issuesOf(withClauses(revenue(), split, clause('outcomes', { kpis: [kpi] })))[0],
    ).toMatchObject({
      code: 'split-not-100',
      param: 'kpis.0.beneficiaries',
    });
  });

  it('tiers-unordered', () => {
    const tiers = (upTos: (number | null)[]) =>
      withClauses(
        revenue(),
        clause('value-sharing', {
          costRecovery: false,
          method: 'tiered',
          tiers: upTos.map((upTo) => ({ upTo, split: { csp: 100 } })),
        }),
      );
    expect(issuesOf(tiers([5000, 1000, null]))).toEqual([
      expect.objectContaining({ code: 'tiers-unordered', param: 'tiers.1.upTo' }),
    ]);
    expect(issuesOf(tiers([5000, 5000, null]))[0]).toMatchObject({ code: 'tiers-unordered' });
    expect(issuesOf(tiers([1000, 2000]))[0]).toMatchObject({
      code: 'tiers-unordered',
      param: 'tiers.1.upTo',
    });
    expect(issuesOf(tiers([null, null]))[0]).toMatchObject({
      code: 'tiers-unordered',
      param: 'tiers.0.upTo',
    });
    expect(issuesOf(tiers([1000, 2000, null]))).toEqual([]);
  });

  it('floor-above-cap', () => {
    const doc = withClauses(
      revenue(),
      split,
      clause('minimum-guarantee', { floors: { csp: 500 } }),
      clause('cap', { caps: { csp: 400 } }),
    );
    expect(issuesOf(doc)).toEqual([
      expect.objectContaining({ code: 'floor-above-cap', path: 'clauses.2.params.floors.csp' }),
    ]);
  });

  it('duplicate-clause-kind for calculator kinds only', () => {
    const doc = withClauses(
      revenue(),
      split,
      { ...split, id: 'c-vs2' },
      clause('scope', {}),
      clause('scope', {}, 'c-scope2'),
    );
    expect(issuesOf(doc)).toEqual([
      expect.objectContaining({
        code: 'duplicate-clause-kind',
        path: 'clauses.2.kind',
        clauseId: 'c-vs2',
      }),
    ]);
  });

  it('series-length', () => {
    const doc = sheet({ periods: 3, drivers: { members: { series: [1, 2] } } });
    expect(issuesOf(doc)).toEqual([
      expect.objectContaining({
        code: 'series-length',
        path: 'assumptions.scenarios.0.drivers.members.series',
        message:
          'Driver "members" in scenario "base" has 2 values; it needs exactly 3 (one per period)',
      }),
    ]);
  });

  it('negative-amount for prices, costs, floors, caps and rates', () => {
    const doc = withClauses(
      revenue(-1),
      clause('costs', { costs: [{ party: 'csp', name: 'Ops', upfront: -5 }] }),
      split,
      clause('minimum-guarantee', { floors: { csp: -1 } }),
      clause('cap', { caps: { device: -1 } }),
    );
    expect(issuesOf(doc).map((i) => [i.code, i.path])).toEqual([
      ['negative-amount', 'clauses.0.params.streams.0.unitPrice'],
      ['negative-amount', 'clauses.1.params.costs.0.upfront'],
      ['negative-amount', 'clauses.3.params.floors.csp'],
      ['negative-amount', 'clauses.4.params.caps.device'],
    ]);
  });

  it('negative-volume and amount-too-large', () => {
    expect(issuesOf(sheet({ drivers: { members: -5 } }))[0]).toMatchObject({
      code: 'negative-volume',
    });
    expect(issuesOf(sheet({ drivers: { members: 1e12 } }))[0]).toMatchObject({
      code: 'amount-too-large',
      path: 'clauses.0.params.streams',
    });
    expect(
      issuesOf(sheet({ periods: 600, drivers: { members: { start: 1000, growthPct: 1000 } } }))[0],
    ).toMatchObject({ code: 'amount-too-large', path: 'assumptions.scenarios.0.drivers.members' });
  });

  it('missing-field for the parameters a split method needs', () => {
    const doc = withClauses(
      revenue(),
      clause('value-sharing', { costRecovery: false, method: 'tiered' }),
    );
    expect(issuesOf(doc)).toEqual([
      expect.objectContaining({
        code: 'missing-field',
        path: 'clauses.1.params.tiers',
        param: 'tiers',
      }),
    ]);
  });
});

describe('validateTermSheet: warnings', () => {
  it('no-revenue and no-value-sharing, without blocking', () => {
    const result = validateTermSheet(withClauses());
    expect(result.issues.map((i) => [i.severity, i.code])).toEqual([
      ['warning', 'no-revenue'],
      ['warning', 'no-value-sharing'],
    ]);
    expect(result.termsheet).not.toBeNull();
  });

  it('multiple-leads', () => {
    const parties = threeParties.map((p) => ({ ...p, lead: true }));
    expect(issuesOf(sheet({ parties })).map((i) => [i.code, i.path])).toEqual([
      ['multiple-leads', 'parties.1.lead'],
      ['multiple-leads', 'parties.2.lead'],
    ]);
  });

  it('no-contribution when no dimension can score', () => {
    const doc = withClauses(
      revenue(),
      clause('value-sharing', {
        costRecovery: false,
        method: 'contribution',
        contribution: { dimensions: [{ id: 'd', name: 'D', weightPct: 50, amounts: { csp: 0 } }] },
      }),
    );
    expect(issuesOf(doc).map((i) => i.code)).toEqual(['no-contribution']);
  });

  it('unknown-param-ref', () => {
    const doc = withClauses(
      { ...revenue(), text: 'Price {{param:streams.0.unitPrice}}, {{param:streams.3.name}}' },
      split,
    );
    expect(issuesOf(doc)).toEqual([
      {
        severity: 'warning',
        code: 'unknown-param-ref',
        path: 'clauses.0.text',
        message:
          'Clause "revenue" mentions {{param:streams.3.name}}, but its parameters have no "streams.3.name".',
        clauseId: 'c-revenue',
        param: 'streams.3.name',
      },
    ]);
  });
});

describe('isTermSheetFormat', () => {
  it('recognises objects in the v1 format only', () => {
    expect(isTermSheetFormat(sheet())).toBe(true);
    expect(isTermSheetFormat({ format: 'parley.termsheet/v1' })).toBe(true);
    expect(isTermSheetFormat({ format: 'parley.termsheet/v2' })).toBe(false);
    expect(isTermSheetFormat([{ format: 'parley.termsheet/v1' }])).toBe(false);
    expect(isTermSheetFormat(null)).toBe(false);
    expect(isTermSheetFormat('parley.termsheet/v1')).toBe(false);
  });
});

describe('validateTermSheet: payment terms', () => {
  const paymentTerms = (params: Doc) =>
    clause('payment-terms', params, 'c-pay', 'Paid within {{param:daysToPay}} days.');

  it('accepts days to pay, an invoice currency and late interest', () => {
    expect(
      issuesOf(
        withClauses(
          revenue(),
          split,
          paymentTerms({ daysToPay: 45, invoiceCurrency: 'USD', lateInterestPct: 9.5 }),
        ),
      ),
    ).toEqual([]);
  });

  it('names each field out of its limits', () => {
    const issues = issuesOf(
      withClauses(
        revenue(),
        split,
        paymentTerms({ daysToPay: 400, invoiceCurrency: 'euro', lateInterestPct: -1 }),
      ),
    );
    expect(issues.map((i) => i.path).sort()).toEqual([
      'clauses.2.params.daysToPay',
      'clauses.2.params.invoiceCurrency',
      'clauses.2.params.lateInterestPct',
    ]);
    expect(issues.find((i) => i.path.endsWith('invoiceCurrency'))?.message).toContain(
      '3-letter ISO 4217 code',
    );
  });
});
