// The size limits: each one refuses the sheet just over it with `sheet-too-large` naming the
// limit, and lets the sheet at the limit through.
import { describe, expect, it } from 'vitest';
import { clause, fixedSplit, revenue, sheet } from '../engine/testing/sheets';
import {
  MAX_CLAUSE_TEXT_LENGTH,
  MAX_PERIOD_SCENARIOS,
  MAX_SHEET_TEXT_LENGTH,
  MAX_STREAMS,
} from './size-limits';
import { validateTermSheet } from './validate';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const split = fixedSplit({ csp: 40, insurer: 40, device: 20 });

function withScenarios(periods: number, scenarios: number): Doc {
  const doc = sheet({ clauses: [revenue(), split] }) as Doc;
  doc.assumptions.periods = periods;
  doc.assumptions.scenarios = Array.from({ length: scenarios }, (_, i) => ({
    id: `s${i}`,
    name: `Scenario ${i}`,
    drivers: { members: 100 },
  }));
  return doc;
}

function tooLarge(doc: Doc) {
  return validateTermSheet(doc).issues.filter((i) => i.code === 'sheet-too-large');
}

describe('size limits', () => {
  it('allows periods × scenarios up to the limit and names the limit above it', () => {
    expect(tooLarge(withScenarios(MAX_PERIOD_SCENARIOS / 20, 20))).toEqual([]);
    const [issue] = tooLarge(withScenarios(600, 20));
    expect(issue?.message).toBe(
      'The sheet has 600 periods × 20 scenarios = 12,000; at most 1,200 are allowed (fewer periods, e.g. quarters, or fewer scenarios)',
    );
    expect(validateTermSheet(withScenarios(600, 20)).termsheet).toBeNull();
  });

  it('limits revenue streams', () => {
    const streams = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        id: `s${i}`,
        name: `Stream ${i}`,
        driver: 'members',
        unitPrice: 100,
      }));
    const ok = sheet({ clauses: [clause('revenue', { streams: streams(MAX_STREAMS) }), split] });
    expect(tooLarge(ok)).toEqual([]);
    const over = sheet({
      clauses: [clause('revenue', { streams: streams(MAX_STREAMS + 1) }), split],
    });
    expect(tooLarge(over)).toMatchObject([
      { clauseId: 'c-revenue', message: expect.stringContaining('51 revenue streams; at most 50') },
    ]);
  });

  it('limits the text of a clause and of the whole sheet', () => {
    const long = 'x'.repeat(MAX_CLAUSE_TEXT_LENGTH + 1);
    expect(
      tooLarge(sheet({ clauses: [revenue(), split, clause('custom', {}, 'c-a', long)] })),
    ).toMatchObject([{ clauseId: 'c-a', path: 'clauses.2.text' }]);
    const texts = Array.from(
      { length: MAX_SHEET_TEXT_LENGTH / MAX_CLAUSE_TEXT_LENGTH + 1 },
      (_, i) => clause('custom', {}, `c-${i}`, 'y'.repeat(MAX_CLAUSE_TEXT_LENGTH)),
    );
    expect(tooLarge(sheet({ clauses: [revenue(), split, ...texts] }))).toMatchObject([
      { path: 'clauses', message: expect.stringContaining('at most 200,000') },
    ]);
  });
});
