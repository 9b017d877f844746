// Socket.IO: the typed server, the audience channels, the broadcaster services push through,
// and the session handling every feature's events run under.
export { createIo } from './io';
export type { ParleyIo, ParleySocket } from './io';
export {
  channelOf,
  channelsOf,
  everyone,
  memberAudience,
  partyAudience,
  roleAudience,
} from './channels';
export type { Audience } from './channels';
export { createBroadcaster } from './broadcaster';
export type { RoomBroadcaster, RoomEmitter } from './broadcaster';
export { presenceEverywhere } from './presenceEverywhere';
export { attachSocketServer } from './socketServer';
export type { EventHandler, SocketHandlers, SocketServer } from './socketServer';
export { invalidPayload, route, router } from './route';
