import type { Logger } from 'pino';
import type { Store } from '../store/types';
import { closeCodes } from '@parley/shared/protocol';
import { collabMetrics, countError } from './metrics';
import { Room } from './room';
import type { DocChangedListener, StoredListener, WriteGuard } from './types';

export interface RoomRegistryOptions {
  store: Store;
  logger: Logger;
  idleUnloadMs: number;
  compactThreshold: number;
  storedListeners: ReadonlySet<StoredListener>;
  changedListeners: ReadonlySet<DocChangedListener>;
  writeGuard(): WriteGuard | null;
}

/**
 * Loaded rooms by id. Concurrent callers share one load; a room being unloaded is flushed
 * completely before it can be loaded again, so a reload always sees every stored update.
 */
export class RoomRegistry {
  private readonly loaded = new Map<string, Room>();
  private readonly loading = new Map<string, Promise<Room>>();
  private readonly unloading = new Map<string, Promise<void>>();

  constructor(private readonly options: RoomRegistryOptions) {}

  get size(): number {
    return this.loaded.size;
  }

  /** The loaded room, loading it if needed. The caller must add a peer or call release() next. */
  async acquire(roomId: string): Promise<Room> {
    for (;;) {
      const unloading = this.unloading.get(roomId);
      if (unloading !== undefined) {
        await unloading;
        continue;
      }
      const room = this.loaded.get(roomId);
      if (room !== undefined) {
        this.cancelIdle(room);
        return room;
      }
      let loading = this.loading.get(roomId);
      if (loading === undefined) {
        loading = this.load(roomId);
        this.loading.set(roomId, loading);
        const settle = (): void => {
          this.loading.delete(roomId);
        };
        loading.then(settle, settle);
      }
      const loadedRoom = await loading;
      this.cancelIdle(loadedRoom);
      return loadedRoom;
    }
  }

  private async load(roomId: string): Promise<Room> {
    const started = performance.now();
    try {
      const room = await Room.load(roomId, {
        store: this.options.store,
        logger: this.options.logger,
        compactThreshold: this.options.compactThreshold,
        storedListeners: this.options.storedListeners,
        changedListeners: this.options.changedListeners,
        writeGuard: this.options.writeGuard,
        onFailure: (failed, error) => this.dropFailed(failed, error),
      });
      this.loaded.set(roomId, room);
      collabMetrics.roomsLoaded.inc();
      this.options.logger.debug(
        { roomId, ms: Math.round(performance.now() - started) },
        'room loaded',
      );
      return room;
    } catch (error) {
      countError('load');
      this.options.logger.error({ err: error, roomId }, 'room load failed');
      throw error;
    }
  }

  private cancelIdle(room: Room): void {
    if (room.idleTimer !== null) {
      clearTimeout(room.idleTimer);
      room.idleTimer = null;
    }
  }

  /** Starts the idle countdown once nobody holds the room any more. */
  release(room: Room): void {
    if (room.peers.size > 0 || room.failed) return;
    if (this.loaded.get(room.id) !== room) return;
    this.cancelIdle(room);
    room.idleTimer = setTimeout(() => {
      room.idleTimer = null;
      if (room.peers.size === 0) void this.unload(room);
    }, this.options.idleUnloadMs);
    room.idleTimer.unref();
  }

  private unload(room: Room): Promise<void> {
    if (this.loaded.get(room.id) !== room) return this.unloading.get(room.id) ?? Promise.resolve();
    this.loaded.delete(room.id);
    collabMetrics.roomsLoaded.dec();
    const done = room
      .flushAndCompact()
      .catch((error: unknown) => {
        this.options.logger.error({ err: error, roomId: room.id }, 'flush before unload failed');
      })
      .finally(() => {
        room.destroy();
        this.unloading.delete(room.id);
        this.options.logger.debug({ roomId: room.id }, 'room unloaded');
      });
    this.unloading.set(room.id, done);
    return done;
  }

  /** A write did not reach the store: nobody may see it, so the room is dropped and reloaded. */
  private dropFailed(room: Room, error: unknown): void {
    this.options.logger.error(
      { err: error, roomId: room.id },
      'store write failed; closing the room so it reloads from the store',
    );
    if (this.loaded.get(room.id) === room) {
      this.loaded.delete(room.id);
      collabMetrics.roomsLoaded.dec();
    }
    for (const peer of [...room.peers]) {
      peer.close(closeCodes.storeFailed, 'document could not be saved; reconnect to resync');
    }
    room.destroy();
  }

  /** Flushes and unloads every room (shutdown). */
  async closeAll(): Promise<void> {
    const rooms = [...this.loaded.values()];
    await Promise.all([...this.loading.values()].map((p) => p.catch(() => undefined)));
    for (const room of this.loaded.values()) if (!rooms.includes(room)) rooms.push(room);
    await Promise.all(rooms.map((room) => this.unload(room)));
    await Promise.all([...this.unloading.values()]);
  }
}
