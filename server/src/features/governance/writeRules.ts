// The room hook that enforces the agreement freeze, locks and single-text mode on every write.
import type { RoomContext, RoomHook, WriteAttempt } from '../../rooms';
import type { MemberStore } from '../../store/types';
import { mediatorPresent } from './rules';
import { roomGovernance } from './state';
import type { RoomGovernance } from './state';

/**
 * An agreed sheet takes no write until it is reopened. In single-text mode only the mediator's
 * writes go in (the organizer's while the room has no mediator), and the parties' suggestions in
 * clause text when `suggestsOnly` says a write is nothing more; nobody's write may touch a locked
 * clause. Rooms with none of these pay nothing more than reading the room's state.
 */
export function governanceWriteRules(
  store: MemberStore,
  suggestsOnly: (room: RoomContext, write: WriteAttempt) => boolean = () => false,
  /** The state to decide on; the room's copy unless several instances share the room. */
  current: (room: RoomContext) => Promise<RoomGovernance> | RoomGovernance = roomGovernance,
): RoomHook {
  return {
    name: 'governance-write-rules',
    async beforeWrite(room, write) {
      const state = await current(room);
      if (state.agreedAt !== null) {
        return {
          code: 'agreement-frozen',
          message:
            'Every party has agreed to this term sheet, so it is frozen: an organizer (or the mediator) must reopen it before anyone edits. Your change was not saved.',
        };
      }
      if (state.mode !== 'single-text' && state.locks.size === 0) return null;
      const { member } = write;
      if (
        state.mode === 'single-text' &&
        member.role !== 'mediator' &&
        // Without a mediator the organizer facilitates, and so holds the pen.
        !(
          member.role === 'organizer' &&
          !(await mediatorPresent({ store, rooms: { getDoc: async () => room.doc } }, room.id))
        ) &&
        !suggestsOnly(room, write)
      ) {
        return {
          code: 'single-text-mode',
          message:
            'Single-text mode is on: only the mediator edits the document; suggest changes to clause text, comment on the draft or vote on it instead. Your change was not saved.',
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
