// Sensitivity: the tornado of the chosen party and scenario, each term moved 10 % down and up,
// computed in the worker once edits pause.
import { useState } from 'react';
import type { Sheet } from '../sheet';
import type { AnalysisRunner } from './analysisRunner';
import type { Metric } from './analysisView';
import { tornadoRows } from './analysisView';
import { AnalysisStatus } from './AnalysisStatus';
import { TornadoChart } from './TornadoChart';
import { useSheetJob } from './useSheetJob';

export const SENSITIVITY_STEP_PCT = 10;
const SHOWN_TERMS = 10;

interface Props {
  runner: AnalysisRunner;
  sheet: Sheet;
  scenarioId: string;
  partyId: string;
}

export function SensitivitySection({ runner, sheet, scenarioId, partyId }: Props) {
  const [metric, setMetric] = useState<Metric>('net');
  const { data, pending, error } = useSheetJob(runner, {
    kind: 'sensitivity',
    partyId,
    scenarioId,
    stepPct: SENSITIVITY_STEP_PCT,
  });
  const party = sheet.parties.find((p) => p.id === partyId);
  const result = data?.result ?? null;
  const rows = result ? tornadoRows(result.entries, metric, sheet, SHOWN_TERMS) : [];
  const figure = metric === 'net' ? 'net' : 'NPV';
  return (
    <section className="analysis-section" aria-labelledby="sensitivity-heading">
      <div className="analysis-section-head">
        <h3 id="sensitivity-heading">Which terms matter most</h3>
        <div className="segmented" role="radiogroup" aria-label="Figure the tornado shows">
          {(['net', 'npv'] as const).map((m) => (
            <button
              key={m}
              type="button"
              role="radio"
              aria-checked={metric === m}
              className={`segment${metric === m ? ' is-on' : ''}`}
              onClick={() => setMetric(m)}
            >
              {m === 'net' ? 'Net' : 'NPV'}
            </button>
          ))}
        </div>
      </div>
      <p className="analysis-lead small muted">
        Each term moved {SENSITIVITY_STEP_PCT} % down and up on its own: the change in{' '}
        {party?.name ?? partyId}&apos;s {figure} over the term. The longest bars are the terms worth
        negotiating hardest.
      </p>
      <AnalysisStatus
        pending={pending}
        error={error}
        hasData={data !== null}
        issues={data?.issues}
        what="sensitivity"
      />
      {result && rows.length === 0 && (
        <p className="analysis-note">No term of this sheet changes this party&apos;s {figure}.</p>
      )}
      {result && rows.length > 0 && (
        <TornadoChart
          rows={rows}
          currency={sheet.currency}
          figure={figure}
          stepPct={result.stepPct}
          partyName={party?.name ?? partyId}
        />
      )}
    </section>
  );
}
