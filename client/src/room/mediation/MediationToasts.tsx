import { useEffect } from 'react';
import { useSessionStatus } from '../RoomContext';
import { useMediation, useMediationSnapshot, useOptionalMediation } from './MediationContext';

/** Server refusals and voided sign-offs, announced politely and dismissable. */
export function MediationToasts() {
  return useOptionalMediation() ? <ToastsInner /> : null;
}

function ToastsInner() {
  const { store } = useMediation();
  const { notices } = useMediationSnapshot();
  const { refusedWrite } = useSessionStatus();

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
          <span>{n.text}</span>
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
