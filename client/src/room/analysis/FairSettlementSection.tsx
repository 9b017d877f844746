// The mediator's fair settlement: asked of the server, from the walk-away values the parties shared
// with the mediator only; shows the suggested values and each party's NPV there, names conflicting
// bounds, and turns the suggestion into proposals in one click. Nothing reaches the parties before.
import type { NashResult } from '@parley/shared/analysis';
import type { SettlementAnswer } from '@parley/shared/protocol';
import { useState } from 'react';
import { formatMoney, formatMoneyCompact } from '../../lib/format';
import { kindTitle } from '../kindLabel';
import { useMediation } from '../mediation';
import { paramName, paramValueText } from '../names';
import type { Sheet } from '../sheet';

interface Props {
  sheet: Sheet;
  scenarioId: string;
}

export const SETTLEMENT_RATIONALE =
  'Fair settlement: inside every walk-away value the parties shared with the mediator, the values that maximise the product of each party’s gain in NPV over the legacy deal.';

/** What a party has without an agreement: its legacy deal when the sheet has one, else nothing. */
function statusText(status: NashResult['status'], over: string): string {
  return {
    found: `Every party gains over ${over} at these values.`,
    'no-gain': `No point inside the shared bounds gives every party a gain over ${over}; these values come closest (the largest smallest gain).`,
    conflict: 'The shared walk-away values exclude each other: there is nothing to suggest.',
    'nothing-to-search':
      'No party has shared a walk-away value on a term the search can move. Parties share them from “Our walk-away values” on a clause.',
  }[status];
}

export function FairSettlementSection({ sheet, scenarioId }: Props) {
  const { store } = useMediation();
  const [basis, setBasis] = useState<'all' | 'scenario'>('all');
  const [answer, setAnswer] = useState<SettlementAnswer | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [proposed, setProposed] = useState<number | null>(null);
  const currency = sheet.currency;
  const scenarioName =
    sheet.assumptions.scenarios.find((s) => s.id === scenarioId)?.name ?? scenarioId;
  const clause = (id: string) => sheet.clauses.find((c) => c.id === id);
  const label = (clauseId: string, param: string) => {
    const c = clause(clauseId);
    return c ? `${kindTitle(c)} · ${paramName(c.params, param, sheet.parties)}` : param;
  };
  const value = (clauseId: string, param: string, v: number) =>
    paramValueText(sheet, clause(clauseId), param, v);
  const name = (id: string) => sheet.parties.find((p) => p.id === id)?.name ?? id;
  const hasLegacy = sheet.clauses.some((c) => c.kind === 'legacy');

  const ask = async () => {
    setBusy(true);
    setError(null);
    setProposed(null);
    try {
      setAnswer(
        await store.call(
          'analysis:settlement',
          basis === 'scenario' ? { scenario: scenarioId } : {},
        ),
      );
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const propose = async (result: NashResult) => {
    setBusy(true);
    let made = 0;
    for (const change of result.proposals) {
      const created = await store.run('proposals:create', {
        clauseId: change.clauseId,
        params: change.params,
        rationale: SETTLEMENT_RATIONALE,
      });
      if (created) made++;
    }
    setProposed(made);
    setBusy(false);
  };

  const result = answer?.settlement.result ?? null;
  return (
    <section
      className="analysis-section"
      aria-labelledby="settlement-heading"
      data-section="settlement"
    >
      <h3 id="settlement-heading">Fair settlement</h3>
      <p className="analysis-lead small muted">
        Only you see this. From the walk-away values the parties shared with you, the values where
        the product of every party&apos;s gain over the legacy deal is largest (the Nash bargaining
        point). Nothing reaches the parties until you propose it.
      </p>
      <div className="analysis-controls">
        <div className="segmented" role="radiogroup" aria-label="Settle on the NPVs of">
          {(['all', 'scenario'] as const).map((b) => (
            <button
              key={b}
              type="button"
              role="radio"
              aria-checked={basis === b}
              className={`segment${basis === b ? ' is-on' : ''}`}
              onClick={() => setBasis(b)}
            >
              {b === 'all' ? 'All scenarios' : scenarioName}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="btn btn-secondary btn-sm"
          disabled={busy}
          onClick={() => void ask()}
        >
          {busy && !result ? 'Searching…' : 'Suggest a fair settlement'}
        </button>
      </div>
      {error && <p className="analysis-note is-error">{error}</p>}
      {answer && answer.settlement.result === null && (
        <p className="analysis-note is-error">
          {answer.settlement.issues.find((i) => i.severity === 'error')?.message ??
            'The sheet needs fixes before a settlement can be searched.'}
        </p>
      )}
      {answer && result && (
        <div className="settlement-result" data-status={result.status}>
          <p className="small">
            <span className={`med-badge ${result.status === 'found' ? 'is-ok' : 'is-disputed'}`}>
              {result.status === 'found'
                ? 'Suggestion'
                : result.status === 'no-gain'
                  ? 'Best available'
                  : result.status === 'conflict'
                    ? 'Bounds conflict'
                    : 'Nothing to search'}
            </span>{' '}
            {statusText(result.status, hasLegacy ? 'the legacy deal' : 'no deal')} (
            {answer.sharedBounds} shared walk-away value
            {answer.sharedBounds === 1 ? '' : 's'})
          </p>
          {result.conflicts.length > 0 && (
            <ul className="settlement-conflicts small" aria-label="Conflicting bounds">
              {result.conflicts.map((c) => (
                <li key={`${c.clauseId}/${c.param}`}>
                  <strong>{label(c.clauseId, c.param)}</strong>:{' '}
                  {c.highestMin
                    ? `${name(c.highestMin.partyId)} needs at least ${value(c.clauseId, c.param, c.highestMin.value)}`
                    : 'no minimum'}
                  {', but '}
                  {c.lowestMax
                    ? `${name(c.lowestMax.partyId)} accepts at most ${value(c.clauseId, c.param, c.lowestMax.value)}`
                    : 'no maximum'}
                  .
                </li>
              ))}
            </ul>
          )}
          {result.splitConflicts.length > 0 && (
            <ul className="settlement-conflicts small" aria-label="Conflicting shares">
              {result.splitConflicts.map((c) => (
                <li key={`${c.clauseId}/${c.split}`}>
                  <strong>{label(c.clauseId, c.split)}</strong>: the shared bounds on{' '}
                  {c.shares
                    .map((s) => paramName(clause(c.clauseId)?.params ?? {}, s.param, sheet.parties))
                    .join(', ')}{' '}
                  cannot add up to 100 %.
                </li>
              ))}
            </ul>
          )}
          {result.changes.length > 0 && (
            <div className="table-scroll" tabIndex={0} role="region" aria-label="Suggested values">
              <table className="analysis-table" data-table="settlement-values">
                <caption className="visually-hidden">Suggested values</caption>
                <thead>
                  <tr>
                    <th scope="col">Term</th>
                    <th scope="col">Now</th>
                    <th scope="col">Suggested</th>
                  </tr>
                </thead>
                <tbody>
                  {result.changes.map((c) => (
                    <tr key={`${c.clauseId}/${c.param}`}>
                      <th scope="row">{label(c.clauseId, c.param)}</th>
                      <td>{value(c.clauseId, c.param, c.from)}</td>
                      <td data-measure="suggested">{value(c.clauseId, c.param, c.to)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {(result.status === 'found' || result.status === 'no-gain') && (
            <div
              className="table-scroll"
              tabIndex={0}
              role="region"
              aria-label="NPV per party at the suggestion"
            >
              <table className="analysis-table" data-table="settlement-parties">
                <caption className="visually-hidden">
                  Each party&apos;s NPV at the suggestion
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Party</th>
                    <th scope="col">NPV now</th>
                    <th scope="col">Suggested</th>
                    <th scope="col">{hasLegacy ? 'Gain over legacy' : 'Gain over no deal'}</th>
                  </tr>
                </thead>
                <tbody>
                  {sheet.parties.map((p) => {
                    const f = result.parties[p.id];
                    if (!f) return null;
                    return (
                      <tr key={p.id} data-party={p.id}>
                        <th scope="row">{p.name}</th>
                        <td title={formatMoney(f.currentNpv, currency)}>
                          {formatMoneyCompact(f.currentNpv, currency)}
                        </td>
                        <td title={formatMoney(f.npv, currency)}>
                          {formatMoneyCompact(f.npv, currency)}
                        </td>
                        <td
                          className={f.gain < 0 ? 'is-negative' : undefined}
                          title={formatMoney(f.gain, currency)}
                        >
                          {formatMoneyCompact(f.gain, currency)}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          {result.proposals.length > 0 && (
            <button
              type="button"
              className="btn btn-primary btn-sm"
              disabled={busy || proposed !== null}
              onClick={() => void propose(result)}
            >
              {result.proposals.length === 1
                ? 'Propose these values'
                : `Propose these values (${result.proposals.length} proposals, one per clause)`}
            </button>
          )}
          {proposed !== null && (
            <p className="analysis-note" role="status">
              {proposed === result.proposals.length
                ? `Proposed: the parties now see ${proposed === 1 ? 'the proposal' : `${proposed} proposals`} on the clause${proposed === 1 ? '' : 's'}.`
                : `${proposed} of ${result.proposals.length} proposals were made; see the notice for why the others were not.`}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
