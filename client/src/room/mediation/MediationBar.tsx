// The strip above the clauses: which procedure is in force and how far the room is from agreement.
import { useShallow, useStore } from '../../lib/store';
import { AgreedBanner } from './AgreedBanner';
import { BreakRequest } from './BreakRequest';
import { useFacilitator, useMediation } from './MediationContext';

/**
 * The strip above the clauses: the procedure in force, the agreed state, and a way to the sign-off
 * matrix; the mediation panel itself opens from the header.
 */
export function MediationBar() {
  const { store } = useMediation();
  const facilitator = useFacilitator();
  const { agreed, missing, singleText, loaded } = useStore(
    store.state,
    useShallow((s) => ({
      agreed: s.signoffs.agreement.agreed || s.state.agreedAt !== null,
      missing: s.signoffs.agreement.missing.length,
      singleText: s.state.mode === 'single-text',
      loaded: s.loaded,
    })),
  );
  return (
    <>
      <AgreedBanner />
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
        {!agreed && loaded && missing > 0 && (
          <button
            type="button"
            className="link-button small"
            onClick={() => store.openPanel('agreement')}
          >
            Open the sign-off matrix
          </button>
        )}
        <BreakRequest />
      </div>
    </>
  );
}
