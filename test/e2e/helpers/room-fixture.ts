// The room the negotiation and comment browser tests start from: mHealth split by fixed shares,
// with invite links for a CSP and an insurer negotiator and an observer.
import { templates } from '@parley/shared/templates';
import type { TermSheet } from '@parley/shared/termsheet';
import { createRoom, invite, request } from '../../integration/helpers/api';

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

export async function createNegotiationRoom(baseUrl: string): Promise<NegotiationRoom> {
  const room = await createRoom(baseUrl, {
    title: 'Remote patient monitoring',
    termsheet: fixedSplitTermSheet(),
  });
  const link = (token: string) => `${baseUrl}/rooms/${room.roomId}#token=${token}`;
  const csp = await invite(baseUrl, room.roomId, room.organizerToken, {
    name: 'Ada Kestrel',
    role: 'negotiator',
    party: 'csp',
  });
  const insurer = await invite(baseUrl, room.roomId, room.organizerToken, {
    name: 'Ben Aldermoor',
    role: 'negotiator',
    party: 'insurer',
  });
  const observer = await invite(baseUrl, room.roomId, room.organizerToken, {
    name: 'Olive Board',
    role: 'observer',
  });
  return {
    roomId: room.roomId,
    organizerToken: room.organizerToken,
    links: { csp: link(csp.token), insurer: link(insurer.token), observer: link(observer.token) },
    inviteIds: { csp: csp.id, insurer: insurer.id, observer: observer.id },
  };
}

export { request };
