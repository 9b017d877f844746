import type { CommentViewer, Role } from '@parley/shared';
import type { SessionUser } from '../session';

export function viewerOf(user: SessionUser): CommentViewer {
  return { role: user.role as Role, partyId: user.partyId };
}
