export {
  MAX_COMMENT_BODY_LENGTH,
  MAX_THREAD_TITLE_LENGTH,
  MAX_ANCHOR_QUOTE_LENGTH,
  MAX_PARAM_PATH_LENGTH,
  MAX_RELATIVE_POSITION_LENGTH,
  MAX_MENTIONS,
  COMMENT_RATE_BURST,
  COMMENT_RATE_PER_MINUTE,
} from './limits';
export {
  encodedPositionSchema,
  clauseAnchorSchema,
  paramAnchorSchema,
  textAnchorSchema,
  commentAnchorSchema,
  commentVisibilities,
  commentVisibilitySchema,
  commentBodySchema,
  threadTitleSchema,
  commentActorSchema,
  commentSchema,
  threadStatusSchema,
  commentThreadSchema,
  unreadCountsSchema,
  notificationKinds,
  commentNotificationSchema,
  mentionCandidateSchema,
} from './schemas';
export type {
  CommentAnchor,
  ClauseAnchor,
  ParamAnchor,
  TextAnchor,
  CommentVisibility,
  CommentActor,
  Comment,
  ThreadStatus,
  CommentThread,
  UnreadCounts,
  CommentNotification,
  NotificationKind,
  MentionCandidate,
} from './schemas';
export {
  partyTotalsDigestSchema,
  visitBaselineSchema,
  visitCommentEntrySchema,
  clauseChangeSummarySchema,
  partyEffectSchema,
  scenarioEffectSchema,
  sinceLastVisitSchema,
} from './visit-schemas';
export type {
  PartyTotalsDigest,
  VisitBaseline,
  VisitCommentEntry,
  ClauseChangeSummary,
  PartyEffect,
  ScenarioEffect,
  SinceLastVisit,
} from './visit-schemas';
export { canSeeThread, threadCreationRefusal, canWriteInThread } from './visibility';
export type { CommentViewer, ThreadAudience } from './visibility';
export {
  MENTION_PATTERN,
  parseMentions,
  formatMention,
  mentionsToPlainText,
  commentExcerpt,
} from './mentions';
export type { MentionRef } from './mentions';
export { parseCommentMarkdown, commentAstToText } from './markdown';
export type { CommentAst, CommentParagraph, CommentInline } from './markdown';
export {
  encodeAnchorPosition,
  decodeAnchorPosition,
  resolveTextAnchor,
  textAnchorPositions,
} from './anchors';
export type { ResolvedTextAnchor } from './anchors';
export { countUnread, readMarkerFor } from './unread';
export { textHash, captureVisitBaseline, changedPaths, summarizeSinceLastVisit } from './visits';
export type { ClauseChangeInput, SinceLastVisitInput } from './visits';
