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
  close(): void;
}

/** Proposals, sign-offs and confidential positions, sharing one queue of changes per room. */
export function createAgreement(deps: AgreementDeps): Agreement {
  const queue = new RoomQueue();
  const proposals = new ProposalsService(deps, queue);
  const signOffs = new SignOffService(deps, queue);
  const positions = new PositionsService(deps, queue);
  const services = { proposals, signOffs, positions };
  return {
    services,
    realtime: agreementRealtime(services),
    close() {
      proposals.close();
      signOffs.close();
    },
  };
}
