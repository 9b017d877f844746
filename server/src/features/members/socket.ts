// Consent over Socket.IO: thin handlers that parse, then call the consent services.
import {
  consentDecideRequestSchema,
  emptyRequestSchema,
  membersClientEvents,
} from '@parley/shared/protocol';
import { router } from '../../realtime';
import type { SocketHandlers } from '../../realtime';
import { decideConsent, listAppointments } from './consent';
import type { MembersDeps } from './deps';

export function memberSockets(deps: MembersDeps): SocketHandlers {
  return {
    events: membersClientEvents,
    connect(socket, on) {
      const handle = router(on);
      const member = socket.data.member;
      handle('consent:list', emptyRequestSchema, () => listAppointments(deps, member));
      handle('consent:decide', consentDecideRequestSchema, (p) =>
        decideConsent(deps, member, p.memberId, p.decision),
      );
    },
  };
}
