// The room hook that voids sign-offs a stored change broke, shortly after edits stop, and before
// the room unloads.
import type { RoomHook } from '../../rooms';
import type { AgreementDeps } from './deps';
import { agreementSlot } from './roomState';
import { voidBrokenSignOffs, voidBrokenSignOffsIn } from './signoff';

export function signOffVoidingHook(deps: AgreementDeps): RoomHook {
  const recheck = (roomId: string) => {
    voidBrokenSignOffs(deps, roomId).catch((error: unknown) => {
      deps.logger.warn({ err: error, roomId }, 'sign-offs not rechecked');
    });
  };
  return {
    name: 'sign-off-voiding',
    afterStore(room) {
      room.slot(agreementSlot).signOffRecheck.touch(() => recheck(room.id));
    },
    async onUnload(room) {
      const { signOffRecheck } = room.slot(agreementSlot);
      if (!signOffRecheck.pending) return;
      signOffRecheck.cancel();
      await voidBrokenSignOffsIn(deps, room);
    },
  };
}
