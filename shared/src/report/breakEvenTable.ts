// The break-even analysis as plain text: per scenario, each party's break-even volume scales.
import type { BreakEvenAnalysis, DriverBreakEven } from '../analysis/break-even-result';
import type { TermSheet } from '../termsheet/schema';
import { formatNumber, textContext } from './analysisText';
import { formatIssues } from './issuesTable';
import { renderTextTable } from './textTable';
import type { TextColumn } from './textTable';

function describe(d: DriverBreakEven): string {
  if (d.status === 'always')
    return `net >= 0 at every scale up to x${formatNumber(d.searchedUpTo)}`;
  if (d.status === 'never') return `net < 0 at every scale up to x${formatNumber(d.searchedUpTo)}`;
  return d.crossings
    .map((x) =>
      x.direction === 'rising'
        ? `breaks even from x${x.scale.toFixed(4)}`
        : `falls below 0 from x${x.otherScale.toFixed(4)}`,
    )
    .join(', ');
}

export function formatBreakEvenTable(analysis: BreakEvenAnalysis, ts: TermSheet | null): string {
  const r = analysis.result;
  if (!r || !ts) return `No results (see the issues below).\n\n${formatIssues(analysis.issues)}\n`;
  const c = textContext(ts);
  const columns: TextColumn[] = [
    { header: 'Party', align: 'left' },
    { header: `Net (${c.currency})`, align: 'right' },
    { header: 'Volumes scaled', align: 'left' },
    { header: 'Break-even (multiple of the scenario volumes)', align: 'left' },
  ];
  const sections = r.scenarios.map((s) => {
    const rows = s.parties.flatMap((p) =>
      p.drivers.map((d, k) => [
        k === 0 ? c.party(p.partyId) : '',
        k === 0 ? c.money(p.net) : '',
        d.driver ?? 'all together',
        describe(d),
      ]),
    );
    return `Scenario ${c.scenario(s.id)}\n${renderTextTable(columns, rows)}`;
  });
  sections.push(formatIssues(analysis.issues));
  return `${sections.join('\n\n')}\n`;
}
