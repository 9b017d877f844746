// Disputes: a party marks a clause disputed with its position; the facilitator resolves it.
import type { Dispute, DisputeStatus, OpenDisputeRequest } from '@parley/shared/mediation';
import type { MemberClaims } from '@parley/shared/protocol';
import { ServiceError } from '../../errors';
import type { GovernanceDeps } from './deps';
import { newId } from '../../ids';
import { announceDispute } from './live';
import { requireClause, requireFacilitator, requirePartySpeaker } from './rules';

export async function listDisputes(
  deps: GovernanceDeps,
  roomId: string,
  status?: DisputeStatus,
): Promise<Dispute[]> {
  const all = await deps.store.listDisputes(roomId);
  return status === undefined ? all : all.filter((d) => d.status === status);
}

/** The mediator's queue: open disputes, oldest first. */
export async function disputeQueue(deps: GovernanceDeps, member: MemberClaims): Promise<Dispute[]> {
  await requireFacilitator(deps, member, 'see the dispute queue');
  return listDisputes(deps, member.roomId, 'open');
}

async function publish(deps: GovernanceDeps, roomId: string, dispute: Dispute): Promise<Dispute> {
  announceDispute(deps, roomId, dispute, await listDisputes(deps, roomId, 'open'));
  return dispute;
}

/** A party marks a clause disputed and states its position (visible to the whole room). */
export async function openDispute(
  deps: GovernanceDeps,
  member: MemberClaims,
  request: OpenDisputeRequest,
): Promise<Dispute> {
  const partyId = requirePartySpeaker(member, 'dispute a clause');
  const { roomId } = member;
  await requireClause(deps, roomId, request.clauseId);
  const open = await listDisputes(deps, roomId, 'open');
  if (open.some((d) => d.clauseId === request.clauseId && d.partyId === partyId)) {
    throw new ServiceError(
      409,
      'already-disputed',
      `Your party already disputes clause "${request.clauseId}"; withdraw that dispute first.`,
    );
  }
  const dispute: Dispute = {
    id: newId('d'),
    clauseId: request.clauseId,
    partyId,
    position: request.position,
    openedBy: member.memberId,
    openedAt: deps.now(),
    status: 'open',
    closedBy: null,
    closedAt: null,
    resolution: null,
  };
  await deps.store.addDispute(roomId, dispute);
  await deps.audit.append(roomId, {
    actorId: member.memberId,
    action: 'dispute.opened',
    target: dispute.id,
    details: { clauseId: dispute.clauseId, partyId },
  });
  return publish(deps, roomId, dispute);
}

async function getOpen(deps: GovernanceDeps, roomId: string, id: string): Promise<Dispute> {
  const dispute = await deps.store.getDispute(roomId, id);
  if (dispute === undefined) {
    throw new ServiceError(404, 'not-found', `There is no dispute ${id} in this room.`);
  }
  if (dispute.status !== 'open') {
    throw new ServiceError(409, 'dispute-closed', `Dispute ${id} is already ${dispute.status}.`);
  }
  return dispute;
}

async function close(
  deps: GovernanceDeps,
  member: MemberClaims,
  dispute: Dispute,
  status: 'withdrawn' | 'resolved',
  resolution: string | null,
): Promise<Dispute> {
  const { roomId } = member;
  const at = deps.now();
  const closed = await deps.store.closeDispute(roomId, dispute.id, {
    status,
    by: member.memberId,
    at,
    resolution,
  });
  if (!closed) {
    throw new ServiceError(409, 'dispute-closed', `Dispute ${dispute.id} was closed meanwhile.`);
  }
  await deps.audit.append(roomId, {
    actorId: member.memberId,
    action: status === 'withdrawn' ? 'dispute.withdrawn' : 'dispute.resolved',
    target: dispute.id,
    details: { clauseId: dispute.clauseId, partyId: dispute.partyId },
  });
  return publish(deps, roomId, {
    ...dispute,
    status,
    closedBy: member.memberId,
    closedAt: at,
    resolution,
  });
}

/** The disputing party (its organizer or a negotiator) takes its dispute back. */
export async function withdrawDispute(
  deps: GovernanceDeps,
  member: MemberClaims,
  disputeId: string,
): Promise<Dispute> {
  const partyId = requirePartySpeaker(member, 'withdraw a dispute');
  const dispute = await getOpen(deps, member.roomId, disputeId);
  if (dispute.partyId !== partyId) {
    throw new ServiceError(403, 'forbidden', 'Only the disputing party may withdraw its dispute.');
  }
  return close(deps, member, dispute, 'withdrawn', null);
}

/** The mediator (or the organizer without one) marks a dispute resolved. */
export async function resolveDispute(
  deps: GovernanceDeps,
  member: MemberClaims,
  disputeId: string,
  resolution: string | undefined,
): Promise<Dispute> {
  await requireFacilitator(deps, member, 'resolve a dispute');
  const dispute = await getOpen(deps, member.roomId, disputeId);
  return close(deps, member, dispute, 'resolved', resolution ?? null);
}
