// The sensitivity analysis as plain text: one row per parameter, largest swing first.
import type { SensitivityAnalysis } from '../analysis/sensitivity-result';
import type { TermSheet } from '../termsheet/schema';
import { formatNumber, textContext } from './analysisText';
import { formatIssues } from './issuesTable';
import { renderTextTable } from './textTable';
import type { TextColumn } from './textTable';

export function formatSensitivityTable(
  analysis: SensitivityAnalysis,
  ts: TermSheet | null,
): string {
  const r = analysis.result;
  if (!r || !ts) return `No results (see the issues below).\n\n${formatIssues(analysis.issues)}\n`;
  const c = textContext(ts);
  const step = formatNumber(r.stepPct);
  const title =
    `Sensitivity of ${c.party(r.partyId)} in scenario ${c.scenario(r.scenarioId)}, each value ` +
    `moved by -${step} % and +${step} %: net ${c.money(r.net)} ${c.currency}, NPV ${c.money(r.npv)} ${c.currency}`;
  const columns: TextColumn[] = [
    { header: 'Parameter', align: 'left' },
    { header: 'Value', align: 'right' },
    { header: `Net -${step} %`, align: 'right' },
    { header: `Net +${step} %`, align: 'right' },
    { header: `NPV -${step} %`, align: 'right' },
    { header: `NPV +${step} %`, align: 'right' },
  ];
  const rows = r.entries.map((e) => [
    e.label,
    e.base === null ? 'series' : c.value(e.base, e.unit),
    c.delta(e.down.netChange),
    c.delta(e.up.netChange),
    c.delta(e.down.npvChange),
    c.delta(e.up.npvChange),
  ]);
  const notes = r.entries.flatMap((e) =>
    [
      ['-', e.down],
      ['+', e.up],
    ].flatMap(([sign, m]) =>
      typeof m === 'object' && m.issues.length > 0
        ? [`  ${e.label} ${String(sign)}${step} %: ${m.issues.map((i) => i.message).join('; ')}`]
        : [],
    ),
  );
  const sections = [`${title}\n${renderTextTable(columns, rows)}`];
  if (notes.length > 0) sections.push(`Moves without figures:\n${notes.join('\n')}`);
  if (r.skipped.length > 0) {
    sections.push(
      `Not moved: ${r.skipped.length} parameter(s) that are 0, count periods, or cannot change a net.`,
    );
  }
  sections.push(formatIssues(analysis.issues));
  return `${sections.join('\n\n')}\n`;
}
