// The question asked before an edit voids sign-offs: how many, whose and on which clauses, with
// the edit made only if the member goes ahead.
import { useEffect, useRef } from 'react';
import { useStore } from '../../lib/store';
import { kindTitle } from '../kindLabel';
import { useRoom } from '../RoomContext';
import { useMediation } from './MediationContext';

export function VoidConfirmDialog() {
  const { model } = useRoom();
  const { guard } = useMediation();
  const pending = useStore(guard.state, (s) => s.pending);
  const sheet = useStore(model.state, (s) => s.sheet);
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (pending && !dialog.open) dialog.showModal();
    if (!pending && dialog.open) dialog.close();
  }, [pending]);

  const count = pending?.affected.length ?? 0;
  const clauseTitle = (id: string) => {
    const clause = sheet.clauses.find((c) => c.id === id);
    return clause ? kindTitle(clause) : 'a removed clause';
  };
  const partyName = (id: string) => sheet.parties.find((p) => p.id === id)?.name ?? id;
  const why =
    pending?.edit.clauseId === null
      ? 'Every sign-off is bound to the sheet’s header and assumptions.'
      : pending?.edit.valueMoves
        ? 'This change moves the figures, and every sign-off is bound to them.'
        : 'A sign-off is bound to the exact content of its clause.';

  return (
    <dialog
      ref={ref}
      className="dialog void-confirm"
      aria-labelledby="void-confirm-title"
      aria-describedby="void-confirm-why"
      data-testid="void-confirm"
      onClose={() => guard.cancel()}
    >
      <div className="dialog-head">
        <h2 id="void-confirm-title">
          This edit voids {count} sign-off{count === 1 ? '' : 's'}
        </h2>
      </div>
      <div className="dialog-body">
        <p id="void-confirm-why">
          {why} The parties below will have to sign again; nothing is changed unless you go ahead.
        </p>
        <ul className="void-confirm-list">
          {pending?.affected.map((s) => (
            <li key={s.id}>
              <strong>{partyName(s.partyId)}</strong> on “{clauseTitle(s.clauseId)}”, signed by{' '}
              {s.memberName}
            </li>
          ))}
        </ul>
        <div className="dialog-actions">
          <button type="button" className="btn btn-secondary" onClick={() => guard.cancel()}>
            Keep the sign-offs
          </button>
          <button type="button" className="btn btn-danger" onClick={() => guard.confirm()}>
            Edit and void {count} sign-off{count === 1 ? '' : 's'}
          </button>
        </div>
      </div>
    </dialog>
  );
}
