// The room hook that enforces locks and single-text mode on every document write.
import type { RoomHook } from '../../rooms';
import type { MemberStore } from '../../store/types';
import { mediatorPresent } from './rules';
import { roomGovernance } from './state';

/**
 * In single-text mode only the mediator's writes go in (the organizer's while the room has no
 * mediator), and nobody's write may touch a locked clause. Rooms with neither pay
 * nothing more than reading the room's state.
 */
export function governanceWriteRules(store: MemberStore): RoomHook {
  return {
    name: 'governance-write-rules',
    async beforeWrite(room, write) {
      const state = roomGovernance(room);
      if (state.mode !== 'single-text' && state.locks.size === 0) return null;
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
      const locked = write.effect.clauses.filter((id) => state.locks.has(id));
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
