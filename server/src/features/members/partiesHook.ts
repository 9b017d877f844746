// Watches the term sheet's party list: a party added to (or taken off) the sheet changes whose
// consent an appointment needs, so every appointment is reviewed at once.
import { readRoomParties } from '@parley/shared/room';
import type { Logger } from 'pino';
import type { RoomContext, RoomHook } from '../../rooms';
import { roomSlot } from '../../rooms';
import { reviewAppointments } from './consent';
import type { MembersDeps } from './deps';

/** The party ids of the sheet as last seen, to tell a party change from any other write. */
const partiesSlot = roomSlot('members-parties', () => ({ key: null as string | null }));

function partiesKey(room: RoomContext): string {
  return JSON.stringify(readRoomParties(room.doc).map((p) => p.id));
}

export function consentPartiesHook(ctx: MembersDeps, logger: Logger): RoomHook {
  return {
    name: 'members-consent-parties',
    onLoad(room) {
      room.slot(partiesSlot).key = partiesKey(room);
    },
    // The instance that stored a party change reviews the appointments; here it is only noted.
    onStoredElsewhere(room) {
      room.slot(partiesSlot).key = partiesKey(room);
    },
    afterStore(room) {
      const seen = room.slot(partiesSlot);
      const key = partiesKey(room);
      if (seen.key === key) return;
      seen.key = key;
      // Runs in the write queue: the review goes on after it, not in it.
      void reviewAppointments(ctx, room.id).catch((error: unknown) =>
        logger.error({ err: error, roomId: room.id }, 'appointments could not be reviewed'),
      );
    },
  };
}
