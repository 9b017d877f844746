// Mediation notices: server refusals and voided sign-offs, announced politely; errors and news
// go away by themselves, warnings stay until dismissed.
import { useEffect } from 'react';
import { useStore } from '../../lib/store';
import { humanizeMessage } from '../names';
import { useRoom } from '../RoomContext';
import { useMediation } from './MediationContext';

/** Server refusals and voided sign-offs, announced politely and dismissable. */
export function MediationToasts() {
  const { store } = useMediation();
  const { session, model } = useRoom();
  const notices = useStore(store.state, (s) => s.notices);
  const sheet = model.state.getState().sheet;
  const refusedWrite = useStore(session.state, (s) => s.refusedWrite);

  // A write refused for a lock or single-text mode: the server restores the true text; say why.
  useEffect(() => {
    if (refusedWrite) store.notify('error', refusedWrite.reason);
  }, [refusedWrite, store]);

  useEffect(() => {
    const timers = notices
      .filter((n) => n.tone !== 'warning')
      .map((n) => window.setTimeout(() => store.dismiss(n.id), 8000));
    return () => timers.forEach((t) => window.clearTimeout(t));
  }, [notices, store]);

  return (
    <div className="med-toasts" role="status" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`med-toast tone-${n.tone}`} data-testid="mediation-notice">
          <span>{humanizeMessage(n.text, sheet)}</span>
          <button
            type="button"
            className="btn btn-icon btn-xs"
            aria-label="Dismiss"
            onClick={() => store.dismiss(n.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
