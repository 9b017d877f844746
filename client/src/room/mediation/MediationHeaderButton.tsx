// The header's entry to the mediation panel, at every width: it opens and closes the panel and
// shows the facilitator how many disputes wait.
import { useShallow, useStore } from '../../lib/store';
import { useFacilitator, useMediation } from './MediationContext';

export function MediationHeaderButton() {
  const { store } = useMediation();
  const facilitator = useFacilitator();
  const { open, queue } = useStore(
    store.state,
    useShallow((s) => ({ open: s.panel.open, queue: s.queue.length })),
  );
  const count = facilitator ? queue : 0;
  return (
    <button
      type="button"
      className={`header-icon-btn med-toggle${open ? ' is-on' : ''}${count ? ' has-count' : ''}`}
      aria-expanded={open}
      aria-controls="mediation-panel"
      aria-label={`Mediation${count ? `: ${count} open dispute${count === 1 ? '' : 's'}` : ''}`}
      title="Mediation: sign-off, agenda, disputes, caucus, positions"
      onClick={() => store.setPanelOpen(!open)}
    >
      <svg
        width="16"
        height="16"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
        focusable="false"
      >
        <path d="M12 3v18M5 7h14M5 7l-3 7a3 3 0 0 0 6 0zM19 7l-3 7a3 3 0 0 0 6 0z" />
      </svg>
      {count > 0 && <span className="count-badge">{count}</span>}
    </button>
  );
}
