// Rooms recently opened in this browser, for the lobby: kept in localStorage next to each room's
// token, and only listed while that token is still here.
import { tokenStorageKey } from './token';

export interface RecentRoom {
  roomId: string;
  title: string;
  role: string;
  openedAt: number;
}

const KEY = 'parley.recentRooms';
/** Rooms the lobby lists at most. */
export const MAX_RECENT_ROOMS = 8;

type KeyValue = Pick<Storage, 'getItem' | 'setItem'>;

function read(storage: KeyValue): RecentRoom[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(KEY) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (r): r is RecentRoom =>
        typeof r === 'object' &&
        r !== null &&
        typeof (r as RecentRoom).roomId === 'string' &&
        typeof (r as RecentRoom).title === 'string' &&
        typeof (r as RecentRoom).role === 'string' &&
        typeof (r as RecentRoom).openedAt === 'number',
    );
  } catch {
    return [];
  }
}

/** Puts a room first in the list (once), keeping the newest few. */
export function rememberRoom(
  storage: KeyValue,
  room: Omit<RecentRoom, 'openedAt'>,
  now = Date.now(),
): void {
  const rest = read(storage).filter((r) => r.roomId !== room.roomId);
  const next = [{ ...room, openedAt: now }, ...rest].slice(0, MAX_RECENT_ROOMS);
  try {
    storage.setItem(KEY, JSON.stringify(next));
  } catch {
    // Storage full or refused: the lobby simply lists fewer rooms.
  }
}

export function forgetRoom(storage: KeyValue, roomId: string): void {
  try {
    storage.setItem(KEY, JSON.stringify(read(storage).filter((r) => r.roomId !== roomId)));
  } catch {
    // Nothing to forget then.
  }
}

/** The rooms this browser can still open (its invitation token is still kept), newest first. */
export function recentRooms(storage: KeyValue): RecentRoom[] {
  return read(storage)
    .filter((r) => storage.getItem(tokenStorageKey(r.roomId)) !== null)
    .sort((a, b) => b.openedAt - a.openedAt);
}
