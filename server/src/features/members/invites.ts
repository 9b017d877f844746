// Invitations: who may invite whom into which party, the signed link, and revocation that ends
// the member's live connections at once.
import { can, roleHasParty } from '@parley/shared/permissions';
import { roomLink } from '@parley/shared/protocol';
import type {
  CreateInviteRequest,
  CreateInviteResponse,
  MemberClaims,
  MemberInfo,
} from '@parley/shared/protocol';
import { readRoomParties } from '@parley/shared/room';
import { ServiceError } from '../../errors';
import { newId } from '../../ids';
import type { MemberRecord } from '../../store/types';
import type { MembersDeps } from './deps';

function requireInviteManager(caller: MemberClaims): void {
  if (!can(caller.role, 'manage-invites')) {
    throw new ServiceError(403, 'forbidden', `A ${caller.role} may not manage invites.`);
  }
}

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

export async function createInvite(
  ctx: MembersDeps,
  caller: MemberClaims,
  request: CreateInviteRequest,
): Promise<CreateInviteResponse> {
  requireInviteManager(caller);
  const party = request.party ?? null;
  if (roleHasParty(request.role)) {
    if (party === null) {
      throw new ServiceError(400, 'invalid-payload', `A ${request.role} needs a party.`);
    }
    const parties = readRoomParties(await ctx.rooms.getDoc(caller.roomId));
    if (!parties.some((p) => p.id === party)) {
      throw new ServiceError(
        400,
        'invalid-payload',
        `There is no party "${party}" in this room; it has ${parties.map((p) => p.id).join(', ')}.`,
      );
    }
  } else if (party !== null) {
    throw new ServiceError(400, 'invalid-payload', `A ${request.role} belongs to no party.`);
  }
  const member: MemberRecord = {
    id: newId('m'),
    roomId: caller.roomId,
    name: request.name,
    role: request.role,
    partyId: party,
    createdAt: ctx.now(),
    revokedAt: null,
  };
  await ctx.store.createMember(member);
  await ctx.audit.append(member.roomId, {
    actorId: caller.memberId,
    action: 'invite.created',
    target: member.id,
    details: { name: member.name, role: member.role, partyId: member.partyId },
  });
  const token = await ctx.tokens.sign({
    sub: member.id,
    room: member.roomId,
    role: member.role,
    party: member.partyId,
    name: member.name,
  });
  return { id: member.id, token, url: roomLink(ctx.publicUrl(), member.roomId, token) };
}

export async function listInvites(ctx: MembersDeps, caller: MemberClaims): Promise<MemberInfo[]> {
  requireInviteManager(caller);
  const members = await ctx.store.listMembers(caller.roomId);
  return members.map(memberInfo);
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
  const at = ctx.now();
  const revoked = await ctx.store.revokeMember(caller.roomId, memberId, at);
  const member = revoked ? await ctx.store.getMember(caller.roomId, memberId) : undefined;
  if (member === undefined) {
    throw new ServiceError(404, 'not-found', `There is no invite ${memberId} in this room.`);
  }
  ctx.disconnectMember(caller.roomId, memberId);
  // Revoking again only confirms the first revocation, which is already in the log.
  if (member.revokedAt === at) {
    await ctx.audit.append(caller.roomId, {
      actorId: caller.memberId,
      action: 'invite.revoked',
      target: memberId,
      details: { name: member.name, role: member.role, partyId: member.partyId },
    });
  }
  return memberInfo(member);
}
