// The mediation panel itself (loaded when first opened): one tab per part of the procedure, the
// tabs a role has no use for left out, and the count of open disputes on its tab.
import { useEffect, useRef } from 'react';
import { useShallow, useStore } from '../../lib/store';
import { AgendaTab } from './AgendaTab';
import { AgreementTab } from './AgreementTab';
import { CaucusTab } from './CaucusTab';
import { DisputesTab } from './DisputesTab';
import { useFacilitator, useMediation } from './MediationContext';
import type { MediationTab } from './mediationState';
import { PositionsTab } from './PositionsTab';

const tabLabels: Record<MediationTab, string> = {
  agreement: 'Sign-off',
  agenda: 'Agenda',
  disputes: 'Disputes',
  caucus: 'Caucus',
  positions: 'Positions',
  proposals: 'Proposals',
};

/** The mediation panel's content: sign-off matrix, agenda and drafts, disputes, caucus, positions. */
export default function MediationPanelBody() {
  const { role, store } = useMediation();
  const isMediator = useFacilitator();
  const tab = useStore(store.state, (s) => s.panel.tab);
  const onTab = (t: MediationTab) => store.openPanel(t);
  const onClose = () => store.setPanelOpen(false);
  const snapshot = useStore(
    store.state,
    useShallow((s) => ({ queue: s.queue, disputes: s.disputes })),
  );
  const panelRef = useRef<HTMLElement>(null);
  const tabs: MediationTab[] = ['agreement', 'agenda', 'disputes'];
  if (role !== 'observer') tabs.push('caucus');
  tabs.push('positions');
  const disputeCount = isMediator
    ? snapshot.queue.length
    : snapshot.disputes.filter((d) => d.status === 'open').length;

  useEffect(() => {
    panelRef.current?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus();
  }, []);

  return (
    <aside
      className="med-panel"
      id="mediation-panel"
      aria-label="Mediation"
      ref={panelRef}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <div className="med-panel-head">
        <h2>Mediation</h2>
        <button
          type="button"
          className="btn btn-icon"
          aria-label="Close the mediation panel"
          onClick={onClose}
        >
          ×
        </button>
      </div>
      <div className="med-tabs" role="tablist" aria-label="Mediation sections">
        {tabs.map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            id={`med-tab-${t}`}
            aria-selected={tab === t}
            aria-controls="med-tabpanel"
            className={`med-tab-button${tab === t ? ' is-active' : ''}`}
            onClick={() => onTab(t)}
          >
            {tabLabels[t]}
            {t === 'disputes' && disputeCount > 0 && (
              <span className="med-count" aria-label={`${disputeCount} open`}>
                {disputeCount}
              </span>
            )}
          </button>
        ))}
      </div>
      <div
        id="med-tabpanel"
        role="tabpanel"
        tabIndex={0}
        aria-labelledby={`med-tab-${tab}`}
        className="med-tabpanel"
      >
        {tab === 'agreement' && <AgreementTab />}
        {tab === 'agenda' && <AgendaTab />}
        {tab === 'disputes' && <DisputesTab />}
        {tab === 'caucus' && <CaucusTab />}
        {(tab === 'positions' || tab === 'proposals') && <PositionsTab />}
      </div>
    </aside>
  );
}
