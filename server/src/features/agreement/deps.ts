// What proposals, sign-offs and positions need from the rest of the server.
import type { Logger } from 'pino';
import type { RoomBroadcaster } from '../../realtime';
import type { RoomRuntime } from '../../rooms';
import type { AuditLog } from '../audit';
import type { AgreementStore } from './storeTypes';

export interface AgreementDeps {
  store: AgreementStore;
  rooms: Pick<RoomRuntime, 'getDoc' | 'hold' | 'applyServerChange'>;
  audit: Pick<AuditLog, 'append'>;
  broadcast: RoomBroadcaster;
  /** In single-text mode accepted proposals wait for the mediator to apply them. */
  mediationMode(roomId: string): Promise<'normal' | 'single-text'>;
  logger: Logger;
  now(): number;
}
