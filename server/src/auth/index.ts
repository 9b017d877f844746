// Authentication: signed invite tokens, the websocket origin policy, and the check that turns a
// token into a member of a room.
export { createTokenService, TOKEN_TTL_SECONDS } from './tokens';
export type { TokenService, VerifyResult } from './tokens';
export { isOriginAllowed, listenOrigins } from './origin';
export type { OriginPolicy } from './origin';
export { createAuthenticator } from './authenticate';
export type { AuthResult, Authenticator } from './authenticate';
