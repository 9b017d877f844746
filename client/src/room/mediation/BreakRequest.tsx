// "Ask for a break": a party's speaker asks whoever runs the session for a pause, with how long
// and, if they like, why; only the facilitator and the own party hear of it.
import { MAX_BREAK_REASON_LENGTH } from '@parley/shared/mediation';
import { useEffect, useId, useRef, useState } from 'react';
import { useMediation } from './MediationContext';

const lengths = [5, 10, 15, 30] as const;

export function BreakRequest() {
  const { store, speaksForParty } = useMediation();
  const [open, setOpen] = useState(false);
  const [minutes, setMinutes] = useState<number>(15);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  if (!speaksForParty) return null;
  const send = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const sent = await store.run('breaks:request', { minutes, reason: reason.trim() });
    setBusy(false);
    if (sent) {
      setOpen(false);
      setReason('');
    }
  };
  return (
    <>
      <button type="button" className="link-button small" onClick={() => setOpen(true)}>
        Ask for a break
      </button>
      <dialog
        ref={ref}
        className="dialog void-confirm"
        aria-labelledby={`${id}-title`}
        onClose={() => setOpen(false)}
      >
        <form onSubmit={(e) => void send(e)}>
          <div className="dialog-head">
            <h2 id={`${id}-title`}>Ask for a break</h2>
          </div>
          <div className="dialog-body">
            <p className="muted small">
              Whoever runs the session (the mediator, or the organizer without one) and your own
              party are told at once. The other parties are not.
            </p>
            <label className="field">
              <span>How long</span>
              <select
                className="input"
                value={minutes}
                onChange={(e) => setMinutes(Number(e.target.value))}
              >
                {lengths.map((m) => (
                  <option key={m} value={m}>
                    {m} minutes
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>Why (optional)</span>
              <textarea
                className="input textarea"
                rows={2}
                maxLength={MAX_BREAK_REASON_LENGTH}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            </label>
            <div className="dialog-actions">
              <button type="button" className="btn btn-secondary" onClick={() => setOpen(false)}>
                Cancel
              </button>
              <button type="submit" className="btn btn-primary" disabled={busy}>
                Ask for the break
              </button>
            </div>
          </div>
        </form>
      </dialog>
    </>
  );
}
