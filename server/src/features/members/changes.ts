// Changing a party's member: a new name, or a new role within the party, by whoever manages the
// seat. A new role takes effect at once: the member's connections end and reconnect under it.
import type { MemberClaims, MemberInfo, UpdateMemberRequest } from '@parley/shared/protocol';
import { ServiceError } from '../../errors';
import type { MembersDeps } from './deps';
import { callerSeat, managedMember, requireInviteManager } from './invites';
import { announceMemberChanged } from './live';
import { loadSeating } from './seating';

export async function updateMember(
  ctx: MembersDeps,
  caller: MemberClaims,
  memberId: string,
  patch: UpdateMemberRequest,
): Promise<MemberInfo> {
  requireInviteManager(caller);
  const seating = await loadSeating(ctx, caller.roomId);
  const self = callerSeat(seating, caller);
  const target = memberId === caller.memberId ? self : managedMember(seating, self, memberId);
  if (target.partyId === null) {
    throw new ServiceError(
      403,
      'forbidden',
      `A ${target.role} is appointed with every party's consent; revoke and propose someone else instead.`,
    );
  }
  if (target.revokedAt !== null) {
    throw new ServiceError(409, 'revoked', `${target.name}'s invitation was revoked.`);
  }
  const roleChanges = patch.role !== undefined && patch.role !== target.role;
  if (roleChanges && target.id === caller.memberId) {
    throw new ServiceError(400, 'invalid-payload', 'You cannot change your own role.');
  }
  if (roleChanges && target.partyId !== caller.partyId) {
    throw new ServiceError(
      403,
      'forbidden',
      `${target.name} holds the seat of ${seating.partyName(target.partyId)}, which stays its organizer's.`,
    );
  }
  const renamed = patch.name !== undefined && patch.name !== target.name;
  if (!roleChanges && !renamed) return seating.info(target);
  await ctx.store.updateMember(caller.roomId, target.id, {
    ...(renamed ? { name: patch.name } : {}),
    ...(roleChanges ? { role: patch.role } : {}),
  });
  await ctx.audit.append(caller.roomId, {
    actorId: caller.memberId,
    action: 'member.changed',
    target: target.id,
    details: {
      partyId: target.partyId,
      renamed,
      ...(roleChanges ? { from: target.role, to: patch.role } : {}),
    },
  });
  if (roleChanges) {
    ctx.endSessions(caller.roomId, target.id, {
      code: 'member-changed',
      message: `Your role in this room is now ${patch.role}; the room reopens with it.`,
    });
  }
  const after = await loadSeating(ctx, caller.roomId);
  const changed = after.member(target.id) ?? target;
  announceMemberChanged(ctx, after, changed);
  return after.info(changed);
}
