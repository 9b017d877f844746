// Joining: the one use of an invitation. It binds the seat to a new session in one conditional
// write, so of two uses at once exactly one wins; the other is refused and the seat's
// organizers hear of it.
import type { JoinResponse } from '@parley/shared/protocol';
import { ServiceError } from '../../errors';
import { newId } from '../../ids';
import type { MembersDeps } from './deps';
import { announceMemberChanged, announceReuse } from './live';
import { loadSeating } from './seating';

/** How often a used link's refused uses are logged and announced, at most. */
export const REUSE_REPORT_INTERVAL_MS = 60_000;

export async function joinRoom(
  ctx: MembersDeps,
  roomId: string,
  token: string | null,
): Promise<JoinResponse> {
  if (token === null) {
    throw new ServiceError(401, 'unauthorized', 'Send the invitation as the bearer token.');
  }
  const verified = await ctx.tokens.verify(token);
  if (!verified.ok) throw new ServiceError(401, verified.code, verified.message);
  const { claims } = verified;
  if (claims.kind !== 'invite') {
    throw new ServiceError(
      400,
      'not-an-invitation',
      'This is already a session token: use it as it is, there is nothing to join.',
    );
  }
  if ((await ctx.store.getRoom(roomId)) === undefined) {
    throw new ServiceError(404, 'room-not-found', `There is no room ${roomId}.`);
  }
  if (claims.room !== roomId) {
    throw new ServiceError(403, 'forbidden', 'The invitation is for another room.');
  }
  const member = await ctx.store.getSeatedMember(roomId, claims.sub);
  if (member === undefined) {
    throw new ServiceError(401, 'unauthorized', 'The invitation names no member of this room.');
  }
  if (member.revokedAt !== null) {
    throw new ServiceError(403, 'revoked', 'This invitation has been revoked.');
  }
  const sessionId = newId('s');
  const at = ctx.now();
  if (!(await ctx.store.claimSeat(roomId, member.id, sessionId, at))) {
    const now = await ctx.store.getSeatedMember(roomId, member.id);
    if (now?.revokedAt !== null) {
      throw new ServiceError(403, 'revoked', 'This invitation has been revoked.');
    }
    await ctx.store.noteSeatReuse(roomId, member.id, at);
    const seating = await loadSeating(ctx, roomId);
    // Someone hammering a used link is logged and announced once a minute, not once a try.
    const previous = now?.seat.reuseRefusedAt ?? null;
    if (previous === null || at - previous >= REUSE_REPORT_INTERVAL_MS) {
      await ctx.audit.append(roomId, {
        actorId: null,
        action: 'invite.reused',
        target: member.id,
        details: { role: member.role, partyId: member.partyId },
      });
      announceReuse(ctx, seating, seating.member(member.id) ?? member, at);
    }
    throw new ServiceError(
      409,
      'invite-used',
      member.partyId === null
        ? 'This invitation was already used: a link opens the room once. Ask the organizers for a new one.'
        : `This invitation was already used: a link opens the room once. Ask an organizer of ${seating.partyName(member.partyId)} for a new one.`,
    );
  }
  await ctx.audit.append(roomId, {
    actorId: member.id,
    action: 'invite.joined',
    target: member.id,
    details: { role: member.role, partyId: member.partyId },
  });
  const session = await ctx.tokens.signSession(member, sessionId);
  const seating = await loadSeating(ctx, roomId);
  const joined = seating.member(member.id) ?? member;
  announceMemberChanged(ctx, seating, joined);
  return { token: session, member: seating.info(joined) };
}
