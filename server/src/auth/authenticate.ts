// The one check REST, Socket.IO and /collab all run before serving anyone, so an expired token, a
// token for another room or a revoked invite is refused the same way on every entry point.
import type { MemberClaims } from '@parley/shared/protocol';
import type { MemberStore, RoomStore } from '../store/types';
import type { TokenService } from './tokens';
import type { OriginPolicy } from './origin';
import { isOriginAllowed } from './origin';

export type AuthResult =
  | { ok: true; member: MemberClaims }
  | { ok: false; status: 401 | 403 | 404; code: string; message: string };

export interface Authenticator {
  /**
   * The one check every entry point runs: origin (when given), token signature and expiry, the
   * room's existence, the token's room, and revocation (read from the store every time, so a
   * revoked invite cannot open a new connection).
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
      const member = await store.getMember(roomId, claims.sub);
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
          message: 'This invite has been revoked.',
        };
      }
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
