// The analyses the engine threads run for a room: seeded Monte Carlo risk, and the mediator's
// fair settlement from the bounds the parties shared. Pure functions of the document's state, so
// a thread and a test run them alike.
import { monteCarlo, nashSettlement, sharedBound } from '@parley/shared/analysis';
import type {
  MonteCarloAnalysis,
  MonteCarloOptions,
  NashAnalysis,
  NashOptions,
  SharedPosition,
} from '@parley/shared/analysis';
import { exportTermSheet } from '@parley/shared/room';
import * as Y from 'yjs';

export type AnalysisTask =
  | { kind: 'risk'; doc: Uint8Array; options: MonteCarloOptions }
  | {
      kind: 'settlement';
      doc: Uint8Array;
      /** Only positions their parties shared with the mediator (`shared: true`). */
      bounds: SharedPosition[];
      options: NashOptions;
    };

export interface AnalysisResults {
  risk: MonteCarloAnalysis;
  settlement: NashAnalysis;
}

function termSheetOf(state: Uint8Array): unknown {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return exportTermSheet(doc);
  } finally {
    doc.destroy();
  }
}

export function riskOf(state: Uint8Array, options: MonteCarloOptions): MonteCarloAnalysis {
  return monteCarlo(termSheetOf(state), options);
}

/**
 * The bounds cross to the thread as plain data; each is made a shared bound again here, which
 * throws for any that is not marked shared, so nothing else can reach the search.
 */
export function settlementOf(
  state: Uint8Array,
  bounds: readonly SharedPosition[],
  options: NashOptions,
): NashAnalysis {
  return nashSettlement(termSheetOf(state), bounds.map(sharedBound), options);
}
