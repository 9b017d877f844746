// Invitations: each party seats its own members (the room's creator seats the first ones of a
// party nobody joined yet), an organizer proposes a mediator or observer, and revocation ends
// the member's live connections at once.
import { can, roleHasParty } from '@parley/shared/permissions';
import { roomLink } from '@parley/shared/protocol';
import type {
  CreateInviteRequest,
  CreateInviteResponse,
  InviteListResponse,
  MemberClaims,
  MemberInfo,
} from '@parley/shared/protocol';
import { ServiceError } from '../../errors';
import { newId } from '../../ids';
import type { MemberRecord, SeatedMember } from '../../store/types';
import type { MembersDeps } from './deps';
import { announceMemberChanged } from './live';
import { loadSeating } from './seating';
import type { Seating } from './seating';

/** A plain member, as `me` shows it: without the seat. */
export function memberInfo(member: MemberRecord): MemberInfo {
  return {
    id: member.id,
    name: member.name,
    role: member.role,
    partyId: member.partyId,
    createdAt: member.createdAt,
    revokedAt: member.revokedAt,
  };
}

export function requireInviteManager(caller: MemberClaims): void {
  if (!can(caller.role, 'manage-invites')) {
    throw new ServiceError(403, 'forbidden', `A ${caller.role} may not manage invites.`);
  }
}

/** The caller's own seat; the authentication that let them in has just read it. */
export function callerSeat(seating: Seating, caller: MemberClaims): SeatedMember {
  const seat = seating.member(caller.memberId);
  if (seat === undefined) {
    throw new ServiceError(401, 'unauthorized', 'The token names no member of this room.');
  }
  return seat;
}

/** A member the caller may act on; anyone else answers exactly like a missing one. */
export function managedMember(
  seating: Seating,
  caller: SeatedMember,
  memberId: string,
): SeatedMember {
  const member = seating.member(memberId);
  if (member === undefined || !seating.visibleTo(caller, member)) {
    throw new ServiceError(404, 'not-found', `There is no invite ${memberId} in this room.`);
  }
  return member;
}

function requirePartySeat(seating: Seating, caller: SeatedMember, partyId: string): void {
  if (seating.managesParty(caller, partyId)) return;
  const name = seating.partyName(partyId);
  throw new ServiceError(
    403,
    'forbidden',
    caller.seat.creator && seating.partyJoined(partyId)
      ? `${name} has joined the room: only its own organizers invite, change or revoke its members now.`
      : `Only the organizers of ${name} invite, change or revoke its members.`,
  );
}

/**
 * The creator seats another party with one invitation, for its organizer: whoever takes it
 * invites the rest of the party and speaks for it on appointments. One seat at a time, so no
 * spare invitation of the creator's is left lying in a party that has joined.
 */
function requireFirstSeat(seating: Seating, partyId: string, role: string): void {
  const name = seating.partyName(partyId);
  if (role !== 'organizer') {
    throw new ServiceError(
      403,
      'forbidden',
      `A party's first seat is its organizer: invite ${name}'s organizer, who then invites ${name}'s people.`,
    );
  }
  const pending = seating.members.find((m) => m.partyId === partyId && m.revokedAt === null);
  if (pending !== undefined) {
    throw new ServiceError(
      409,
      'seat-taken',
      `You already invited ${pending.name} to take ${name}'s seat; revoke that invitation to seat someone else.`,
    );
  }
}

export async function createInvite(
  ctx: MembersDeps,
  caller: MemberClaims,
  request: CreateInviteRequest,
): Promise<CreateInviteResponse> {
  requireInviteManager(caller);
  const seating = await loadSeating(ctx, caller.roomId);
  const inviter = callerSeat(seating, caller);
  const party = request.party ?? null;
  const appointment = !roleHasParty(request.role);
  if (!appointment) {
    if (party === null) {
      throw new ServiceError(400, 'invalid-payload', `A ${request.role} needs a party.`);
    }
    const parties = seating.sheetParties;
    if (!parties.some((p) => p.id === party)) {
      throw new ServiceError(
        400,
        'invalid-payload',
        `There is no party "${party}" in this room; it has ${parties.map((p) => p.id).join(', ')}.`,
      );
    }
    requirePartySeat(seating, inviter, party);
    if (party !== caller.partyId) requireFirstSeat(seating, party, request.role);
  } else {
    if (party !== null) {
      throw new ServiceError(400, 'invalid-payload', `A ${request.role} belongs to no party.`);
    }
    if (!can(caller.role, 'propose-appointment')) {
      throw new ServiceError(
        403,
        'forbidden',
        `A ${caller.role} may not propose a ${request.role}.`,
      );
    }
  }
  const at = ctx.now();
  const member: MemberRecord = {
    id: newId('m'),
    roomId: caller.roomId,
    name: request.name,
    role: request.role,
    partyId: party,
    createdAt: at,
    revokedAt: null,
  };
  await ctx.store.createInvitation(member, caller.memberId);
  // A party seat's name stays with its party: the log is read by every party's organizers.
  await ctx.audit.append(member.roomId, {
    actorId: caller.memberId,
    action: 'invite.created',
    target: member.id,
    details: appointment
      ? { name: member.name, role: member.role, partyId: null }
      : { role: member.role, partyId: member.partyId },
  });
  if (appointment && caller.partyId !== null) {
    // Proposing is the proposer's party consenting.
    await ctx.store.setConsent({
      roomId: member.roomId,
      memberId: member.id,
      partyId: caller.partyId,
      decision: 'accept',
      decidedBy: caller.memberId,
      decidedAt: at,
    });
    await ctx.audit.append(member.roomId, {
      actorId: caller.memberId,
      action: 'consent.given',
      target: member.id,
      details: { partyId: caller.partyId },
    });
  }
  const token = await ctx.tokens.signInvitation(member);
  const after = await loadSeating(ctx, caller.roomId);
  const created = after.member(member.id);
  if (created !== undefined) announceMemberChanged(ctx, after, created);
  return { id: member.id, token, url: roomLink(ctx.publicUrl(), member.roomId, token) };
}

/** The caller's party's seats, every appointment, and the seats the creator still holds. */
export async function listInvites(
  ctx: MembersDeps,
  caller: MemberClaims,
): Promise<InviteListResponse> {
  requireInviteManager(caller);
  const seating = await loadSeating(ctx, caller.roomId);
  const self = callerSeat(seating, caller);
  return {
    members: seating.members.filter((m) => seating.visibleTo(self, m)).map((m) => seating.info(m)),
    invitableParties: seating.invitableParties(self),
  };
}

/** Revokes an invite and ends the member's live connections at once. */
export async function revokeInvite(
  ctx: MembersDeps,
  caller: MemberClaims,
  memberId: string,
): Promise<MemberInfo> {
  requireInviteManager(caller);
  if (memberId === caller.memberId) {
    throw new ServiceError(400, 'invalid-payload', 'You cannot revoke your own access.');
  }
  const seating = await loadSeating(ctx, caller.roomId);
  const target = managedMember(seating, callerSeat(seating, caller), memberId);
  const at = ctx.now();
  await ctx.store.revokeMember(caller.roomId, memberId, at);
  ctx.endSessions(caller.roomId, memberId, {
    code: 'revoked',
    message: 'Your invitation to this room was revoked.',
  });
  const after = await loadSeating(ctx, caller.roomId);
  const member = after.member(memberId) ?? target;
  // Revoking again only confirms the first revocation, which is already in the log.
  if (member.revokedAt === at) {
    await ctx.audit.append(caller.roomId, {
      actorId: caller.memberId,
      action: 'invite.revoked',
      target: memberId,
      details: { role: member.role, partyId: member.partyId },
    });
    announceMemberChanged(ctx, after, member);
  }
  return after.info(member);
}
