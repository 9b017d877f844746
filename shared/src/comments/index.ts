// The comments domain server and client share: schemas, who may see and write a thread, mentions,
// the safe Markdown subset, text anchors, unread counts and "since your last visit".
export {
  MAX_COMMENT_BODY_LENGTH,
  MAX_THREAD_TITLE_LENGTH,
  MAX_ANCHOR_QUOTE_LENGTH,
  COMMENT_RATE_BURST,
  COMMENT_RATE_PER_MINUTE,
} from './limits';
export { commentAnchorSchema, commentActorSchema } from './schemas';
export type {
  CommentAnchor,
  CommentVisibility,
  CommentActor,
  Comment,
  ThreadStatus,
  CommentThread,
  UnreadCounts,
  CommentNotification,
  MentionCandidate,
} from './schemas';
export { visitBaselineSchema } from './visit-schemas';
export type {
  VisitBaseline,
  VisitCommentEntry,
  VisitParamChange,
  SinceLastVisit,
} from './visit-schemas';
export { canSeeThread, threadCreationRefusal, canWriteInThread } from './visibility';
export type { CommentViewer } from './visibility';
export { MENTION_PATTERN, parseMentions, formatMention, commentExcerpt } from './mentions';

export { parseCommentMarkdown } from './markdown';
export type { CommentInline } from './markdown';
export {
  encodeAnchorPosition,
  decodeAnchorPosition,
  resolveTextAnchor,
  textAnchorPositions,
} from './anchors';

export { countUnread, readMarkerFor } from './unread';
export { captureVisitBaseline, summarizeSinceLastVisit } from './visits';
