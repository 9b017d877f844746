// REST helpers for integration tests: rooms, invitations joined as a link would be, seated parties
// and appointments every party consented to.
import type { Role } from '@parley/shared/permissions';
import type {
  Appointment,
  CreateInviteRequest,
  CreateInviteResponse,
  CreateRoomResponse,
  JoinResponse,
} from '@parley/shared/protocol';

export interface JsonResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** fetch + JSON, for tests: never throws on an error status. */
export async function request<T = unknown>(
  baseUrl: string,
  method: string,
  path: string,
  options: {
    token?: string;
    body?: unknown;
    rawBody?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<JsonResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined && headers['content-type'] === undefined) {
    headers['content-type'] = 'application/json';
  }
  const response = await fetch(new URL(path, baseUrl), { method, headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text === '' ? null : JSON.parse(text);
  } catch {
    // Not JSON (e.g. /metrics or the client page); the text is the body.
  }
  return { status: response.status, body: parsed as T, headers: response.headers };
}

export async function createRoom(
  baseUrl: string,
  body: { title: string; template?: string; termsheet?: unknown } = {
    title: 'Remote patient monitoring',
    template: 'mhealth',
  },
): Promise<CreateRoomResponse> {
  const response = await request<CreateRoomResponse>(baseUrl, 'POST', '/api/rooms', { body });
  if (response.status !== 201) {
    throw new Error(`room creation failed: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body;
}

/** POST /api/rooms/:roomId/invites as is: the invitation, not joined (what a link carries). */
export async function createInvitation(
  baseUrl: string,
  roomId: string,
  organizerToken: string,
  body: CreateInviteRequest,
): Promise<CreateInviteResponse> {
  const response = await request<CreateInviteResponse>(
    baseUrl,
    'POST',
    `/api/rooms/${roomId}/invites`,
    { token: organizerToken, body },
  );
  if (response.status !== 201) {
    throw new Error(`invite failed: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body;
}

/** Uses an invitation once: POST /api/rooms/:roomId/join, answering the session. */
export async function join(
  baseUrl: string,
  roomId: string,
  invitation: string,
): Promise<JoinResponse> {
  const response = await request<JoinResponse>(baseUrl, 'POST', `/api/rooms/${roomId}/join`, {
    token: invitation,
  });
  if (response.status !== 200) {
    throw new Error(`join failed: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body;
}

export interface JoinedInvite extends CreateInviteResponse {
  /** The session token the join answered: what the member uses everywhere. */
  token: string;
  /** The invitation the link carried; already used. */
  invitation: string;
}

/**
 * Invites and joins at once, as the invited person opening their link would: `token` is the
 * session. A mediator or observer stays shut out until every party consents (see `appoint`).
 */
export async function invite(
  baseUrl: string,
  roomId: string,
  organizerToken: string,
  body: CreateInviteRequest,
): Promise<JoinedInvite> {
  const created = await createInvitation(baseUrl, roomId, organizerToken, body);
  const joined = await join(baseUrl, roomId, created.token);
  return { ...created, token: joined.token, invitation: created.token };
}

/** A party's organizer accepts (or declines) an appointment for their party. */
export async function consent(
  baseUrl: string,
  roomId: string,
  organizerToken: string,
  memberId: string,
  decision: 'accept' | 'decline' = 'accept',
): Promise<JsonResponse<{ appointment: Appointment }>> {
  return request(baseUrl, 'PUT', `/api/rooms/${roomId}/appointments/${memberId}/consent`, {
    token: organizerToken,
    body: { decision },
  });
}

/**
 * The creator seats one party with its organizer, who joins: that organizer's session token.
 * The creator may, once per party, until someone of the party has joined.
 */
export async function seatParty(
  baseUrl: string,
  roomId: string,
  creatorToken: string,
  partyId: string,
): Promise<string> {
  const seated = await invite(baseUrl, roomId, creatorToken, {
    name: `Organizer of ${partyId}`,
    role: 'organizer',
    party: partyId,
  });
  return seated.token;
}

/** Every party of a room with a joined organizer: party id → that organizer's session token. */
export type PartyOrganizers = Record<string, string>;

/**
 * Seats an organizer in every party of the room nobody joined yet (the creator may, until a party
 * has joined), so that each party can invite its own people and consent to appointments.
 */
export async function seatParties(
  baseUrl: string,
  roomId: string,
  creatorToken: string,
): Promise<PartyOrganizers> {
  const me = await request<{ member: { partyId: string }; parties: { id: string }[] }>(
    baseUrl,
    'GET',
    `/api/rooms/${roomId}/me`,
    { token: creatorToken },
  );
  const organizers: PartyOrganizers = { [me.body.member.partyId]: creatorToken };
  for (const party of me.body.parties) {
    if (organizers[party.id] !== undefined) continue;
    organizers[party.id] = await seatParty(baseUrl, roomId, creatorToken, party.id);
  }
  return organizers;
}

/**
 * A mediator or observer proposed by the first organizer, joined, and consented to by every
 * party's organizer: in the room.
 */
export async function appoint(
  baseUrl: string,
  roomId: string,
  organizers: PartyOrganizers,
  body: { name: string; role: 'mediator' | 'observer' },
): Promise<JoinedInvite> {
  const [proposer, ...others] = Object.values(organizers);
  if (proposer === undefined) throw new Error("appoint needs the parties' organizers");
  const joined = await invite(baseUrl, roomId, proposer, body);
  for (const organizer of others) {
    const answer = await consent(baseUrl, roomId, organizer, joined.id);
    if (answer.status !== 200) {
      throw new Error(`consent failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
  }
  return joined;
}

export interface RoomWithMembers {
  roomId: string;
  /** One session token per role; party members are on the party given, the creator on its own. */
  tokens: Record<Role, string>;
  memberIds: Record<Role, string>;
  /** An organizer of every party (the creator for its own). */
  organizers: PartyOrganizers;
}

/**
 * A room with one member of every role: the creator (organizer), a negotiator and a viewer of
 * `partyId`, invited by that party's organizer, and a mediator and an observer every party
 * consented to. Every other party has an organizer too.
 */
export async function roomWithEveryRole(
  baseUrl: string,
  partyId: string,
  template = 'mhealth',
): Promise<RoomWithMembers> {
  const room = await createRoom(baseUrl, { title: 'Every role', template });
  const tokens = { organizer: room.organizerToken } as Record<Role, string>;
  const memberIds = {} as Record<Role, string>;
  const me = await request<{ member: { id: string } }>(
    baseUrl,
    'GET',
    `/api/rooms/${room.roomId}/me`,
    {
      token: room.organizerToken,
    },
  );
  memberIds.organizer = me.body.member.id;
  const organizers = await seatParties(baseUrl, room.roomId, room.organizerToken);
  const partyOrganizer = organizers[partyId];
  if (partyOrganizer === undefined) throw new Error(`no party ${partyId} in the room`);
  for (const role of ['negotiator', 'viewer'] as const) {
    const created = await invite(baseUrl, room.roomId, partyOrganizer, {
      name: `A ${role}`,
      role,
      party: partyId,
    });
    tokens[role] = created.token;
    memberIds[role] = created.id;
  }
  for (const role of ['mediator', 'observer'] as const) {
    const created = await appoint(baseUrl, room.roomId, organizers, { name: `A ${role}`, role });
    tokens[role] = created.token;
    memberIds[role] = created.id;
  }
  return { roomId: room.roomId, tokens, memberIds, organizers };
}
