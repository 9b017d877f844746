// Several instances serving the same rooms: the Redis connections, the rooms' update streams, the
// control stream (sessions ended everywhere), rate limits kept in Redis and the Socket.IO adapter.
// Redis is never the truth: without it every instance goes on storing and serving its own
// clients, and the others catch up from the store.
import { randomUUID } from 'node:crypto';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Logger } from 'pino';
import { CLUSTER_MESSAGE_VERSION } from '@parley/shared/protocol';
import type { ClusterControlMessage } from '@parley/shared/protocol';
import type { RateLimiterFactory } from '../limits';
import type { RoomSync } from '../rooms';
import type { DocStore } from '../store/types';
import { parseControlMessage } from './frames';
import { quietClient } from './quietClient';
import { redisRateLimiters } from './rateLimiter';
import { closeRedis, openRedis } from './redis';
import { createRoomUpdates } from './roomUpdates';
import type { RoomStreamOptions } from './roomUpdates';
import { StreamReader } from './streamReader';

export const CONTROL_STREAM = 'parley:control';
export const SOCKET_IO_STREAM = 'parley:socket.io';

export interface ClusterOptions {
  redisUrl: string;
  store: Pick<DocStore, 'loadDocSince' | 'latestSeqs'>;
  logger: Logger;
  now(): number;
  roomStream?: RoomStreamOptions;
}

/** What another instance asks of this one. */
export type ControlHandler = (message: ClusterControlMessage) => void;

export interface EndSessions {
  roomId: string;
  memberId: string;
  closeCode: number;
  reason: string;
}

export interface Cluster {
  /** This instance's id on the streams. */
  readonly instance: string;
  /** For the room runtime: publishes what this instance stores, applies what others store. */
  readonly sync: RoomSync;
  /** Rate-limit buckets shared by every instance. */
  readonly limiters: RateLimiterFactory;
  /** The Socket.IO adapter: room broadcasts and disconnects reach every instance. */
  socketAdapter(): ReturnType<typeof createAdapter>;
  /** Asks every other instance to end a member's sessions (queued while Redis is down). */
  endSessions(request: EndSessions): void;
  onControl(handler: ControlHandler): void;
  /** Whether Redis answers right now (readiness). */
  connected(): boolean;
  stats(): { published: number; applied: number; catchUps: number; dropped: number };
  close(): Promise<void>;
}

export function createCluster(options: ClusterOptions): Cluster {
  const instance = randomUUID();
  const logger = options.logger.child({ module: 'cluster', instance });
  const connect = (name: string, queueWhileDown: boolean) =>
    openRedis({ url: options.redisUrl, logger, name, queueWhileDown });
  // Fails fast while Redis is down: the store backs up everything sent on it.
  const commands = connect('commands', false);
  // Waits for Redis to come back: Socket.IO events and ended sessions must not be lost.
  const queued = connect('queued', true);
  const reader = new StreamReader(connect('reader', false), commands, logger);
  const updates = createRoomUpdates({
    instance,
    store: options.store,
    commands,
    reader,
    logger,
    ...(options.roomStream ? { options: options.roomStream } : {}),
  });
  const handlers: ControlHandler[] = [];

  // Back from an outage: every loaded room reads what it missed from the store at once.
  let wasDown = false;
  commands.on('error', () => {
    wasDown = true;
  });
  commands.on('ready', () => {
    if (!wasDown) return;
    wasDown = false;
    updates.catchUpAll();
  });

  void reader.follow(CONTROL_STREAM, '$', (entries) => {
    for (const { fields } of entries) {
      const text = fields.j?.toString('utf8');
      const message = text === undefined ? null : parseControlMessage(text);
      if (message === null) {
        logger.warn('dropped a malformed control message');
        continue;
      }
      if (message.from === instance) continue;
      for (const handler of handlers) {
        try {
          handler(message);
        } catch (error) {
          logger.error({ err: error, kind: message.kind }, 'control message handler failed');
        }
      }
    }
  });

  let adapter: ReturnType<typeof createAdapter> | null = null;
  return {
    instance,
    sync: updates,
    limiters: redisRateLimiters(commands, logger, options.now),
    socketAdapter() {
      adapter ??= createAdapter(quietClient(queued), {
        streamName: SOCKET_IO_STREAM,
        maxLen: 10_000,
        // Short blocks let the adapter's reader stop quickly at shutdown.
        blockTimeInMs: 1_000,
      });
      return adapter;
    },
    endSessions(request) {
      const message: ClusterControlMessage = {
        v: CLUSTER_MESSAGE_VERSION,
        kind: 'end-sessions',
        from: instance,
        ...request,
      };
      queued
        .xAdd(
          CONTROL_STREAM,
          '*',
          { j: JSON.stringify(message) },
          { TRIM: { strategy: 'MAXLEN', strategyModifier: '~', threshold: 1_000 } },
        )
        .catch((error: unknown) =>
          logger.error({ err: error }, 'ending sessions elsewhere failed'),
        );
    },
    onControl(handler) {
      handlers.push(handler);
    },
    connected: () => commands.isReady,
    stats: () => updates.stats(),
    async close() {
      updates.close();
      await reader.close();
      closeRedis(commands);
      closeRedis(queued);
    },
  };
}
