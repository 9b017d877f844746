import type { CollabMember } from './types';

/** A live connection as a room sees it. */
export interface Peer {
  readonly member: CollabMember;
  /** Awareness client ids this connection has claimed in its room. */
  readonly awarenessIds: Set<number>;
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
}
