// The value panel's analysis tab (loaded when first opened): for the chosen scenario and party,
// what matters most, break-even volumes, risk, a party leaving and, for the mediator, the fair
// settlement. The browser's analyses run in a worker that lives only while the tab is open.
import { useEffect, useId, useState } from 'react';
import { useStore } from '../../lib/store';
import { useMediation } from '../mediation';
import { useRoom } from '../RoomContext';
import { AnalysisRunner } from './analysisRunner';
import { BreakEvenSection } from './BreakEvenSection';
import { FairSettlementSection } from './FairSettlementSection';
import { RiskSection } from './RiskSection';
import { SensitivitySection } from './SensitivitySection';
import { SeparationSection } from './SeparationSection';
import './analysis.css';

interface Props {
  scenarioId: string;
}

export default function AnalysisPanel({ scenarioId }: Props) {
  const { model, session } = useRoom();
  const { isMediator } = useMediation();
  const sheet = useStore(model.state, (s) => s.sheet);
  const [runner, setRunner] = useState<AnalysisRunner | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const id = useId();

  useEffect(() => {
    const created = new AnalysisRunner();
    setRunner(created);
    return () => created.destroy();
  }, []);

  const own = session.user.partyId;
  const partyId =
    [chosen, own, sheet.parties[0]?.id].find(
      (p): p is string => typeof p === 'string' && sheet.parties.some((party) => party.id === p),
    ) ?? null;

  // While the sheet has errors the value panel has no scenarios of its own: the sheet's still
  // name them, so the sections stay in place and say what needs fixing.
  const scenarios = sheet.assumptions.scenarios;
  const scenario =
    scenarios.find((s) => s.id === scenarioId) ??
    scenarios.find((s) => s.id === 'base') ??
    scenarios[0];
  if (sheet.parties.length === 0 || partyId === null || scenario === undefined)
    return <p className="analysis-note">The analyses need at least one party and one scenario.</p>;
  if (runner === null) return null;
  const scenarioShown = scenario.id;
  return (
    <div className="analysis-panel" data-testid="analysis-panel">
      <div className="analysis-controls">
        <label htmlFor={`${id}-party`}>
          For party
          <select
            id={`${id}-party`}
            className="input select"
            value={partyId}
            onChange={(e) => setChosen(e.target.value)}
          >
            {sheet.parties.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {isMediator && <FairSettlementSection sheet={sheet} scenarioId={scenarioShown} />}
      <SensitivitySection
        runner={runner}
        sheet={sheet}
        scenarioId={scenarioShown}
        partyId={partyId}
      />
      <BreakEvenSection runner={runner} sheet={sheet} scenarioId={scenarioShown} />
      <RiskSection runner={runner} sheet={sheet} scenarioId={scenarioShown} partyId={partyId} />
      <SeparationSection
        runner={runner}
        sheet={sheet}
        scenarioId={scenarioShown}
        partyId={partyId}
      />
    </div>
  );
}
