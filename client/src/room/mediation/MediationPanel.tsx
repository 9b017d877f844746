// The mediation panel's place in the room: nothing until it is opened, then its body, loaded on
// first use so the room's first paint does not carry every tab.
import { lazy, Suspense } from 'react';
import { useStore } from '../../lib/store';
import { useMediation } from './MediationContext';

const MediationPanelBody = lazy(() => import('./MediationPanelBody'));

/** The mediation panel: sign-off matrix, agenda and drafts, disputes, caucus, positions. */
export function MediationPanel() {
  const { store } = useMediation();
  const open = useStore(store.state, (s) => s.panel.open);
  if (!open) return null;
  return (
    <Suspense
      fallback={
        <aside className="med-panel" id="mediation-panel" aria-label="Mediation" aria-busy="true">
          <p className="muted small med-loading">Opening the mediation panel…</p>
        </aside>
      }
    >
      <MediationPanelBody />
    </Suspense>
  );
}
