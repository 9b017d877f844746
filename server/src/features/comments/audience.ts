// Who hears of a thread, as Socket.IO audiences: the same rule as canSeeThread, expressed as
// channels so a private thread's events never travel on a channel anyone else joined.
import type { CommentThread } from '@parley/shared/comments';
import { everyone, partyAudience, roleAudience } from '../../realtime';
import type { Audience } from '../../realtime';

export function threadAudience(thread: Pick<CommentThread, 'visibility' | 'partyId'>): Audience[] {
  switch (thread.visibility) {
    case 'room':
      return [everyone];
    case 'party':
      return thread.partyId === null ? [] : [partyAudience(thread.partyId)];
    case 'caucus':
      return thread.partyId === null
        ? [roleAudience('mediator')]
        : [partyAudience(thread.partyId), roleAudience('mediator')];
  }
}
