import * as Y from 'yjs';
import type { AwarenessIdentity } from './awarenessRewrite';
import type { CollabMember } from './types';

const PALETTE = [
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#9467bd',
  '#ff7f0e',
  '#17becf',
  '#8c564b',
  '#e377c2',
];
const NO_PARTY_COLOR = '#7f7f7f';

export function defaultMemberColor(_member: CollabMember, partyIndex: number | null): string {
  if (partyIndex === null) return NO_PARTY_COLOR;
  return PALETTE[partyIndex % PALETTE.length] ?? NO_PARTY_COLOR;
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
  memberColor: (member: CollabMember, partyIndex: number | null) => string,
): AwarenessIdentity {
  return {
    memberId: member.sub,
    name: member.name,
    role: member.role,
    party: member.party,
    color: memberColor(member, partyIndexIn(doc, member.party)),
  };
}
