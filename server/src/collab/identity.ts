import { memberColor } from '@parley/shared/permissions';
import * as Y from 'yjs';
import type { AwarenessIdentity } from './awarenessRewrite';
import type { CollabMember } from './types';

export function defaultMemberColor(member: CollabMember, partyIndex: number | null): string {
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
  member: CollabMember,
  doc: Y.Doc,
  colorOf: (member: CollabMember, partyIndex: number | null) => string,
): AwarenessIdentity {
  return {
    memberId: member.sub,
    name: member.name,
    role: member.role,
    party: member.party,
    color: colorOf(member, partyIndexIn(doc, member.party)),
  };
}
