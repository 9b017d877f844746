// What the members feature needs from the rest of the server.
import type { TokenService } from '../../auth/tokens';
import type { RoomRuntime } from '../../rooms';
import type { MemberStore } from '../../store/types';
import type { AuditLog } from '../audit';

export interface MembersDeps {
  store: MemberStore;
  tokens: TokenService;
  rooms: Pick<RoomRuntime, 'getDoc'>;
  audit: Pick<AuditLog, 'append'>;
  /** Base of invite links: PUBLIC_URL, or the address the server listens on. */
  publicUrl(): string;
  /** Ends every live connection (collab and Socket.IO) of a member at once. */
  disconnectMember(roomId: string, memberId: string): void;
  now(): number;
}
