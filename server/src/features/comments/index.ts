// Comments: threads anchored to clauses, parameters and text ranges, with room, party and caucus
// audiences, replies, mentions, read state, notifications and "since your last visit".
import type { Authenticator } from '../../auth/authenticate';
import type { Feature } from '../../feature';
import { createCommentsContext } from './context';
import type { CommentsDeps } from './context';
import { registerCommentRoutes } from './routes';
import { commentSockets } from './socket';

export { createCommentStore } from './store';
export { commentsMigration } from './migration';
export type { CommentTables } from './schema';
export type { CommentPatch, CommentStore, NotificationRecord, VisitRecord } from './storeTypes';

export function createCommentsFeature(deps: CommentsDeps & { auth: Authenticator }): Feature {
  const ctx = createCommentsContext(deps);
  return {
    name: 'comments',
    socket: commentSockets(ctx),
    routes: (app) => registerCommentRoutes(app, deps.auth, ctx),
    close() {
      ctx.stopped = true;
    },
  };
}
