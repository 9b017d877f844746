// This member as the shared comment rules see them (role and party): the client offers only what
// the server would allow.
import type { CommentViewer } from '@parley/shared/comments';
import type { Role } from '@parley/shared/permissions';
import type { SessionUser } from '../session';

export function viewerOf(user: SessionUser): CommentViewer {
  return { role: user.role as Role, partyId: user.partyId };
}
