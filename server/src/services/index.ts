export { ServiceError } from './errors';
export type { ServiceContext } from './context';
export { createRoom, initialTermSheet } from './rooms';
export { createInvite, listInvites, revokeInvite, memberInfo } from './invites';
export { exportRoomTermSheet, computeRoomValue, describeMember } from './room-read';
export { readRoomParties, partyIndexOf } from './room-parties';
export type { DocParty } from './room-parties';
