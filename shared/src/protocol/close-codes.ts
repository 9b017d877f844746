/**
 * WebSocket close codes used by /collab (and the reasons Socket.IO sessions end). 1xxx are the
 * standard codes; 44xx mirror the HTTP status a REST call would get for the same refusal.
 */
export const closeCodes = {
  normal: 1000,
  /** The server is shutting down; reconnecting later is fine. */
  goingAway: 1001,
  /** A frame that is not a valid y-websocket / Yjs message. */
  malformedMessage: 1007,
  policyViolation: 1008,
  /** A message over MAX_MESSAGE_BYTES. */
  messageTooBig: 1009,
  internalError: 1011,
  /** The room could not be loaded; nothing was sent or overwritten. Retry later. */
  tryAgainLater: 1013,
  /** No token, a bad signature or an expired token. */
  unauthorized: 4401,
  /** The Origin is not in ALLOWED_ORIGINS, or the role may not do this. */
  forbidden: 4403,
  roomNotFound: 4404,
  /** The member's invite was revoked. */
  revoked: 4410,
  rateLimited: 4429,
} as const;

export type CloseCodeName = keyof typeof closeCodes;
export type CloseCode = (typeof closeCodes)[CloseCodeName];
