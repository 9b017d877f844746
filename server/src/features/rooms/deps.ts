// What the rooms feature needs from the rest of the server.
import type { TokenService } from '../../auth/tokens';
import type { RoomRuntime } from '../../rooms';
import type { MemberStore, RoomStore } from '../../store/types';

export interface RoomsDeps {
  store: RoomStore & MemberStore;
  tokens: TokenService;
  rooms: Pick<RoomRuntime, 'getDoc'>;
  /** Base of invite links: PUBLIC_URL, or the address the server listens on. */
  publicUrl(): string;
  now(): number;
}
