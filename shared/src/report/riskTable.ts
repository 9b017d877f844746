// The risk analyses as plain text: probability-weighted totals, then the Monte Carlo spread of
// each party's net per scenario and over all scenarios.
import type { MonteCarloAnalysis } from '../analysis/monte-carlo-result';
import type { PartyRisk } from '../analysis/risk-stats';
import type { TermSheet } from '../termsheet/schema';
import { EMPTY, formatNumber, textContext } from './analysisText';
import type { TextContext } from './analysisText';
import { formatIssues } from './issuesTable';
import { renderTextTable } from './textTable';
import type { TextColumn } from './textTable';

function riskRows(
  c: TextContext,
  parties: Record<string, PartyRisk & { deterministicNet?: number }>,
  withScenario: boolean,
): string[][] {
  return Object.entries(parties).map(([id, p]) => [
    c.party(id),
    formatNumber(p.netBelowZeroPct),
    c.money(p.net.p5),
    c.money(p.net.p50),
    c.money(p.net.p95),
    ...(withScenario ? [c.money(p.deterministicNet)] : []),
    formatNumber(p.exit.firedPct),
    p.exit.periods
      .slice(0, 3)
      .map((x) => `${x.period} (${formatNumber(x.pct)} %)`)
      .join(', ') || EMPTY,
  ]);
}

function riskColumns(c: TextContext, withScenario: boolean): TextColumn[] {
  return [
    { header: 'Party', align: 'left' },
    { header: 'P(net < 0) %', align: 'right' },
    { header: `P5 net (${c.currency})`, align: 'right' },
    { header: 'P50 net', align: 'right' },
    { header: 'P95 net', align: 'right' },
    ...(withScenario ? [{ header: 'Scenario net', align: 'right' as const }] : []),
    { header: 'Exit fires %', align: 'right' },
    { header: `Most frequent exit ${c.periodUnit}s`, align: 'left' },
  ];
}

export function formatRiskTable(analysis: MonteCarloAnalysis, ts: TermSheet | null): string {
  const r = analysis.result;
  if (!r || !ts) return `No results (see the issues below).\n\n${formatIssues(analysis.issues)}\n`;
  const c = textContext(ts);
  const sections: string[] = [];
  const weighted = r.probabilityWeighted;
  if (weighted) {
    const probabilities = weighted.probabilities
      .map((p) => `${c.scenario(p.scenarioId)} ${formatNumber(p.probabilityPct)} %`)
      .join(', ');
    const columns: TextColumn[] = [
      { header: 'Party', align: 'left' },
      { header: `Allocation (${c.currency})`, align: 'right' },
      { header: 'Costs', align: 'right' },
      { header: 'Net', align: 'right' },
      { header: 'NPV', align: 'right' },
    ];
    const rows = Object.entries(weighted.parties).map(([id, t]) => [
      c.party(id),
      c.money(t.allocation),
      c.money(t.costs),
      c.money(t.net),
      c.money(t.npv),
    ]);
    sections.push(`Probability-weighted (${probabilities})\n${renderTextTable(columns, rows)}`);
  } else {
    sections.push('Probability-weighted: the scenarios carry no probabilities.');
  }
  for (const s of r.scenarios) {
    const drivers =
      s.volatileDrivers.length === 0
        ? 'no volatile driver: every path is the scenario'
        : s.volatileDrivers.map((d) => `${d.driver} ${formatNumber(d.volatilityPct)} %`).join(', ');
    sections.push(
      `Monte Carlo, scenario ${c.scenario(s.id)}: ${r.paths} paths, seed ${r.seed}, volatility ${drivers}\n` +
        renderTextTable(riskColumns(c, true), riskRows(c, s.parties, true)),
    );
  }
  if (r.combined) {
    sections.push(
      `Monte Carlo, all scenarios weighted by probability\n` +
        renderTextTable(riskColumns(c, false), riskRows(c, r.combined.parties, false)),
    );
  }
  sections.push(formatIssues(analysis.issues));
  return `${sections.join('\n\n')}\n`;
}
