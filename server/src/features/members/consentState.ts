// Whose consent an appointment needs and where it stands: pure, so the rule reads in one place
// and is tested on its own.
import type { ConsentState } from '@parley/shared/protocol';
import type { ConsentRecord, SeatedMember } from '../../store/types';

/**
 * The parties whose consent counts: every party of the term sheet, then every party that has
 * joined members in the room although the sheet no longer lists it. Taking a party off the sheet
 * therefore never lets an appointment through without that party.
 */
export function consentingParties(
  sheetParties: readonly string[],
  members: readonly SeatedMember[],
): string[] {
  const parties = [...sheetParties];
  const seated = members
    .filter((m) => m.partyId !== null && m.revokedAt === null && m.seat.joinedAt !== null)
    .map((m) => m.partyId as string)
    .sort();
  for (const partyId of seated) if (!parties.includes(partyId)) parties.push(partyId);
  return parties;
}

/** Granted once every party accepted; declined while any party declines; pending otherwise. */
export function consentState(
  parties: readonly string[],
  decisions: readonly Pick<ConsentRecord, 'partyId' | 'decision'>[],
): ConsentState {
  const decisionOf = (partyId: string) => decisions.find((d) => d.partyId === partyId)?.decision;
  if (parties.some((partyId) => decisionOf(partyId) === 'decline')) return 'declined';
  return parties.every((partyId) => decisionOf(partyId) === 'accept') ? 'granted' : 'pending';
}
