// The room's document as the agreement rules read it, all from one moment: the term sheet, its
// value, the hashes sign-offs and proposals bind, the parties and the clauses.
import type * as Y from 'yjs';
import { computeValue } from '@parley/shared/engine';
import type { ValueResult } from '@parley/shared/engine';
import {
  assumptionsHash,
  clauseHashes,
  headerHash,
  partyIdsOf,
  valueResultHash,
} from '@parley/shared/mediation';
import type { LiveHashes } from '@parley/shared/mediation';
import { exportTermSheet, readClauseOrder } from '@parley/shared/room';

export interface LiveState {
  termsheet: unknown;
  value: ValueResult;
  hashes: LiveHashes;
  partyIds: string[];
  clauseIds: string[];
  /** Errors the engine finds in the sheet (nothing is agreed while there is one). */
  errors: number;
}

export function liveState(doc: Y.Doc): LiveState {
  const termsheet = exportTermSheet(doc);
  const value = computeValue(termsheet);
  return {
    termsheet,
    value,
    hashes: {
      clauses: clauseHashes(termsheet),
      header: headerHash(termsheet),
      assumptions: assumptionsHash(termsheet),
      value: valueResultHash(value),
    },
    partyIds: partyIdsOf(termsheet),
    clauseIds: [...new Set(readClauseOrder(doc))],
    errors: value.issues.filter((issue) => issue.severity === 'error').length,
  };
}
