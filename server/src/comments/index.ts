export { CommentsService } from './service';
export type { CommentsServiceOptions } from './service';
export { RateLimiter } from './rateLimiter';
export type { RateLimitOptions } from './rateLimiter';
export { silentPublisher } from './publisher';
export type { CommentPublisher, CommentChange } from './publisher';
