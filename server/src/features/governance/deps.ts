// What the governance services need from the rest of the server.
import type { RoomBroadcaster } from '../../realtime';
import type { RoomRuntime } from '../../rooms';
import type { MemberStore } from '../../store/types';
import type { AuditLog } from '../audit';
import type { GovernanceStates } from './state';
import type { GovernanceStore } from './storeTypes';

export interface GovernanceDeps {
  store: GovernanceStore & MemberStore;
  audit: Pick<AuditLog, 'append'>;
  states: GovernanceStates;
  rooms: Pick<RoomRuntime, 'getDoc' | 'hold'>;
  broadcast: RoomBroadcaster;
  now(): number;
}
