import { useRoom } from '../RoomContext';
import { downloadAgreement } from './AgreementTab';
import {
  useFacilitator,
  useMediation,
  useMediationSnapshot,
  useOptionalMediation,
} from './MediationContext';

/**
 * The strip above the clauses: the procedure in force, the agreed state, and the button that opens
 * the mediation panel.
 */
export function MediationBar() {
  return useOptionalMediation() ? <BarInner /> : null;
}

function BarInner() {
  const { roomId, token } = useRoom();
  const { store, panel, setPanelOpen } = useMediation();
  const open = panel.open;
  const facilitator = useFacilitator();
  const onToggle = () => setPanelOpen(!open);
  const snapshot = useMediationSnapshot();
  const { agreed, missing } = snapshot.signoffs.agreement;
  const singleText = snapshot.state.mode === 'single-text';
  const queue = snapshot.queue.length;
  return (
    <>
      {agreed && (
        <div className="agreed-banner" role="status" data-testid="agreed-banner">
          <span className="agreed-mark" aria-hidden="true">
            ✓
          </span>
          <div>
            <strong>Agreed.</strong> Every party has signed off every clause.
          </div>
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
        </div>
      )}
      <div className="med-bar">
        <span className={`med-mode${singleText ? ' is-single' : ''}`} data-testid="mediation-mode">
          {singleText
            ? facilitator
              ? 'Single-text mode: only you edit'
              : 'Single-text mode: the mediator edits; vote on drafts'
            : 'Open negotiation'}
        </span>
        {!agreed && snapshot.loaded && (
          <span className="small muted">
            {missing.length} sign-off{missing.length === 1 ? '' : 's'} to agreement
          </span>
        )}
        <button
          type="button"
          className="btn btn-secondary btn-sm med-toggle"
          aria-expanded={open}
          onClick={onToggle}
        >
          Mediation
          {facilitator && queue > 0 && (
            <span className="med-count" aria-label={`${queue} open disputes`}>
              {queue}
            </span>
          )}
        </button>
      </div>
    </>
  );
}
