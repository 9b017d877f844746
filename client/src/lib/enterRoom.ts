import { navigate } from './navigation';
import { tokenStorageKey } from './token';

export const justCreatedKey = (roomId: string) => `parley.created.${roomId}`;

/** Keeps the organizer's token and opens the new room with its invite panel showing. */
export function enterNewRoom(roomId: string, organizerToken: string): void {
  localStorage.setItem(tokenStorageKey(roomId), organizerToken);
  sessionStorage.setItem(justCreatedKey(roomId), '1');
  navigate(`/rooms/${encodeURIComponent(roomId)}`);
}
