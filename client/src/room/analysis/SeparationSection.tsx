// Separation: "what if this party leaves in period t?" Each party's settlement, its net before and
// after, and the continuing parties' new allocations once the leaver has gone.
import { useId, useState } from 'react';
import { formatMoney, formatMoneyCompact } from '../../lib/format';
import type { Sheet } from '../sheet';
import type { AnalysisRunner } from './analysisRunner';
import { AnalysisStatus } from './AnalysisStatus';
import { useSheetJob } from './useSheetJob';

interface Props {
  runner: AnalysisRunner;
  sheet: Sheet;
  scenarioId: string;
  partyId: string;
}

function signedMoney(v: number, currency: string): string {
  const text = formatMoneyCompact(Math.abs(v), currency);
  return v > 0 ? `+${text}` : v < 0 ? `−${text}` : text;
}

export function SeparationSection({ runner, sheet, scenarioId, partyId }: Props) {
  const id = useId();
  const periods = Math.max(1, sheet.assumptions.periods);
  const [leaver, setLeaver] = useState<string | null>(null);
  const [period, setPeriod] = useState(Math.min(periods, Math.max(1, Math.round(periods / 3))));
  const leaverId = sheet.parties.some((p) => p.id === leaver) ? leaver! : partyId;
  const noticeIn = Math.min(Math.max(1, period), periods);
  const { data, pending, error } = useSheetJob(runner, {
    kind: 'separation',
    partyId: leaverId,
    period: noticeIn,
    scenarioId,
  });
  const result = data?.result ?? null;
  const scenario = result?.scenarios.find((s) => s.id === scenarioId) ?? null;
  const unit = sheet.assumptions.periodUnit;
  const currency = sheet.currency;
  const name = (pid: string) => sheet.parties.find((p) => p.id === pid)?.name ?? pid;
  const money = (v: number, signed = false) => (
    <span title={formatMoney(v, currency)} className={v < 0 ? 'is-negative' : undefined}>
      {signed ? signedMoney(v, currency) : formatMoneyCompact(v, currency)}
    </span>
  );

  return (
    <section className="analysis-section" aria-labelledby="separation-heading">
      <h3 id="separation-heading">What if a party leaves</h3>
      <div className="analysis-controls">
        <label htmlFor={`${id}-leaver`}>
          Leaving party
          <select
            id={`${id}-leaver`}
            className="input select"
            value={leaverId}
            onChange={(e) => setLeaver(e.target.value)}
          >
            {sheet.parties.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={`${id}-period`}>
          Gives notice in {unit}
          <input
            id={`${id}-period`}
            className="input"
            type="number"
            min={1}
            max={periods}
            step={1}
            value={period}
            onChange={(e) => {
              const v = Number(e.target.value);
              if (Number.isInteger(v)) setPeriod(v);
            }}
          />
        </label>
      </div>
      <AnalysisStatus
        pending={pending}
        error={error}
        hasData={data !== null}
        issues={data?.issues}
        what="separation"
      />
      {result && scenario && (
        <>
          <p className="small" data-testid="separation-summary">
            {scenario.exitPeriod === null
              ? `With ${result.terms.noticePeriods} ${unit}s' notice, ${name(leaverId)} would serve to the end of the term: nothing changes.`
              : `${name(leaverId)} serves ${result.terms.noticePeriods} ${unit}s' notice, settles at the end of ${unit} ${scenario.lastPeriod} and is gone from ${unit} ${scenario.exitPeriod}.`}{' '}
            {scenario.settlement.reimbursement > 0 &&
              `The others reimburse ${formatMoneyCompact(scenario.settlement.reimbursement, currency)} of its unrecovered upfront costs. `}
            {scenario.settlement.terminationFee > 0 &&
              `It pays a termination fee of ${formatMoneyCompact(scenario.settlement.terminationFee, currency)}. `}
            {scenario.settlement.feeWaived && 'Its exit trigger had fired, so the fee is waived. '}
          </p>
          <div
            className="table-scroll"
            tabIndex={0}
            role="region"
            aria-label="Separation per party"
          >
            <table className="analysis-table" data-table="separation">
              <caption className="visually-hidden">
                Settlement and net per party if {name(leaverId)} gives notice in {unit} {noticeIn}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Party</th>
                  <th scope="col">Settlement</th>
                  <th scope="col">Net before</th>
                  <th scope="col">Net after</th>
                  <th scope="col">Allocation after exit</th>
                </tr>
              </thead>
              <tbody>
                {sheet.parties.map((p) => {
                  const figures = scenario.parties[p.id];
                  if (!figures) return null;
                  return (
                    <tr key={p.id} data-party={p.id}>
                      <th scope="row">
                        {p.name}
                        {!figures.continuing && <span className="muted"> (leaves)</span>}
                      </th>
                      <td data-measure="settlement">
                        {money(scenario.settlement.transfers[p.id] ?? 0, true)}
                      </td>
                      <td>{money(figures.before.net)}</td>
                      <td data-measure="after">{money(figures.after.net)}</td>
                      <td data-measure="after-exit">
                        {figures.continuing ? money(figures.afterExit.allocation) : '—'}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
