// What every analysis does first: validate the term sheet once, build the engine model once, and
// resolve the scenario and party it was asked about.
import { buildModel } from '../engine/model';
import type { EngineModel } from '../engine/model';
import type { Issue } from '../termsheet/issues';
import { hasErrors } from '../termsheet/issues';
import type { Scenario, TermSheet } from '../termsheet/schema';
import { validateTermSheet } from '../termsheet/validate';
import { optionIssue } from './outcome';

export interface Prepared {
  ts: TermSheet;
  model: EngineModel;
  /** The sheet's warnings, passed on with the analysis. */
  issues: Issue[];
}

export function prepare(input: unknown): Prepared | { issues: Issue[] } {
  const { termsheet, issues } = validateTermSheet(input);
  if (!termsheet || hasErrors(issues)) return { issues };
  try {
    return { ts: termsheet, model: buildModel(termsheet), issues };
  } catch (error) {
    return {
      issues: [
        ...issues,
        {
          severity: 'error',
          code: 'internal-error',
          path: '',
          message: `The analysis could not start: ${error instanceof Error ? error.message : String(error)}`,
        },
      ],
    };
  }
}

export function isPrepared(p: Prepared | { issues: Issue[] }): p is Prepared {
  return 'ts' in p;
}

function quoted(ids: readonly string[]): string {
  return ids.map((id) => `"${id}"`).join(', ');
}

/** The scenario named `id` (the first scenario when `id` is undefined), or an issue. */
export function findScenario(
  ts: TermSheet,
  id: string | undefined,
): { scenario: Scenario; index: number } | Issue {
  const scenarios = ts.assumptions.scenarios;
  const index = id === undefined ? 0 : scenarios.findIndex((s) => s.id === id);
  const scenario = scenarios[index];
  if (index < 0 || !scenario) {
    return optionIssue(
      'unknown-scenario',
      `There is no scenario "${String(id)}" in this term sheet (scenarios: ${quoted(scenarios.map((s) => s.id))})`,
    );
  }
  return { scenario, index };
}

/** The position of party `id`, or an issue. */
export function findParty(ts: TermSheet, id: string): number | Issue {
  const index = ts.parties.findIndex((p) => p.id === id);
  if (index < 0) {
    return optionIssue(
      'unknown-party',
      `There is no party "${id}" in this term sheet (parties: ${quoted(ts.parties.map((p) => p.id))})`,
    );
  }
  return index;
}

export function isIssue(x: unknown): x is Issue {
  return typeof x === 'object' && x !== null && 'severity' in x && 'code' in x;
}
