// The mediation drawer's agenda tab: the order clauses are discussed in, the single-text switch,
// and the numbered drafts each party votes on in single-text mode.
import { useId, useState } from 'react';
import { MAX_DRAFT_NOTE_LENGTH } from '@parley/shared/mediation';
import { useShallow, useStore } from '../../lib/store';
import { kindTitle } from '../kindLabel';
import { useRoom } from '../RoomContext';
import { scrollToClause } from '../scrollToClause';
import { useFacilitator, useMediation } from './MediationContext';

/** The agenda, the single-text switch, and the numbered drafts with each party's vote. */
export function AgendaTab() {
  const { store, speaksForParty, partyId } = useMediation();
  const isMediator = useFacilitator();
  const { model } = useRoom();
  const sheet = useStore(model.state, (s) => s.sheet);
  const { state, drafts } = useStore(
    store.state,
    useShallow((s) => ({ state: s.state, drafts: s.drafts })),
  );
  const id = useId();
  const [note, setNote] = useState('');
  const known = new Set(sheet.clauses.map((c) => c.id));
  const agenda = [
    ...state.agenda.filter((c) => known.has(c)),
    ...sheet.clauses.map((c) => c.id).filter((c) => !state.agenda.includes(c)),
  ];
  const title = (clauseId: string) => {
    const clause = sheet.clauses.find((c) => c.id === clauseId);
    return clause ? kindTitle(clause) : clauseId;
  };
  const move = (index: number, to: number) => {
    const items = agenda.slice();
    const [item] = items.splice(index, 1);
    if (item === undefined) return;
    items.splice(to, 0, item);
    void store.run('agenda:set', { items, current: state.current });
  };
  const singleText = state.mode === 'single-text';

  return (
    <div className="med-tab">
      <section aria-labelledby={`${id}-mode`}>
        <h3 id={`${id}-mode`} className="med-subhead">
          Procedure
        </h3>
        <p className="small">
          {singleText
            ? 'Single-text mode: only the mediator edits; parties vote yes or no on each draft.'
            : 'Open negotiation: every negotiator edits the text.'}
        </p>
        {isMediator && (
          <label className="check-row">
            <input
              type="checkbox"
              role="switch"
              checked={singleText}
              onChange={(e) =>
                void store.run('mediation:mode', {
                  mode: e.target.checked ? 'single-text' : 'normal',
                })
              }
            />
            Single-text mode
          </label>
        )}
      </section>

      <section aria-labelledby={`${id}-agenda`}>
        <h3 id={`${id}-agenda`} className="med-subhead">
          Agenda
        </h3>
        <ol className="agenda-list">
          {agenda.map((clauseId, index) => {
            const current = state.current === clauseId;
            return (
              <li key={clauseId} className={`agenda-item${current ? ' is-current' : ''}`}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => scrollToClause(clauseId)}
                >
                  {title(clauseId)}
                </button>
                {current && <span className="med-badge is-current">Now</span>}
                {isMediator && (
                  <span className="agenda-actions">
                    <button
                      type="button"
                      className="btn btn-icon btn-xs"
                      aria-label={`Move ${title(clauseId)} earlier on the agenda`}
                      disabled={index === 0}
                      onClick={() => move(index, index - 1)}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="btn btn-icon btn-xs"
                      aria-label={`Move ${title(clauseId)} later on the agenda`}
                      disabled={index === agenda.length - 1}
                      onClick={() => move(index, index + 1)}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      className="btn btn-ghost btn-xs"
                      aria-label={
                        current
                          ? `Stop discussing ${title(clauseId)}`
                          : `Discuss ${title(clauseId)} now`
                      }
                      onClick={() => void store.discuss(current ? null : clauseId, agenda)}
                    >
                      {current ? 'Done' : 'Now'}
                    </button>
                  </span>
                )}
              </li>
            );
          })}
        </ol>
      </section>

      <section aria-labelledby={`${id}-drafts`}>
        <h3 id={`${id}-drafts`} className="med-subhead">
          Drafts
        </h3>
        {isMediator && singleText && (
          <div className="draft-publish">
            <input
              className="input"
              aria-label="Note for the new draft"
              placeholder="What changed in this draft"
              value={note}
              maxLength={MAX_DRAFT_NOTE_LENGTH}
              onChange={(e) => setNote(e.target.value)}
            />
            <button
              type="button"
              className="btn btn-secondary btn-sm"
              onClick={() =>
                void store.run('drafts:publish', { note }).then((d) => d && setNote(''))
              }
            >
              Publish draft
            </button>
          </div>
        )}
        {drafts.length === 0 ? (
          <p className="muted small">
            {singleText ? 'No draft published yet.' : 'Drafts are published in single-text mode.'}
          </p>
        ) : (
          <ol className="draft-list" reversed>
            {[...drafts]
              .sort((a, b) => b.number - a.number)
              .map((draft) => {
                const mine = draft.votes.find((v) => v.partyId === partyId);
                return (
                  <li key={draft.number} className="draft-card">
                    <div>
                      <strong>Draft {draft.number}</strong>
                      {draft.note && <span className="muted"> · {draft.note}</span>}
                    </div>
                    <ul className="draft-votes">
                      {sheet.parties.map((p) => {
                        const vote = draft.votes.find((v) => v.partyId === p.id);
                        return (
                          <li key={p.id} className={`vote vote-${vote?.vote ?? 'none'}`}>
                            {p.name}: {vote ? vote.vote : 'no vote yet'}
                          </li>
                        );
                      })}
                    </ul>
                    {speaksForParty && (
                      <div className="proposal-actions">
                        {(['yes', 'no'] as const).map((v) => (
                          <button
                            key={v}
                            type="button"
                            className={`btn btn-sm ${mine?.vote === v ? 'btn-primary' : 'btn-secondary'}`}
                            aria-pressed={mine?.vote === v}
                            aria-label={`Vote ${v} on draft ${draft.number}`}
                            onClick={() =>
                              void store.run('drafts:vote', { number: draft.number, vote: v })
                            }
                          >
                            {v === 'yes' ? 'Yes' : 'No'}
                          </button>
                        ))}
                      </div>
                    )}
                  </li>
                );
              })}
          </ol>
        )}
      </section>
    </div>
  );
}
