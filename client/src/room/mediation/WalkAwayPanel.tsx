// A party's private walk-away values for a clause's numbers: kept from every other party, and
// shared with the mediator only when the party chooses to.
import type { PositionBound } from '@parley/shared/mediation';
import { useState } from 'react';
import { centsToInput, parseDecimal } from '../../lib/format';
import type { FieldSpec } from '../params/fieldSpec';
import type { Sheet, SheetClause } from '../sheet';
import { useShallow, useStore } from '../../lib/store';
import { useMediation } from './MediationContext';
import { readPath } from './paramDiff';
import { formatParamValue, numericParams, paramLabel } from './paramLabels';

const boundWords: Record<PositionBound, string> = { min: 'at least', max: 'at most' };

function WalkAwayField({
  clauseId,
  clauseTitle,
  path,
  spec,
  sheet,
  current,
}: {
  clauseId: string;
  clauseTitle: string;
  path: string;
  spec: Extract<FieldSpec, { type: 'number' }>;
  sheet: Sheet;
  current: unknown;
}) {
  const { store } = useMediation();
  const snapshot = useStore(
    store.state,
    useShallow((s) => ({ positions: s.positions, published: s.published })),
  );
  const held = snapshot.positions.filter((p) => p.clauseId === clauseId && p.param === path);
  const [bound, setBound] = useState<PositionBound>(held[0]?.bound ?? 'min');
  const existing = held.find((p) => p.bound === bound);
  const money = spec.unit === 'money';
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const params = sheet.clauses.find((c) => c.id === clauseId)?.params;
  const label = paramLabel(path, sheet.parties, params);
  const published = snapshot.published.find((p) => p.clauseId === clauseId && p.param === path);

  const save = async () => {
    const parsed = parseDecimal(text);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    setError(null);
    const value = money ? Math.round(parsed.value * 100) : parsed.value;
    const done = await store.run('positions:set', { clauseId, param: path, bound, value });
    if (done) setText('');
  };

  return (
    <li className="walkaway-item">
      <div className="walkaway-head">
        <span className="change-label">{label}</span>
        <span className="small muted">
          now {formatParamValue(spec, current, sheet.currency)}
          {published && (
            <span className={`med-badge ${published.overlap ? 'is-ok' : 'is-disputed'}`}>
              Overlap: {published.overlap ? 'yes' : 'no'}
            </span>
          )}
        </span>
      </div>
      {held.map((p) => (
        <div key={p.bound} className="walkaway-held" data-testid="walkaway-held">
          <span>
            Ours: {boundWords[p.bound]}{' '}
            <strong>{formatParamValue(spec, p.value, sheet.currency)}</strong>
            {p.shared ? ' · shared with the mediator' : ' · private to our party'}
          </span>
          <button
            type="button"
            className="btn btn-ghost btn-xs"
            onClick={() =>
              void store.run('positions:share', {
                clauseId,
                param: path,
                bound: p.bound,
                shared: !p.shared,
              })
            }
          >
            {p.shared ? 'Stop sharing' : 'Share with the mediator'}
          </button>
          <button
            type="button"
            className="btn btn-danger-text btn-xs"
            aria-label={`Delete our walk-away on ${label}`}
            onClick={() =>
              void store.run('positions:delete', { clauseId, param: path, bound: p.bound })
            }
          >
            Delete
          </button>
        </div>
      ))}
      <div className="walkaway-form">
        <select
          className="input select"
          aria-label={`${clauseTitle}: ${label} walk-away bound`}
          value={bound}
          onChange={(e) => setBound(e.target.value as PositionBound)}
        >
          <option value="min">at least</option>
          <option value="max">at most</option>
        </select>
        <input
          className="input input-number"
          inputMode="decimal"
          aria-label={`${clauseTitle}: ${label} walk-away value${money ? ` (${sheet.currency})` : spec.unit === 'percent' ? ' (%)' : ''}`}
          placeholder={
            existing
              ? money
                ? centsToInput(existing.value)
                : String(existing.value)
              : money
                ? sheet.currency
                : spec.unit === 'percent'
                  ? '%'
                  : ''
          }
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void save();
          }}
        />
        <button
          type="button"
          className="btn btn-secondary btn-xs"
          aria-label={`Set our walk-away on ${label}`}
          disabled={!text.trim()}
          onClick={() => void save()}
        >
          Set our walk-away
        </button>
      </div>
      {error && <p className="field-error">{error}</p>}
    </li>
  );
}

/** A party's private walk-away values for the clause's numeric parameters. */
export function WalkAwayPanel({
  clause,
  clauseTitle,
  sheet,
  spec,
}: {
  clause: SheetClause;
  clauseTitle: string;
  sheet: Sheet;
  spec: FieldSpec;
}) {
  const fields = numericParams(spec, clause.params);
  return (
    <section className="walkaway" aria-label={`${clauseTitle}: our walk-away values`}>
      <p className="hint">
        Only your party sees these numbers. Share one with the mediator to let them check whether a
        deal is possible; other parties never see them.
      </p>
      {fields.length === 0 ? (
        <p className="muted small">This clause has no numeric values.</p>
      ) : (
        <ul className="walkaway-list">
          {fields.map((f) => (
            <WalkAwayField
              key={f.path}
              clauseId={clause.id}
              clauseTitle={clauseTitle}
              path={f.path}
              spec={f.spec}
              sheet={sheet}
              current={readPath(
                clause.params,
                f.path.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k)),
              )}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
