// The server's analyses over Socket.IO: thin handlers that parse, then call the services.
import {
  analysisClientEvents,
  riskRequestSchema,
  settlementRequestSchema,
} from '@parley/shared/protocol';
import { router } from '../../realtime';
import type { SocketHandlers } from '../../realtime';
import type { AnalysisDeps } from './deps';
import { roomRisk } from './risk';
import { fairSettlement } from './settlement';

export function analysisSockets(deps: AnalysisDeps): SocketHandlers {
  return {
    events: analysisClientEvents,
    connect(socket, on) {
      const handle = router(on);
      const member = socket.data.member;
      handle('analysis:risk', riskRequestSchema, (p) => roomRisk(deps, member, p));
      handle('analysis:settlement', settlementRequestSchema, (p) =>
        fairSettlement(deps, member, p),
      );
    },
  };
}
