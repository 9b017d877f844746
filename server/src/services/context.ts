import type * as Y from 'yjs';
import type { Store } from '../store/types';
import type { TokenService } from '../auth/tokens';

/** What the services need from the rest of the server. */
export interface ServiceContext {
  store: Store;
  tokens: TokenService;
  /** The room's live document (loaded on demand). Read only. */
  getDoc(roomId: string): Promise<Y.Doc>;
  /** Base of invite links: PUBLIC_URL, or the address the server listens on. */
  publicUrl(): string;
  /** Ends every live connection (collab and Socket.IO) of a member at once. */
  disconnectMember(roomId: string, memberId: string): void;
  now(): number;
  /** Records a server-authoritative action in the room's audit log. */
  audit?(
    roomId: string,
    entry: {
      actorId: string | null;
      action: string;
      target?: string;
      details?: Record<string, unknown>;
    },
  ): Promise<unknown>;
}
