// Test support for server unit tests: a real SQLite store in a temporary directory, a loaded room
// made from a template, and a broadcaster that records what it would have sent.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerToClientEvents } from '@parley/shared/protocol';
import { createRoomDoc } from '@parley/shared/room';
import { templates } from '@parley/shared/templates';
import type { TermSheet } from '@parley/shared/termsheet';
import * as Y from 'yjs';
import { createLogger } from '../logger';
import type { Audience, RoomBroadcaster } from '../realtime';
import { createRoomRuntime } from '../rooms';
import type { RoomHook, RoomRuntime } from '../rooms';
import { createStore } from '../store';
import type { Store } from '../store';

export const silentLogger = createLogger('silent');

export interface TestStore {
  store: Store;
  close(): Promise<void>;
}

/** A migrated SQLite store in a fresh temporary directory, removed on close. */
export async function openTestStore(): Promise<TestStore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-unit-'));
  const store = createStore({ kind: 'sqlite', dataDir });
  await store.migrate();
  return {
    store,
    async close() {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Creates a room from a template (telematics by default) with an organizer `org` of its lead. */
export async function createTestRoom(
  store: Store,
  roomId: string,
  sheet: TermSheet = templates.telematics,
): Promise<void> {
  const doc = createRoomDoc(sheet);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  await store.createRoom({ id: roomId, title: sheet.title, createdAt: 1 }, update, {
    id: 'org',
    roomId,
    name: 'Olga Organizer',
    role: 'organizer',
    partyId: sheet.parties.find((p) => p.lead === true)?.id ?? sheet.parties[0]!.id,
    createdAt: 1,
    revokedAt: null,
  });
}

/** A room runtime over `store` with exactly these hooks. */
export function testRuntime(store: Store, hooks: RoomHook[]): RoomRuntime {
  const runtime = createRoomRuntime({ store, logger: silentLogger, idleUnloadMs: 60_000 });
  runtime.register(hooks);
  return runtime;
}

export interface Sent {
  roomId: string;
  audiences: Audience[];
  event: keyof ServerToClientEvents;
  payload: unknown;
}

/** A broadcaster that keeps every event it is asked to send. */
export function recordingBroadcaster(): RoomBroadcaster & { sent: Sent[] } {
  const sent: Sent[] = [];
  return {
    sent,
    to(roomId, ...audiences) {
      return {
        emit(event, ...args) {
          sent.push({ roomId, audiences, event, payload: args[0] });
        },
      };
    },
    local(roomId, ...audiences) {
      return {
        emit(event, ...args) {
          sent.push({ roomId, audiences, event, payload: args[0] });
        },
      };
    },
    present: async () => [],
    endSessions() {},
  };
}
