// The parties of a room's live document, in order: their position picks their colour, so the
// server (presence, invites) and the client read them the same way.
import * as Y from 'yjs';

export interface DocParty {
  id: string;
  name: string;
  role: string;
  lead?: boolean;
}

/** The parties of a room document, in order (their index picks their colour). */
export function readRoomParties(doc: Y.Doc): DocParty[] {
  const parties = doc.getMap('meta').get('parties');
  if (!(parties instanceof Y.Array)) return [];
  const result: DocParty[] = [];
  for (const entry of parties.toArray()) {
    if (!(entry instanceof Y.Map)) continue;
    const id = entry.get('id');
    if (typeof id !== 'string') continue;
    const name = entry.get('name');
    const role = entry.get('role');
    const lead = entry.get('lead');
    result.push({
      id,
      name: typeof name === 'string' ? name : id,
      role: typeof role === 'string' ? role : '',
      ...(lead === true ? { lead: true } : {}),
    });
  }
  return result;
}

export function partyIndexOf(parties: DocParty[], partyId: string | null): number | null {
  if (partyId === null) return null;
  const index = parties.findIndex((p) => p.id === partyId);
  return index < 0 ? null : index;
}
