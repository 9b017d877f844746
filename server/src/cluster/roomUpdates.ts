// The cluster path of a room's document. The instance that stores an update publishes it on the
// room's Redis stream with its seq; every instance holding the room applies it from there without
// storing it again. The store stays the truth: whatever the stream did not bring (a lost message,
// a Redis restart, a room loaded late) is read from the store by seq, when a seq jumps, when Redis
// comes back, and by a cheap poll of the rooms' newest seqs.
import type { Logger } from 'pino';
import { clusterMetrics } from '../metrics';
import type { RoomSync, StoredBatch, SyncedRoom } from '../rooms';
import type { DocStore } from '../store/types';
import {
  decodeAwarenessFrame,
  decodeUpdateFrame,
  encodeAwarenessFrame,
  encodeUpdateFrame,
} from './frames';
import type { RedisConnection } from './redis';
import type { StreamEntry, StreamReader } from './streamReader';

export const ROOM_STREAM_DEFAULTS = {
  /** Entries a room's stream keeps (approximately): the store has the rest. */
  maxLen: 1_000,
  /** How long a room's stream outlives its last update. */
  ttlMs: 24 * 60 * 60 * 1000,
  /** How long a seq gap may wait for the stream to bring the missing update before the store is read. */
  gapWaitMs: 100,
  /** The poll of every loaded room's newest seq: while Redis is down, and as a safety net. */
  pollDownMs: 1_000,
  pollUpMs: 5_000,
} as const;

/** How old a presence message on a stream may be and still be applied (clients renew every 15 s). */
const AWARENESS_FRESH_MS = 30_000;

export type RoomStreamOptions = Partial<Record<keyof typeof ROOM_STREAM_DEFAULTS, number>>;

export function roomStreamKey(roomId: string): string {
  return `parley:room:${roomId}:updates`;
}

export interface RoomUpdatesDeps {
  instance: string;
  store: Pick<DocStore, 'loadDocSince' | 'latestSeqs'>;
  /** For publishing; fails at once while Redis is down. */
  commands: RedisConnection;
  reader: StreamReader;
  logger: Logger;
  options?: RoomStreamOptions;
}

interface Followed {
  room: SyncedRoom;
  /** A catch-up from the store is running; `again` asks for one more after it. */
  catchingUp: Promise<void> | null;
  again: boolean;
  gapTimer: NodeJS.Timeout | null;
  expireAt: number;
}

export interface RoomUpdates extends RoomSync {
  /** Reads what every loaded room misses from the store (Redis came back, or a poll found it). */
  catchUpAll(): void;
  /** Counters for the metrics and the benchmark. */
  stats(): { published: number; applied: number; catchUps: number; dropped: number };
  close(): void;
}

export function createRoomUpdates(deps: RoomUpdatesDeps): RoomUpdates {
  const options = { ...ROOM_STREAM_DEFAULTS, ...deps.options };
  const logger = deps.logger.child({ module: 'cluster' });
  const followed = new Map<string, Followed>();
  const counts = { published: 0, applied: 0, catchUps: 0, dropped: 0 };
  let closed = false;

  function catchUp(entry: Followed): void {
    if (closed) return;
    if (entry.catchingUp !== null) {
      entry.again = true;
      return;
    }
    counts.catchUps += 1;
    clusterMetrics.catchUps.inc();
    const { room } = entry;
    entry.catchingUp = deps.store
      .loadDocSince(room.id, room.appliedSeq)
      .then((missing: StoredBatch) =>
        missing.snapshot === null && missing.updates.length === 0
          ? undefined
          : room.applyStored(missing),
      )
      .catch((error: unknown) => {
        logger.warn({ err: error, roomId: room.id }, 'catching up from the store failed');
      })
      .finally(() => {
        entry.catchingUp = null;
        if (entry.again && followed.get(room.id) === entry) {
          entry.again = false;
          catchUp(entry);
        }
      });
  }

  /** A gap usually closes by itself within milliseconds (the stream is not ordered by seq). */
  function watchGap(entry: Followed): void {
    if (!entry.room.hasGap || entry.gapTimer !== null) return;
    entry.gapTimer = setTimeout(() => {
      entry.gapTimer = null;
      if (entry.room.hasGap && followed.get(entry.room.id) === entry) catchUp(entry);
    }, options.gapWaitMs);
    entry.gapTimer.unref();
  }

  function onEntries(roomId: string, entries: StreamEntry[]): void {
    const entry = followed.get(roomId);
    if (entry === undefined) return;
    const updates: { seq: number; data: Uint8Array }[] = [];
    for (const { id, fields } of entries) {
      if (fields.a !== undefined) {
        // Presence older than a client's renewal period is stale (a stream read from its start).
        if (Date.now() - Number(id.split('-')[0]) > AWARENESS_FRESH_MS) continue;
        const presence = decodeAwarenessFrame(fields.a);
        if (presence === null) {
          counts.dropped += 1;
          clusterMetrics.dropped.inc();
          logger.warn({ roomId }, 'dropped a malformed awareness frame');
        } else if (presence.instance !== deps.instance) {
          entry.room.applyRemoteAwareness(presence.update);
        }
        continue;
      }
      const raw = fields.m;
      const frame = raw === undefined ? null : decodeUpdateFrame(raw);
      if (frame === null) {
        counts.dropped += 1;
        clusterMetrics.dropped.inc();
        logger.warn({ roomId }, 'dropped a malformed update frame');
        continue;
      }
      if (frame.instance === deps.instance || entry.room.hasSeq(frame.seq)) continue;
      updates.push({ seq: frame.seq, data: frame.update });
    }
    if (updates.length === 0) return;
    counts.applied += updates.length;
    clusterMetrics.applied.inc(updates.length);
    void entry.room
      .applyStored({ snapshot: null, snapshotSeq: 0, updates })
      .then(() => watchGap(entry))
      .catch((error: unknown) => logger.error({ err: error, roomId }, 'remote update failed'));
  }

  async function poll(): Promise<void> {
    if (followed.size === 0) return;
    const seqs = await deps.store.latestSeqs([...followed.keys()]);
    for (const [roomId, seq] of seqs) {
      const entry = followed.get(roomId);
      if (entry !== undefined && seq > entry.room.appliedSeq) catchUp(entry);
    }
  }

  /** Refreshed now and then, not per message: the stream of an abandoned room goes away. */
  function touch(entry: Followed, key: string): void {
    const now = Date.now();
    if (now < entry.expireAt) return;
    entry.expireAt = now + options.ttlMs / 10;
    deps.commands.pExpire(key, options.ttlMs).catch(() => undefined);
  }

  let pollTimer: NodeJS.Timeout | null = null;
  const schedulePoll = (): void => {
    if (closed) return;
    const every = deps.commands.isReady ? options.pollUpMs : options.pollDownMs;
    pollTimer = setTimeout(() => {
      poll()
        .catch((error: unknown) => logger.warn({ err: error }, 'polling the rooms’ seqs failed'))
        .finally(schedulePoll);
    }, every);
    pollTimer.unref();
  };
  schedulePoll();

  return {
    loaded(room) {
      const entry: Followed = { room, catchingUp: null, again: false, gapTimer: null, expireAt: 0 };
      followed.set(room.id, entry);
      const key = roomStreamKey(room.id);
      // Whatever was stored between the load and the stream's first read comes from the store.
      void deps.reader
        .follow(key, '$', (entries) => onEntries(room.id, entries))
        .then(() => {
          if (followed.get(room.id) === entry) catchUp(entry);
        });
    },

    unloaded(room) {
      const entry = followed.get(room.id);
      if (entry === undefined || entry.room !== room) return;
      if (entry.gapTimer !== null) clearTimeout(entry.gapTimer);
      followed.delete(room.id);
      deps.reader.unfollow(roomStreamKey(room.id));
    },

    stored(room, seq, update) {
      const entry = followed.get(room.id);
      if (entry !== undefined) watchGap(entry);
      // While Redis is down the others find it in the store by their poll.
      if (!deps.commands.isReady) return;
      const key = roomStreamKey(room.id);
      counts.published += 1;
      clusterMetrics.published.inc();
      deps.commands
        .xAdd(
          key,
          '*',
          { m: encodeUpdateFrame({ instance: deps.instance, seq, update }) },
          { TRIM: { strategy: 'MAXLEN', strategyModifier: '~', threshold: options.maxLen } },
        )
        .catch((error: unknown) => logger.debug({ err: error, roomId: room.id }, 'publish failed'));
      if (entry !== undefined) touch(entry, key);
    },

    awareness(room, update) {
      const entry = followed.get(room.id);
      if (closed || !deps.commands.isReady || entry === undefined) return;
      const key = roomStreamKey(room.id);
      deps.commands
        .xAdd(
          key,
          '*',
          { a: encodeAwarenessFrame({ instance: deps.instance, update }) },
          { TRIM: { strategy: 'MAXLEN', strategyModifier: '~', threshold: options.maxLen } },
        )
        .catch((error: unknown) => logger.debug({ err: error, roomId: room.id }, 'publish failed'));
      touch(entry, key);
    },

    catchUpAll() {
      for (const entry of followed.values()) catchUp(entry);
    },

    stats: () => ({ ...counts }),

    close() {
      closed = true;
      if (pollTimer !== null) clearTimeout(pollTimer);
      for (const entry of followed.values())
        if (entry.gapTimer !== null) clearTimeout(entry.gapTimer);
      followed.clear();
    },
  };
}
