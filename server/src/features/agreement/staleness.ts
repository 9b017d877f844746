// The room hook that makes open proposals stale when their clause changes underneath them.
import type { RoomHook } from '../../rooms';
import type { AgreementDeps } from './deps';
import { recheckProposals } from './proposals';

export function proposalStalenessHook(deps: AgreementDeps): RoomHook {
  return {
    name: 'proposal-staleness',
    afterStore(room, change) {
      recheckProposals(deps, room.id, change.clauseIds).catch((error: unknown) => {
        deps.logger.warn({ err: error, roomId: room.id }, 'proposals not rechecked');
      });
    },
  };
}
