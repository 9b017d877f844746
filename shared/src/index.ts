export const TERMSHEET_FORMAT = 'parley.termsheet/v1';

// engine

// templates
export { isTemplateId, templateIds, templates, templateSummaries } from './templates';
export type { TemplateId, TemplateSummary } from './templates';
export { formatValueTable, formatMinorUnits, currencyDigits } from './report';

// room document

// roles and permissions
export {
  roleIds,
  roleSchema,
  roleHasParty,
  actionIds,
  can,
  canEditDocument,
  caucusScope,
  partyPalette,
  mediatorColor,
  observerColor,
  partyColor,
  memberColor,
} from './permissions';
export type { Role, Action, PermissionContext } from './permissions';

// protocol
export {
  closeCodes,
  MAX_MESSAGE_BYTES,
  MAX_REST_BODY_BYTES,
  MAX_SOCKET_PAYLOAD_BYTES,
  MAX_TITLE_LENGTH,
  MAX_NAME_LENGTH,
  MAX_ID_LENGTH,
  errorCodes,
  errorBodySchema,
  restErrorSchema,
  ackOk,
  ackError,
  tokenClaimsSchema,
  memberClaimsSchema,
  memberFromClaims,
  tokenStorageKey,
  roomLink,
  createRoomRequestSchema,
  createRoomResponseSchema,
  createInviteRequestSchema,
  createInviteResponseSchema,
  memberInfoSchema,
  inviteListResponseSchema,
  roomPartySchema,
  meResponseSchema,
  presenceFocusSchema,
  presenceEntrySchema,
  presenceStateSchema,
  saveStatusSchema,
  isSavedUpTo,
  stateVectorToRecord,
} from './protocol';
export type {
  CloseCode,
  CloseCodeName,
  ErrorCode,
  ErrorBody,
  RestError,
  Ack,
  AckCallback,
  TokenClaims,
  MemberClaims,
  CreateRoomRequest,
  CreateRoomResponse,
  CreateInviteRequest,
  CreateInviteResponse,
  MemberInfo,
  InviteListResponse,
  RoomParty,
  MeResponse,
  PresenceFocus,
  PresenceEntry,
  PresenceState,
  SaveStatus,
  RoomStateSnapshot,
  SessionEnded,
  ServerToClientEvents,
  ClientToServerEvents,
  InterServerEvents,
  SocketData,
} from './protocol';
