// A live connection as a room sees it: who it is, what it may be sent, how to end it. The
// /collab websocket connection implements it; the room knows nothing of websockets.
import type { MemberClaims } from '@parley/shared/protocol';

export interface Peer {
  readonly member: MemberClaims;
  /** Awareness client ids this connection has claimed in its room. */
  readonly awarenessIds: Set<number>;
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
}
