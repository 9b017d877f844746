// What the rest of the room uses of comments: the provider, the per-clause and room-wide views,
// the buttons beside fields and selections, and the editor highlights.
export { CommentsProvider } from './CommentsProvider';
export { CommentsContext, useCommentsStore } from './CommentsContext';
export { ClauseComments, ClauseCommentsToggle } from './ClauseComments';
export { ParamCommentButton } from './ParamCommentButton';
export { SelectionCommentButton } from './SelectionCommentButton';
export { useCommentHighlights } from './useCommentHighlights';
export { CommentsHeaderButton, OutlineUnreadBadge, RoomCommentsPanel } from './RoomCommentsPanel';
export { CommentBody } from './CommentBody';
