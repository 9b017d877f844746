// Room hooks of the agreement: a stored change can make proposals stale and void sign-offs.
import type { RoomHook } from '../rooms';
import type { ProposalsService } from './proposals';
import type { SignOffService } from './signoff';

export function proposalStalenessHook(
  proposals: ProposalsService,
  warn: (error: unknown, roomId: string) => void,
): RoomHook {
  return {
    name: 'proposal-staleness',
    afterStore(room, change) {
      proposals
        .docChanged(room.id, change.clauseIds)
        .catch((error: unknown) => warn(error, room.id));
    },
  };
}

export function signOffVoidingHook(signOffs: SignOffService): RoomHook {
  return {
    name: 'sign-off-voiding',
    afterStore(room) {
      signOffs.docChanged(room.id);
    },
  };
}
