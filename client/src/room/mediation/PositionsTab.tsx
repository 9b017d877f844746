// The mediation drawer's positions tab: for the mediator, whether the parties' walk-away values
// overlap and the button to publish it; for the parties, only what was published.
import { useShallow, useStore } from '../../lib/store';
import { kindTitle } from '../kindLabel';
import { paramValueText } from '../names';
import { useRoom } from '../RoomContext';
import { scrollToClause } from '../scrollToClause';
import { useMediation } from './MediationContext';
import { paramLabel } from './paramLabels';

/** The mediator's view of confidential positions: overlap per parameter, and publication. */
export function PositionsTab() {
  const { store, isMediator, speaksForParty } = useMediation();
  const { model } = useRoom();
  const sheet = useStore(model.state, (s) => s.sheet);
  const snapshot = useStore(
    store.state,
    useShallow((s) => ({ published: s.published, overlaps: s.overlaps })),
  );
  const title = (clauseId: string) => {
    const clause = sheet.clauses.find((c) => c.id === clauseId);
    return clause ? kindTitle(clause) : clauseId;
  };
  const name = (partyId: string) => sheet.parties.find((p) => p.id === partyId)?.name ?? partyId;
  const clauseOf = (clauseId: string) => sheet.clauses.find((c) => c.id === clauseId);
  const paramsOf = (clauseId: string) => clauseOf(clauseId)?.params;
  // In the parameter's own unit: "€38.00", "38 %", "38".
  const amount = (value: number, clauseId: string, param: string) =>
    paramValueText(sheet, clauseOf(clauseId), param, value);

  if (!isMediator) {
    return (
      <div className="med-tab">
        <p className="small">
          {speaksForParty
            ? 'Record your party’s walk-away values from a clause (“Our walk-away values”). '
            : ''}
          The mediator may publish whether the parties&apos; walk-away values overlap; nobody else
          ever sees a party&apos;s numbers.
        </p>
        {snapshot.published.length === 0 ? (
          <p className="muted small">Nothing published yet.</p>
        ) : (
          <ul className="overlap-list">
            {snapshot.published.map((p) => (
              <li key={`${p.clauseId}/${p.param}`}>
                {title(p.clauseId)} · {paramLabel(p.param, sheet.parties, paramsOf(p.clauseId))}:{' '}
                <strong>overlap: {p.overlap ? 'yes' : 'no'}</strong>
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  }
  return (
    <div className="med-tab">
      <p className="small">
        Whether the parties&apos; walk-away values leave a zone of possible agreement. You see a
        number only when its party shares it, and the gap only when every position is shared.
      </p>
      {snapshot.overlaps.length === 0 ? (
        <p className="muted small">No party has recorded a walk-away value yet.</p>
      ) : (
        <ul className="overlap-list">
          {snapshot.overlaps.map((o) => {
            const published = snapshot.published.find(
              (p) => p.clauseId === o.clauseId && p.param === o.param,
            );
            const label = `${title(o.clauseId)} · ${paramLabel(o.param, sheet.parties, paramsOf(o.clauseId))}`;
            return (
              <li key={`${o.clauseId}/${o.param}`} className="overlap-card">
                <button
                  type="button"
                  className="link-button"
                  onClick={() => scrollToClause(o.clauseId)}
                >
                  {label}
                </button>
                <p>
                  <span className={`med-badge ${o.overlap ? 'is-ok' : 'is-disputed'}`}>
                    {o.overlap ? 'Overlap' : 'No overlap'}
                  </span>
                  {o.gap !== null && !o.overlap && (
                    <span className="small"> gap {amount(o.gap, o.clauseId, o.param)}</span>
                  )}
                </p>
                <ul className="small">
                  {o.positions.map((p) => (
                    <li key={`${p.partyId}/${p.bound}`}>
                      {name(p.partyId)}: {p.bound === 'min' ? 'at least' : 'at most'}{' '}
                      {p.value === null ? (
                        <em>not shared</em>
                      ) : (
                        amount(p.value, o.clauseId, o.param)
                      )}
                    </li>
                  ))}
                </ul>
                <button
                  type="button"
                  className="btn btn-secondary btn-xs"
                  aria-label={`Publish the overlap on ${label}`}
                  onClick={() =>
                    void store.run('positions:publish', { clauseId: o.clauseId, param: o.param })
                  }
                >
                  Publish “overlap: {o.overlap ? 'yes' : 'no'}”
                </button>
                {published && (
                  <span className="small muted">
                    {' '}
                    published: {published.overlap ? 'yes' : 'no'}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
