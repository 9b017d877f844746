import * as Y from 'yjs';
import type { SaveStatus } from '@parley/shared/protocol';
import type { Store } from '../store/types';

/** Per-client clocks only grow, so the newest knowledge is the per-client maximum. */
function mergeClocks(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const merged = { ...a };
  for (const [client, clock] of Object.entries(b)) {
    merged[client] = Math.max(merged[client] ?? 0, clock);
  }
  return merged;
}

export function storedClocksFromStore(load: {
  snapshot: Uint8Array | null;
  updates: { data: Uint8Array }[];
}): Record<string, number> {
  const parts = [...(load.snapshot ? [load.snapshot] : []), ...load.updates.map((u) => u.data)];
  if (parts.length === 0) return {};
  const vector = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(Y.mergeUpdates(parts)));
  const clocks: Record<string, number> = {};
  for (const [client, clock] of vector) clocks[String(client)] = clock;
  return clocks;
}

/**
 * Tracks what the store durably holds of each room and tells the room, at most every
 * `intervalMs` (always ending with the newest state), so a burst of appends is one message.
 */
export class SaveStatusTracker {
  private readonly latest = new Map<string, SaveStatus>();
  private readonly timers = new Map<string, { timer: NodeJS.Timeout; pending: boolean }>();

  constructor(
    private readonly emit: (status: SaveStatus) => void,
    private readonly intervalMs = 50,
  ) {}

  stored(roomId: string, clocks: Record<string, number>, at: number): void {
    const previous = this.latest.get(roomId);
    this.latest.set(roomId, { roomId, stored: mergeClocks(previous?.stored ?? {}, clocks), at });
    const throttle = this.timers.get(roomId);
    if (throttle !== undefined) {
      throttle.pending = true;
      return;
    }
    this.flush(roomId);
  }

  private flush(roomId: string): void {
    const status = this.latest.get(roomId);
    if (status !== undefined) this.emit(status);
    const entry = {
      pending: false,
      timer: setTimeout(() => {
        this.timers.delete(roomId);
        if (entry.pending) this.flush(roomId);
      }, this.intervalMs),
    };
    entry.timer.unref();
    this.timers.set(roomId, entry);
  }

  /** The room's stored state, read from the store the first time it is asked for. */
  async current(roomId: string, store: Store): Promise<SaveStatus> {
    const known = this.latest.get(roomId);
    if (known !== undefined) return known;
    const clocks = storedClocksFromStore(await store.loadDoc(roomId));
    // An append may have landed while loading; merging keeps whichever is newer per client.
    const merged = mergeClocks(clocks, this.latest.get(roomId)?.stored ?? {});
    const status = { roomId, stored: merged, at: Date.now() };
    this.latest.set(roomId, status);
    return status;
  }

  forget(roomId: string): void {
    this.latest.delete(roomId);
  }

  close(): void {
    for (const { timer } of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
