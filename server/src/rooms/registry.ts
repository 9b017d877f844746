// Loaded rooms by id: concurrent callers share one load, onLoad hooks run before anyone sees a
// room, and a room nobody holds is flushed, unloaded (onUnload) and released after an idle delay.
import type { Logger } from 'pino';
import { closeCodes } from '@parley/shared/protocol';
import { collabMetrics, countError } from '../metrics';
import type { DocStore } from '../store/types';
import type { HookRunner } from './hookRunner';
import { Room } from './room';
import type { RoomSync } from './sync';

export interface RoomRegistryOptions {
  store: DocStore;
  logger: Logger;
  idleUnloadMs: number;
  compactThreshold: number;
  /** Follows what other instances store for the loaded rooms; null on a single instance. */
  sync: RoomSync | null;
  hooks(): HookRunner;
}

/**
 * A room being unloaded is flushed completely before it can be loaded again, so a reload always
 * sees every stored update.
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

  /** Runs `work` with the room loaded; it stays loaded until `work` settles. */
  async hold<T>(roomId: string, work: (room: Room) => Promise<T> | T): Promise<T> {
    const room = await this.acquire(roomId);
    room.holds++;
    try {
      return await work(room);
    } finally {
      room.holds--;
      this.release(room);
    }
  }

  private async load(roomId: string): Promise<Room> {
    const started = performance.now();
    const hooks = this.options.hooks();
    let room: Room;
    try {
      room = await Room.load(roomId, {
        store: this.options.store,
        logger: this.options.logger,
        compactThreshold: this.options.compactThreshold,
        hooks,
        sync: this.options.sync,
        onFailure: (failed, error) => this.dropFailed(failed, error),
      });
    } catch (error) {
      countError('load');
      this.options.logger.error({ err: error, roomId }, 'room load failed');
      throw error;
    }
    try {
      await hooks.load(room);
    } catch (error) {
      room.destroy();
      countError('load');
      this.options.logger.error({ err: error, roomId }, 'room load hook failed');
      throw error;
    }
    this.loaded.set(roomId, room);
    this.options.sync?.loaded(room);
    collabMetrics.roomsLoaded.inc();
    this.options.logger.debug(
      { roomId, ms: Math.round(performance.now() - started) },
      'room loaded',
    );
    return room;
  }

  private cancelIdle(room: Room): void {
    if (room.idleTimer !== null) {
      clearTimeout(room.idleTimer);
      room.idleTimer = null;
    }
  }

  /** Starts the idle countdown once nobody holds the room any more. */
  release(room: Room): void {
    if (!room.unused || room.failed) return;
    if (this.loaded.get(room.id) !== room) return;
    this.cancelIdle(room);
    room.idleTimer = setTimeout(() => {
      room.idleTimer = null;
      if (room.unused) void this.unload(room);
    }, this.options.idleUnloadMs);
    room.idleTimer.unref();
  }

  private unload(room: Room): Promise<void> {
    if (this.loaded.get(room.id) !== room) return this.unloading.get(room.id) ?? Promise.resolve();
    this.loaded.delete(room.id);
    this.options.sync?.unloaded(room);
    collabMetrics.roomsLoaded.dec();
    const done = room
      .flushAndCompact()
      .catch((error: unknown) => {
        this.options.logger.error({ err: error, roomId: room.id }, 'flush before unload failed');
      })
      .then(() => this.options.hooks().unload(room))
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
      this.options.sync?.unloaded(room);
      collabMetrics.roomsLoaded.dec();
    }
    for (const peer of [...room.peers]) {
      peer.close(closeCodes.storeFailed, 'document could not be saved; reconnect to resync');
    }
    // No onUnload: the document holds a change the store does not, so nothing may build on it.
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
