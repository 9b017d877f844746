export { closeCodes } from './close-codes';

export {
  MAX_MESSAGE_BYTES,
  MAX_REST_BODY_BYTES,
  MAX_SOCKET_PAYLOAD_BYTES,
  MAX_ID_LENGTH,
  MAX_NAME_LENGTH,
  MAX_TITLE_LENGTH,
} from './limits';
export { ackOk, ackError } from './ack';
export type { Ack } from './ack';
export { actorOf, actorSchema, tokenClaimsSchema, roomLink } from './tokens';
export type { Actor, TokenClaims, MemberClaims } from './tokens';
export { createRoomRequestSchema, createInviteRequestSchema } from './rest';
export type {
  CreateRoomRequest,
  CreateRoomResponse,
  CreateInviteRequest,
  CreateInviteResponse,
  MemberInfo,
  InviteListResponse,
  MeResponse,
} from './rest';
export { presenceFocusSchema, roomStateRequestSchema } from './presence';
export type { PresenceEntry, PresenceState } from './presence';
export { isSavedUpTo } from './save-status';
export type { SaveStatus } from './save-status';
export type {
  RoomStateSnapshot,
  SessionEnded,
  ServerToClientEvents,
  ClientToServerEvents,
  InterServerEvents,
  SocketData,
} from './socket-events';
export {
  createThreadRequestSchema,
  replyRequestSchema,
  editCommentRequestSchema,
  commentRefRequestSchema,
  threadRefRequestSchema,
  listThreadsRequestSchema,
  emptyRequestSchema,
  markNotificationsRequestSchema,
} from './comments';
export type {
  CreateThreadRequest,
  ReplyRequest,
  EditCommentRequest,
  CommentRefRequest,
  PostCommentRequest,
} from './comments';
export { commentClientEvents } from './comments-events';
export type { CommentEvent, ThreadListResult, NotificationListResult } from './comments-events';
export { agreementClientEvents, agreementEmptyRequestSchema } from './mediation-agreement';
export type { OverlapListResult } from './mediation-agreement';
export { governanceClientEvents } from './mediation-governance';
export type {
  GovernanceSnapshot,
  DisputeListResult,
  CaucusListResult,
} from './mediation-governance';
export { MAX_ACTIVITY_PARAMS, activityChangedSchema, activityParamChangeSchema } from './activity';
export type { ActivityChanged, ActivityParamChange } from './activity';
