// The room the negotiation and comment browser tests start from: mHealth split by fixed shares,
// with invite links for a CSP and an insurer negotiator and an observer.
import { templates } from '@parley/shared/templates';
import type { TermSheet } from '@parley/shared/termsheet';
import {
  consent,
  createInvitation,
  createRoom,
  request,
  seatParties,
} from '../../integration/helpers/api';

/**
 * The mHealth template with a fixed split, so that a negotiator can move a share and everyone sees
 * the value move.
 */
export function fixedSplitTermSheet(): TermSheet {
  const sheet = structuredClone(templates.mhealth) as TermSheet;
  sheet.title = 'Remote patient monitoring';
  for (const clause of sheet.clauses) {
    if (clause.kind === 'value-sharing') {
      clause.title = 'Value sharing';
      // Keep the contribution dimensions (the text refers to them) but split by fixed shares.
      (clause as { params: unknown }).params = {
        ...(clause.params as object),
        method: 'fixed',
        fixed: { insurer: 40, csp: 20, device: 20, care: 20 },
      };
    }
  }
  return sheet;
}

export interface NegotiationRoom {
  roomId: string;
  organizerToken: string;
  links: { csp: string; insurer: string; observer: string };
  inviteIds: { csp: string; insurer: string; observer: string };
}

/**
 * The mHealth room with links nobody opened yet for a CSP negotiator, an insurer negotiator (the
 * organizer's own party) and an observer. Every other party has an organizer, seated over the
 * API, who invites its people and consents to the observer.
 */
export async function createNegotiationRoom(baseUrl: string): Promise<NegotiationRoom> {
  const room = await createRoom(baseUrl, {
    title: 'Remote patient monitoring',
    termsheet: fixedSplitTermSheet(),
  });
  const link = (token: string) => `${baseUrl}/rooms/${room.roomId}#token=${token}`;
  // Each party's organizer is seated by the creator; the CSP's invites its negotiator.
  const organizers = await seatParties(baseUrl, room.roomId, room.organizerToken);
  const csp = await createInvitation(baseUrl, room.roomId, organizers.csp!, {
    name: 'Ada Kestrel',
    role: 'negotiator',
    party: 'csp',
  });
  const insurer = await createInvitation(baseUrl, room.roomId, room.organizerToken, {
    name: 'Ben Aldermoor',
    role: 'negotiator',
    party: 'insurer',
  });
  const observer = await createInvitation(baseUrl, room.roomId, room.organizerToken, {
    name: 'Olive Board',
    role: 'observer',
  });
  for (const [party, token] of Object.entries(organizers)) {
    if (token === room.organizerToken) continue;
    const answer = await consent(baseUrl, room.roomId, token, observer.id);
    if (answer.status !== 200) throw new Error(`${party} could not consent: ${answer.status}`);
  }
  return {
    roomId: room.roomId,
    organizerToken: room.organizerToken,
    links: { csp: link(csp.token), insurer: link(insurer.token), observer: link(observer.token) },
    inviteIds: { csp: csp.id, insurer: insurer.id, observer: observer.id },
  };
}

export { request };
