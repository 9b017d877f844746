// The mediation drawer's caucus tab: a private conversation between the mediator and one party,
// which no other party receives (the server sends it only to those two).
import { useEffect, useId, useRef, useState } from 'react';
import { MAX_CAUCUS_MESSAGE_LENGTH } from '@parley/shared/mediation';
import { LimitNote } from '../../ui/LimitNote';
import { useStore } from '../../lib/store';
import { useRoom } from '../RoomContext';
import { useMediation } from './MediationContext';

/** A private conversation between the mediator and one party. */
export function CaucusTab() {
  const { store, isMediator, partyId } = useMediation();
  const { model } = useRoom();
  const sheet = useStore(model.state, (s) => s.sheet);
  const caucus = useStore(store.state, (s) => s.caucus);
  const id = useId();
  const [chosen, setChosen] = useState<string>(sheet.parties[0]?.id ?? '');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const listRef = useRef<HTMLOListElement>(null);
  const party = isMediator ? chosen : partyId;
  const messages = party ? (caucus[party] ?? []) : [];
  const partyName = sheet.parties.find((p) => p.id === party)?.name ?? party ?? '';

  useEffect(() => {
    if (isMediator && chosen) void store.loadCaucus(chosen);
  }, [store, isMediator, chosen]);

  useEffect(() => {
    listRef.current?.lastElementChild?.scrollIntoView({ block: 'nearest' });
  }, [messages.length]);

  if (!party) {
    return (
      <div className="med-tab">
        <p className="muted">The caucus is a private channel between the mediator and one party.</p>
      </div>
    );
  }

  const send = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    setBusy(true);
    const done = await store.run('caucus:send', {
      ...(isMediator ? { partyId: party } : {}),
      body: text,
    });
    setBusy(false);
    if (done) setText('');
  };

  return (
    <div className="med-tab caucus">
      {isMediator ? (
        <div className="field">
          <label htmlFor={`${id}-party`}>Caucus with</label>
          <select
            id={`${id}-party`}
            className="input select"
            value={chosen}
            onChange={(e) => setChosen(e.target.value)}
          >
            {sheet.parties.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <p className="hint">
          A private channel between {partyName} and the mediator. No other party sees it.
        </p>
      )}
      <ol className="caucus-messages" ref={listRef} aria-label={`Caucus with ${partyName}`}>
        {messages.length === 0 && <li className="muted small">No messages yet.</li>}
        {messages.map((m) => (
          <li
            key={m.id}
            className={`caucus-message${m.authorId === store.memberId ? ' is-own' : ''}${m.authorRole === 'mediator' ? ' is-mediator' : ''}`}
          >
            <span className="caucus-author">
              {m.authorName}
              {m.authorRole === 'mediator' ? ' (mediator)' : ''}
            </span>
            <span className="caucus-body">{m.body}</span>
            <time className="small muted" dateTime={new Date(m.at).toISOString()}>
              {new Date(m.at).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}
            </time>
          </li>
        ))}
      </ol>
      <form className="caucus-form" onSubmit={(e) => void send(e)}>
        <label htmlFor={`${id}-message`} className="visually-hidden">
          Message to {isMediator ? partyName : 'the mediator'}
        </label>
        <textarea
          id={`${id}-message`}
          className="input textarea"
          rows={2}
          value={text}
          maxLength={MAX_CAUCUS_MESSAGE_LENGTH}
          aria-describedby={`${id}-limit`}
          placeholder={
            isMediator ? `Private message to ${partyName}` : 'Private message to the mediator'
          }
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              void send(e);
            }
          }}
        />
        <LimitNote id={`${id}-limit`} length={text.length} max={MAX_CAUCUS_MESSAGE_LENGTH} />
        <button type="submit" className="btn btn-primary btn-sm" disabled={busy || !text.trim()}>
          Send privately
        </button>
      </form>
    </div>
  );
}
