// What the rooms feature needs from the rest of the server.
import type { TokenService } from '../../auth/tokens';
import type { AuditLog } from '../audit';
import type { RoomRuntime } from '../../rooms';
import type { MemberStore, RoomStore } from '../../store/types';

export interface RoomsDeps {
  store: RoomStore & MemberStore;
  tokens: TokenService;
  rooms: Pick<RoomRuntime, 'getDoc'>;
  /** Every room's log starts with its creation, so a log deleted whole shows. */
  audit: Pick<AuditLog, 'recordRoomCreated'>;
  /** Base of invite links: PUBLIC_URL, or the address the server listens on. */
  publicUrl(): string;
  now(): number;
}
