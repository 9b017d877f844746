// Value reports: money in the sheet's currency and parties and scenarios by name, minor units and
// ids without the sheet, and a clear note when there are no results.
import { describe, expect, it } from 'vitest';
import type { ValueResult } from '../engine/result';
import type { TermSheet } from '../termsheet/schema';
import { formatMinorUnits } from './money';
import { formatValueTable } from './valueTable';

const party = (allocation: number, costs: number) => ({
  costs,
  recovered: 0,
  split: allocation,
  kpi: 0,
  allocation,
  net: allocation - costs,
});

const result = {
  format: 'parley.value/v1',
  issues: [
    {
      severity: 'warning',
      code: 'floors-exceed-pool',
      path: 'clauses.3.params.floors',
      message: 'The floors exceed the pool in period 1.',
    },
  ],
  scenarios: [
    {
      id: 'base',
      name: 'Base',
      periods: [
        { t: 1, pool: 100000, parties: { csp: party(60000, 10000), lead: party(40000, 0) } },
        { t: 2, pool: 23456789, parties: { csp: party(1000000, 0), lead: party(22456789, 0) } },
      ],
      totals: {
        csp: {
          allocation: 1060000,
          costs: 10000,
          net: 1050000,
          npv: 1040000,
          allocationSharePct: 4.5,
          shapleySharePct: 50,
          contributionSharePct: null,
          exitTriggerPeriod: null,
          legacyNet: -120000,
        },
        lead: {
          allocation: 22496789,
          costs: 0,
          net: 22496789,
          npv: 22300000,
          allocationSharePct: 95.5,
          shapleySharePct: 50,
          contributionSharePct: null,
          exitTriggerPeriod: 2,
          legacyNet: null,
        },
      },
    },
  ],
} as unknown as ValueResult;

const termsheet = {
  format: 'parley.termsheet/v1',
  title: 'Test',
  ecosystem: 'custom',
  currency: 'EUR',
  parties: [
    { id: 'lead', name: 'Contoso Health', role: 'channel', lead: true },
    { id: 'csp', name: 'Northwind Telecom', role: 'network' },
  ],
  assumptions: {
    periods: 2,
    periodUnit: 'quarter',
    discountRatePct: 8,
    scenarios: [{ id: 'base', name: 'Base case', drivers: {} }],
  },
  clauses: [],
} as unknown as TermSheet;

describe('formatValueTable', () => {
  it('shows money in the term sheet currency, parties and scenarios by name, in aligned columns', () => {
    expect(formatValueTable(result, termsheet)).toBe(
      [
        'Scenario Base case (base): pool 235,567.89 EUR over 2 quarters',
        'Party                    Allocation (EUR)   Costs         Net         NPV  Share %  Shapley %  Contrib. %  Legacy net  Exit trigger',
        '-----------------------  ----------------  ------  ----------  ----------  -------  ---------  ----------  ----------  ------------',
        'Contoso Health (lead)          224,967.89    0.00  224,967.89  223,000.00    95.50      50.00           -           -  quarter 2',
        'Northwind Telecom (csp)         10,600.00  100.00   10,500.00   10,400.00     4.50      50.00           -   -1,200.00  -',
        'Total                          235,567.89  100.00  235,467.89  233,400.00                                   -1,200.00',
        '',
        'Issues: 0 errors, 1 warning',
        'Severity  Code                Path                     Message',
        '--------  ------------------  -----------------------  ---------------------------------------',
        'warning   floors-exceed-pool  clauses.3.params.floors  The floors exceed the pool in period 1.',
        '',
      ].join('\n'),
    );
  });

  it('without the term sheet, shows minor units and ids in the order of the result', () => {
    const text = formatValueTable(result);
    expect(text).toContain('Scenario Base (base): pool 23,556,789 minor units over 2 periods');
    expect(text).toMatch(
      /^csp +1,060,000 +10,000 +1,050,000 +1,040,000 +4\.50 +50\.00 +- +-120,000 +-$/m,
    );
    expect(text).toMatch(/^lead +22,496,789 .* period 2$/m);
  });

  it('says when there are no results and lists the errors', () => {
    const failed = {
      format: 'parley.value/v1',
      scenarios: [],
      issues: [
        {
          severity: 'error',
          code: 'split-not-100',
          path: 'clauses.2.params.fixed',
          message: 'The fixed split sums to 90, not 100.',
        },
      ],
    } as unknown as ValueResult;
    const text = formatValueTable(failed, termsheet);
    expect(text).toContain('No results: the term sheet has errors');
    expect(text).toContain('Issues: 1 error, 0 warnings');
    expect(text).toMatch(
      /^error +split-not-100 +clauses\.2\.params\.fixed +The fixed split sums to 90, not 100\.$/m,
    );
  });

  it('reports a sheet without issues as such', () => {
    const clean = { ...result, issues: [] } as unknown as ValueResult;
    expect(formatValueTable(clean, termsheet)).toMatch(/Issues: none\n$/);
  });
});

describe('formatMinorUnits', () => {
  it('groups thousands and keeps the currency decimals, negative amounts included', () => {
    expect(formatMinorUnits(123456789, 2)).toBe('1,234,567.89');
    expect(formatMinorUnits(-5, 2)).toBe('-0.05');
    expect(formatMinorUnits(0, 2)).toBe('0.00');
    expect(formatMinorUnits(1234567, 0)).toBe('1,234,567');
    expect(formatMinorUnits(1234567, 3)).toBe('1,234.567');
  });
});
