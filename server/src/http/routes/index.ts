export type { RouteDeps } from './deps';
export { registerRoomRoutes } from './rooms';
export { registerInviteRoutes } from './invites';
export { registerCommentRoutes } from './comments';
export type { CommentRouteDeps } from './comments';
export { registerTemplateRoutes } from './templates';
export { registerHealthRoutes } from './health';
export { registerClientRoutes } from './client';
