// Invite tokens: HS256 JWTs signed with the server's secret, valid 90 days as negotiations go on
// asynchronously; an expired token is named as such so its holder knows to ask for a new invite.
import { SignJWT, errors, jwtVerify } from 'jose';
import { tokenClaimsSchema } from '@parley/shared/protocol';
import type { TokenClaims } from '@parley/shared/protocol';

/** Invites are used over days of asynchronous negotiation. */
export const TOKEN_TTL_SECONDS = 90 * 24 * 60 * 60;

export type VerifyResult =
  | { ok: true; claims: TokenClaims }
  | { ok: false; code: 'unauthorized' | 'token-expired'; message: string };

export interface TokenService {
  sign(claims: Omit<TokenClaims, 'exp'>, ttlSeconds?: number): Promise<string>;
  verify(token: string): Promise<VerifyResult>;
}

export function createTokenService(secret: Uint8Array): TokenService {
  return {
    async sign(claims, ttlSeconds = TOKEN_TTL_SECONDS) {
      const { sub, ...rest } = claims;
      return new SignJWT({ ...rest })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(sub)
        .setIssuedAt()
        .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
        .sign(secret);
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
            message: 'The token has expired; ask for a new invite.',
          };
        }
        return { ok: false, code: 'unauthorized', message: 'The token is not valid.' };
      }
    },
  };
}
