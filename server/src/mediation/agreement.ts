import type { Logger } from 'pino';
import { agreementRealtime } from '../realtime/agreement';
import type { AgreementServices } from '../realtime/agreement';
import type { RealtimeFeature } from '../realtime/socket-server';
import type { AgreementDeps } from './agreementDeps';
import { RoomQueue } from './agreementDeps';
import { PositionsService } from './positions';
import { ProposalsService } from './proposals';
import { SignOffService } from './signoff';

export interface Agreement {
  services: AgreementServices;
  realtime: RealtimeFeature;
  /** Feed every stored document change here (collab.onDocChanged). */
  docChanged(roomId: string, clauseIds: readonly string[]): void;
  close(): void;
}

/** Proposals, sign-offs and confidential positions, sharing one queue of changes per room. */
export function createAgreement(deps: AgreementDeps, logger: Logger): Agreement {
  const queue = new RoomQueue();
  const proposals = new ProposalsService(deps, queue);
  const signOffs = new SignOffService(deps, queue);
  const positions = new PositionsService(deps, queue);
  const services = { proposals, signOffs, positions };
  return {
    services,
    realtime: agreementRealtime(services),
    docChanged(roomId, clauseIds) {
      proposals.docChanged(roomId, clauseIds).catch((error: unknown) => {
        logger.warn({ err: error, roomId }, 'proposals not rechecked after a document change');
      });
      signOffs.docChanged(roomId);
    },
    close() {
      proposals.close();
      signOffs.close();
    },
  };
}
