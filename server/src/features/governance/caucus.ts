// Caucus: a private channel between one party and the mediator.
import { caucusScope } from '@parley/shared/permissions';
import { readRoomParties } from '@parley/shared/room';
import type { CaucusMessage } from '@parley/shared/mediation';
import type { MemberClaims } from '@parley/shared/protocol';
import { ServiceError } from '../../errors';
import { newSortableId } from '../../ids';
import type { GovernanceDeps } from './deps';
import { announceCaucus } from './live';

/**
 * Which caucus the member may use. A party member speaks only in its own party's caucus; the
 * mediator names the party. Any other party, or one that does not exist, is answered the same
 * way, so nobody learns anything about a caucus that is not theirs.
 */
async function caucusParty(
  deps: GovernanceDeps,
  member: MemberClaims,
  requested: string | undefined,
): Promise<string> {
  const scope = caucusScope(member.role);
  if (scope === null) {
    throw new ServiceError(403, 'forbidden', `A ${member.role} takes no part in caucuses.`);
  }
  const notFound = () =>
    new ServiceError(
      404,
      'not-found',
      `There is no caucus with party "${requested ?? ''}" for you.`,
    );
  if (scope === 'own-party') {
    if (member.partyId === null) throw notFound();
    if (requested !== undefined && requested !== member.partyId) throw notFound();
    return member.partyId;
  }
  if (requested === undefined) {
    throw new ServiceError(400, 'invalid-payload', 'Name the party (partyId) to caucus with.');
  }
  const parties = readRoomParties(await deps.rooms.getDoc(member.roomId));
  if (!parties.some((p) => p.id === requested)) throw notFound();
  return requested;
}

export async function listCaucus(
  deps: GovernanceDeps,
  member: MemberClaims,
  partyId: string | undefined,
): Promise<{ partyId: string; messages: CaucusMessage[] }> {
  const party = await caucusParty(deps, member, partyId);
  return { partyId: party, messages: await deps.store.listCaucusMessages(member.roomId, party) };
}

/** Stores a caucus message and delivers it to that party's members and the mediators only. */
export async function sendCaucus(
  deps: GovernanceDeps,
  member: MemberClaims,
  request: { partyId?: string | undefined; body: string },
): Promise<CaucusMessage> {
  const party = await caucusParty(deps, member, request.partyId);
  const at = deps.now();
  const message: CaucusMessage = {
    id: newSortableId('c', at),
    partyId: party,
    authorId: member.memberId,
    authorName: member.name,
    authorRole: member.role,
    body: request.body,
    at,
  };
  await deps.store.addCaucusMessage(member.roomId, message);
  // Not in the audit log: the organizer reads that log, and must not learn even that another
  // party caucused.
  announceCaucus(deps, member.roomId, message);
  return message;
}
