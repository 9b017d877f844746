/** Largest /collab WebSocket message; bigger ones close the connection with 1009. */
export const MAX_MESSAGE_BYTES = 2 * 1024 * 1024;
/** Largest REST request body (a term sheet import is the biggest thing anyone sends). */
export const MAX_REST_BODY_BYTES = 2 * 1024 * 1024;
/** Largest Socket.IO message. */
export const MAX_SOCKET_PAYLOAD_BYTES = 256 * 1024;
export const MAX_TITLE_LENGTH = 200;
export const MAX_NAME_LENGTH = 100;
export const MAX_ID_LENGTH = 128;
