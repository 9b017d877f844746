/**
 * WebSocket close codes of /collab/:roomId. Codes 4400-4499 are decisions reconnecting cannot
 * fix; any other code is worth a reconnect later. Refusals at the upgrade (no or bad token,
 * unknown room, origin) are HTTP statuses, not close codes.
 */
export const closeCodes = {
  normal: 1000,
  /** The server is shutting down; reconnect later. */
  goingAway: 1001,
  /** Per-connection rate limit exceeded. */
  rateLimited: 1008,
  /** A message over MAX_MESSAGE_BYTES. */
  messageTooBig: 1009,
  internalError: 1011,
  /** The member's role changed: reconnect, and the connection works under the new role. */
  memberChanged: 4100,
  /** A frame that is not a valid y-websocket / Yjs message. */
  malformedMessage: 4400,
  /** The token is no longer valid. */
  unauthorized: 4401,
  /** The member's seat was revoked, or a party withdrew its consent to this mediator/observer. */
  revoked: 4403,
  roomNotFound: 4404,
  /** The store refused a write; the room reloads from the store on reconnect. */
  storeFailed: 4500,
  /** The room could not be loaded from the store; nothing was sent or overwritten. */
  loadFailed: 4503,
} as const;

export type CloseCodeName = keyof typeof closeCodes;
export type CloseCode = (typeof closeCodes)[CloseCodeName];

/** The WebSocket protocol carries at most 123 bytes of close reason. */
export const MAX_CLOSE_REASON_BYTES = 123;

/** Bytes of `text` in UTF-8 (shared/ has no TextEncoder type: it assumes no runtime's API). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** `reason` cut to what a close frame can carry, on a character boundary, marked with "…". */
export function closeReason(reason: string): string {
  if (utf8Length(reason) <= MAX_CLOSE_REASON_BYTES) return reason;
  // "…" takes 3 bytes; the characters before it take the rest.
  let bytes = 3;
  let cut = '';
  for (const char of reason) {
    bytes += utf8Length(char);
    if (bytes > MAX_CLOSE_REASON_BYTES) break;
    cut += char;
  }
  return `${cut}…`;
}
