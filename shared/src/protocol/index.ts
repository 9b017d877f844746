export { closeCodes } from './close-codes';
export type { CloseCode, CloseCodeName } from './close-codes';
export {
  MAX_MESSAGE_BYTES,
  MAX_REST_BODY_BYTES,
  MAX_SOCKET_PAYLOAD_BYTES,
  MAX_TITLE_LENGTH,
  MAX_NAME_LENGTH,
  MAX_ID_LENGTH,
} from './limits';
export { errorCodes, errorBodySchema, restErrorSchema, ackOk, ackError } from './ack';
export type { ErrorCode, ErrorBody, RestError, Ack, AckCallback } from './ack';
export {
  tokenClaimsSchema,
  memberClaimsSchema,
  memberFromClaims,
  tokenStorageKey,
  roomLink,
} from './tokens';
export type { TokenClaims, MemberClaims } from './tokens';
export {
  createRoomRequestSchema,
  createRoomResponseSchema,
  createInviteRequestSchema,
  createInviteResponseSchema,
  memberInfoSchema,
  inviteListResponseSchema,
  roomPartySchema,
  meResponseSchema,
} from './rest';
export type {
  CreateRoomRequest,
  CreateRoomResponse,
  CreateInviteRequest,
  CreateInviteResponse,
  MemberInfo,
  InviteListResponse,
  RoomParty,
  MeResponse,
} from './rest';
export {
  presenceFocusSchema,
  roomStateRequestSchema,
  presenceEntrySchema,
  presenceStateSchema,
} from './presence';
export type { PresenceFocus, RoomStateRequest, PresenceEntry, PresenceState } from './presence';
export { saveStatusSchema, isSavedUpTo, stateVectorToRecord } from './save-status';
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
  postCommentRequestSchema,
} from './comments';
export type {
  CreateThreadRequest,
  ReplyRequest,
  EditCommentRequest,
  CommentRefRequest,
  ThreadRefRequest,
  ListThreadsRequest,
  MarkNotificationsRequest,
  PostCommentRequest,
} from './comments';
export { commentClientEvents } from './comments-events';
export type {
  CommentEvent,
  ThreadListResult,
  NotificationListResult,
  CommentServerToClientEvents,
  CommentClientToServerEvents,
} from './comments-events';
export { agreementClientEvents, agreementEmptyRequestSchema } from './mediation-agreement';
export type {
  ProposalListResult,
  OverlapListResult,
  AgreementServerToClientEvents,
  AgreementClientToServerEvents,
} from './mediation-agreement';
export { governanceClientEvents } from './mediation-governance';
export type {
  GovernanceSnapshot,
  DisputeListResult,
  DraftListResult,
  CaucusListResult,
  GovernanceServerToClientEvents,
  GovernanceClientToServerEvents,
} from './mediation-governance';
