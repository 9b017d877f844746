import { lazy, Suspense, useState } from 'react';
import { formatMoney, formatPercent } from '../../lib/format';
import { scrollToClause } from '../outline/ClauseOutline';
import { useSnapshot } from '../RoomContext';
import { readScenarios } from './valueView';

const ValueCharts = lazy(() => import('./ValueCharts'));

function pct(v: number | null): string {
  return v === null ? '—' : formatPercent(v, 1);
}

export function ValuePanel() {
  const { sheet, value, issues } = useSnapshot();
  const scenarios = readScenarios(value);
  const [chosen, setChosen] = useState<string | null>(null);
  const [showCharts, setShowCharts] = useState(true);
  const scenario =
    scenarios.find((s) => s.id === chosen) ??
    scenarios.find((s) => s.id === 'base') ??
    scenarios[0];
  const scenarioNames = new Map(sheet.assumptions.scenarios.map((s) => [s.id, s.name]));
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity !== 'error');
  const hasLegacy = scenario
    ? Object.values(scenario.totals).some((t) => t.legacyNet !== null)
    : false;
  const hasContribution = scenario
    ? Object.values(scenario.totals).some((t) => t.contributionSharePct !== null)
    : false;
  const currency = sheet.currency;

  return (
    <aside className="value-panel" aria-labelledby="value-heading">
      <div className="value-head">
        <h2 id="value-heading">Value</h2>
        {scenarios.length > 0 && (
          <div className="segmented" role="radiogroup" aria-label="Scenario">
            {scenarios.map((s) => (
              <button
                key={s.id}
                type="button"
                role="radio"
                aria-checked={scenario?.id === s.id}
                className={`segment${scenario?.id === s.id ? ' is-on' : ''}`}
                onClick={() => setChosen(s.id)}
              >
                {scenarioNames.get(s.id) ?? s.id}
              </button>
            ))}
          </div>
        )}
      </div>

      {errors.length > 0 && (
        <p className="value-blocked" role="status">
          The calculator needs {errors.length} fix{errors.length === 1 ? '' : 'es'} before it can
          show results.
        </p>
      )}

      {scenario && (
        <div className="table-scroll">
          <table
            className="totals-table"
            aria-label={`Totals over the term, ${scenarioNames.get(scenario.id) ?? scenario.id} scenario`}
          >
            <thead>
              <tr>
                <th scope="col">Party</th>
                <th scope="col">Allocation</th>
                <th scope="col">Costs</th>
                <th scope="col">Net</th>
                <th scope="col">NPV</th>
                <th scope="col">Share</th>
                <th scope="col">Shapley</th>
                {hasContribution && <th scope="col">Contribution</th>}
                {hasLegacy && <th scope="col">Legacy net</th>}
                <th scope="col">Exit trigger</th>
              </tr>
            </thead>
            <tbody>
              {sheet.parties.map((party, i) => {
                const t = scenario.totals[party.id];
                if (!t) return null;
                return (
                  <tr key={party.id} data-party={party.id}>
                    <th scope="row">
                      <span
                        className="party-dot"
                        style={{ background: `var(--party-${i % 16})` }}
                        aria-hidden="true"
                      />
                      {party.name}
                    </th>
                    <td>{formatMoney(t.allocation, currency)}</td>
                    <td>{formatMoney(t.costs, currency)}</td>
                    <td className={t.net < 0 ? 'is-negative' : undefined}>
                      {formatMoney(t.net, currency)}
                    </td>
                    <td className={t.npv < 0 ? 'is-negative' : undefined}>
                      {formatMoney(t.npv, currency)}
                    </td>
                    <td>{pct(t.allocationSharePct)}</td>
                    <td>{pct(t.shapleySharePct)}</td>
                    {hasContribution && <td>{pct(t.contributionSharePct)}</td>}
                    {hasLegacy && (
                      <td>{t.legacyNet === null ? '—' : formatMoney(t.legacyNet, currency)}</td>
                    )}
                    <td>
                      {t.exitTriggerPeriod === null ? 'None' : `Period ${t.exitTriggerPeriod}`}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      {scenario && (
        <div className="charts-block">
          <div className="charts-head">
            <h3>Charts</h3>
            <button
              type="button"
              className="btn btn-ghost btn-sm"
              aria-expanded={showCharts}
              onClick={() => setShowCharts(!showCharts)}
            >
              {showCharts ? 'Hide charts' : 'Show charts'}
            </button>
          </div>
          {showCharts && (
            <Suspense fallback={<div className="chart-placeholder">Loading charts…</div>}>
              <ValueCharts scenarios={scenarios} scenarioId={scenario.id} sheet={sheet} />
            </Suspense>
          )}
        </div>
      )}

      <section className="issues-block" aria-labelledby="issues-heading">
        <h3 id="issues-heading">
          Issues{' '}
          <span className="muted">
            {errors.length} error{errors.length === 1 ? '' : 's'}, {warnings.length} warning
            {warnings.length === 1 ? '' : 's'}
          </span>
        </h3>
        {issues.length === 0 ? (
          <p className="muted small">No issues: the term sheet is consistent.</p>
        ) : (
          <ul className="issue-list">
            {issues.map((issue, i) => {
              const clause = sheet.clauses.find((c) => c.id === issue.clauseId);
              return (
                <li key={i} className={`issue sev-${issue.severity}`}>
                  <span className={`sev sev-${issue.severity}`}>{issue.severity}</span>
                  {clause ? (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => scrollToClause(clause.id, issue.param)}
                    >
                      {clause.title || clause.kind}
                      {issue.param ? ` · ${issue.param}` : ''}
                    </button>
                  ) : (
                    <code className="issue-path">{issue.path}</code>
                  )}
                  <span className="issue-message">{issue.message}</span>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </aside>
  );
}
