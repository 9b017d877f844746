import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateTermSheet } from '../termsheet/validate';
import { computeValue } from './compute-value';
import { valueResultSchema } from './result';
import { invalidTermSheetArb, validTermSheetArb } from './testing/arbitraries';

type Doc = {
  parties: { id: string; lead?: boolean }[];
  clauses: { kind: string; params: Record<string, unknown> }[];
};

function clauseParams(doc: Doc, kind: string): Record<string, unknown> | undefined {
  return doc.clauses.find((c) => c.kind === kind)?.params;
}

describe('value engine on random valid term sheets', () => {
  it('accepts every generated sheet without error', () => {
    fc.assert(
      fc.property(validTermSheetArb(), (doc) => {
        const { issues } = validateTermSheet(doc);
        expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('allocates exactly the pool in every period and KPI transfers sum to zero', () => {
    fc.assert(
      fc.property(validTermSheetArb(), (doc) => {
        const result = computeValue(doc);
        expect(valueResultSchema.safeParse(result).success).toBe(true);
        expect(result.scenarios.length).toBeGreaterThan(0);
        for (const scenario of result.scenarios) {
          for (const period of scenario.periods) {
            const parties = Object.values(period.parties);
            expect(parties.reduce((a, p) => a + p.allocation, 0)).toBe(period.pool);
            expect(parties.reduce((a, p) => a + p.kpi, 0)).toBe(0);
            expect(parties.reduce((a, p) => a + p.recovered + p.split, 0)).toBe(period.pool);
            for (const p of parties) {
              expect(Number.isSafeInteger(p.allocation)).toBe(true);
              expect(p.net).toBe(p.allocation - p.costs);
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('holds floors when they fit in the pool and caps except for the lead overflow', () => {
    fc.assert(
      fc.property(validTermSheetArb(), (raw) => {
        const doc = raw as unknown as Doc;
        const floors = (clauseParams(doc, 'minimum-guarantee')?.floors ?? {}) as Record<
          string,
          number
        >;
        const caps = (clauseParams(doc, 'cap')?.caps ?? {}) as Record<string, number>;
        const markedLead = doc.parties.find((p) => p.lead === true) ?? doc.parties[0];
        const result = computeValue(doc);
        const floorWarnings = result.issues.filter((i) => i.code === 'floors-exceed-pool');
        const capWarnings = result.issues.filter((i) => i.code === 'caps-exceed-pool');
        for (const scenario of result.scenarios) {
          for (const period of scenario.periods) {
            const floorSum = Object.values(floors).reduce((a, b) => a + b, 0);
            for (const [id, p] of Object.entries(period.parties)) {
              if (floorSum <= period.shared && floors[id] !== undefined) {
                expect(p.split).toBeGreaterThanOrEqual(floors[id]);
              }
              if (caps[id] !== undefined && id !== markedLead?.id) {
                expect(p.split).toBeLessThanOrEqual(caps[id]);
              }
            }
            if (floorSum > period.shared && Object.keys(floors).length > 0) {
              expect(floorWarnings.some((w) => w.message.includes(`"${scenario.id}"`))).toBe(true);
            }
            const lead = markedLead ? period.parties[markedLead.id] : undefined;
            if (
              lead &&
              caps[markedLead?.id ?? ''] !== undefined &&
              lead.split > (caps[markedLead?.id ?? ''] ?? 0)
            ) {
              expect(capWarnings.length).toBeGreaterThan(0);
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('is deterministic: same bytes twice and for a structured clone of the input', () => {
    fc.assert(
      fc.property(validTermSheetArb(), (doc) => {
        const a = JSON.stringify(computeValue(doc));
        const b = JSON.stringify(computeValue(doc));
        const c = JSON.stringify(computeValue(structuredClone(doc)));
        expect(b).toBe(a);
        expect(c).toBe(a);
      }),
      { numRuns: 100 },
    );
  });
});

describe('value engine on invalid input', () => {
  it('never throws and reports a problem instead of results', () => {
    fc.assert(
      fc.property(invalidTermSheetArb(), (input) => {
        const result = computeValue(input);
        expect(result.format).toBe('parley.value/v1');
        const errors = result.issues.filter((i) => i.severity === 'error');
        if (errors.length > 0) expect(result.scenarios).toEqual([]);
        else expect(result.scenarios.length).toBeGreaterThan(0);
        for (const issue of result.issues) {
          expect(typeof issue.code).toBe('string');
          expect(typeof issue.path).toBe('string');
          expect(issue.message.length).toBeGreaterThan(0);
        }
        const { issues } = validateTermSheet(input);
        expect(Array.isArray(issues)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('rejects non-objects with an error issue', () => {
    for (const input of [null, undefined, [], 'x', 42, Number.NaN, true, () => 1, Symbol('s')]) {
      const result = computeValue(input);
      expect(result.scenarios).toEqual([]);
      expect(result.issues[0]?.code).toBe('invalid-field');
    }
  });
});
