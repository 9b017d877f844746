// The zod schemas of comments: anchors (clause, parameter, text range), audiences, threads,
// notifications and unread counts; server and client derive their types from them.
import { z } from 'zod';
import { roleSchema } from '../permissions/roles';
import { MAX_ID_LENGTH, MAX_NAME_LENGTH } from '../protocol/limits';
import { actorSchema } from '../protocol/tokens';
import {
  MAX_ANCHOR_QUOTE_LENGTH,
  MAX_COMMENT_BODY_LENGTH,
  MAX_PARAM_PATH_LENGTH,
  MAX_RELATIVE_POSITION_LENGTH,
  MAX_THREAD_TITLE_LENGTH,
} from './limits';

const idSchema = z.string().min(1).max(MAX_ID_LENGTH);

/** A Yjs relative position, `Y.encodeRelativePosition` bytes in standard base64. */
export const encodedPositionSchema = z
  .string()
  .min(1)
  .max(MAX_RELATIVE_POSITION_LENGTH)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64 (an encoded Yjs relative position)');

export const clauseAnchorSchema = z.object({ type: z.literal('clause'), clauseId: idSchema });

export const paramAnchorSchema = z.object({
  type: z.literal('param'),
  clauseId: idSchema,
  /** Dotted path inside the clause's params, e.g. `fixed.csp` or `streams.0.unitPrice`. */
  param: z
    .string()
    .min(1)
    .max(MAX_PARAM_PATH_LENGTH)
    .regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/, 'must be a dotted path such as fixed.csp'),
});

export const textAnchorSchema = z.object({
  type: z.literal('text'),
  clauseId: idSchema,
  start: encodedPositionSchema,
  end: encodedPositionSchema,
  /** The selected text when the thread was opened; shown when the range has been deleted since. */
  quote: z.string().max(MAX_ANCHOR_QUOTE_LENGTH),
});

export const commentAnchorSchema = z.discriminatedUnion('type', [
  clauseAnchorSchema,
  paramAnchorSchema,
  textAnchorSchema,
]);

export const commentVisibilities = ['room', 'party', 'caucus'] as const;
export const commentVisibilitySchema = z.enum(commentVisibilities);

export const commentBodySchema = z
  .string()
  .max(MAX_COMMENT_BODY_LENGTH, `a comment holds at most ${MAX_COMMENT_BODY_LENGTH} characters`)
  .refine((body) => body.trim().length > 0, 'a comment may not be empty');

export const threadTitleSchema = z
  .string()
  .max(
    MAX_THREAD_TITLE_LENGTH,
    `a thread title holds at most ${MAX_THREAD_TITLE_LENGTH} characters`,
  );

/** Who wrote or did something, as they were named when they did it. Plain text, never markup. */
export const commentActorSchema = actorSchema;

export const commentSchema = z.object({
  id: z.string(),
  threadId: z.string(),
  author: commentActorSchema,
  /** Markdown subset (see parseCommentMarkdown); empty once deleted. */
  body: z.string(),
  /** Member ids mentioned in the body who may see the thread. */
  mentions: z.array(z.string()),
  createdAt: z.number(),
  editedAt: z.number().nullable(),
  /** Set when the author deleted it: the comment stays in the thread as a tombstone. */
  deletedAt: z.number().nullable(),
});

export const threadStatusSchema = z.enum(['open', 'resolved']);

export const commentThreadSchema = z.object({
  id: z.string(),
  roomId: z.string(),
  clauseId: z.string(),
  anchor: commentAnchorSchema,
  visibility: commentVisibilitySchema,
  /** The party of a `party` or `caucus` thread; null for room-wide threads. */
  partyId: z.string().nullable(),
  title: z.string().nullable(),
  createdBy: commentActorSchema,
  createdAt: z.number(),
  /** Last time a comment was added, edited or deleted, or the status changed. */
  updatedAt: z.number(),
  status: threadStatusSchema,
  /** Who last resolved or reopened it, and when; null while it was never resolved. */
  statusChangedBy: commentActorSchema.nullable(),
  statusChangedAt: z.number().nullable(),
  comments: z.array(commentSchema),
});

/** One member's unread comments: per clause id and in total. */
export const unreadCountsSchema = z.object({
  total: z.number().int().nonnegative(),
  byClause: z.record(z.string(), z.number().int().nonnegative()),
  byThread: z.record(z.string(), z.number().int().nonnegative()),
});

export const notificationKinds = ['mention', 'reply'] as const;

export const commentNotificationSchema = z.object({
  id: z.string(),
  kind: z.enum(notificationKinds),
  threadId: z.string(),
  clauseId: z.string(),
  commentId: z.string(),
  actor: commentActorSchema,
  /** The first characters of the comment, plain text. */
  excerpt: z.string(),
  createdAt: z.number(),
  readAt: z.number().nullable(),
});

/** A room member as the @mention autocomplete shows them. */
export const mentionCandidateSchema = z.object({
  memberId: z.string(),
  name: z.string().max(MAX_NAME_LENGTH),
  role: roleSchema,
  partyId: z.string().nullable(),
});

export type CommentAnchor = z.infer<typeof commentAnchorSchema>;
export type ClauseAnchor = z.infer<typeof clauseAnchorSchema>;
export type ParamAnchor = z.infer<typeof paramAnchorSchema>;
export type TextAnchor = z.infer<typeof textAnchorSchema>;
export type CommentVisibility = z.infer<typeof commentVisibilitySchema>;
export type CommentActor = z.infer<typeof commentActorSchema>;
export type Comment = z.infer<typeof commentSchema>;
export type ThreadStatus = z.infer<typeof threadStatusSchema>;
export type CommentThread = z.infer<typeof commentThreadSchema>;
export type UnreadCounts = z.infer<typeof unreadCountsSchema>;
export type CommentNotification = z.infer<typeof commentNotificationSchema>;
export type NotificationKind = (typeof notificationKinds)[number];
export type MentionCandidate = z.infer<typeof mentionCandidateSchema>;
