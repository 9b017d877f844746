// The room hook that tells every member what the store now holds of the document, so a client
// shows "All changes saved" only once its own edits are durable.
import * as Y from 'yjs';
import type { RoomHook } from '../rooms';

export function saveStatusHook(
  stored: (roomId: string, clocks: Record<string, number>) => void,
): RoomHook {
  return {
    name: 'save-status',
    afterStore(room) {
      const clocks: Record<string, number> = {};
      for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(room.doc))) {
        clocks[String(client)] = clock;
      }
      stored(room.id, clocks);
    },
  };
}
