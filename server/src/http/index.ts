// HTTP plumbing every feature's routes share: the error shape, parsing, and who the caller is.
export { answerFrameworkError, installErrorHandling } from './errors';
export { parseWith } from './validate';
export { bearerToken, requireMember, roomCaller, roomParamsSchema } from './requestAuth';
export { registerClientRoutes } from './clientRoutes';
export { registerHealthRoutes } from './healthRoutes';
export { CONTENT_SECURITY_POLICY, installSecurityHeaders } from './securityHeaders';
