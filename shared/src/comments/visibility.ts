// Who may see, open and write in a comment thread, by its audience (room, party or caucus); the
// server filters every read and every event through these rules.
import { can } from '../permissions/matrix';
import { roleHasParty } from '../permissions/roles';
import type { Role } from '../permissions/roles';
import type { CommentVisibility } from './schemas';

/** The parts of a member that decide what they may see and write. */
export interface CommentViewer {
  role: Role;
  partyId: string | null;
}

/** The parts of a thread that decide who sees it. */
export interface ThreadAudience {
  visibility: CommentVisibility;
  partyId: string | null;
}

/**
 * Whether a member may see a thread: room-wide threads reach everyone, observers
 * included (read only); party threads only that party's members (no mediator); caucus threads
 * that party's members and the mediator.
 */
export function canSeeThread(viewer: CommentViewer, thread: ThreadAudience): boolean {
  switch (thread.visibility) {
    case 'room':
      return can(viewer.role, 'read');
    case 'party':
      return (
        roleHasParty(viewer.role) &&
        viewer.partyId !== null &&
        viewer.partyId === thread.partyId &&
        can(viewer.role, 'comment-party')
      );
    case 'caucus':
      if (viewer.role === 'mediator') return true;
      return (
        roleHasParty(viewer.role) &&
        viewer.partyId !== null &&
        viewer.partyId === thread.partyId &&
        can(viewer.role, 'caucus')
      );
  }
}

/** Why a member may not open a thread of this audience, or null when they may. */
export function threadCreationRefusal(
  author: CommentViewer,
  audience: ThreadAudience,
): string | null {
  if (!can(author.role, 'comment')) return 'Observers may read comments but not write them.';
  switch (audience.visibility) {
    case 'room':
      return audience.partyId === null ? null : 'A room-wide thread belongs to no party.';
    case 'party':
      if (!can(author.role, 'comment-party') || author.partyId === null) {
        return 'Only members of a party can open a party-internal thread.';
      }
      return audience.partyId === author.partyId
        ? null
        : 'A party-internal thread is visible to your own party only.';
    case 'caucus':
      if (!can(author.role, 'caucus')) return 'Your role may not open a caucus.';
      if (audience.partyId === null) return 'A caucus thread names the party it is with.';
      if (author.role === 'mediator') return null;
      return audience.partyId === author.partyId
        ? null
        : 'You may open a caucus with the mediator for your own party only.';
  }
}

/** Whether a member may reply to, resolve or reopen a thread they can see. */
export function canWriteInThread(viewer: CommentViewer, thread: ThreadAudience): boolean {
  return can(viewer.role, 'comment') && canSeeThread(viewer, thread);
}
