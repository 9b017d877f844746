// REST for tests: requests that never throw on an error status, rooms, invites, and a room with
// one member of every role.
import type { Role } from '@parley/shared/permissions';
import type {
  CreateInviteRequest,
  CreateInviteResponse,
  CreateRoomResponse,
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

export async function invite(
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

export interface RoomWithMembers {
  roomId: string;
  /** One token per role; party members get the first party of the room. */
  tokens: Record<Role, string>;
  memberIds: Record<Role, string>;
}

/** A room with one member of every role, the party members on `partyId`. */
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
  for (const role of ['negotiator', 'viewer', 'mediator', 'observer'] as const) {
    const withParty = role === 'negotiator' || role === 'viewer';
    const created = await invite(baseUrl, room.roomId, room.organizerToken, {
      name: `A ${role}`,
      role,
      ...(withParty ? { party: partyId } : {}),
    });
    tokens[role] = created.token;
    memberIds[role] = created.id;
  }
  return { roomId: room.roomId, tokens, memberIds };
}
