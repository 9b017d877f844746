// Risk: the probability-weighted figures when scenarios carry probabilities (computed here), and
// the server's Monte Carlo figures per party when drivers carry volatility: the chance of a loss,
// the range of net, and when exit triggers fire most often.
import type { PartyRisk } from '@parley/shared/analysis';
import { useState } from 'react';
import { formatMoney, formatMoneyCompact, formatPercent } from '../../lib/format';
import type { Sheet } from '../sheet';
import type { AnalysisRunner } from './analysisRunner';
import { AnalysisStatus } from './AnalysisStatus';
import { NetHistogram, RiskRangeChart } from './RiskCharts';
import { WeightedChart } from './WeightedChart';
import { useServerRisk } from './useServerRisk';
import { useSheetJob } from './useSheetJob';

interface Props {
  runner: AnalysisRunner;
  sheet: Sheet;
  scenarioId: string;
  partyId: string;
}

type Basis = 'scenario' | 'combined';

function Money({ v, currency }: { v: number; currency: string }) {
  return (
    <span title={formatMoney(v, currency)} className={v < 0 ? 'is-negative' : undefined}>
      {formatMoneyCompact(v, currency)}
    </span>
  );
}

function exitText(risk: PartyRisk, unit: string): string {
  if (risk.exit.firedPct === 0) return 'never fires';
  const top = risk.exit.periods
    .slice(0, 2)
    .map((p) => `${unit} ${p.period} (${formatPercent(p.pct, 1)})`)
    .join(', ');
  return `${formatPercent(risk.exit.firedPct, 1)} of paths; most often ${top}`;
}

function WeightedBlock({ runner, sheet }: Omit<Props, 'scenarioId' | 'partyId'>) {
  const { data, pending, error } = useSheetJob(runner, { kind: 'weighted' });
  const hasProbabilities = sheet.assumptions.scenarios.every((s) => s.probabilityPct !== null);
  if (!hasProbabilities)
    return (
      <p className="analysis-note">
        Give every scenario a probability in the assumptions to see each party&apos;s figures
        weighted by how likely each scenario is.
      </p>
    );
  const parties = sheet.parties.map((p, index) => ({
    ...p,
    index,
    totals: data?.parties[p.id] ?? null,
  }));
  return (
    <div className="analysis-block" data-block="weighted">
      <h4>Weighted by probability</h4>
      <AnalysisStatus
        pending={pending}
        error={error}
        hasData={data !== null}
        what="weighted figures"
      />
      {data && (
        <>
          <p className="small muted">
            {data.probabilities
              .map((p) => {
                const name =
                  sheet.assumptions.scenarios.find((s) => s.id === p.scenarioId)?.name ??
                  p.scenarioId;
                return `${name} ${formatPercent(p.probabilityPct, 2)}`;
              })
              .join(' · ')}
          </p>
          <WeightedChart
            parties={parties.flatMap((p) =>
              p.totals ? [{ id: p.id, name: p.name, index: p.index, totals: p.totals }] : [],
            )}
            currency={sheet.currency}
          />
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Weighted figures">
            <table className="analysis-table" data-table="weighted">
              <caption className="visually-hidden">
                Allocation, net and NPV per party, weighted by probability
              </caption>
              <thead>
                <tr>
                  <th scope="col">Party</th>
                  <th scope="col">Allocation</th>
                  <th scope="col">Net</th>
                  <th scope="col">NPV</th>
                </tr>
              </thead>
              <tbody>
                {parties.map((p) => (
                  <tr key={p.id} data-party={p.id}>
                    <th scope="row">{p.name}</th>
                    {p.totals ? (
                      <>
                        <td>
                          <Money v={p.totals.allocation} currency={sheet.currency} />
                        </td>
                        <td>
                          <Money v={p.totals.net} currency={sheet.currency} />
                        </td>
                        <td>
                          <Money v={p.totals.npv} currency={sheet.currency} />
                        </td>
                      </>
                    ) : (
                      <td colSpan={3}>—</td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}

export function RiskSection({ runner, sheet, scenarioId, partyId }: Props) {
  const risk = useServerRisk();
  const [basis, setBasis] = useState<Basis>('scenario');
  const result = risk.data?.result ?? null;
  const scenario = result?.scenarios.find((s) => s.id === scenarioId) ?? null;
  const combined = result?.combined ?? null;
  const shown: Basis = basis === 'combined' && combined ? 'combined' : 'scenario';
  const scenarioName =
    sheet.assumptions.scenarios.find((s) => s.id === scenarioId)?.name ?? scenarioId;
  const unit = sheet.assumptions.periodUnit;
  const currency = sheet.currency;
  const parties = sheet.parties.flatMap((p, index) => {
    const figures = shown === 'combined' ? combined?.parties[p.id] : scenario?.parties[p.id];
    if (!figures) return [];
    const asWritten =
      shown === 'scenario' && scenario ? (scenario.parties[p.id]?.deterministicNet ?? null) : null;
    return [{ id: p.id, name: p.name, index, risk: figures, asWritten }];
  });
  const chosen = parties.find((p) => p.id === partyId) ?? parties[0];
  const basisName = shown === 'combined' ? 'all scenarios by probability' : scenarioName;

  return (
    <section className="analysis-section" aria-labelledby="risk-heading">
      <h3 id="risk-heading">Risk</h3>
      <WeightedBlock runner={runner} sheet={sheet} />
      <div className="analysis-block" data-block="monte-carlo">
        <div className="analysis-section-head">
          <h4>
            Uncertain volumes ({(result?.paths ?? 1000).toLocaleString('en-GB')} simulated paths)
          </h4>
          {combined && (
            <div className="segmented" role="radiogroup" aria-label="Paths of">
              {(['scenario', 'combined'] as const).map((b) => (
                <button
                  key={b}
                  type="button"
                  role="radio"
                  aria-checked={shown === b}
                  className={`segment${shown === b ? ' is-on' : ''}`}
                  onClick={() => setBasis(b)}
                >
                  {b === 'scenario' ? scenarioName : 'All scenarios'}
                </button>
              ))}
            </div>
          )}
        </div>
        <AnalysisStatus
          pending={risk.pending}
          error={risk.error}
          hasData={risk.data !== null}
          issues={risk.data?.issues}
          what="risk figures"
        />
        {scenario && shown === 'scenario' && scenario.volatileDrivers.length === 0 && (
          <p className="analysis-note">
            No driver of this scenario has a volatility, so every path is the scenario as written.
            Give a growing driver or a series a volatility in the assumptions to see the spread.
          </p>
        )}
        {scenario && shown === 'scenario' && scenario.volatileDrivers.length > 0 && (
          <p className="small muted">
            Uncertain:{' '}
            {scenario.volatileDrivers
              .map((d) => `${d.driver} (${formatPercent(d.volatilityPct, 2)} a ${unit})`)
              .join(', ')}
            .
          </p>
        )}
        {parties.length > 0 && (
          <>
            <figure className="analysis-chart">
              <RiskRangeChart
                parties={parties}
                currency={currency}
                label={`Net over the term per party, ${basisName}: 5th to 95th percentile, middle half and median`}
              />
              <figcaption className="chart-legend">
                Line: 5th to 95th percentile · box: middle half · bar: median
                {shown === 'scenario' ? ' · dot: as written' : ''}
              </figcaption>
            </figure>
            <div className="table-scroll" tabIndex={0} role="region" aria-label="Risk per party">
              <table className="analysis-table" data-table="risk">
                <caption className="visually-hidden">
                  Chance of a loss and range of net per party, {basisName}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Party</th>
                    <th scope="col">P(net &lt; 0)</th>
                    <th scope="col">P5</th>
                    <th scope="col">P50</th>
                    <th scope="col">P95</th>
                  </tr>
                </thead>
                <tbody>
                  {parties.map((p) => (
                    <tr key={p.id} data-party={p.id}>
                      <th scope="row">{p.name}</th>
                      <td
                        data-measure="loss"
                        className={p.risk.netBelowZeroPct > 0 ? 'is-negative' : undefined}
                      >
                        {formatPercent(p.risk.netBelowZeroPct, 1)}
                      </td>
                      <td>
                        <Money v={p.risk.net.p5} currency={currency} />
                      </td>
                      <td>
                        <Money v={p.risk.net.p50} currency={currency} />
                      </td>
                      <td>
                        <Money v={p.risk.net.p95} currency={currency} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <ul className="analysis-exits small">
              {parties.map((p) => (
                <li key={p.id}>
                  <strong>{p.name}</strong>: exit trigger {exitText(p.risk, unit)}
                </li>
              ))}
            </ul>
            {chosen && (
              <figure className="analysis-chart">
                <figcaption className="chart-caption">
                  {chosen.name}: how the net spreads over the paths
                </figcaption>
                <NetHistogram
                  risk={chosen.risk}
                  currency={currency}
                  colourIndex={chosen.index}
                  label={`${chosen.name}'s net over the term across the simulated paths, ${basisName}; ${formatPercent(chosen.risk.netBelowZeroPct, 1)} of paths below zero`}
                />
              </figure>
            )}
          </>
        )}
      </div>
    </section>
  );
}
