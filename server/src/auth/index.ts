// Authentication: signed room tokens, the origin policy and the one check every entry point runs.
export { createTokenService, INVITATION_TTL_SECONDS, TOKEN_TTL_SECONDS } from './tokens';
export type { TokenService, VerifyResult } from './tokens';
export { isOriginAllowed, listenOrigins } from './origin';
export type { OriginPolicy } from './origin';
export { createAuthenticator } from './authenticate';
export type { AdmissionCheck, AuthRefusal, AuthResult, Authenticator } from './authenticate';
