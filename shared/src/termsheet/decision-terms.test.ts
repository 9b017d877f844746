// Format additions for decision support: scenario probabilities, driver volatility and the exit
// clause's settlement terms, and that sheets written before them stay valid.
import { describe, expect, it } from 'vitest';
import { clause, fixedSplit, revenue, sheet } from '../engine/testing/sheets';
import { templateIds, templates } from '../templates';
import type { Issue } from './issues';
import { validateTermSheet } from './validate';

function issuesOf(input: unknown): Issue[] {
  return validateTermSheet(input).issues;
}

const scenarios = (low?: number, base?: number, high?: number) =>
  [
    ['low', low],
    ['base', base],
    ['high', high],
  ].map(([id, p]) => ({
    id,
    name: id,
    ...(p === undefined ? {} : { probabilityPct: p }),
    drivers: { members: 100 },
  }));

function exitClause(settlement: unknown): Record<string, unknown> {
  return clause('exit', { noticePeriods: 1, triggers: [], settlement });
}

describe('older sheets', () => {
  it.each(templateIds)('the %s template has no issues', (id) => {
    expect(issuesOf(templates[id])).toEqual([]);
  });

  it('an exit clause without settlement terms and scenarios without probabilities are valid', () => {
    const doc = sheet({
      scenarios: scenarios(),
      clauses: [
        revenue(),
        fixedSplit({ csp: 50, insurer: 50 }),
        clause('exit', { noticePeriods: 2, triggers: [] }),
      ],
    });
    expect(issuesOf(doc)).toEqual([]);
  });
});

describe('scenario probabilities', () => {
  it('are accepted when every scenario has one and they sum to 100', () => {
    const result = validateTermSheet(sheet({ scenarios: scenarios(25, 50.5, 24.5) }));
    expect(result.issues).toEqual([]);
    expect(result.termsheet?.assumptions.scenarios.map((s) => s.probabilityPct)).toEqual([
      25, 50.5, 24.5,
    ]);
  });

  it('probabilities-not-100 when they do not sum to exactly 100', () => {
    expect(issuesOf(sheet({ scenarios: scenarios(25, 50, 24.9999) }))).toEqual([
      {
        severity: 'error',
        code: 'probabilities-not-100',
        path: 'assumptions.scenarios',
        message: 'The scenario probabilities sum to 99.9999 %; they must sum to exactly 100 %',
      },
    ]);
  });

  it('probability-missing on each scenario without one when another has one', () => {
    expect(issuesOf(sheet({ scenarios: scenarios(100, undefined, undefined) }))).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'probability-missing',
        path: 'assumptions.scenarios.1.probabilityPct',
      }),
      expect.objectContaining({
        code: 'probability-missing',
        path: 'assumptions.scenarios.2.probabilityPct',
      }),
    ]);
  });

  it('a probability is a percentage between 0 and 100 with at most 4 decimals', () => {
    expect(issuesOf(sheet({ scenarios: scenarios(120, -20, 0) }))).toEqual([
      expect.objectContaining({
        code: 'invalid-field',
        path: 'assumptions.scenarios.0.probabilityPct',
      }),
      expect.objectContaining({
        code: 'invalid-field',
        path: 'assumptions.scenarios.1.probabilityPct',
      }),
    ]);
    expect(
      issuesOf(sheet({ scenarios: scenarios(33.33333, 33.33333, 33.33334) }))[0],
    ).toMatchObject({
      code: 'invalid-field',
      message: 'assumptions.scenarios.0.probabilityPct must have at most 4 decimals',
    });
  });
});

describe('driver volatility', () => {
  it('is kept on the growth and series forms', () => {
    const doc = sheet({
      periods: 2,
      drivers: {
        members: { start: 100, growthPct: 2, volatilityPct: 12.5 },
        uptime: { series: [99, 98], volatilityPct: 0.5 },
      },
    });
    const result = validateTermSheet(doc);
    expect(result.issues).toEqual([]);
    expect(result.termsheet?.assumptions.scenarios[0]?.drivers).toEqual({
      members: { start: 100, growthPct: 2, volatilityPct: 12.5 },
      uptime: { series: [99, 98], volatilityPct: 0.5 },
    });
  });

  it('is a percentage between 0 and 100', () => {
    const doc = sheet({ drivers: { members: { start: 100, growthPct: 2, volatilityPct: 101 } } });
    expect(issuesOf(doc)).toEqual([
      expect.objectContaining({
        code: 'invalid-field',
        path: 'assumptions.scenarios.0.drivers.members.volatilityPct',
      }),
    ]);
  });
});

describe('exit settlement terms', () => {
  const base = [revenue(), fixedSplit({ csp: 50, insurer: 50 })];

  it('fills in the defaults: no fee waiver, streams that need the leaver stop', () => {
    const result = validateTermSheet(
      sheet({ clauses: [...base, exitClause({ terminationFee: { amount: 5000 } })] }),
    );
    expect(result.issues).toEqual([]);
    const exit = result.termsheet?.clauses.find((c) => c.kind === 'exit');
    expect(exit?.params).toEqual({
      noticePeriods: 1,
      triggers: [],
      settlement: {
        terminationFee: { amount: 5000, waivedOnTrigger: false },
        streamsOnExit: 'stop',
      },
    });
  });

  it('accepts every term', () => {
    const settlement = {
      reimbursement: { sharePct: 80, split: { csp: 60, insurer: 40 } },
      terminationFee: { amount: 100000, split: { insurer: 100 }, waivedOnTrigger: true },
      streamsOnExit: 'continue',
    };
    expect(issuesOf(sheet({ clauses: [...base, exitClause(settlement)] }))).toEqual([]);
  });

  it('checks the splits, the parties they name and the fee', () => {
    const settlement = {
      reimbursement: { sharePct: 80, split: { csp: 60, nobody: 30 } },
      terminationFee: { amount: -1, split: { insurer: 90 } },
    };
    expect(
      issuesOf(sheet({ clauses: [...base, exitClause(settlement)] })).map((i) => [i.code, i.param]),
    ).toEqual([
      ['unknown-party', 'settlement.reimbursement.split.nobody'],
      ['split-not-100', 'settlement.reimbursement.split'],
      ['negative-amount', 'settlement.terminationFee.amount'],
      ['split-not-100', 'settlement.terminationFee.split'],
    ]);
  });

  it('names a bad stream mode and a reimbursement share above 100 %', () => {
    const settlement = { reimbursement: { sharePct: 150 }, streamsOnExit: 'pause' };
    expect(
      issuesOf(sheet({ clauses: [...base, exitClause(settlement)] })).map((i) => [i.code, i.param]),
    ).toEqual([
      ['invalid-field', 'settlement.reimbursement.sharePct'],
      ['invalid-field', 'settlement.streamsOnExit'],
    ]);
  });
});
