// One dedicated Redis connection reading every stream this instance follows (the control stream
// and the update stream of each loaded room) with a single blocking XREAD. Following a new stream
// wakes the read at once (CLIENT UNBLOCK), so a room that just loaded hears its updates right away.
import { RESP_TYPES } from 'redis';
import type { Logger } from 'pino';
import { closeRedis } from './redis';
import type { RedisConnection } from './redis';

export interface StreamEntry {
  id: string;
  fields: Record<string, Buffer>;
}

type Handler = (entries: StreamEntry[]) => void;

const BLOCK_MS = 2_000;
const READ_COUNT = 200;
const RETRY_MS = 200;

export class StreamReader {
  private readonly follows = new Map<string, { offset: string; handler: Handler }>();
  private readerId: number | null = null;
  private closed = false;
  private readonly done: Promise<void>;

  /**
   * @param reader a connection for this reader alone: XREAD BLOCK holds it.
   * @param commands any other connection, to wake the reader.
   */
  constructor(
    private readonly reader: RedisConnection,
    private readonly commands: RedisConnection,
    private readonly logger: Logger,
  ) {
    reader.on('ready', () => {
      // A new connection has a new id; it is asked for before the next read.
      this.readerId = null;
    });
    this.done = this.loop();
  }

  /**
   * Reads `key` from `offset` on ('$': what is added from now on, resolved to the newest id first
   * so that nothing added in between is skipped).
   */
  async follow(key: string, offset: '$' | '0-0', handler: Handler): Promise<void> {
    let start: string = offset;
    if (offset === '$') {
      try {
        const newest = await this.commands.xRevRange(key, '+', '-', { COUNT: 1 });
        start = newest?.[0]?.id ?? '0-0';
      } catch {
        // Redis is down: when it is back, read the stream from its start; stale entries are skipped.
        start = '0-0';
      }
    }
    if (this.closed) return;
    this.follows.set(key, { offset: start, handler });
    this.wake();
  }

  unfollow(key: string): void {
    this.follows.delete(key);
  }

  /** Ends a blocked read so that the next one reads the streams followed now. */
  private wake(): void {
    const id = this.readerId;
    if (id === null || !this.commands.isReady) return;
    this.commands.clientUnblock(id).catch(() => undefined);
  }

  private async loop(): Promise<void> {
    const binary = this.reader.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
    while (!this.closed) {
      if (!this.reader.isReady || this.follows.size === 0) {
        await sleep(RETRY_MS);
        continue;
      }
      try {
        if (this.readerId === null) this.readerId = await this.reader.clientId();
        const streams = [...this.follows].map(([key, follow]) => ({ key, id: follow.offset }));
        const reply = await binary.xRead(streams, { BLOCK: BLOCK_MS, COUNT: READ_COUNT });
        if (reply === null || !Array.isArray(reply)) continue;
        for (const stream of reply as unknown as {
          name: Buffer | string;
          messages: { id: Buffer | string; message: Record<string, Buffer> }[];
        }[]) {
          const key = String(stream.name);
          const follow = this.follows.get(key);
          if (follow === undefined || stream.messages.length === 0) continue;
          const entries = stream.messages.map((m) => ({ id: String(m.id), fields: m.message }));
          follow.offset = entries[entries.length - 1]!.id;
          try {
            follow.handler(entries);
          } catch (error) {
            this.logger.error({ err: error, stream: key }, 'stream entries could not be handled');
          }
        }
      } catch (error) {
        if (this.closed) break;
        this.logger.debug({ err: error }, 'stream read failed; retrying');
        await sleep(RETRY_MS);
      }
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    // Ends a blocked read at once.
    closeRedis(this.reader);
    await Promise.race([this.done, sleep(BLOCK_MS + 100)]);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
