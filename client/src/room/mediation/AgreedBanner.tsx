// The banner of an agreed term sheet: agreed and frozen, the signed export, and for an organizer
// or the mediator the way to reopen it, asked twice because everyone is told and it is recorded.
import { useEffect, useRef, useState } from 'react';
import { useShallow, useStore } from '../../lib/store';
import { useRoom } from '../RoomContext';
import { downloadAgreement } from './downloads';
import { useMediation } from './MediationContext';

export function AgreedBanner() {
  const { roomId, token } = useRoom();
  const { store, role } = useMediation();
  const { agreed, agreedAt } = useStore(
    store.state,
    useShallow((s) => ({ agreed: s.signoffs.agreement.agreed, agreedAt: s.state.agreedAt })),
  );
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLDialogElement>(null);
  const mayReopen = role === 'organizer' || role === 'mediator';
  const frozen = agreedAt !== null;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (asking && !dialog.open) dialog.showModal();
    if (!asking && dialog.open) dialog.close();
  }, [asking]);

  if (!agreed && !frozen) return null;
  const reopen = async () => {
    setBusy(true);
    await store.run('agreement:reopen', {});
    setBusy(false);
    setAsking(false);
  };
  return (
    <div className="agreed-banner" role="status" data-testid="agreed-banner">
      <span className="agreed-mark" aria-hidden="true">
        ✓
      </span>
      <div>
        <strong>Agreed.</strong> Every party has signed off every clause.{' '}
        {frozen && (
          <span data-testid="frozen-note">
            The term sheet is frozen since{' '}
            {new Date(agreedAt).toLocaleString(undefined, {
              dateStyle: 'medium',
              timeStyle: 'short',
            })}
            : nobody can change it until{' '}
            {mayReopen
              ? 'you or another organizer (or the mediator)'
              : 'an organizer or the mediator'}{' '}
            reopens it.
          </span>
        )}
      </div>
      <div className="agreed-actions">
        <button
          type="button"
          className="btn btn-secondary btn-sm"
          onClick={() =>
            void downloadAgreement(roomId, token).catch((e: unknown) =>
              store.notify('error', e instanceof Error ? e.message : String(e)),
            )
          }
        >
          Download the signed term sheet
        </button>
        {frozen && mayReopen && (
          <button type="button" className="btn btn-ghost btn-sm" onClick={() => setAsking(true)}>
            Reopen for changes
          </button>
        )}
      </div>
      {mayReopen && (
        <dialog
          ref={ref}
          className="dialog"
          aria-labelledby="reopen-title"
          data-testid="reopen-confirm"
          onClose={() => setAsking(false)}
        >
          <div className="dialog-head">
            <h2 id="reopen-title">Reopen the agreed term sheet?</h2>
          </div>
          <div className="dialog-body">
            <p>
              Everyone in the room is told, and the audit log records that you reopened it. The
              sign-offs stand until the sheet changes; each change then voids the sign-offs bound to
              what it touches, and the parties sign again to agree.
            </p>
            <div className="dialog-actions">
              <button type="button" className="btn btn-secondary" onClick={() => setAsking(false)}>
                Keep it frozen
              </button>
              <button
                type="button"
                className="btn btn-primary"
                disabled={busy}
                onClick={() => void reopen()}
              >
                Reopen for changes
              </button>
            </div>
          </div>
        </dialog>
      )}
    </div>
  );
}
