// The sizes and rates the server holds every client to, defined once for both ends.
/** Largest /collab WebSocket message; bigger ones close the connection with 1009. */
export const MAX_MESSAGE_BYTES = 2 * 1024 * 1024;
/** Largest REST request body (a term sheet import is the biggest thing anyone sends). */
export const MAX_REST_BODY_BYTES = 2 * 1024 * 1024;
/** Largest Socket.IO message. */
export const MAX_SOCKET_PAYLOAD_BYTES = 256 * 1024;
export const MAX_TITLE_LENGTH = 200;
export const MAX_NAME_LENGTH = 100;
export const MAX_ID_LENGTH = 128;

/** Largest encoded room document; a write that would make it bigger is refused. */
export const MAX_DOC_BYTES = 8 * 1024 * 1024;
/**
 * Largest total of received updates still waiting for a predecessor that never arrived; a
 * connection sending more is closed (a real client never needs any).
 */
export const MAX_PENDING_UPDATE_BYTES = 256 * 1024;
/** Stored document changes a member may make per minute (all their connections together)... */
export const UPDATES_PER_MINUTE = 1_200;
/** ...and in a burst. */
export const UPDATE_BURST = 600;
/** Live /collab connections one member may hold in one room (tabs, devices). */
export const MAX_COLLAB_CONNECTIONS_PER_MEMBER = 8;
/** Live Socket.IO connections one member may hold. */
export const MAX_SOCKETS_PER_MEMBER = 8;
/** Presence client ids one /collab connection may speak for (its document, and one reload). */
export const MAX_PRESENCE_IDS_PER_CONNECTION = 2;
/** Largest presence state of one client id, in characters of JSON. */
export const MAX_PRESENCE_STATE_CHARS = 4 * 1024;
/** Focus changes a member may announce per minute, and in a burst. */
export const FOCUS_PER_MINUTE = 120;
export const FOCUS_BURST = 20;
/** Rooms one address may create per hour, and in a burst. */
export const ROOMS_PER_HOUR_PER_ADDRESS = 30;
export const ROOM_BURST_PER_ADDRESS = 10;
