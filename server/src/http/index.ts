// HTTP plumbing every feature's routes share: the error shape, parsing, and who the caller is.
export { installErrorHandling } from './errors';
export { parseWith } from './validate';
export { requireMember, roomCaller, roomParamsSchema } from './requestAuth';
export { registerClientRoutes } from './clientRoutes';
export { registerHealthRoutes } from './healthRoutes';
