// The cap on a room's document size: measured once at load, then kept up to date from the size of
// each stored update, and measured exactly again only when a write comes near the cap.
import { MAX_DOC_BYTES } from '@parley/shared/protocol';
import * as Y from 'yjs';
import type { RoomHook } from '../../rooms';
import { roomSlot } from '../../rooms';

/** An upper bound of the encoded document: deletions shrink it, appends only add. */
const sizeSlot = roomSlot('doc-size', () => ({ bytes: 0 }));

export function docSizeHook(maxBytes = MAX_DOC_BYTES): RoomHook {
  return {
    name: 'doc-size',
    onLoad(room) {
      room.slot(sizeSlot).bytes = Y.encodeStateAsUpdate(room.doc).length;
    },
    beforeWrite(room, write) {
      const size = room.slot(sizeSlot);
      if (size.bytes + write.update.length <= maxBytes) return null;
      // Near the cap: the running total may be stale after deletions, so measure for real.
      const exact = Y.encodeStateAsUpdate(write.after).length;
      if (exact > maxBytes) {
        return {
          code: 'document-too-large',
          message: `This change would make the room's document ${Math.ceil(exact / 1024)} KiB; a room holds at most ${maxBytes / 1024} KiB. It was not saved: remove text or clauses first.`,
        };
      }
      size.bytes = Math.max(0, exact - write.update.length);
      return null;
    },
    afterStore(room, change) {
      room.slot(sizeSlot).bytes += change.update.length;
    },
    onStoredElsewhere(room, change) {
      room.slot(sizeSlot).bytes += change.update.length;
    },
  };
}
