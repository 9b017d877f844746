// The wire protocol between client and server: close codes, limits, token claims, and the payloads
// and event maps of REST and Socket.IO.
export { closeCodes, closeReason, MAX_CLOSE_REASON_BYTES } from './close-codes';
export {
  CLUSTER_MESSAGE_VERSION,
  clusterControlMessageSchema,
  clusterEndSessionsSchema,
} from './cluster';
export type { ClusterControlMessage } from './cluster';

export {
  FOCUS_BURST,
  FOCUS_PER_MINUTE,
  MAX_COLLAB_CONNECTIONS_PER_MEMBER,
  MAX_DOC_BYTES,
  MAX_ID_LENGTH,
  MAX_MESSAGE_BYTES,
  MAX_NAME_LENGTH,
  MAX_PENDING_UPDATE_BYTES,
  MAX_PRESENCE_IDS_PER_CONNECTION,
  MAX_PRESENCE_STATE_CHARS,
  MAX_REST_BODY_BYTES,
  MAX_SOCKET_PAYLOAD_BYTES,
  MAX_SOCKETS_PER_MEMBER,
  MAX_TITLE_LENGTH,
  ROOM_BURST_PER_ADDRESS,
  ROOMS_PER_HOUR_PER_ADDRESS,
  UPDATE_BURST,
  UPDATES_PER_MINUTE,
} from './limits';
export { ackOk, ackError } from './ack';
export type { Ack } from './ack';
export { actorOf, actorSchema, tokenClaimsSchema, tokenKinds, roomLink } from './tokens';
export type { Actor, TokenClaims, TokenKind, MemberClaims } from './tokens';
export { createRoomRequestSchema, createInviteRequestSchema } from './rest';
export type {
  CreateRoomRequest,
  CreateRoomResponse,
  CreateInviteRequest,
  CreateInviteResponse,
  MemberInfo,
  InviteListResponse,
  JoinResponse,
  MeResponse,
} from './rest';
export {
  consentDecideRequestSchema,
  consentRequestSchema,
  membersClientEvents,
  updateMemberRequestSchema,
} from './members';
export type {
  Appointment,
  AppointmentListResult,
  ConsentDecision,
  ConsentState,
  InviteReused,
  MemberRef,
  PartyConsent,
  SeatStatus,
  UpdateMemberRequest,
} from './members';
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
export {
  MAX_SERVER_PATHS,
  analysisClientEvents,
  riskRequestSchema,
  settlementRequestSchema,
} from './analysis';
export type { RiskRequest, SettlementAnswer, SettlementRequest } from './analysis';
