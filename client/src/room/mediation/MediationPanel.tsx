import { useEffect, useRef } from 'react';
import { AgendaTab } from './AgendaTab';
import { AgreementTab } from './AgreementTab';
import { CaucusTab } from './CaucusTab';
import { DisputesTab } from './DisputesTab';
import type { MediationTab } from './MediationContext';
import {
  useFacilitator,
  useMediation,
  useMediationSnapshot,
  useOptionalMediation,
} from './MediationContext';
import { PositionsTab } from './PositionsTab';

const tabLabels: Record<MediationTab, string> = {
  agreement: 'Sign-off',
  agenda: 'Agenda',
  disputes: 'Disputes',
  caucus: 'Caucus',
  positions: 'Positions',
  proposals: 'Proposals',
};

/** The mediation drawer: sign-off matrix, agenda and drafts, disputes, caucus, positions. */
export function MediationPanel() {
  const context = useOptionalMediation();
  if (!context?.panel.open) return null;
  return <PanelInner />;
}

function PanelInner() {
  const { role, panel, openPanel, setPanelOpen } = useMediation();
  const isMediator = useFacilitator();
  const tab = panel.tab;
  const onTab = openPanel;
  const onClose = () => setPanelOpen(false);
  const snapshot = useMediationSnapshot();
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
