// Connections to Redis that never take the server down: they reconnect on their own with a
// bounded backoff, report errors to the log (once per outage, not once per retry), and say
// whether they are usable right now.
import { createClient } from 'redis';
import type { Logger } from 'pino';

/** The longest wait between two reconnect attempts. */
const MAX_BACKOFF_MS = 1_000;

function newClient(url: string, queueWhileDown: boolean) {
  return createClient({
    url,
    disableOfflineQueue: !queueWhileDown,
    socket: {
      // Never give up: Redis is optional, and when it comes back the cluster path resumes.
      reconnectStrategy: (retries: number) =>
        Math.min(50 * 2 ** Math.min(retries, 5), MAX_BACKOFF_MS),
      connectTimeout: 2_000,
    },
  });
}

export type RedisConnection = ReturnType<typeof newClient>;

export interface RedisOptions {
  url: string;
  logger: Logger;
  /** Names the connection in logs. */
  name: string;
  /**
   * Whether commands sent while disconnected wait for the reconnect (Socket.IO's events, which
   * must survive an outage) or fail at once (the update stream, which the store backs up).
   */
  queueWhileDown: boolean;
}

/** Opens a connection in the background; it is usable once `isReady` is true. */
export function openRedis(options: RedisOptions): RedisConnection {
  const client = newClient(options.url, options.queueWhileDown);
  const logger = options.logger.child({ module: 'redis', connection: options.name });
  let down = false;
  client.on('error', (error: unknown) => {
    if (down) return;
    down = true;
    logger.warn({ err: error }, 'Redis unreachable; retrying in the background');
  });
  client.on('ready', () => {
    if (down) logger.info('Redis reachable again');
    down = false;
  });
  client.connect().catch((error: unknown) => {
    // The reconnect strategy keeps trying; the first failure is only logged.
    logger.warn({ err: error }, 'Redis not reachable at start; retrying in the background');
  });
  return client;
}

/** Closes a connection whatever state it is in. */
export function closeRedis(client: RedisConnection): void {
  try {
    if (client.isOpen) client.destroy();
  } catch {
    // Already closed.
  }
}
