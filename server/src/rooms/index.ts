// The room runtime's public surface: hooks, slots and the runtime itself.
export { createRoomRuntime, ROOM_DEFAULTS } from './runtime';
export type { ChangeAttribution, RoomRuntime, RoomRuntimeOptions } from './runtime';
export type {
  AppliedChange,
  PeerInfo,
  RemoteChange,
  RoomContext,
  RoomHook,
  StoredChange,
  WriteAttempt,
  WriteRefusal,
} from './hooks';
export { roomSlot } from './slots';
export type { RoomSlot } from './slots';
export { WriteCheckFailedError } from './hookRunner';
export { Room, UpdateRejectedError } from './room';
export type { ClientUpdateResult } from './room';
export type { Peer } from './peer';
export type { RoomSync, StoredBatch, SyncedRoom } from './sync';
