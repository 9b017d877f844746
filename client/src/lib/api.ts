// The REST calls the client makes (templates, rooms, joining, members, invitations, consent to
// appointments), each answering typed data or throwing an ApiError with the server's code and
// message to show.
import type { Role } from '@parley/shared/permissions';
import type {
  Appointment,
  AppointmentListResult,
  ConsentDecision,
  CreateInviteResponse,
  InviteListResponse,
  JoinResponse,
  MemberInfo,
  MeResponse,
  UpdateMemberRequest,
} from '@parley/shared/protocol';

/** An error answered by the REST API (`{ error: { code, message } }`), with its HTTP status. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

async function request<T>(
  method: string,
  path: string,
  token?: string | null,
  body?: unknown,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new ApiError(0, 'network', 'The server cannot be reached. Check your connection.');
  }
  const text = await response.text();
  let json: unknown = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  }
  if (!response.ok) {
    const error = (json as { error?: { code?: string; message?: string; issues?: unknown } } | null)
      ?.error;
    const details = (json as { issues?: unknown } | null)?.issues ?? error?.issues;
    throw new ApiError(
      response.status,
      error?.code ?? `http-${response.status}`,
      error?.message ?? `The server answered ${response.status}.`,
      details,
    );
  }
  return json as T;
}

export interface TemplateSummary {
  id: string;
  title: string;
  ecosystem: string;
  description: string;
}

export interface CreatedRoom {
  roomId: string;
  organizerToken: string;
  url: string;
}

export async function listTemplates(): Promise<TemplateSummary[]> {
  const result = await request<TemplateSummary[] | { templates: TemplateSummary[] }>(
    'GET',
    '/api/templates',
  );
  return Array.isArray(result) ? result : result.templates;
}

export function createRoom(input: {
  title: string;
  template?: string;
  termsheet?: unknown;
}): Promise<CreatedRoom> {
  return request<CreatedRoom>('POST', '/api/rooms', null, input);
}

export function getMe(roomId: string, token: string): Promise<MeResponse> {
  return request<MeResponse>('GET', `/api/rooms/${encodeURIComponent(roomId)}/me`, token);
}

/** Uses an invitation, once: the answer is the session this device keeps. */
export function joinRoom(roomId: string, invitation: string): Promise<JoinResponse> {
  return request<JoinResponse>('POST', `/api/rooms/${encodeURIComponent(roomId)}/join`, invitation);
}

/** The caller's party's seats, the appointments, and the parties the caller may invite for. */
export function listMembers(roomId: string, token: string): Promise<InviteListResponse> {
  return request<InviteListResponse>(
    'GET',
    `/api/rooms/${encodeURIComponent(roomId)}/invites`,
    token,
  );
}

export async function updateMember(
  roomId: string,
  token: string,
  memberId: string,
  change: UpdateMemberRequest,
): Promise<MemberInfo> {
  const result = await request<{ member: MemberInfo }>(
    'PATCH',
    `/api/rooms/${encodeURIComponent(roomId)}/invites/${encodeURIComponent(memberId)}`,
    token,
    change,
  );
  return result.member;
}

export async function listAppointments(roomId: string, token: string): Promise<Appointment[]> {
  const result = await request<AppointmentListResult>(
    'GET',
    `/api/rooms/${encodeURIComponent(roomId)}/appointments`,
    token,
  );
  return result.appointments;
}

/** The caller's party accepts, declines or (declining after accepting) withdraws its consent. */
export async function decideConsent(
  roomId: string,
  token: string,
  memberId: string,
  decision: ConsentDecision,
): Promise<Appointment> {
  const result = await request<{ appointment: Appointment }>(
    'PUT',
    `/api/rooms/${encodeURIComponent(roomId)}/appointments/${encodeURIComponent(memberId)}/consent`,
    token,
    { decision },
  );
  return result.appointment;
}

export function createInvite(
  roomId: string,
  token: string,
  input: { name: string; role: Role; party?: string | null },
): Promise<CreateInviteResponse> {
  return request<CreateInviteResponse>(
    'POST',
    `/api/rooms/${encodeURIComponent(roomId)}/invites`,
    token,
    input,
  );
}

export async function revokeInvite(roomId: string, token: string, inviteId: string): Promise<void> {
  await request<unknown>(
    'DELETE',
    `/api/rooms/${encodeURIComponent(roomId)}/invites/${encodeURIComponent(inviteId)}`,
    token,
  );
}
