/** Longest comment body, in characters (UTF-16 code units, as JavaScript counts them). */
export const MAX_COMMENT_BODY_LENGTH = 4000;
/** Longest thread title. */
export const MAX_THREAD_TITLE_LENGTH = 200;
/** Longest quote kept with a text anchor (the text selected when the thread was opened). */
export const MAX_ANCHOR_QUOTE_LENGTH = 1000;
/** Longest parameter path of a parameter anchor. */
export const MAX_PARAM_PATH_LENGTH = 200;
/** Longest encoded Yjs relative position (base64) of a text anchor. */
export const MAX_RELATIVE_POSITION_LENGTH = 1024;
/** Most distinct members one comment may mention. */
export const MAX_MENTIONS = 20;
/** Per-member rate limit on comment writes: a burst of this many, refilled at the rate below. */
export const COMMENT_RATE_BURST = 20;
export const COMMENT_RATE_PER_MINUTE = 30;
