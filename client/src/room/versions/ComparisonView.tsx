// What changed between two states of the sheet: per clause the redline, parameters old → new,
// added, removed and moved clauses, and what it did to each party's figures per scenario.
import type { SheetComparison } from '@parley/shared/versions';
import { moneyText } from '@parley/shared/versions';
import { Redline } from './Redline';

function signed(currency: string, amount: number): string {
  const text = moneyText({ currency }, amount);
  return amount > 0 ? `+${text}` : text;
}

export function ComparisonView({
  comparison,
  fromLabel,
  toLabel,
}: {
  comparison: SheetComparison;
  fromLabel: string;
  toLabel: string;
}) {
  const changed = comparison.clauses.filter((c) => c.status !== 'unchanged' || c.moved);
  const currency = comparison.value.currency;
  return (
    <div
      className="comparison"
      aria-label={`Changes from ${fromLabel} to ${toLabel}`}
      role="region"
    >
      {!comparison.changed && (
        <p className="comparison-none">
          No differences between {fromLabel} and {toLabel}.
        </p>
      )}
      {comparison.header.length + comparison.assumptions.length > 0 && (
        <ul className="comparison-fields">
          {[...comparison.header, ...comparison.assumptions].map((f) => (
            <li key={f.field}>
              {f.field}: <del className="redline-del">{f.before ?? 'not set'}</del> →{' '}
              <ins className="redline-add">{f.after ?? 'removed'}</ins>
            </li>
          ))}
        </ul>
      )}
      {changed.map((c) => (
        <article
          key={c.clauseId}
          className={`comparison-clause is-${c.status}`}
          aria-label={`Changes in ${c.title.after ?? c.title.before ?? c.clauseId}`}
        >
          <h4>
            {c.title.after ?? c.title.before}
            {c.status === 'added' && <span className="badge">added</span>}
            {c.status === 'removed' && <span className="badge">removed</span>}
            {c.moved && <span className="badge">moved</span>}
            {c.title.before !== null &&
              c.title.after !== null &&
              c.title.before !== c.title.after && (
                <span className="comparison-was"> (was “{c.title.before}”)</span>
              )}
          </h4>
          {(c.textChanged || c.status !== 'changed') && <Redline segments={c.text} />}
          {c.params.length > 0 && (
            <table className="comparison-params">
              <caption>Parameters</caption>
              <thead>
                <tr>
                  <th scope="col">Parameter</th>
                  <th scope="col">Was</th>
                  <th scope="col">Now</th>
                </tr>
              </thead>
              <tbody>
                {c.params.map((p) => (
                  <tr key={p.path}>
                    <th scope="row">{p.name}</th>
                    <td>{p.before ?? 'not set'}</td>
                    <td>{p.after ?? 'removed'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </article>
      ))}
      {comparison.value.scenarios.map((scenario) => (
        <table key={scenario.scenarioId} className="comparison-value">
          <caption>Value difference · {scenario.name}</caption>
          <thead>
            <tr>
              <th scope="col">Party</th>
              <th scope="col">Allocation</th>
              <th scope="col">Net</th>
              <th scope="col">NPV</th>
            </tr>
          </thead>
          <tbody>
            {scenario.parties.map((p) => (
              <tr key={p.partyId}>
                <th scope="row">{p.name}</th>
                {(['allocation', 'net', 'npv'] as const).map((k) => (
                  <td
                    key={k}
                    title={
                      p.before && p.after
                        ? `${moneyText({ currency }, p.before[k])} → ${moneyText({ currency }, p.after[k])}`
                        : undefined
                    }
                    className={
                      p.delta && p.delta[k] > 0 ? 'gain' : p.delta && p.delta[k] < 0 ? 'loss' : ''
                    }
                  >
                    {p.delta ? signed(currency, p.delta[k]) : 'n/a'}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}
