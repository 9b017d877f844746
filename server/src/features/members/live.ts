// What the members feature announces, and to whom: a seat's news only to the organizers who
// manage it, an appointment's to every organizer, since every party decides on it.
import type { InviteReused } from '@parley/shared/protocol';
import { memberAudience, roleAudience } from '../../realtime';
import type { SeatedMember } from '../../store/types';
import type { MembersDeps } from './deps';
import type { Seating } from './seating';

function managersAudience(seating: Seating, member: SeatedMember) {
  return seating.managersOf(member).map((m) => memberAudience(m.id));
}

/** A seat was created, used, changed or revoked: its managers refresh their list. */
export function announceMemberChanged(
  ctx: Pick<MembersDeps, 'broadcast'>,
  seating: Seating,
  member: SeatedMember,
): void {
  ctx.broadcast
    .to(seating.roomId, ...managersAudience(seating, member))
    .emit('members:changed', { memberId: member.id });
  if (member.partyId === null) announceAppointment(ctx, seating, member);
}

/** Someone opened an invitation that was already used. */
export function announceReuse(
  ctx: Pick<MembersDeps, 'broadcast'>,
  seating: Seating,
  member: SeatedMember,
  at: number,
): void {
  const payload: InviteReused = {
    memberId: member.id,
    name: member.name,
    role: member.role,
    partyId: member.partyId,
    at,
  };
  ctx.broadcast
    .to(seating.roomId, ...managersAudience(seating, member))
    .emit('members:invite-reused', payload);
}

/** An appointment's standing changed; every organizer sees where each party stands. */
export function announceAppointment(
  ctx: Pick<MembersDeps, 'broadcast'>,
  seating: Seating,
  member: SeatedMember,
): void {
  ctx.broadcast
    .to(seating.roomId, roleAudience('organizer'))
    .emit('consent:changed', seating.appointment(member));
}
