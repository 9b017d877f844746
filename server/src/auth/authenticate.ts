// The one check every entry point (REST, /collab, Socket.IO) runs: origin, token, room, seat,
// session and, for a mediator or observer, the parties' consent.
import type { MemberClaims } from '@parley/shared/protocol';
import type { MemberStore, RoomStore, SeatedMember } from '../store/types';
import type { TokenService } from './tokens';
import type { OriginPolicy } from './origin';
import { isOriginAllowed } from './origin';

export type AuthRefusal = { ok: false; status: 401 | 403 | 404; code: string; message: string };

export type AuthResult = { ok: true; member: MemberClaims } | AuthRefusal;

/**
 * Whether a joined, unrevoked member may be in the room now: the mediator and observers only once
 * every party consented. Null admits; a refusal says why not.
 */
export type AdmissionCheck = (member: SeatedMember) => Promise<AuthRefusal | null>;

export interface Authenticator {
  /**
   * The one check every entry point runs: origin (when given), token signature and expiry, the
   * room's existence, the token's room, revocation, that the token is the session the seat's
   * invitation opened (an invitation itself opens nothing but the join), and admission. All of
   * it is read from the store every time, so a revoked seat or a withdrawn consent cannot open a
   * new connection.
   */
  authenticate(
    roomId: string,
    token: string | null | undefined,
    origin?: string,
    host?: string,
  ): Promise<AuthResult>;
}

export function createAuthenticator(deps: {
  store: RoomStore & MemberStore;
  tokens: TokenService;
  origins: OriginPolicy;
  admit: AdmissionCheck;
}): Authenticator {
  const { store, tokens, origins } = deps;
  return {
    async authenticate(roomId, token, origin, host) {
      if (!isOriginAllowed(origins, origin, host)) {
        return {
          ok: false,
          status: 403,
          code: 'origin-not-allowed',
          message: `Origin ${origin ?? ''} is not allowed; add it to ALLOWED_ORIGINS.`,
        };
      }
      if (token === null || token === undefined || token === '') {
        return { ok: false, status: 401, code: 'unauthorized', message: 'A token is required.' };
      }
      const verified = await tokens.verify(token);
      if (!verified.ok)
        return { ok: false, status: 401, code: verified.code, message: verified.message };
      const { claims } = verified;
      const room = await store.getRoom(roomId);
      if (room === undefined) {
        return {
          ok: false,
          status: 404,
          code: 'room-not-found',
          message: `There is no room ${roomId}.`,
        };
      }
      if (claims.room !== roomId) {
        return {
          ok: false,
          status: 403,
          code: 'forbidden',
          message: 'The token is for another room.',
        };
      }
      const member = await store.getSeatedMember(roomId, claims.sub);
      if (member === undefined) {
        return {
          ok: false,
          status: 401,
          code: 'unauthorized',
          message: 'The token names no member of this room.',
        };
      }
      if (member.revokedAt !== null) {
        return {
          ok: false,
          status: 403,
          code: 'revoked',
          message: 'This invitation has been revoked.',
        };
      }
      if (claims.kind === 'invite') {
        return {
          ok: false,
          status: 401,
          code: 'invite-not-joined',
          message: `This is an invitation, not a session: join with it once (POST /api/rooms/${roomId}/join) and use the session token that answers.`,
        };
      }
      if (member.seat.sessionId === null || member.seat.sessionId !== claims.sid) {
        return {
          ok: false,
          status: 401,
          code: 'unauthorized',
          message: 'This session is not the one the invitation opened.',
        };
      }
      const refusal = await deps.admit(member);
      if (refusal !== null) return refusal;
      return {
        ok: true,
        member: {
          memberId: member.id,
          roomId,
          role: member.role,
          partyId: member.partyId,
          name: member.name,
        },
      };
    },
  };
}
