// The Socket.IO channels a member's sockets join. Every live event goes to a union of these, so a
// party's private event never travels on a shared channel, and an adapter can carry them
// between instances unchanged.
import type { Role } from '@parley/shared/permissions';
import type { MemberClaims } from '@parley/shared/protocol';

/** Who an event is for, inside one room. */
export type Audience =
  | { kind: 'room' }
  | { kind: 'party'; partyId: string }
  | { kind: 'role'; role: Role }
  | { kind: 'member'; memberId: string };

export const everyone: Audience = { kind: 'room' };
export const partyAudience = (partyId: string): Audience => ({ kind: 'party', partyId });
export const roleAudience = (role: Role): Audience => ({ kind: 'role', role });
export const memberAudience = (memberId: string): Audience => ({ kind: 'member', memberId });

export function channelOf(roomId: string, audience: Audience): string {
  switch (audience.kind) {
    case 'room':
      return `room:${roomId}`;
    case 'party':
      return `party:${roomId}:${audience.partyId}`;
    case 'role':
      return `role:${roomId}:${audience.role}`;
    case 'member':
      return `member:${roomId}:${audience.memberId}`;
  }
}

/** The channels a member's socket joins: the room, its member id, its role and its party. */
export function channelsOf(member: MemberClaims): string[] {
  const audiences: Audience[] = [
    everyone,
    memberAudience(member.memberId),
    roleAudience(member.role),
  ];
  if (member.partyId !== null) audiences.push(partyAudience(member.partyId));
  return audiences.map((audience) => channelOf(member.roomId, audience));
}
