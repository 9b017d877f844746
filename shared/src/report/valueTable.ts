// A value result as a plain-text report: one table per scenario, then the issues, as `pnpm calc`
// prints it.
import type { ValueResult } from '../engine/result';
import type { TermSheet } from '../termsheet/schema';
import { currencyDigits, formatInteger, formatMinorUnits } from './money';
import { formatIssues } from './issuesTable';
import { renderTextTable } from './textTable';
import type { TextColumn } from './textTable';

type ScenarioResult = ValueResult['scenarios'][number];
type PartyTotals = ScenarioResult['totals'][string];

const empty = '-';

function formatPct(value: number | null | undefined): string {
  return value === null || value === undefined ? empty : value.toFixed(2);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * A plain-text report of a value result for terminals and logs: one table per scenario
 * (party totals over the term) followed by the issues. With the term sheet, amounts are
 * shown in major units of its currency and parties and scenarios by name; without it,
 * amounts stay in minor units and everything is shown by id.
 */
export function formatValueTable(result: ValueResult, termsheet?: TermSheet): string {
  const currency = termsheet?.currency;
  const digits = currency === undefined ? 0 : currencyDigits(currency);
  const money = (amount: number | null | undefined): string => {
    if (amount === null || amount === undefined) return empty;
    return currency === undefined ? formatInteger(amount) : formatMinorUnits(amount, digits);
  };
  const unitLabel = currency ?? 'minor units';
  const periodUnit = termsheet?.assumptions.periodUnit ?? 'period';

  const sections: string[] = [];
  if (result.scenarios.length === 0) {
    sections.push('No results: the term sheet has errors (see the issues below).');
  }
  for (const scenario of result.scenarios) {
    sections.push(formatScenario(scenario));
  }
  sections.push(formatIssues(result.issues));
  return sections.join('\n\n') + '\n';

  function partyOrder(totals: Record<string, PartyTotals>): string[] {
    const known = termsheet?.parties.map((p) => p.id).filter((id) => id in totals) ?? [];
    return [...known, ...Object.keys(totals).filter((id) => !known.includes(id))];
  }

  function partyLabel(id: string): string {
    const party = termsheet?.parties.find((p) => p.id === id);
    return party === undefined ? id : `${party.name} (${id})`;
  }

  function formatScenario(scenario: ScenarioResult): string {
    const name =
      termsheet?.assumptions.scenarios.find((s) => s.id === scenario.id)?.name ?? scenario.name;
    const pool = scenario.periods.reduce((sum, period) => sum + period.pool, 0);
    const title =
      `Scenario ${name === '' || name === scenario.id ? scenario.id : `${name} (${scenario.id})`}: ` +
      `pool ${money(pool)} ${unitLabel} over ${plural(scenario.periods.length, periodUnit)}`;

    const columns: TextColumn[] = [
      { header: 'Party', align: 'left' },
      { header: `Allocation (${unitLabel})`, align: 'right' },
      { header: 'Costs', align: 'right' },
      { header: 'Net', align: 'right' },
      { header: 'NPV', align: 'right' },
      { header: 'Share %', align: 'right' },
      { header: 'Shapley %', align: 'right' },
      { header: 'Contrib. %', align: 'right' },
      { header: 'Legacy net', align: 'right' },
      { header: 'Exit trigger', align: 'left' },
    ];
    const ids = partyOrder(scenario.totals);
    const rows = ids.map((id) => {
      const t = scenario.totals[id] as PartyTotals;
      return [
        partyLabel(id),
        money(t.allocation),
        money(t.costs),
        money(t.net),
        money(t.npv),
        formatPct(t.allocationSharePct),
        formatPct(t.shapleySharePct),
        formatPct(t.contributionSharePct),
        money(t.legacyNet),
        t.exitTriggerPeriod === null || t.exitTriggerPeriod === undefined
          ? empty
          : `${periodUnit} ${t.exitTriggerPeriod}`,
      ];
    });
    const all = ids.map((id) => scenario.totals[id] as PartyTotals);
    const sum = (pick: (t: PartyTotals) => number) => all.reduce((s, t) => s + pick(t), 0);
    const hasLegacy = all.some((t) => t.legacyNet !== null && t.legacyNet !== undefined);
    rows.push([
      'Total',
      money(sum((t) => t.allocation)),
      money(sum((t) => t.costs)),
      money(sum((t) => t.net)),
      money(sum((t) => t.npv)),
      '',
      '',
      '',
      hasLegacy ? money(sum((t) => t.legacyNet ?? 0)) : '',
      '',
    ]);
    return `${title}\n${renderTextTable(columns, rows)}`;
  }
}
