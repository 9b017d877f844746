// The fair settlement for the mediator: the Nash bargaining point inside every walk-away value the
// parties SHARED with the mediator. The rules that keep it the mediator's:
// - only the mediator may ask, and the refusal comes before anything is read;
// - positions pass through sharedBoundsOf, which reads nothing of a position its party has not
//   shared, and the engine thread rebuilds each bound with sharedBound, which refuses any other;
// - the answer goes to the asking mediator alone: nothing is broadcast, nothing reaches a party
//   until the mediator makes it a proposal.
import { sharedBoundsOf } from '@parley/shared/analysis';
import type { SharedPosition } from '@parley/shared/analysis';
import type {
  MemberClaims,
  SettlementAnswer,
  settlementRequestSchema,
} from '@parley/shared/protocol';
import type { z } from 'zod';
import { ServiceError } from '../../errors';
import type { AnalysisDeps } from './deps';
import { refuseBadRequest } from './requestIssues';
import { snapshotOf } from './snapshot';

export type SettlementQuery = z.output<typeof settlementRequestSchema>;

function requireMediator(member: MemberClaims): void {
  if (member.role !== 'mediator') {
    throw new ServiceError(
      403,
      'forbidden',
      'Only the mediator computes a fair settlement from the positions shared with them.',
    );
  }
}

/** The shared walk-away values of the room as plain data for an engine thread. */
async function sharedPositions(deps: AnalysisDeps, roomId: string): Promise<SharedPosition[]> {
  const positions = await deps.positions.listPositions(roomId, null);
  return sharedBoundsOf(positions).map(({ partyId, clauseId, param, bound, value }) => ({
    partyId,
    clauseId,
    param,
    bound,
    value,
    shared: true,
  }));
}

export async function fairSettlement(
  deps: AnalysisDeps,
  member: MemberClaims,
  query: SettlementQuery,
): Promise<SettlementAnswer> {
  requireMediator(member);
  const [bounds, snapshot] = await Promise.all([
    sharedPositions(deps, member.roomId),
    snapshotOf(deps, member.roomId),
  ]);
  const options = {
    disagreement: query.disagreement,
    ...(query.scenario !== undefined ? { scenarioId: query.scenario } : {}),
  };
  const key = JSON.stringify(['settlement', member.roomId, snapshot.version, bounds, options]);
  const settlement = await deps.runs.run(key, member.memberId, () =>
    deps.engine.run({ kind: 'settlement', doc: snapshot.state, bounds, options }),
  );
  refuseBadRequest(settlement.issues);
  return { sharedBounds: bounds.length, settlement };
}
