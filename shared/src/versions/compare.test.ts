// Comparing two states of a template sheet: the redline, parameters old → new, clauses added,
// removed and moved, and each party's figures, by hand-made changes whose effect is known.
import { describe, expect, it } from 'vitest';
import { computeValue } from '../engine';
import { templates } from '../templates';
import type { TermSheet } from '../termsheet';
import { compareSheets } from './compare';
import { clausePlainText } from './sheetText';

const base = templates.mhealth;

function state(sheet: TermSheet) {
  return { termsheet: sheet, value: computeValue(sheet) };
}

function edit(change: (sheet: TermSheet) => void): TermSheet {
  const copy = structuredClone(base);
  change(copy);
  return copy;
}

describe('compareSheets', () => {
  it('finds nothing between a sheet and itself', () => {
    const result = compareSheets(state(base), state(base));
    expect(result.changed).toBe(false);
    expect(result.clauses.every((c) => c.status === 'unchanged' && !c.moved)).toBe(true);
    expect(result.header).toEqual([]);
  });

  it('redlines the words that changed and shows chips as their values', () => {
    const after = edit((s) => {
      const term = s.clauses.find((c) => c.id === 'c-term')!;
      term.text = term.text!.replace('The initial term is', 'The first term is');
      (term.params as { durationMonths: number }).durationMonths = 24;
    });
    const result = compareSheets(state(base), state(after));
    const term = result.clauses.find((c) => c.clauseId === 'c-term')!;
    expect(term.status).toBe('changed');
    expect(term.text.filter((s) => s.op === 'removed').map((s) => s.text)).toEqual([
      'initial',
      '18',
    ]);
    expect(term.text.filter((s) => s.op === 'added').map((s) => s.text)).toEqual(['first', '24']);
    expect(term.params).toEqual([
      { path: 'durationMonths', name: 'Term · durationMonths', before: '18', after: '24' },
    ]);
  });

  it('shows amounts in the currency and the value moving per party and scenario', () => {
    const after = edit((s) => {
      const floors = s.clauses.find((c) => c.id === 'c-floors')!.params as {
        floors: Record<string, number>;
      };
      floors.floors.csp = (floors.floors.csp ?? 0) + 500_000;
    });
    const result = compareSheets(state(base), state(after));
    const floors = result.clauses.find((c) => c.clauseId === 'c-floors')!;
    expect(floors.params).toHaveLength(1);
    expect(floors.params[0]!.name).toBe('Minimum guarantee · floors · Kestrel Mobile');
    expect(floors.params[0]!.after).toMatch(/^EUR [\d,]+\.\d\d$/);
    const before = computeValue(base);
    const now = computeValue(after);
    for (const scenario of result.value.scenarios) {
      for (const party of scenario.parties) {
        const was = before.scenarios.find((s) => s.id === scenario.scenarioId)!.totals[
          party.partyId
        ]!;
        const is = now.scenarios.find((s) => s.id === scenario.scenarioId)!.totals[party.partyId]!;
        expect(party.delta).toEqual({
          allocation: is.allocation - was.allocation,
          net: is.net - was.net,
          npv: is.npv - was.npv,
        });
      }
    }
    expect(result.changed).toBe(true);
  });

  it('lists added, removed and moved clauses in reading order', () => {
    const after = edit((s) => {
      const removed = s.clauses.findIndex((c) => c.id === 'c-confidentiality');
      s.clauses.splice(removed, 1);
      const [exit] = s.clauses.splice(
        s.clauses.findIndex((c) => c.id === 'c-exit'),
        1,
      );
      s.clauses.unshift(exit!);
      s.clauses.push({
        id: 'c-new',
        kind: 'custom',
        title: 'Audit rights',
        text: 'Either Partner may audit.',
        params: {},
      } as never);
    });
    const result = compareSheets(state(base), state(after));
    const byId = new Map(result.clauses.map((c) => [c.clauseId, c]));
    expect(byId.get('c-confidentiality')!.status).toBe('removed');
    const confidentiality = base.clauses.find((c) => c.id === 'c-confidentiality')!;
    expect(byId.get('c-confidentiality')!.text).toEqual([
      { op: 'removed', text: clausePlainText(base, confidentiality) },
    ]);
    expect(byId.get('c-new')!.status).toBe('added');
    expect(byId.get('c-new')!.text).toEqual([{ op: 'added', text: 'Either Partner may audit.' }]);
    expect(byId.get('c-exit')!.moved).toBe(true);
    expect(byId.get('c-exit')!.position).toEqual({ before: 13, after: 1 });
    expect([...byId.values()].filter((c) => c.moved).map((c) => c.clauseId)).toEqual(['c-exit']);
    // The removed clause stays where it was: after the clause that preceded it.
    const ids = result.clauses.map((c) => c.clauseId);
    expect(ids.indexOf('c-confidentiality')).toBe(ids.indexOf('c-data') + 1);
  });
});
