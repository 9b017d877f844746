// Save status: what the store holds of each room's document, per client clock, told to the room
// at most every 50 ms (always ending with the newest), so a client shows "All changes saved" only
// once its own edits are durable.
import * as Y from 'yjs';
import type { SaveStatus } from '@parley/shared/protocol';
import { everyone } from '../../realtime';
import type { RoomBroadcaster } from '../../realtime';
import { roomSlot } from '../../rooms';
import type { RoomContext, RoomHook, RoomRuntime } from '../../rooms';

export const SAVE_STATUS_INTERVAL_MS = 50;

interface SaveStatusSlot {
  /** Per client, the clock the store holds up to: kept from each stored update, no scan. */
  stored: Map<number, number>;
  /** The status as last told, or null when a newer store made it stale (built when needed). */
  latest: SaveStatus | null;
  /** When the store last took an update. */
  latestAt: number;
  timer: NodeJS.Timeout | null;
  /** A newer status arrived while the throttle was closed. */
  pending: boolean;
}

const saveStatusSlot = roomSlot<SaveStatusSlot>(
  'save-status',
  () => ({ stored: new Map(), latest: null, latestAt: 0, timer: null, pending: false }),
  (slot) => {
    if (slot.timer !== null) clearTimeout(slot.timer);
  },
);

function statusOf(roomId: string, clocks: Map<number, number>, at: number): SaveStatus {
  const stored: Record<string, number> = {};
  for (const [client, clock] of clocks) stored[String(client)] = clock;
  return { roomId, stored, at };
}

export function saveStatusHook(broadcast: RoomBroadcaster, now: () => number): RoomHook {
  const emit = (room: RoomContext, slot: SaveStatusSlot) => {
    slot.latest ??= statusOf(room.id, slot.stored, slot.latestAt);
    // Each instance tells its own clients what it knows the store holds: its knowledge only
    // grows, so a client never sees an older status after a newer one.
    broadcast.local(room.id, everyone).emit('save:status', slot.latest);
    slot.pending = false;
    slot.timer = setTimeout(() => {
      slot.timer = null;
      if (slot.pending) emit(room, slot);
    }, SAVE_STATUS_INTERVAL_MS);
    slot.timer.unref();
  };
  const took = (room: RoomContext, update: Uint8Array): void => {
    const slot = room.slot(saveStatusSlot);
    for (const [client, clock] of Y.parseUpdateMeta(update).to) {
      if (clock > (slot.stored.get(client) ?? 0)) slot.stored.set(client, clock);
    }
    // Built when told, at most every SAVE_STATUS_INTERVAL_MS, not for every update.
    slot.latest = null;
    slot.latestAt = now();
    if (slot.timer !== null) {
      slot.pending = true;
      return;
    }
    emit(room, slot);
  };
  return {
    name: 'save-status',
    onLoad(room) {
      // A room just loaded is exactly what the store holds.
      const slot = room.slot(saveStatusSlot);
      slot.stored = Y.decodeStateVector(Y.encodeStateVector(room.doc));
      slot.latest = statusOf(room.id, slot.stored, now());
    },
    afterStore(room, change) {
      took(room, change.update);
    },
    // Another instance stored it: this one's clients hear it from this one.
    onStoredElsewhere(room, change) {
      took(room, change.update);
    },
  };
}

/** The room's stored state, for a client that just connected. */
export function currentSaveStatus(
  rooms: Pick<RoomRuntime, 'hold'>,
  roomId: string,
  now: () => number,
): Promise<SaveStatus> {
  return rooms.hold(roomId, (room) => {
    const slot = room.slot(saveStatusSlot);
    return (slot.latest ??= statusOf(room.id, slot.stored, slot.latestAt || now()));
  });
}
