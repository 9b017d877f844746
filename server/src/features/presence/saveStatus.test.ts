// The save-status hook in isolation: what the store holds is announced once stored, bursts are
// merged into one message plus the newest, and a newcomer reads it without a query.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { SaveStatus } from '@parley/shared/protocol';
import { setClauseTitle } from '@parley/shared/room';
import type { RoomRuntime } from '../../rooms';
import { createTestRoom, openTestStore, recordingBroadcaster, testRuntime } from '../../testing';
import type { TestStore } from '../../testing';
import { currentSaveStatus, saveStatusHook } from './saveStatus';

let opened: TestStore;
let runtime: RoomRuntime;
let broadcast: ReturnType<typeof recordingBroadcaster>;

beforeEach(async () => {
  opened = await openTestStore();
  await createTestRoom(opened.store, 'r1');
  broadcast = recordingBroadcaster();
  runtime = testRuntime(opened.store, [saveStatusHook(broadcast, () => 1000)]);
});

afterEach(async () => {
  await runtime.close();
  await opened.close();
});

function storedClocks(doc: Y.Doc): Record<string, number> {
  return Object.fromEntries(
    [...Y.decodeStateVector(Y.encodeStateVector(doc))].map(([c, k]) => [String(c), k]),
  );
}

describe('save-status hook', () => {
  it('announces to everyone what the store holds once a change is stored', async () => {
    await runtime.applyServerChange('r1', (doc) => setClauseTitle(doc, 'c-term', 'Term'), {
      memberId: 'org',
    });
    const doc = await runtime.getDoc('r1');
    expect(broadcast.sent).toEqual([
      {
        roomId: 'r1',
        audiences: [{ kind: 'room' }],
        event: 'save:status',
        payload: { roomId: 'r1', stored: storedClocks(doc), at: 1000 },
      },
    ]);
  });

  it('merges a burst into one message now and one with the newest state', async () => {
    for (const title of ['A', 'B', 'C']) {
      await runtime.applyServerChange('r1', (doc) => setClauseTitle(doc, 'c-term', title), {
        memberId: 'org',
      });
    }
    expect(broadcast.sent).toHaveLength(1);
    const doc = await runtime.getDoc('r1');
    await vi.waitFor(() => expect(broadcast.sent).toHaveLength(2));
    expect((broadcast.sent[1]!.payload as SaveStatus).stored).toEqual(storedClocks(doc));
  });

  it('answers a newcomer from the room, as stored, before any change', async () => {
    const status = await currentSaveStatus(runtime, 'r1', () => 5);
    expect(status.stored).toEqual(storedClocks(await runtime.getDoc('r1')));
    expect(broadcast.sent).toEqual([]);
  });
});
