// Activity: tells the room who changed which parameter and what it was before, so every client
// can show "changed by Ada (Northwind), was 45 %" next to the value.
import type { Logger } from 'pino';
import type { Feature } from '../../feature';
import type { RoomBroadcaster } from '../../realtime';
import type { Store } from '../../store';
import { activityHook } from './activityHook';

export interface ActivityFeatureDeps {
  store: Pick<Store, 'getMember'>;
  broadcast: RoomBroadcaster;
  logger: Logger;
  now(): number;
}

export function createActivityFeature(deps: ActivityFeatureDeps): Feature {
  return {
    name: 'activity',
    hooks: [
      activityHook({
        broadcast: deps.broadcast,
        now: deps.now,
        member: async (roomId, memberId) => {
          const record = await deps.store.getMember(roomId, memberId);
          return record ? { name: record.name, partyId: record.partyId } : undefined;
        },
        onError: (error, roomId) =>
          deps.logger.warn({ err: error, roomId }, 'activity event not sent'),
      }),
    ],
  };
}
