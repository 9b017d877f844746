export { installErrorHandling } from './errors';
export { parseWith } from './validate';
export { requireMember } from './request-auth';
export {
  registerRoomRoutes,
  registerInviteRoutes,
  registerTemplateRoutes,
  registerHealthRoutes,
  registerClientRoutes,
} from './routes';
export type { RouteDeps } from './routes';
