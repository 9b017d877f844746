// Who a collab connection is in the room's presence: taken from its token, never from the client.
import { memberColor } from '@parley/shared/permissions';
import { partyIndexOf, readRoomParties } from '@parley/shared/room';
import type * as Y from 'yjs';
import type { AwarenessIdentity } from './awarenessRewrite';
import type { MemberClaims } from '@parley/shared/protocol';

export function defaultMemberColor(member: MemberClaims, partyIndex: number | null): string {
  return memberColor(member.role, partyIndex);
}

export function awarenessIdentity(
  member: MemberClaims,
  doc: Y.Doc,
  colorOf: (member: MemberClaims, partyIndex: number | null) => string,
): AwarenessIdentity {
  return {
    memberId: member.memberId,
    name: member.name,
    role: member.role,
    party: member.partyId,
    color: colorOf(member, partyIndexOf(readRoomParties(doc), member.partyId)),
  };
}
