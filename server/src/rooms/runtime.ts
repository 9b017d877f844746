// The room runtime: loads rooms on demand, runs their hooks, and is the one way in for every
// reader and writer of a room's document (collab peers, services, server-side edits).
import type { Logger } from 'pino';
import type * as Y from 'yjs';
import type { DocStore } from '../store/types';
import type { RoomContext, RoomHook } from './hooks';
import { HookRunner } from './hookRunner';
import { RoomRegistry } from './registry';
import type { Room } from './room';
import type { RoomSync } from './sync';

export const ROOM_DEFAULTS = {
  /** How long a room stays in memory once nothing holds it. */
  idleUnloadMs: 30_000,
  /** Compact the stored updates into a snapshot once this many have piled up. */
  compactThreshold: 500,
} as const;

export interface RoomRuntimeOptions {
  store: DocStore;
  logger: Logger;
  idleUnloadMs?: number;
  compactThreshold?: number;
  /** Follows what other instances store for the loaded rooms (several instances behind Redis). */
  sync?: RoomSync;
}

/** Who a server-side edit is attributed to (null: the server on nobody's behalf). */
export interface ChangeAttribution {
  memberId: string | null;
}

export interface RoomRuntime {
  /** Installs the hooks every room runs, in this order; once, before the first room loads. */
  register(hooks: readonly RoomHook[]): void;
  /** The loaded room for a new peer; call release() once the peer is gone. */
  acquire(roomId: string): Promise<Room>;
  release(room: Room): void;
  /** Runs `work` with the room loaded (loading it if needed); it stays loaded until `work` settles. */
  hold<T>(roomId: string, work: (room: RoomContext) => Promise<T> | T): Promise<T>;
  /**
   * The room's live document, for a synchronous read right away. Throws when the room cannot be
   * loaded. Work that awaits in between reads should use hold().
   */
  getDoc(roomId: string): Promise<Y.Doc>;
  /**
   * Applies an edit made by the server (e.g. an accepted proposal) atomically through the room's
   * store-before-relay queue: `change` runs on a copy first, so one that throws changes nothing.
   * beforeWrite hooks do not apply. Resolves once the change is stored and relayed.
   */
  applyServerChange(
    roomId: string,
    change: (doc: Y.Doc) => void,
    attribution: ChangeAttribution,
  ): Promise<void>;
  stats(): { roomsLoaded: number };
  /** Flushes every room's pending writes, runs onUnload and unloads them all. */
  close(): Promise<void>;
}

export function createRoomRuntime(options: RoomRuntimeOptions): RoomRuntime {
  let hooks: HookRunner | null = null;
  let started = false;
  const logger = options.logger.child({ module: 'rooms' });
  const registry = new RoomRegistry({
    store: options.store,
    logger,
    idleUnloadMs: options.idleUnloadMs ?? ROOM_DEFAULTS.idleUnloadMs,
    compactThreshold: options.compactThreshold ?? ROOM_DEFAULTS.compactThreshold,
    sync: options.sync ?? null,
    hooks: () => {
      started = true;
      hooks ??= new HookRunner([], logger);
      return hooks;
    },
  });
  return {
    register(list) {
      if (started || hooks !== null) {
        throw new Error('room hooks are registered once, before the first room loads');
      }
      hooks = new HookRunner(list, logger);
    },
    acquire: (roomId) => registry.acquire(roomId),
    release: (room) => registry.release(room),
    hold: (roomId, work) => registry.hold(roomId, work),
    getDoc: (roomId) => registry.hold(roomId, (room) => room.doc),
    applyServerChange: (roomId, change, attribution) =>
      registry.hold(roomId, async (room) => {
        await room.applyServerChange(change, attribution.memberId);
        if (room.failed) throw new Error(`room ${roomId}: the change could not be stored`);
      }),
    stats: () => ({ roomsLoaded: registry.size }),
    close: () => registry.closeAll(),
  };
}
