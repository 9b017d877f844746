// Schemas of room governance: mode, locks and agenda, single-text drafts and votes, disputes and
// caucus messages, with the request payloads the server validates for each.
import { z } from 'zod';
import { MAX_ID_LENGTH } from '../protocol/limits';
import { roleSchema } from '../permissions/roles';

export const MAX_POSITION_LENGTH = 4000;
export const MAX_DRAFT_NOTE_LENGTH = 2000;
export const MAX_CAUCUS_MESSAGE_LENGTH = 4000;
export const MAX_AGENDA_ITEMS = 500;

const idSchema = z.string().min(1).max(MAX_ID_LENGTH);

export const mediationModes = ['normal', 'single-text'] as const;
export const mediationModeSchema = z.enum(mediationModes);
export type MediationMode = z.infer<typeof mediationModeSchema>;

/** The room-wide governance state every member sees. */
export const mediationStateSchema = z.object({
  mode: mediationModeSchema,
  /** Locked clause ids, sorted. */
  locks: z.array(z.string()),
  /** Clause ids in the order the mediator wants them discussed. */
  agenda: z.array(z.string()),
  /** The agenda item under discussion now, or null. */
  current: z.string().nullable(),
  /** When every party agreed to every clause: the sheet is frozen until it is reopened. */
  agreedAt: z.number().nullable().default(null),
});
export type MediationState = z.infer<typeof mediationStateSchema>;

export const draftVotes = ['yes', 'no'] as const;
export const draftVoteSchema = z.enum(draftVotes);
export type DraftVoteValue = z.infer<typeof draftVoteSchema>;

export const draftVoteRecordSchema = z.object({
  partyId: z.string(),
  vote: draftVoteSchema,
  memberId: z.string(),
  at: z.number(),
});
export type DraftVote = z.infer<typeof draftVoteRecordSchema>;

/** A numbered single-text draft: a reference to the document state at publication plus a note. */
export const draftSchema = z.object({
  number: z.number().int().positive(),
  note: z.string(),
  /** Base64 of the Yjs state vector at publication: which edits the draft includes. */
  stateVector: z.string(),
  createdBy: z.string(),
  createdAt: z.number(),
  /** One vote per party at most, the latest one. */
  votes: z.array(draftVoteRecordSchema),
});
export type Draft = z.infer<typeof draftSchema>;

export const disputeStatuses = ['open', 'withdrawn', 'resolved'] as const;
export const disputeStatusSchema = z.enum(disputeStatuses);
export type DisputeStatus = z.infer<typeof disputeStatusSchema>;

export const disputeSchema = z.object({
  id: z.string(),
  clauseId: z.string(),
  partyId: z.string(),
  position: z.string(),
  openedBy: z.string(),
  openedAt: z.number(),
  status: disputeStatusSchema,
  closedBy: z.string().nullable(),
  closedAt: z.number().nullable(),
  resolution: z.string().nullable(),
});
export type Dispute = z.infer<typeof disputeSchema>;

export const caucusMessageSchema = z.object({
  id: z.string(),
  /** The party this caucus is with; the mediator(s) are the other side. */
  partyId: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  authorRole: roleSchema,
  body: z.string(),
  at: z.number(),
});
export type CaucusMessage = z.infer<typeof caucusMessageSchema>;

// Request payloads (Socket.IO events and REST bodies).

export const clauseRefRequestSchema = z.object({ clauseId: idSchema }).strict();
export type ClauseRefRequest = z.infer<typeof clauseRefRequestSchema>;

export const setModeRequestSchema = z.object({ mode: mediationModeSchema }).strict();
export type SetModeRequest = z.infer<typeof setModeRequestSchema>;

export const setAgendaRequestSchema = z
  .object({
    items: z.array(idSchema).max(MAX_AGENDA_ITEMS),
    current: idSchema.nullable().optional(),
  })
  .strict();
export type SetAgendaRequest = z.infer<typeof setAgendaRequestSchema>;

export const setAgendaCurrentRequestSchema = z.object({ current: idSchema.nullable() }).strict();
export type SetAgendaCurrentRequest = z.infer<typeof setAgendaCurrentRequestSchema>;

export const publishDraftRequestSchema = z
  .object({ note: z.string().trim().max(MAX_DRAFT_NOTE_LENGTH).default('') })
  .strict();
export type PublishDraftRequest = z.input<typeof publishDraftRequestSchema>;

export const voteDraftRequestSchema = z
  .object({ number: z.number().int().positive(), vote: draftVoteSchema })
  .strict();
export type VoteDraftRequest = z.infer<typeof voteDraftRequestSchema>;

export const openDisputeRequestSchema = z
  .object({
    clauseId: idSchema,
    position: z.string().trim().min(1, 'state your position').max(MAX_POSITION_LENGTH),
  })
  .strict();
export type OpenDisputeRequest = z.infer<typeof openDisputeRequestSchema>;

export const disputeRefRequestSchema = z.object({ disputeId: idSchema }).strict();
export type DisputeRefRequest = z.infer<typeof disputeRefRequestSchema>;

export const resolveDisputeRequestSchema = z
  .object({
    disputeId: idSchema,
    resolution: z.string().trim().max(MAX_POSITION_LENGTH).optional(),
  })
  .strict();
export type ResolveDisputeRequest = z.infer<typeof resolveDisputeRequestSchema>;

export const listDisputesRequestSchema = z
  .object({ status: disputeStatusSchema.optional() })
  .strict()
  .optional();
export type ListDisputesRequest = z.infer<typeof listDisputesRequestSchema>;

/** A party member writes to their own party's caucus (partyId may be left out); the mediator names it. */
export const caucusSendRequestSchema = z
  .object({
    partyId: idSchema.optional(),
    body: z.string().trim().min(1, 'the message is empty').max(MAX_CAUCUS_MESSAGE_LENGTH),
  })
  .strict();
export type CaucusSendRequest = z.infer<typeof caucusSendRequestSchema>;

export const caucusListRequestSchema = z
  .object({ partyId: idSchema.optional() })
  .strict()
  .optional();
export type CaucusListRequest = z.infer<typeof caucusListRequestSchema>;

export const MAX_BREAK_MINUTES = 120;
export const MAX_BREAK_REASON_LENGTH = 500;

/** A party asks the facilitator for a pause in the session. */
export const breakRequestSchema = z
  .object({
    minutes: z.number().int().min(5).max(MAX_BREAK_MINUTES).default(15),
    reason: z.string().trim().max(MAX_BREAK_REASON_LENGTH).default(''),
  })
  .strict();
export type BreakRequestInput = z.input<typeof breakRequestSchema>;

export const breakRequestedSchema = z.object({
  id: z.string(),
  partyId: z.string(),
  requestedBy: z.string(),
  requestedByName: z.string(),
  minutes: z.number(),
  reason: z.string(),
  at: z.number(),
});
export type BreakRequested = z.infer<typeof breakRequestedSchema>;
