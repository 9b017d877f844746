// Signing and checking room tokens (JWT, HS256): invitations, which a link carries and which open
// only the join, and sessions, which the join hands back and every other entry point takes.
import { SignJWT, errors, jwtVerify } from 'jose';
import { tokenClaimsSchema } from '@parley/shared/protocol';
import type { TokenClaims, TokenKind } from '@parley/shared/protocol';
import type { MemberRecord } from '../store/types';

/** Sessions are used over days of asynchronous negotiation. */
export const TOKEN_TTL_SECONDS = 90 * 24 * 60 * 60;
/** An unused invitation link is a standing key to a seat: it lapses sooner than a session. */
export const INVITATION_TTL_SECONDS = 30 * 24 * 60 * 60;

export type VerifyResult =
  | { ok: true; claims: TokenClaims }
  | { ok: false; code: 'unauthorized' | 'token-expired'; message: string };

/** What a token is signed with; without a kind it is an invitation, as tokens were before sessions. */
export type SignableClaims = Omit<TokenClaims, 'exp' | 'kind'> & { kind?: TokenKind };

export interface TokenService {
  sign(claims: SignableClaims, ttlSeconds?: number): Promise<string>;
  /** The single-use link token of a seat. */
  signInvitation(member: MemberRecord): Promise<string>;
  /** The token of the session a join bound the seat to. */
  signSession(member: MemberRecord, sessionId: string): Promise<string>;
  verify(token: string): Promise<VerifyResult>;
}

function memberClaims(member: MemberRecord) {
  return {
    sub: member.id,
    room: member.roomId,
    role: member.role,
    party: member.partyId,
    name: member.name,
  };
}

export function createTokenService(secret: Uint8Array): TokenService {
  async function sign(claims: SignableClaims, ttlSeconds = TOKEN_TTL_SECONDS) {
    const { sub, ...rest } = claims;
    return new SignJWT({ ...rest })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(sub)
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
      .sign(secret);
  }

  return {
    sign,

    signInvitation(member) {
      return sign({ ...memberClaims(member), kind: 'invite' }, INVITATION_TTL_SECONDS);
    },

    signSession(member, sessionId) {
      return sign({ ...memberClaims(member), kind: 'session', sid: sessionId });
    },

    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, secret, { algorithms: ['HS256'] });
        const parsed = tokenClaimsSchema.safeParse(payload);
        if (!parsed.success) {
          return {
            ok: false,
            code: 'unauthorized',
            message: 'The token does not carry Parley claims.',
          };
        }
        return { ok: true, claims: parsed.data };
      } catch (error) {
        if (error instanceof errors.JWTExpired) {
          return {
            ok: false,
            code: 'token-expired',
            message: 'The token has expired; ask for a new invitation.',
          };
        }
        return { ok: false, code: 'unauthorized', message: 'The token is not valid.' };
      }
    },
  };
}
