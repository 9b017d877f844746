// What proposals, sign-offs and positions need from the rest of the server.
import type { Logger } from 'pino';
import type { MediationState } from '@parley/shared/mediation';
import type { EnginePool } from '../../engine';
import type { RoomBroadcaster } from '../../realtime';
import type { RoomRuntime } from '../../rooms';
import type { AuditLog } from '../audit';
import type { AgreementStore } from './storeTypes';

export interface AgreementDeps {
  store: AgreementStore;
  rooms: Pick<RoomRuntime, 'getDoc' | 'hold' | 'applyServerChange'>;
  audit: Pick<AuditLog, 'append' | 'head' | 'signDocument'>;
  broadcast: RoomBroadcaster;
  /** The engine threads: hashes, impacts and values are computed there, off the event loop. */
  engine: Pick<EnginePool, 'run'>;
  /**
   * The room's governance: in single-text mode accepted proposals wait for the mediator to apply
   * them, and an agreed sheet takes no change at all.
   */
  governance(roomId: string): Promise<MediationState>;
  /** Every party signed every clause: freeze the sheet as agreed. */
  agreed(roomId: string, at: number): Promise<void>;
  logger: Logger;
  now(): number;
}
