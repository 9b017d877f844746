import { memberColor } from '@parley/shared/permissions';
import * as Y from 'yjs';
import type { AwarenessIdentity } from './awarenessRewrite';
import type { MemberClaims } from '@parley/shared/protocol';

export function defaultMemberColor(member: MemberClaims, partyIndex: number | null): string {
  return memberColor(member.role, partyIndex);
}

/** Position of the party in the room's party list, or null when the member has none or it is unknown. */
export function partyIndexIn(doc: Y.Doc, partyId: string | null): number | null {
  if (partyId === null) return null;
  const parties = doc.getMap('meta').get('parties');
  if (!(parties instanceof Y.Array)) return null;
  const index = parties
    .toArray()
    .findIndex((party) => party instanceof Y.Map && party.get('id') === partyId);
  return index < 0 ? null : index;
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
    color: colorOf(member, partyIndexIn(doc, member.partyId)),
  };
}
