// What a mediator or observer sees until every party has consented to their appointment (or
// after a party withdrew its consent): why the room stays closed, checked again now and then.
import { useEffect } from 'react';
import { navigate } from '../../lib/navigation';

/** How often the page asks again whether the room is open. */
const RECHECK_MS = 20_000;

export function ConsentWaitingPage({
  declined,
  message,
  onRetry,
}: {
  declined: boolean;
  message: string;
  onRetry: () => void;
}) {
  const title = declined
    ? 'A party does not consent to your appointment'
    : "Waiting for the parties' consent";

  useEffect(() => {
    document.title = `${title} · Parley`;
    const timer = window.setInterval(onRetry, RECHECK_MS);
    return () => window.clearInterval(timer);
  }, [title, onRetry]);

  return (
    <main className="notice-page">
      <div className="notice-card" role="status" data-testid="consent-waiting">
        <div className="notice-icon" aria-hidden="true">
          …
        </div>
        <h1>{title}</h1>
        <p>{message}</p>
        <p className="muted small">
          A mediator or observer sees nothing of the room until an organizer of every party has
          accepted. This page checks again by itself.
        </p>
        <div className="notice-actions">
          <button type="button" className="btn btn-primary" onClick={onRetry}>
            Check again
          </button>
          <button type="button" className="btn btn-secondary" onClick={() => navigate('/')}>
            Go to the lobby
          </button>
        </div>
      </div>
    </main>
  );
}
