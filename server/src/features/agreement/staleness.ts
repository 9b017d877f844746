// The room hook that makes open proposals stale when their clause changes underneath them, and
// republishes those whose impact moved: after each stored change, at most one check in flight.
import type { RoomHook } from '../../rooms';
import type { AgreementDeps } from './deps';
import { recheckProposals, recheckProposalsIn } from './proposals';
import { Coalesced, agreementSlot } from './roomState';

export function proposalStalenessHook(deps: AgreementDeps): RoomHook {
  return {
    name: 'proposal-staleness',
    afterStore(room, change) {
      const state = room.slot(agreementSlot);
      for (const id of change.clauseIds) state.touched.add(id);
      // Rooms without a proposal pay nothing more on the update path.
      if (
        state.proposals !== null &&
        !state.proposals.some((p) => p.status === 'open' || p.status === 'accepted')
      ) {
        state.touched.clear();
        return;
      }
      state.staleness ??= new Coalesced(() =>
        recheckProposals(deps, room.id).catch((error: unknown) => {
          deps.logger.warn({ err: error, roomId: room.id }, 'proposals not rechecked');
        }),
      );
      state.staleness.request();
    },
    async onUnload(room) {
      const state = room.slot(agreementSlot);
      // Checked here, on the room as it leaves: a check still waiting would load it again.
      if (state.touched.size > 0) await recheckProposalsIn(deps, room);
    },
  };
}
