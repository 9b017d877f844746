// Hand-over from the lobby to a room just created: the organizer's token and name are kept on this
// device, and the room opens its invitation dialog once.
import { navigate } from './navigation';
import { tokenStorageKey } from './token';

export const justCreatedKey = (roomId: string) => `parley.created.${roomId}`;

/** Keeps the organizer's token and opens the new room with its invite panel showing. */
export function enterNewRoom(roomId: string, organizerToken: string): void {
  localStorage.setItem(tokenStorageKey(roomId), organizerToken);
  sessionStorage.setItem(justCreatedKey(roomId), '1');
  navigate(`/rooms/${encodeURIComponent(roomId)}`);
}

export const nameKey = 'parley.name';

/** Keeps the organizer's name for the next room; returns it trimmed, or undefined when empty. */
export function rememberName(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed) localStorage.setItem(nameKey, trimmed);
  return trimmed || undefined;
}
