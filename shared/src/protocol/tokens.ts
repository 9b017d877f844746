// Who a request speaks for: an access token's claims, the member the server derives from them, and
// the invite link that carries the token in its fragment so it never reaches a server log.
import { z } from 'zod';
import { roleSchema } from '../permissions/roles';
import { MAX_ID_LENGTH, MAX_NAME_LENGTH } from './limits';

/**
 * The two kinds of room token. An invitation is what a link carries: it opens nothing but
 * `POST /api/rooms/:roomId/join`, once. A session is what the join hands back, bound to the seat's
 * one session id; every other entry point takes only a session.
 */
export const tokenKinds = ['invite', 'session'] as const;

export type TokenKind = (typeof tokenKinds)[number];

/**
 * Claims of a Parley token (JWT, HS256). `sub` is the member id, `party` null without one.
 * Tokens signed before there were two kinds carry no `kind`: they are invitations.
 */
export const tokenClaimsSchema = z
  .object({
    sub: z.string().min(1).max(MAX_ID_LENGTH),
    room: z.string().min(1).max(MAX_ID_LENGTH),
    role: roleSchema,
    party: z.string().min(1).max(MAX_ID_LENGTH).nullable(),
    name: z.string().min(1).max(MAX_NAME_LENGTH),
    exp: z.number().int().positive(),
    kind: z.enum(tokenKinds).default('invite'),
    /** The session a session token belongs to; checked against the seat on every use. */
    sid: z.string().min(1).max(MAX_ID_LENGTH).optional(),
  })
  .refine((claims) => claims.kind !== 'session' || claims.sid !== undefined, {
    message: 'a session token names its session',
    path: ['sid'],
  });

export type TokenClaims = z.infer<typeof tokenClaimsSchema>;

/** The authenticated member behind a connection or request, as the server hands it around. */
export const memberClaimsSchema = z.object({
  memberId: z.string(),
  roomId: z.string(),
  role: roleSchema,
  partyId: z.string().nullable(),
  name: z.string(),
});

export type MemberClaims = z.infer<typeof memberClaimsSchema>;

/** A member as records name who did something: the claims without the room. */
export const actorSchema = z.object({
  memberId: z.string(),
  name: z.string().max(MAX_NAME_LENGTH),
  role: roleSchema,
  partyId: z.string().nullable(),
});

export type Actor = z.infer<typeof actorSchema>;

export function actorOf(member: MemberClaims): Actor {
  return {
    memberId: member.memberId,
    name: member.name,
    role: member.role,
    partyId: member.partyId,
  };
}

export function memberFromClaims(claims: TokenClaims): MemberClaims {
  return {
    memberId: claims.sub,
    roomId: claims.room,
    role: claims.role,
    partyId: claims.party,
    name: claims.name,
  };
}

/** Where the client keeps a room's token. */
export function tokenStorageKey(roomId: string): string {
  return `parley.token.${roomId}`;
}

/** The link that admits someone to a room: the token travels in the fragment, never to a server log. */
export function roomLink(publicUrl: string, roomId: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/rooms/${encodeURIComponent(roomId)}#token=${token}`;
}
