// The mediation domain: governance audit entries and schemas, proposals, sign-offs,
// confidential positions and the content hashes that bind them.
export {
  AUDIT_GENESIS_HASH,
  AUDIT_EXPORT_FORMAT,
  auditDetailsSchema,
  auditEntrySchema,
  canonicalAuditEntry,
  verifyAuditChain,
} from './governance-audit';
export type {
  AuditEntry,
  UnhashedAuditEntry,
  AuditVerification,
  AuditExport,
} from './governance-audit';
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
} from './governance-schemas';
export type {
  MediationMode,
  MediationState,
  DraftVoteValue,
  Draft,
  DisputeStatus,
  Dispute,
  CaucusMessage,
  SetAgendaRequest,
  OpenDisputeRequest,
} from './governance-schemas';
export { contentHash, clauseContentHash, clauseHashes, valueResultHash } from './hash';
export {
  proposalChangeSchema,
  createProposalRequestSchema,
  counterProposalRequestSchema,
  proposalRefRequestSchema,
  decideProposalRequestSchema,
  proposalSchema,
  applyProposalChange,
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
