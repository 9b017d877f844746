// Request payloads of the comment events and REST routes, as the zod schemas the server validates
// them with.
import { z } from 'zod';
import { MAX_ID_LENGTH } from './limits';
import {
  commentAnchorSchema,
  commentBodySchema,
  commentVisibilitySchema,
  threadTitleSchema,
} from '../comments/schemas';

const idSchema = z.string().min(1).max(MAX_ID_LENGTH);
const empty = z.object({}).strict();

/** Opens a thread with its first comment. `partyId` names the party of a party or caucus thread. */
export const createThreadRequestSchema = z.object({
  anchor: commentAnchorSchema,
  visibility: commentVisibilitySchema,
  partyId: idSchema.nullish(),
  title: threadTitleSchema.nullish(),
  body: commentBodySchema,
});

export const replyRequestSchema = z.object({ threadId: idSchema, body: commentBodySchema });

export const editCommentRequestSchema = z.object({
  threadId: idSchema,
  commentId: idSchema,
  body: commentBodySchema,
});

export const commentRefRequestSchema = z.object({ threadId: idSchema, commentId: idSchema });

export const threadRefRequestSchema = z.object({ threadId: idSchema });

export const listThreadsRequestSchema = z
  .object({ clauseId: idSchema.optional() })
  .strict()
  .optional();

export const emptyRequestSchema = empty.optional();

/** Marks the listed notifications read, or all of them when `ids` is left out. */
export const markNotificationsRequestSchema = z
  .object({ ids: z.array(idSchema).max(500).optional() })
  .strict()
  .optional();

/** REST `POST /api/rooms/:roomId/comments`: a new thread, or a reply when `threadId` is given. */
export const postCommentRequestSchema = z.union([replyRequestSchema, createThreadRequestSchema]);

export type CreateThreadRequest = z.infer<typeof createThreadRequestSchema>;
export type ReplyRequest = z.infer<typeof replyRequestSchema>;
export type EditCommentRequest = z.infer<typeof editCommentRequestSchema>;
export type CommentRefRequest = z.infer<typeof commentRefRequestSchema>;
export type ThreadRefRequest = z.infer<typeof threadRefRequestSchema>;
export type ListThreadsRequest = z.infer<typeof listThreadsRequestSchema>;
export type MarkNotificationsRequest = z.infer<typeof markNotificationsRequestSchema>;
export type PostCommentRequest = z.infer<typeof postCommentRequestSchema>;
