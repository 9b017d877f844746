// The suggestions pending in one clause, under its text: who suggested what, and Accept / Reject
// for the people who decide on it (the other parties, the mediator), Withdraw for its author, and
// the same for all of one party's suggestions at once.
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { listSuggestions } from '@parley/shared/suggestions';
import type { Suggestion, SuggestionDecision } from '@parley/shared/suggestions';
import { useStore } from '../../lib/store';
import { useRoom } from '../RoomContext';
import { useMediation } from '../mediation';
import { decideSuggestion } from './lawyerApi';
import { suggestModeFor } from './suggestMode';

function useSuggestions(clauseId: string, fragment: Y.XmlFragment): Suggestion[] {
  const [list, setList] = useState(() => listSuggestions(clauseId, fragment));
  useEffect(() => {
    const update = () => setList(listSuggestions(clauseId, fragment));
    update();
    fragment.observeDeep(update);
    return () => fragment.unobserveDeep(update);
  }, [clauseId, fragment]);
  return list;
}

function quote(text: string): string {
  const trimmed = text.trim();
  return `“${trimmed.length > 120 ? `${trimmed.slice(0, 117)}…` : trimmed}”`;
}

export function describeSuggestion(s: Suggestion): string {
  if (s.inserted && s.deleted) return `replace ${quote(s.deleted)} with ${quote(s.inserted)}`;
  if (s.inserted) return `add ${quote(s.inserted)}`;
  return `remove ${quote(s.deleted)}`;
}

export function ClauseSuggestions({
  clauseId,
  title,
  fragment,
}: {
  clauseId: string;
  title: string;
  fragment: Y.XmlFragment;
}) {
  const { roomId, token, session, model, canEdit } = useRoom();
  const { store: mediation } = useMediation();
  const suggestions = useSuggestions(clauseId, fragment);
  const parties = useStore(model.state, (s) => s.sheet.parties);
  const singleText = useStore(mediation.state, (s) => s.state.mode === 'single-text');
  const facilitates = useStore(
    mediation.state,
    (s) =>
      session.user.role === 'mediator' || (session.user.role === 'organizer' && !s.mediatorPresent),
  );
  const mode = suggestModeFor(roomId);
  const notice = useStore(mode.state, (s) => (s.notice?.clauseId === clauseId ? s.notice : null));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const me = session.user;

  if (suggestions.length === 0 && notice === null) return null;
  const partyName = (id: string | null) =>
    id === null ? 'the mediator' : (parties.find((p) => p.id === id)?.name ?? id);
  const partyIndex = (id: string | null) => parties.findIndex((p) => p.id === id);
  const mayDecide = (s: Suggestion) => {
    if (!canEdit || s.author.memberId === me.memberId) return false;
    if (singleText) return facilitates;
    return me.role === 'mediator' || s.author.partyId !== me.partyId;
  };
  const run = async (request: Parameters<typeof decideSuggestion>[2]) => {
    setBusy(true);
    setError(null);
    try {
      await decideSuggestion(token, roomId, request);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const decide = (s: Suggestion, decision: SuggestionDecision) =>
    run({ clauseId, key: s.key, decision });
  const byParty = [...new Set(suggestions.filter(mayDecide).map((s) => s.author.partyId))];

  return (
    <section className="clause-suggestions" aria-label={`${title}: suggestions`}>
      {notice && (
        <p className="suggestion-notice" role="alert">
          {notice.message}{' '}
          <button type="button" className="btn-link" onClick={() => mode.clearNotice()}>
            Dismiss
          </button>
        </p>
      )}
      {suggestions.length > 0 && (
        <>
          <h3 className="clause-suggestions-title">
            {suggestions.length === 1 ? '1 suggestion' : `${suggestions.length} suggestions`}
          </h3>
          <ul className="suggestion-list">
            {suggestions.map((s) => {
              const index = partyIndex(s.author.partyId);
              const who = `${s.author.name} (${partyName(s.author.partyId)})`;
              return (
                <li
                  key={s.key}
                  className="suggestion-item"
                  style={{
                    ['--suggestion-color' as string]:
                      index < 0 ? 'var(--mediator-color, #64748b)' : `var(--party-${index % 16})`,
                  }}
                >
                  <span className="suggestion-who">{who}</span> suggests to{' '}
                  <span className="suggestion-what">{describeSuggestion(s)}</span>
                  <span className="suggestion-actions">
                    {s.author.memberId === me.memberId ? (
                      <button
                        type="button"
                        className="btn btn-small"
                        disabled={busy}
                        onClick={() => void decide(s, 'reject')}
                        aria-label={`Withdraw your suggestion to ${describeSuggestion(s)}`}
                      >
                        Withdraw
                      </button>
                    ) : (
                      mayDecide(s) && (
                        <>
                          <button
                            type="button"
                            className="btn btn-small btn-primary"
                            disabled={busy}
                            onClick={() => void decide(s, 'accept')}
                            aria-label={`Accept ${s.author.name}'s suggestion to ${describeSuggestion(s)}`}
                          >
                            Accept
                          </button>
                          <button
                            type="button"
                            className="btn btn-small"
                            disabled={busy}
                            onClick={() => void decide(s, 'reject')}
                            aria-label={`Reject ${s.author.name}'s suggestion to ${describeSuggestion(s)}`}
                          >
                            Reject
                          </button>
                        </>
                      )
                    )}
                  </span>
                </li>
              );
            })}
          </ul>
          {byParty.map((partyId) => {
            const count = suggestions.filter(
              (s) => mayDecide(s) && s.author.partyId === partyId,
            ).length;
            if (count < 2) return null;
            return (
              <p key={String(partyId)} className="suggestion-bulk">
                All {count} from {partyName(partyId)}:{' '}
                <button
                  type="button"
                  className="btn btn-small"
                  disabled={busy}
                  onClick={() => void run({ clauseId, partyId, decision: 'accept' })}
                >
                  Accept all from {partyName(partyId)}
                </button>{' '}
                <button
                  type="button"
                  className="btn btn-small"
                  disabled={busy}
                  onClick={() => void run({ clauseId, partyId, decision: 'reject' })}
                >
                  Reject all from {partyName(partyId)}
                </button>
              </p>
            );
          })}
        </>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
