// The separation analysis as plain text: per scenario, the settlement and each party's figures
// with and without the exit.
import type { SeparationAnalysis } from '../analysis/separation-result';
import type { TermSheet } from '../termsheet/schema';
import { formatNumber, textContext } from './analysisText';
import { formatIssues } from './issuesTable';
import { renderTextTable } from './textTable';
import type { TextColumn } from './textTable';

export function formatSeparationTable(analysis: SeparationAnalysis, ts: TermSheet | null): string {
  const r = analysis.result;
  if (!r || !ts) return `No results (see the issues below).\n\n${formatIssues(analysis.issues)}\n`;
  const c = textContext(ts);
  const unit = c.periodUnit;
  const t = r.terms;
  const sections = [
    `${c.party(r.partyId)} gives notice in ${unit} ${r.noticePeriod}. Terms: ${t.noticePeriods} ${unit}(s) of notice, ` +
      `${formatNumber(t.reimbursedPct)} % of unrecovered upfront costs reimbursed, termination fee ` +
      `${c.money(t.terminationFee)} ${c.currency}${t.waivedOnTrigger ? ' (waived when a trigger fired)' : ''}, ` +
      `streams that need the leaver ${t.streamsOnExit === 'stop' ? 'stop' : 'continue'}.`,
  ];
  const columns: TextColumn[] = [
    { header: 'Party', align: 'left' },
    { header: `Settlement (${c.currency})`, align: 'right' },
    { header: 'Net before', align: 'right' },
    { header: 'Net after', align: 'right' },
    { header: 'Change', align: 'right' },
    { header: 'NPV before', align: 'right' },
    { header: 'NPV after', align: 'right' },
    { header: 'Allocation after exit', align: 'right' },
  ];
  for (const s of r.scenarios) {
    const when =
      s.exitPeriod === null
        ? `the notice runs to the end of the term: nothing changes`
        : `last ${unit} ${s.lastPeriod}, gone from ${unit} ${s.exitPeriod}` +
          (s.triggerFired ? ', under an exit trigger' : '');
    const st = s.settlement;
    const settlement =
      `Unrecovered upfront costs ${c.money(st.unrecoveredUpfront)}, reimbursed ${c.money(st.reimbursement)}, ` +
      `termination fee ${c.money(st.terminationFee)}${st.feeWaived ? ' (waived)' : ''}`;
    const streams = s.streams.map((x) => `${x.id} ${x.status}`).join(', ') || 'none';
    const rows = Object.entries(s.parties).map(([id, p]) => [
      `${c.party(id)}${p.continuing ? '' : ' (leaves)'}`,
      c.delta(p.after.settlement),
      c.money(p.before.net),
      c.money(p.after.net),
      c.delta(p.change.net),
      c.money(p.before.npv),
      c.money(p.after.npv),
      p.continuing ? c.money(p.afterExit.allocation) : '-',
    ]);
    sections.push(
      `Scenario ${c.scenario(s.id)}: ${when}\n${settlement}\nStreams: ${streams}\n${renderTextTable(columns, rows)}`,
    );
  }
  sections.push(formatIssues(analysis.issues));
  return `${sections.join('\n\n')}\n`;
}
