// What versions, compare and restore need from the rest of the server.
import type { Logger } from 'pino';
import type { CreateProposalRequest, ProposalView } from '@parley/shared/mediation';
import type { MemberClaims } from '@parley/shared/protocol';
import type { EnginePool } from '../../engine';
import type { RoomRuntime } from '../../rooms';
import type { AuditLog } from '../audit';
import type { VersionStore } from './storeTypes';

export interface VersionDeps {
  store: VersionStore;
  rooms: Pick<RoomRuntime, 'hold'>;
  audit: Pick<AuditLog, 'append'>;
  /** Value results are computed on the engine threads. */
  engine: Pick<EnginePool, 'run'>;
  /** Restoring proposes: the proposals service with its own rules. */
  propose(member: MemberClaims, request: CreateProposalRequest): Promise<ProposalView>;
  logger: Logger;
  now(): number;
}
