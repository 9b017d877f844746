// The room the proposal, sign-off and position tests share: a two-party sheet whose figures can be
// worked out by hand, a member of every role, and calls made by person rather than by socket.
import type { Role } from '@parley/shared/permissions';
import type { Ack } from '@parley/shared/protocol';
import {
  appoint,
  connectSocket,
  createRoom,
  emitWithAck,
  invite,
  request,
  seatParties,
} from './helpers';
import type { ParleyClientSocket } from './helpers';

/**
 * Two parties, three clauses, one scenario with a constant driver and no discounting, so value
 * figures can be worked out by hand: pool 100 × 1000 = 100 000 a year for 4 years, split 40/60.
 */
export const twoPartySheet = {
  format: 'parley.termsheet/v1',
  title: 'Two-party pilot',
  ecosystem: 'custom',
  currency: 'EUR',
  parties: [
    { id: 'csp', name: 'Northwind Telecom', role: 'network' },
    { id: 'partner', name: 'Contoso Health', role: 'channel', lead: true },
  ],
  assumptions: {
    periods: 4,
    periodUnit: 'year',
    discountRatePct: 0,
    scenarios: [{ id: 'base', name: 'Base', drivers: { members: 100 } }],
  },
  clauses: [
    {
      id: 'c-scope',
      kind: 'scope',
      title: 'Scope',
      text: 'Remote monitoring in the North region.',
      params: {},
    },
    {
      id: 'c-rev',
      kind: 'revenue',
      title: 'Revenue',
      text: 'Members pay {{param:streams.0.unitPrice}} a year.',
      params: {
        streams: [
          { id: 'subs', name: 'Subscriptions', driver: 'members', unitPrice: 1000, requires: [] },
        ],
      },
    },
    {
      id: 'c-share',
      kind: 'value-sharing',
      title: 'Sharing',
      text: 'The pool is split by fixed shares.',
      params: { costRecovery: false, method: 'fixed', fixed: { csp: 40, partner: 60 } },
    },
  ],
};

/** The organizer speaks for the lead party, "partner". */
export type Person =
  'organizer' | 'negPartner' | 'viewerPartner' | 'negCsp' | 'viewerCsp' | 'mediator' | 'observer';

export const people: Person[] = [
  'organizer',
  'negPartner',
  'viewerPartner',
  'negCsp',
  'viewerCsp',
  'mediator',
  'observer',
];

export const roleOf: Record<Person, Role> = {
  organizer: 'organizer',
  negPartner: 'negotiator',
  viewerPartner: 'viewer',
  negCsp: 'negotiator',
  viewerCsp: 'viewer',
  mediator: 'mediator',
  observer: 'observer',
};

export const partyOf: Record<Person, string | null> = {
  organizer: 'partner',
  negPartner: 'partner',
  viewerPartner: 'partner',
  negCsp: 'csp',
  viewerCsp: 'csp',
  mediator: null,
  observer: null,
};

export interface MediationRoom {
  roomId: string;
  tokens: Record<Person, string>;
  ids: Record<Person, string>;
}

/** A room on `twoPartySheet` with one member per person above. */
export async function mediationRoom(
  baseUrl: string,
  sheet: unknown = twoPartySheet,
): Promise<MediationRoom> {
  const room = await createRoom(baseUrl, { title: 'Mediation', termsheet: sheet });
  const tokens = { organizer: room.organizerToken } as Record<Person, string>;
  const me = await request<{ member: { id: string } }>(
    baseUrl,
    'GET',
    `/api/rooms/${room.roomId}/me`,
    {
      token: room.organizerToken,
    },
  );
  const ids = { organizer: me.body.member.id } as Record<Person, string>;
  // Each party seats its own people; the mediator and observer come in with both parties' consent.
  const organizers = await seatParties(baseUrl, room.roomId, room.organizerToken);
  for (const person of people) {
    if (person === 'organizer') continue;
    const party = partyOf[person];
    const role = roleOf[person];
    const created =
      party === null
        ? await appoint(baseUrl, room.roomId, organizers, {
            name: `Member ${person}`,
            role: role as 'mediator' | 'observer',
          })
        : await invite(baseUrl, room.roomId, organizers[party]!, {
            name: `Member ${person}`,
            role,
            party,
          });
    tokens[person] = created.token;
    ids[person] = created.id;
  }
  return { roomId: room.roomId, tokens, ids };
}

export async function connectAll(
  baseUrl: string,
  room: MediationRoom,
): Promise<Record<Person, ParleyClientSocket>> {
  const sockets = {} as Record<Person, ParleyClientSocket>;
  for (const person of people) sockets[person] = await connectSocket(baseUrl, room.tokens[person]);
  return sockets;
}

/** Emits with an ack and returns the answer. */
export function call<T = unknown>(
  socket: ParleyClientSocket,
  event: string,
  payload: unknown = {},
): Promise<Ack<T>> {
  return emitWithAck<T>(socket, event, payload, 10_000);
}

/** The data of a successful ack, or a thrown error naming the refusal. */
export async function ok<T = unknown>(
  socket: ParleyClientSocket,
  event: string,
  payload: unknown = {},
): Promise<T> {
  const answer = await call<T>(socket, event, payload);
  if (!answer.ok) throw new Error(`${event} refused: ${answer.error.code} ${answer.error.message}`);
  return answer.data;
}
