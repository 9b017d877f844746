// What the members feature needs from the rest of the server.
import type { TokenService } from '../../auth/tokens';
import type { RoomBroadcaster } from '../../realtime';
import type { RoomRuntime } from '../../rooms';
import type { MemberStore, RoomStore } from '../../store/types';
import type { AuditLog } from '../audit';

/** Why a member's live connections end: shown to them, and it decides how /collab closes. */
export interface SessionEndReason {
  code: 'revoked' | 'consent-withdrawn' | 'consent-pending' | 'member-changed';
  message: string;
}

export interface MembersDeps {
  store: MemberStore & Pick<RoomStore, 'getRoom'>;
  tokens: TokenService;
  rooms: Pick<RoomRuntime, 'getDoc'>;
  audit: Pick<AuditLog, 'append'>;
  broadcast: RoomBroadcaster;
  /** Base of invite links: PUBLIC_URL, or the address the server listens on. */
  publicUrl(): string;
  /** Ends every live connection (collab and Socket.IO) of a member at once, saying why. */
  endSessions(roomId: string, memberId: string, reason: SessionEndReason): void;
  now(): number;
}
