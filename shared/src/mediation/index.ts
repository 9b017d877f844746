// The mediation domain: governance audit entries and schemas, proposals, sign-offs,
// confidential positions and the content hashes that bind them.
export {
  AUDIT_GENESIS_HASH,
  AUDIT_EXPORT_FORMAT,
  AUDIT_EXPORT_FORMAT_V1,
  AUDIT_ROOM_CHAIN,
  auditPartyChain,
  partyOfAuditChain,
  auditDetailsSchema,
  auditChainSchema,
  auditEntrySchema,
  redactedAuditEntrySchema,
  auditExportEntrySchema,
  isRedactedAuditEntry,
  auditHeadSchema,
  auditChainHeadSchema,
  auditVerificationSchema,
  auditReaderSchema,
  auditExportSchema,
  legacyAuditExportSchema,
  canonicalAuditJson,
  canonicalAuditEntryV1,
  canonicalAuditEntryV2,
  canonicalAuditHead,
  signedDocumentPayload,
} from './governance-audit';
export type {
  AuditEntry,
  RedactedAuditEntry,
  AuditExportEntry,
  AuditDetails,
  UnhashedAuditEntry,
  AuditHead,
  AuditChainHead,
  AuditVerification,
  AuditReader,
  AuditExport,
} from './governance-audit';
export {
  AUDIT_JOIN_ACTIONS,
  requiredPartyChains,
  verifyAuditChain,
  verifyAuditChains,
  extendsAuditHead,
} from './audit-verify';
export type { AuditHashCheck, AuditChainsInput } from './audit-verify';
export {
  AUDIT_PUBLIC_KEY_PATH,
  auditPublicJwkSchema,
  auditKeySetSchema,
  auditSignatureHeaderSchema,
} from './audit-signature';
export type { AuditPublicJwk, AuditKeySet, AuditSignatureHeader } from './audit-signature';
export {
  mediationModeSchema,
  draftVoteSchema,
  disputeStatusSchema,
  caucusMessageSchema,
  clauseRefRequestSchema,
  setModeRequestSchema,
  setAgendaRequestSchema,
  setAgendaCurrentRequestSchema,
  publishDraftRequestSchema,
  voteDraftRequestSchema,
  openDisputeRequestSchema,
  disputeRefRequestSchema,
  resolveDisputeRequestSchema,
  listDisputesRequestSchema,
  caucusSendRequestSchema,
  caucusListRequestSchema,
  breakRequestSchema,
  breakRequestedSchema,
  MAX_BREAK_MINUTES,
  MAX_BREAK_REASON_LENGTH,
} from './governance-schemas';
export type {
  MediationMode,
  MediationState,
  DraftVoteValue,
  Draft,
  DisputeStatus,
  Dispute,
  CaucusMessage,
  BreakRequestInput,
  BreakRequested,
  SetAgendaRequest,
  OpenDisputeRequest,
} from './governance-schemas';
export {
  assumptionsHash,
  clauseContentHash,
  clauseHashes,
  contentHash,
  headerHash,
  valueResultHash,
} from './hash';
export {
  proposalChangeSchema,
  createProposalRequestSchema,
  counterProposalRequestSchema,
  proposalRefRequestSchema,
  decideProposalRequestSchema,
  proposalSchema,
  applyProposalChange,
  newErrors,
  proposalBlockers,
  proposalImpact,
  requiredParties,
  pendingParties,
  decisionOutcome,
  partyIdsOf,
} from './proposal';
export type {
  ParamChange,
  ProposalChange,
  CreateProposalRequest,
  CounterProposalRequest,
  DecideProposalRequest,
  ProposalActor,
  Proposal,
  ProposalImpact,
  ProposalView,
} from './proposal';
export { signOffRequestSchema, signOffSchema, signOffBreach, agreementStatus } from './signoff';
export type { VoidReason, SignOff, SignOffState, SignOffVoidedEvent, LiveHashes } from './signoff';
export {
  positionKeySchema,
  setPositionRequestSchema,
  sharePositionRequestSchema,
  parameterRefSchema,
  positionSchema,
  overlapPublicationSchema,
  zopa,
  overlapViews,
} from './positions';
export type {
  PositionBound,
  PositionKey,
  SetPositionRequest,
  SharePositionRequest,
  ParameterRef,
  Position,
  OverlapView,
  OverlapPublication,
  PositionList,
} from './positions';
export { MAX_PROPOSAL_TEXT_LENGTH, MAX_RATIONALE_LENGTH } from './proposal';
export {
  MAX_CAUCUS_MESSAGE_LENGTH,
  MAX_DRAFT_NOTE_LENGTH,
  MAX_POSITION_LENGTH,
} from './governance-schemas';
