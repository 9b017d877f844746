import type * as Y from 'yjs';
import { can } from '@parley/shared/permissions';
import { getClauseMap } from '@parley/shared/room';
import type { CaucusMessage, Dispute, Draft, MediationState } from '@parley/shared/mediation';
import type { MemberClaims } from '@parley/shared/protocol';
import type { Store } from '../store/types';
import { ServiceError } from '../services/errors';
import type { AuditLog } from './audit';
import type { RoomModes } from './roomMode';

/**
 * Where governance changes go live. The realtime layer implements it and must deliver each event
 * only to the audience named here.
 */
export interface GovernancePublisher {
  /** Everyone in the room. */
  stateChanged(roomId: string, state: MediationState): void;
  /** Everyone in the room. */
  draftChanged(roomId: string, draft: Draft): void;
  /** Everyone in the room; `queue` (the open disputes) only to mediators and organizers. */
  disputeChanged(roomId: string, dispute: Dispute, queue: Dispute[]): void;
  /** Only the members of `message.partyId` and the mediators of the room. */
  caucusMessage(roomId: string, message: CaucusMessage): void;
}

export const silentGovernancePublisher: GovernancePublisher = {
  stateChanged: () => undefined,
  draftChanged: () => undefined,
  disputeChanged: () => undefined,
  caucusMessage: () => undefined,
};

/** What the governance services need from the rest of the server. */
export interface GovernanceDeps {
  store: Store;
  audit: AuditLog;
  modes: RoomModes;
  getDoc(roomId: string): Promise<Y.Doc>;
  publisher(): GovernancePublisher;
  now(): number;
}

/** Whether a mediator (not revoked) is a member of the room. */
export async function mediatorPresent(store: Store, roomId: string): Promise<boolean> {
  const members = await store.listMembers(roomId);
  return members.some((m) => m.role === 'mediator' && m.revokedAt === null);
}

/**
 * Locks, agenda, mode, drafts and resolving disputes belong to the mediator, or to the organizer
 * while no mediator is a member of the room (the permission matrix in the README).
 */
export async function requireFacilitator(
  deps: GovernanceDeps,
  member: MemberClaims,
  what: string,
): Promise<void> {
  if (member.role === 'mediator') return;
  if (member.role === 'organizer') {
    if (
      can('organizer', 'lock', {
        mediatorPresent: await mediatorPresent(deps.store, member.roomId),
      })
    ) {
      return;
    }
    throw new ServiceError(
      403,
      'forbidden',
      `This room has a mediator: only the mediator may ${what}.`,
    );
  }
  throw new ServiceError(
    403,
    'forbidden',
    `A ${member.role} may not ${what}; the mediator (or the organizer without one) does.`,
  );
}

/** Disputes and draft votes speak for a party: its organizer or a negotiator. */
export function requirePartySpeaker(member: MemberClaims, what: string): string {
  if (member.partyId === null || !can(member.role, 'accept')) {
    throw new ServiceError(
      403,
      'forbidden',
      `A ${member.role} may not ${what}; a party's organizer or negotiator does.`,
    );
  }
  return member.partyId;
}

export async function requireClause(deps: GovernanceDeps, roomId: string, clauseId: string) {
  const doc = await deps.getDoc(roomId);
  if (getClauseMap(doc, clauseId) === undefined) {
    throw new ServiceError(
      404,
      'clause-not-found',
      `There is no clause "${clauseId}" in this room.`,
    );
  }
  return doc;
}
