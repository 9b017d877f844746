// The room's document as one moment's state, for an engine thread, with a key that changes
// whenever the document does, so that identical questions about it can share an answer.
import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import type { AnalysisDeps } from './deps';

export interface DocSnapshot {
  state: Uint8Array;
  /** A hash of the whole state: deletions change it too, which a state vector would not show. */
  version: string;
}

export function snapshotOf(
  deps: Pick<AnalysisDeps, 'rooms'>,
  roomId: string,
): Promise<DocSnapshot> {
  return deps.rooms.hold(roomId, (room) => {
    const state = Y.encodeStateAsUpdate(room.doc);
    return { state, version: createHash('sha256').update(state).digest('base64url') };
  });
}
