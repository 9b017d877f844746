// Who may act in governance: the facilitator (the mediator, or the organizer while there is
// none), a party's speakers, and only on clauses that exist.
import { can } from '@parley/shared/permissions';
import { getClauseMap } from '@parley/shared/room';
import type { MemberClaims } from '@parley/shared/protocol';
import type * as Y from 'yjs';
import { ServiceError } from '../../errors';
import { mediatorAdmitted } from '../members';
import type { GovernanceDeps } from './deps';

/**
 * Whether the room has a mediator every party let in; a mediator still waiting for consent does
 * not yet take facilitation away from the organizer.
 */
export function mediatorPresent(
  deps: Parameters<typeof mediatorAdmitted>[0],
  roomId: string,
): Promise<boolean> {
  return mediatorAdmitted(deps, roomId);
}

/**
 * Locks, agenda, mode, drafts and resolving disputes belong to the mediator, or to the organizer
 * while no mediator is a member of the room.
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
        mediatorPresent: await mediatorPresent(deps, member.roomId),
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

export async function requireClause(
  deps: GovernanceDeps,
  roomId: string,
  clauseId: string,
): Promise<Y.Doc> {
  const doc = await deps.rooms.getDoc(roomId);
  if (getClauseMap(doc, clauseId) === undefined) {
    throw new ServiceError(
      404,
      'clause-not-found',
      `There is no clause "${clauseId}" in this room.`,
    );
  }
  return doc;
}
