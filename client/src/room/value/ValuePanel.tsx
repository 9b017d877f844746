// The value panel: every party's figures for the chosen scenario, recomputed in this browser on
// every edit, then the charts (loaded after first paint) and the engine's issues; its analysis tab
// (loaded when opened) holds sensitivity, break-even, risk, separation and the fair settlement.
import { lazy, memo, Suspense, useDeferredValue, useMemo, useState } from 'react';
import { formatMoney, formatMoneyCompact, formatPercent } from '../../lib/format';
import { useShallow, useStore } from '../../lib/store';
import { kindTitle } from '../kindLabel';
import { humanizeMessage, paramName } from '../names';
import { useRoom } from '../RoomContext';
import { scrollToClause } from '../scrollToClause';
import { readScenarios } from './valueView';
import type { PartyTotals } from './valueView';

const LazyCharts = lazy(() => import('./ValueCharts'));
const AnalysisPanel = lazy(() => import('../analysis/AnalysisPanel'));

/** Charts redraw only when what they plot changes, not on every unrelated edit. */
const ValueCharts = memo(
  LazyCharts,
  (a, b) => a.scenarioId === b.scenarioId && a.signature === b.signature,
);

/** Where an issue outside every clause is, in words: the parties, the assumptions, the sheet. */
function issueArea(path: string): string {
  if (path.startsWith('parties')) return 'Parties';
  if (path.startsWith('assumptions')) return 'Assumptions';
  if (path.startsWith('clauses')) return 'Clauses';
  return 'Term sheet';
}

/** The first word of a party's name, enough to tell columns apart in a narrow panel. */
function shortName(name: string): string {
  const first = name.trim().split(/\s+/)[0] ?? name;
  return first.length >= 3 ? first : name;
}

function pct(v: number | null): string {
  return v === null ? '—' : formatPercent(v, 1);
}

export function ValuePanel() {
  const { model } = useRoom();
  const { sheet, value, issues } = useStore(
    model.state,
    useShallow(({ sheet, value, issues }) => ({ sheet, value, issues })),
  );
  const scenarios = useMemo(() => readScenarios(value), [value]);
  const signature = useMemo(
    () =>
      JSON.stringify([
        scenarios,
        sheet.parties,
        sheet.assumptions.scenarios.map((s) => s.name),
        sheet.currency,
      ]),
    [scenarios, sheet],
  );
  const [chosen, setChosen] = useState<string | null>(null);
  const [showCharts, setShowCharts] = useState(true);
  const [view, setView] = useState<'figures' | 'analysis'>('figures');
  const scenario =
    scenarios.find((s) => s.id === chosen) ??
    scenarios.find((s) => s.id === 'base') ??
    scenarios[0];
  const scenarioNames = new Map(sheet.assumptions.scenarios.map((s) => [s.id, s.name]));
  // The figures update with the keystroke; the charts follow in a render that typing may interrupt.
  const deferred = useDeferredValue({
    scenarios,
    scenarioId: scenario?.id ?? '',
    sheet,
    signature,
  });
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity !== 'error');
  const hasLegacy = scenario
    ? Object.values(scenario.totals).some((t) => t.legacyNet !== null)
    : false;
  const hasContribution = scenario
    ? Object.values(scenario.totals).some((t) => t.contributionSharePct !== null)
    : false;
  const currency = sheet.currency;
  const parties = sheet.parties.map((party, index) => ({ party, index }));
  const money = (v: number) => ({
    text: formatMoneyCompact(v, currency),
    title: formatMoney(v, currency),
    negative: v < 0,
  });
  const rows: {
    key: string;
    label: string;
    strong?: boolean;
    render: (t: PartyTotals) => { text: string; title?: string; negative?: boolean };
  }[] = [
    { key: 'allocation', label: 'Allocation', strong: true, render: (t) => money(t.allocation) },
    { key: 'costs', label: 'Costs', render: (t) => money(t.costs) },
    { key: 'net', label: 'Net', strong: true, render: (t) => money(t.net) },
    { key: 'npv', label: 'NPV', render: (t) => money(t.npv) },
    {
      key: 'share',
      label: 'Allocation share',
      render: (t) => ({ text: pct(t.allocationSharePct) }),
    },
    { key: 'shapley', label: 'Shapley share', render: (t) => ({ text: pct(t.shapleySharePct) }) },
    ...(hasContribution
      ? [
          {
            key: 'contribution',
            label: 'Contribution share',
            render: (t: PartyTotals) => ({ text: pct(t.contributionSharePct) }),
          },
        ]
      : []),
    ...(hasLegacy
      ? [
          {
            key: 'legacy',
            label: 'Legacy net',
            render: (t: PartyTotals) => (t.legacyNet === null ? { text: '—' } : money(t.legacyNet)),
          },
        ]
      : []),
    {
      key: 'exit',
      label: 'Exit trigger',
      render: (t) => ({
        text: t.exitTriggerPeriod === null ? 'None' : `Period ${t.exitTriggerPeriod}`,
        negative: t.exitTriggerPeriod !== null,
      }),
    },
  ];

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

      <div className="value-tabs" role="tablist" aria-label="Value views">
        {(['figures', 'analysis'] as const).map((v) => (
          <button
            key={v}
            type="button"
            role="tab"
            id={`value-tab-${v}`}
            aria-selected={view === v}
            aria-controls={`value-view-${v}`}
            className={`value-tab${view === v ? ' is-on' : ''}`}
            onClick={() => setView(v)}
          >
            {v === 'figures' ? 'Figures' : 'Analysis'}
          </button>
        ))}
      </div>

      {view === 'analysis' && (
        <div role="tabpanel" id="value-view-analysis" aria-labelledby="value-tab-analysis">
          <Suspense fallback={<div className="chart-placeholder">Loading the analyses…</div>}>
            <AnalysisPanel scenarioId={scenario?.id ?? chosen ?? ''} />
          </Suspense>
        </div>
      )}

      {view === 'figures' && (
        <div
          role="tabpanel"
          id="value-view-figures"
          aria-labelledby="value-tab-figures"
          className="value-figures"
        >
          {errors.length > 0 && (
            <p className="value-blocked" role="status">
              The calculator needs {errors.length} fix{errors.length === 1 ? '' : 'es'} before it
              can show results.
            </p>
          )}

          {scenario && parties.length > 5 && (
            <p className="hint scroll-hint">Scroll the table sideways to see every party.</p>
          )}
          {scenario && (
            <div
              className={`table-scroll${parties.length > 5 ? ' scrolls-visibly' : ''}`}
              // A box that may scroll is reachable with the keyboard, to scroll it with the arrows.
              tabIndex={0}
              role="region"
              aria-label="Totals per party"
            >
              <table
                className={`totals-table${parties.length > 5 ? '' : ' is-fitted'}`}
                aria-label={`Totals over the term, ${scenarioNames.get(scenario.id) ?? scenario.id} scenario`}
              >
                <thead>
                  <tr>
                    <th scope="col">
                      <span className="visually-hidden">Measure</span>
                    </th>
                    {parties.map(({ party, index }) => (
                      <th key={party.id} scope="col" data-party={party.id} title={party.name}>
                        <span className="party-head">
                          <span
                            className="party-dot"
                            style={{ background: `var(--party-${index % 16})` }}
                            aria-hidden="true"
                          />
                          <span aria-hidden="true">{shortName(party.name)}</span>
                          <span className="visually-hidden">{party.name}</span>
                        </span>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr
                      key={row.key}
                      data-measure={row.key}
                      className={row.strong ? 'is-strong' : undefined}
                    >
                      <th scope="row">{row.label}</th>
                      {parties.map(({ party }) => {
                        const t = scenario.totals[party.id];
                        const cell = t ? row.render(t) : { text: '—' };
                        return (
                          <td
                            key={party.id}
                            data-party={party.id}
                            title={cell.title}
                            className={cell.negative ? 'is-negative' : undefined}
                          >
                            {cell.text}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
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
                  <ValueCharts
                    scenarios={deferred.scenarios}
                    scenarioId={deferred.scenarioId}
                    sheet={deferred.sheet}
                    signature={deferred.signature}
                  />
                </Suspense>
              )}
            </div>
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
                      {kindTitle(clause)}
                      {issue.param
                        ? ` · ${paramName(clause.params, issue.param, sheet.parties)}`
                        : ''}
                    </button>
                  ) : (
                    <span className="issue-path">{issueArea(issue.path)}</span>
                  )}
                  <span className="issue-message">
                    {humanizeMessage(issue.message, sheet, issue.clauseId)}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </aside>
  );
}
