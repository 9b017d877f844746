// The room hook that enforces locks and single-text mode on every document write.
import type { RoomHook } from '../rooms';
import type { Store } from '../store/types';
import type { RoomModes } from './roomMode';
import { mediatorPresent } from './roomModeDeps';

/**
 * In single-text mode only the mediator's writes go in (the organizer's while the room has no
 * mediator), and nobody's write may touch a locked clause. Rooms with neither cost one lookup.
 */
export function governanceWriteRules(modes: RoomModes, store: Store): RoomHook {
  return {
    name: 'governance-write-rules',
    async beforeWrite(room, write) {
      const state = await modes.getMediationState(room.id);
      if (state.mode !== 'single-text' && state.locks.length === 0) return null;
      const { member } = write;
      if (
        state.mode === 'single-text' &&
        member.role !== 'mediator' &&
        // Without a mediator the organizer facilitates, and so holds the pen.
        !(member.role === 'organizer' && !(await mediatorPresent(store, room.id)))
      ) {
        return {
          code: 'single-text-mode',
          message:
            'Single-text mode is on: only the mediator edits the document; comment on the draft or vote on it instead. Your change was not saved.',
        };
      }
      const locked = write.touchedClauses().filter((id) => state.locks.includes(id));
      if (locked.length > 0) {
        return {
          code: 'clause-locked',
          message: `${locked.length === 1 ? 'Clause' : 'Clauses'} ${locked.join(', ')} ${
            locked.length === 1 ? 'is' : 'are'
          } locked; your change was not saved.`,
        };
      }
      return null;
    },
  };
}
