// What the rooms feature needs from the rest of the server.
import type { TokenService } from '../../auth/tokens';
import type { EnginePool } from '../../engine';
import type { AuditLog } from '../audit';
import type { RoomRuntime } from '../../rooms';
import type { MemberStore, RoomStore } from '../../store/types';
import type { CreationPolicy } from './creationPolicy';

export interface RoomsDeps {
  store: RoomStore & MemberStore;
  tokens: TokenService;
  rooms: Pick<RoomRuntime, 'getDoc'>;
  /** Value results are computed on the engine threads. */
  engine: Pick<EnginePool, 'run'>;
  /** Every room's log starts with its creation, so a log deleted whole shows. */
  audit: Pick<AuditLog, 'recordRoomCreated'>;
  /** Base of invite links: PUBLIC_URL, or the address the server listens on. */
  publicUrl(): string;
  /** Who may create rooms, and how often from one address. */
  creation: CreationPolicy;
  now(): number;
}
