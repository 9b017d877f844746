export { createTokenService, TOKEN_TTL_SECONDS } from './tokens';
export type { TokenService, VerifyResult } from './tokens';
export { isOriginAllowed, listenOrigins } from './origin';
export type { OriginPolicy } from './origin';
export { createAuthenticator } from './authenticate';
export type { AuthResult, Authenticator } from './authenticate';
