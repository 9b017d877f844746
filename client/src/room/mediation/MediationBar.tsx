// The strip above the clauses: which procedure is in force, how far the room is from agreement,
// and the button that opens the mediation drawer.
import { useShallow, useStore } from '../../lib/store';
import { useRoom } from '../RoomContext';
import { downloadAgreement } from './downloads';
import { useFacilitator, useMediation } from './MediationContext';

/**
 * The strip above the clauses: the procedure in force, the agreed state, and the button that opens
 * the mediation panel.
 */
export function MediationBar() {
  const { roomId, token } = useRoom();
  const { store } = useMediation();
  const facilitator = useFacilitator();
  const { open, agreed, missing, singleText, queue, loaded } = useStore(
    store.state,
    useShallow((s) => ({
      open: s.panel.open,
      agreed: s.signoffs.agreement.agreed,
      missing: s.signoffs.agreement.missing.length,
      singleText: s.state.mode === 'single-text',
      queue: s.queue.length,
      loaded: s.loaded,
    })),
  );
  const onToggle = () => store.setPanelOpen(!open);
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
        {!agreed && loaded && (
          <span className="small muted">
            {missing} sign-off{missing === 1 ? '' : 's'} to agreement
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
