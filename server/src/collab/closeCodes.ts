/**
 * WebSocket close codes of /collab/:roomId. y-websocket clients do not reconnect after a code in
 * 4400-4499 (a decision reconnecting cannot fix) and do reconnect after any other code.
 */
export const COLLAB_CLOSE = {
  /** The server is shutting down; reconnect later. */
  goingAway: 1001,
  /** Per-connection rate limit exceeded. */
  rateLimited: 1008,
  /** Message larger than the limit (sent by ws itself when maxPayload is exceeded). */
  tooBig: 1009,
  /** Message that is not a valid y-websocket / Yjs message. Permanent: resending it fails again. */
  malformed: 4400,
  /** Membership revoked or token no longer valid. */
  revoked: 4403,
  /** The store refused a write; the room was reset and reloads from the store on reconnect. */
  storeFailed: 4500,
  /** The room could not be loaded from the store; try again later. */
  loadFailed: 4503,
} as const;
