// How big a term sheet may be: bounds on what multiplies the engine's work (periods × scenarios,
// streams, KPIs, drivers) and on its text, so that no sheet can stall a server or a browser.
import type { Issue } from './issues';
import type { TermSheet } from './schema';

/** Periods times scenarios: the engine computes every period of every scenario. */
export const MAX_PERIOD_SCENARIOS = 1_200;
export const MAX_STREAMS = 50;
export const MAX_KPIS = 50;
/** Drivers per scenario. */
export const MAX_DRIVERS = 100;
/** Characters of one clause's text (Markdown). */
export const MAX_CLAUSE_TEXT_LENGTH = 20_000;
/** Characters of every clause's text together. */
export const MAX_SHEET_TEXT_LENGTH = 200_000;

function tooLarge(path: string, message: string, clauseId?: string): Issue {
  return {
    severity: 'error',
    code: 'sheet-too-large',
    path,
    message,
    ...(clauseId !== undefined ? { clauseId } : {}),
  };
}

const count = (n: number) => n.toLocaleString('en-GB');

/** Every size limit the sheet exceeds, each naming the limit and the sheet's own figure. */
export function sizeIssues(sheet: TermSheet): Issue[] {
  const issues: Issue[] = [];
  const { periods, scenarios } = sheet.assumptions;
  if (periods * scenarios.length > MAX_PERIOD_SCENARIOS) {
    issues.push(
      tooLarge(
        'assumptions',
        `The sheet has ${count(periods)} periods × ${count(scenarios.length)} scenarios = ${count(periods * scenarios.length)}; at most ${count(MAX_PERIOD_SCENARIOS)} are allowed (fewer periods, e.g. quarters, or fewer scenarios)`,
      ),
    );
  }
  scenarios.forEach((scenario, i) => {
    const drivers = Object.keys(scenario.drivers).length;
    if (drivers > MAX_DRIVERS) {
      issues.push(
        tooLarge(
          `assumptions.scenarios.${i}.drivers`,
          `Scenario "${scenario.name || scenario.id}" has ${count(drivers)} drivers; at most ${MAX_DRIVERS} are allowed`,
        ),
      );
    }
  });
  let text = 0;
  sheet.clauses.forEach((clause, i) => {
    text += clause.text.length;
    if (clause.text.length > MAX_CLAUSE_TEXT_LENGTH) {
      issues.push(
        tooLarge(
          `clauses.${i}.text`,
          `The text of clause "${clause.title || clause.id}" has ${count(clause.text.length)} characters; at most ${count(MAX_CLAUSE_TEXT_LENGTH)} are allowed`,
          clause.id,
        ),
      );
    }
    const list =
      clause.kind === 'revenue'
        ? { items: clause.params.streams.length, max: MAX_STREAMS, what: 'revenue streams' }
        : clause.kind === 'outcomes'
          ? { items: clause.params.kpis.length, max: MAX_KPIS, what: 'KPIs' }
          : null;
    if (list !== null && list.items > list.max) {
      issues.push(
        tooLarge(
          `clauses.${i}.params`,
          `Clause "${clause.title || clause.id}" has ${count(list.items)} ${list.what}; at most ${list.max} are allowed`,
          clause.id,
        ),
      );
    }
  });
  if (text > MAX_SHEET_TEXT_LENGTH) {
    issues.push(
      tooLarge(
        'clauses',
        `The clauses' text has ${count(text)} characters in all; at most ${count(MAX_SHEET_TEXT_LENGTH)} are allowed`,
      ),
    );
  }
  return issues;
}
