// Who sees and writes which thread: room-wide threads for all, party threads for that party only
// (not the mediator), caucuses for the party and the mediator; observers never write.
import { describe, expect, it } from 'vitest';
import type { Role } from '../permissions/roles';
import { canSeeThread, canWriteInThread, threadCreationRefusal } from './visibility';
import type { CommentViewer, ThreadAudience } from './visibility';

const people: Record<string, CommentViewer> = {
  organizerA: { role: 'organizer', partyId: 'a' },
  negotiatorA: { role: 'negotiator', partyId: 'a' },
  viewerA: { role: 'viewer', partyId: 'a' },
  negotiatorB: { role: 'negotiator', partyId: 'b' },
  mediator: { role: 'mediator', partyId: null },
  observer: { role: 'observer', partyId: null },
};

function who(audience: ThreadAudience): string[] {
  return Object.entries(people)
    .filter(([, viewer]) => canSeeThread(viewer, audience))
    .map(([name]) => name);
}

describe('comment visibility', () => {
  it('shows room-wide threads to everyone, observers included', () => {
    expect(who({ visibility: 'room', partyId: null })).toEqual(Object.keys(people));
  });

  it('shows a party thread to that party only, never to the mediator', () => {
    expect(who({ visibility: 'party', partyId: 'a' })).toEqual([
      'organizerA',
      'negotiatorA',
      'viewerA',
    ]);
  });

  it('shows a caucus to that party and the mediator', () => {
    expect(who({ visibility: 'caucus', partyId: 'b' })).toEqual(['negotiatorB', 'mediator']);
  });

  it('lets observers read room-wide threads but never write', () => {
    const room: ThreadAudience = { visibility: 'room', partyId: null };
    expect(canWriteInThread(people.observer!, room)).toBe(false);
    expect(threadCreationRefusal(people.observer!, room)).toMatch(/Observers/);
  });

  it('lets party members open party threads and caucuses for their own party only', () => {
    for (const role of ['organizer', 'negotiator', 'viewer'] as Role[]) {
      const author = { role, partyId: 'a' };
      expect(threadCreationRefusal(author, { visibility: 'room', partyId: null })).toBeNull();
      expect(threadCreationRefusal(author, { visibility: 'party', partyId: 'a' })).toBeNull();
      expect(threadCreationRefusal(author, { visibility: 'caucus', partyId: 'a' })).toBeNull();
      expect(threadCreationRefusal(author, { visibility: 'party', partyId: 'b' })).not.toBeNull();
      expect(threadCreationRefusal(author, { visibility: 'caucus', partyId: 'b' })).not.toBeNull();
    }
  });

  it('lets the mediator caucus with any party but not open party threads', () => {
    const mediator = people.mediator!;
    expect(threadCreationRefusal(mediator, { visibility: 'caucus', partyId: 'b' })).toBeNull();
    expect(threadCreationRefusal(mediator, { visibility: 'caucus', partyId: null })).not.toBeNull();
    expect(threadCreationRefusal(mediator, { visibility: 'party', partyId: 'b' })).not.toBeNull();
  });
});
