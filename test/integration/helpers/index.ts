// What the integration and browser tests use to run real servers and talk to them over REST,
// Socket.IO and /collab.
export {
  startServer,
  spawnServer,
  runServerProcess,
  tempDataDir,
  freePort,
  repoRoot,
} from './server';
export type {
  StartServerOptions,
  StartedServer,
  SpawnServerOptions,
  SpawnedServer,
  SpawnResult,
} from './server';
export {
  request,
  createRoom,
  createInvitation,
  join,
  invite,
  consent,
  seatParty,
  seatParties,
  appoint,
  roomWithEveryRole,
} from './api';
export type { JoinedInvite, JsonResponse, PartyOrganizers, RoomWithMembers } from './api';
export { connectSocket, emitWithAck, collect } from './socket';
export type { ParleyClientSocket } from './socket';
export { connectCollab } from './collab';
export { freshDatabase, startCluster, startRedis, testRoomStream } from './cluster';
export type { TestCluster, TestDatabase, TestRedis } from './cluster';
export type { CollabClient } from './collab';
export {
  NOTES_CLAUSE,
  NOTES_START,
  createNotesRoom,
  notesLog,
  notesTermSheet,
  notesText,
  setNotesTitle,
} from './notes';
