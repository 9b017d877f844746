// Who a REST request speaks for: the bearer token, checked like every other entry point, for
// the room named in the path.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { MAX_ID_LENGTH } from '@parley/shared/protocol';
import type { MemberClaims } from '@parley/shared/protocol';
import type { Authenticator } from '../auth/authenticate';
import { ServiceError } from '../errors';
import { parseWith } from './validate';

export const roomParamsSchema = z.object({ roomId: z.string().min(1).max(MAX_ID_LENGTH) });

/** The token of an `Authorization: Bearer` header, or null. */
export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header === undefined) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}

/**
 * The member a REST request speaks for. REST carries the token in a header (never a cookie),
 * so no cross-site page can ride on it and the Origin check is left to the websockets.
 */
export async function requireMember(
  auth: Authenticator,
  request: FastifyRequest,
  roomId: string,
): Promise<MemberClaims> {
  const result = await auth.authenticate(roomId, bearerToken(request));
  if (!result.ok) throw new ServiceError(result.status, result.code, result.message);
  return result.member;
}

/** The caller of a `/api/rooms/:roomId/...` route, for the room in its path. */
export async function roomCaller(
  auth: Authenticator,
  request: FastifyRequest,
): Promise<MemberClaims> {
  const { roomId } = parseWith(roomParamsSchema, request.params, 'path');
  return requireMember(auth, request, roomId);
}
