// Each template is a valid, realistically sized term sheet that computes without issues and
// survives the room document unchanged; together they cover every clause kind and split method.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { computeValue } from '../engine';
import { createRoomDoc, exportTermSheet, fragmentToMarkdown, markdownToFragment } from '../room';
import { calculatorKinds, checkParamRefs, findParamRefs, validateTermSheet } from '../termsheet';
import { templateIds, templates, templateSummaries } from './index';

const textKinds = ['parties', 'scope', 'term', 'data-ip', 'confidentiality', 'dispute-resolution'];

describe.each(templateIds)('template %s', (id) => {
  const template = templates[id];

  it('is a valid term sheet', () => {
    const { termsheet, issues } = validateTermSheet(template);
    expect(issues).toEqual([]);
    expect(termsheet).not.toBeNull();
  });

  it('computes every scenario with no issues, and every period allocates exactly its pool', () => {
    const result = computeValue(template);
    expect(result.issues).toEqual([]);
    expect(result.scenarios.map((s) => s.id)).toEqual(
      template.assumptions.scenarios.map((s) => s.id),
    );
    for (const scenario of result.scenarios) {
      expect(scenario.periods).toHaveLength(template.assumptions.periods);
      for (const period of scenario.periods) {
        const allocated = Object.values(period.parties).reduce((sum, p) => sum + p.allocation, 0);
        expect(allocated).toBe(period.pool);
      }
    }
  });

  it('has low, base and high scenarios whose pools grow in that order', () => {
    const result = computeValue(template);
    const pool = (scenarioId: string) =>
      result.scenarios
        .find((s) => s.id === scenarioId)
        ?.periods.reduce((sum, p) => sum + p.pool, 0) ?? Number.NaN;
    expect(pool('low')).toBeLessThan(pool('base'));
    expect(pool('base')).toBeLessThan(pool('high'));
  });

  it('is sized like a real deal: a lead party, 4-5 parties, 12-20 periods', () => {
    expect(template.parties.filter((p) => p.lead === true)).toHaveLength(1);
    expect(template.parties.length).toBeGreaterThanOrEqual(4);
    expect(template.assumptions.periods).toBeGreaterThanOrEqual(12);
    expect(template.assumptions.periods).toBeLessThanOrEqual(20);
  });

  it('only mentions parameters its clauses define, and every calculator clause mentions some', () => {
    expect(checkParamRefs(template)).toEqual([]);
    for (const clause of template.clauses) {
      if ((calculatorKinds as readonly string[]).includes(clause.kind)) {
        expect(findParamRefs(clause.text), clause.id).not.toEqual([]);
      }
    }
  });

  it('writes clause text in the simple Markdown the room document round-trips', () => {
    for (const clause of template.clauses) {
      const text = clause.text;
      expect(text, clause.id).toBe(text.trim());
      expect(text, clause.id).not.toMatch(/[ \t]$/m);
      expect(text, clause.id).not.toMatch(/\n{3,}/);
      expect(text, clause.id).not.toMatch(/[<>\r\t]/);
      expect(text, clause.id).not.toMatch(/^(\* |\+ |\d+\. |#|> )/m);
      expect(text.length, clause.id).toBeGreaterThan(150);
    }
  });

  it('keeps every clause text exactly through the rich-text room document', () => {
    for (const clause of template.clauses) {
      const fragment = new Y.Doc().getXmlFragment('body');
      markdownToFragment(clause.text, fragment);
      expect(fragmentToMarkdown(fragment), clause.id).toBe(clause.text);
    }
  });

  it('becomes a room and exports back unchanged', () => {
    expect(exportTermSheet(createRoomDoc(template))).toEqual(template);
  });

  it('cannot be changed by a consumer', () => {
    expect(() => {
      (template as { title: string }).title = 'changed';
    }).toThrow(TypeError);
    expect(Object.isFrozen(template.clauses[0]?.params)).toBe(true);
  });
});

describe('the templates together', () => {
  const clauses = templateIds.flatMap((id) => templates[id].clauses);

  it('use every calculator-bound kind and every text kind of a term sheet', () => {
    const kinds = new Set(clauses.map((c) => c.kind));
    for (const kind of [...calculatorKinds, ...textKinds]) expect(kinds, kind).toContain(kind);
  });

  it('apply three split methods and carry the parameters of all four', () => {
    const sharing = clauses.flatMap((c) => (c.kind === 'value-sharing' ? [c.params] : []));
    expect(new Set(sharing.map((p) => p.method))).toEqual(
      new Set(['contribution', 'shapley', 'tiered']),
    );
    expect(sharing.some((p) => p.fixed !== undefined)).toBe(true);
    expect(sharing.some((p) => p.tiers !== undefined)).toBe(true);
    expect(sharing.some((p) => p.contribution !== undefined)).toBe(true);
  });

  it('show both cost recovery and its absence', () => {
    const sharing = clauses.flatMap((c) => (c.kind === 'value-sharing' ? [c.params] : []));
    expect(new Set(sharing.map((p) => p.costRecovery))).toEqual(new Set([true, false]));
  });
});

describe('templateSummaries', () => {
  it('lists each template once with its title, ecosystem and a one-line description', () => {
    expect(templateSummaries.map((s) => s.id)).toEqual([...templateIds]);
    for (const summary of templateSummaries) {
      expect(summary.title).toBe(templates[summary.id].title);
      expect(summary.ecosystem).toBe(summary.id);
      expect(summary.description).not.toMatch(/\n/);
      expect(summary.description.length).toBeGreaterThan(20);
    }
  });
});
