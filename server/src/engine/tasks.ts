// What the engine threads compute, as plain functions of a room document's state: the hashes
// sign-offs and proposals are bound to, proposal impacts, value results and analyses. Pure, so a
// thread and a test run them alike.
import { computeValue } from '@parley/shared/engine';
import type { ValueResult } from '@parley/shared/engine';
import {
  applyProposalChange,
  assumptionsHash,
  clauseHashes,
  headerHash,
  partyIdsOf,
  proposalBlockers,
  proposalImpact,
  valueResultHash,
} from '@parley/shared/mediation';
import type { LiveHashes, ParamChange, ProposalImpact } from '@parley/shared/mediation';
import type { Issue } from '@parley/shared/termsheet';
import { dryRun, exportTermSheet, readClauseOrder } from '@parley/shared/room';
import * as Y from 'yjs';
import { riskOf, settlementOf } from './analysisTasks';
import type { AnalysisResults, AnalysisTask } from './analysisTasks';

/** The room's document as the agreement rules read it, all from one moment. */
export interface LiveSummary {
  termsheet: unknown;
  hashes: LiveHashes;
  partyIds: string[];
  clauseIds: string[];
  /** Errors the engine finds in the sheet. */
  errors: number;
}

export interface ProposedChange {
  id: string;
  clauseId: string;
  params: readonly ParamChange[];
  text: string | null;
}

export interface ProposalCheck {
  id: string;
  impact: ProposalImpact;
  blockedBy: Issue[];
  /** Why the change cannot be made as written (a path the clause does not have), or null. */
  unwritable: string | null;
}

export type EngineTask =
  | { kind: 'summary'; doc: Uint8Array }
  | { kind: 'proposals'; doc: Uint8Array; proposals: ProposedChange[] }
  | { kind: 'value'; doc: Uint8Array }
  | AnalysisTask;

export interface EngineResults {
  summary: LiveSummary;
  proposals: { summary: LiveSummary; checks: ProposalCheck[] };
  value: ValueResult;
  risk: AnalysisResults['risk'];
  settlement: AnalysisResults['settlement'];
}

/** Rebuilds the document, reads it as a term sheet, and hands both to `use`. */
function withTermSheet<T>(
  state: Uint8Array,
  use: (doc: Y.Doc, termsheet: unknown, clauseIds: string[]) => T,
): T {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return use(doc, exportTermSheet(doc), [...new Set(readClauseOrder(doc))]);
  } finally {
    doc.destroy();
  }
}

function summaryOf(termsheet: unknown, clauseIds: string[], value: ValueResult): LiveSummary {
  return {
    termsheet,
    hashes: {
      clauses: clauseHashes(termsheet),
      header: headerHash(termsheet),
      assumptions: assumptionsHash(termsheet),
      value: valueResultHash(value),
    },
    partyIds: partyIdsOf(termsheet),
    clauseIds,
    errors: value.issues.filter((issue) => issue.severity === 'error').length,
  };
}

export function summarize(state: Uint8Array): LiveSummary {
  return withTermSheet(state, (_doc, termsheet, clauseIds) =>
    summaryOf(termsheet, clauseIds, computeValue(termsheet)),
  );
}

export function checkProposals(
  state: Uint8Array,
  proposals: readonly ProposedChange[],
): EngineResults['proposals'] {
  return withTermSheet(state, (doc, termsheet, clauseIds) => {
    const value = computeValue(termsheet);
    const checks = proposals.map((proposal) => {
      const applied = applyProposalChange(termsheet, proposal);
      const impact = proposalImpact(termsheet, proposal, value);
      return {
        id: proposal.id,
        impact,
        blockedBy: applied.termsheet === null ? [] : proposalBlockers(impact, value),
        unwritable:
          applied.termsheet === null
            ? applied.issues.map((i) => i.message).join('; ')
            : dryRun(doc, proposal),
      };
    });
    return { summary: summaryOf(termsheet, clauseIds, value), checks };
  });
}

export function valueOf(state: Uint8Array): ValueResult {
  return withTermSheet(state, (_doc, termsheet) => computeValue(termsheet));
}

export function runTask<T extends EngineTask>(task: T): EngineResults[T['kind']] {
  switch (task.kind) {
    case 'summary':
      return summarize(task.doc) as EngineResults[T['kind']];
    case 'proposals':
      return checkProposals(task.doc, task.proposals) as EngineResults[T['kind']];
    case 'value':
      return valueOf(task.doc) as EngineResults[T['kind']];
    case 'risk':
      return riskOf(task.doc, task.options) as EngineResults[T['kind']];
    case 'settlement':
      return settlementOf(task.doc, task.bounds, task.options) as EngineResults[T['kind']];
  }
  throw new Error('unknown engine task');
}
