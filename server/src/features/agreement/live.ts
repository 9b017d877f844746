// The room's document as the agreement rules read it, computed on the engine threads so that a
// large sheet never blocks the event loop: hashes, parties, clauses, errors, and proposals checked
// against it.
import * as Y from 'yjs';
import type { Proposal } from '@parley/shared/mediation';
import type { LiveSummary, ProposalCheck } from '../../engine';
import type { RoomContext } from '../../rooms';
import type { AgreementDeps } from './deps';

export type { LiveSummary, ProposalCheck };

export interface Checked {
  summary: LiveSummary;
  /** By proposal id, for the proposals asked about. */
  checks: Map<string, ProposalCheck>;
}

type ChangeOf = Pick<Proposal, 'id' | 'clauseId' | 'params' | 'text'>;

/** The summary of the document as it is now, and each proposal checked against it. */
export async function checkedNow(
  deps: Pick<AgreementDeps, 'engine'>,
  room: RoomContext,
  proposals: readonly ChangeOf[] = [],
): Promise<Checked> {
  const result = await deps.engine.run({
    kind: 'proposals',
    doc: Y.encodeStateAsUpdate(room.doc),
    proposals: proposals.map((p) => ({
      id: p.id,
      clauseId: p.clauseId,
      params: p.params,
      text: p.text,
    })),
  });
  return { summary: result.summary, checks: new Map(result.checks.map((c) => [c.id, c])) };
}
