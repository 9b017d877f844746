// The room hook that records sign-offs a stored change broke (and those it made hold again), and
// freezes the sheet when everything signed holds: after each stored change, at most one check in
// flight, and none left pending when the room unloads.
import type { RoomHook } from '../../rooms';
import type { AgreementDeps } from './deps';
import { Coalesced, agreementSlot } from './roomState';
import { voidBrokenSignOffs, voidBrokenSignOffsIn } from './signoff';

export function signOffVoidingHook(deps: AgreementDeps): RoomHook {
  return {
    name: 'sign-off-voiding',
    afterStore(room) {
      const state = room.slot(agreementSlot);
      // Rooms nobody signed in pay nothing more on the update path.
      if (state.signOffs !== null && state.signOffs.length === 0) return;
      state.voiding ??= new Coalesced(() =>
        voidBrokenSignOffs(deps, room.id).catch((error: unknown) => {
          deps.logger.warn({ err: error, roomId: room.id }, 'sign-offs not rechecked');
        }),
      );
      state.voiding.request();
    },
    async onUnload(room) {
      const { voiding } = room.slot(agreementSlot);
      if (voiding === null) return;
      // Checked here, on the room as it leaves: a check still waiting would load it again.
      await voidBrokenSignOffsIn(deps, room);
    },
  };
}
