// Suggestions in clause text: the marks that carry them and their authors, reading them from a
// clause body, and the requests that accept or reject them.
export {
  DELETION_MARK,
  INSERTION_MARK,
  MODIFICATION_MARK,
  SUGGESTION_ANCHOR,
  readSuggestionAttrs,
  suggestionAttrsSchema,
  suggestionKey,
  suggestionKinds,
} from './marks';
export type { SuggestionAttrs, SuggestionKind } from './marks';
export { bodyTexts, hasSuggestionMarks, listSuggestions, markedChars, sameMark } from './read';
export type { MarkedChar, Suggestion, SuggestionAuthor } from './read';
export {
  decideSuggestionRequestSchema,
  decideSuggestionResultSchema,
  suggestionDecisionSchema,
  suggestionDecisions,
} from './schemas';
export type {
  DecideSuggestionRequest,
  DecideSuggestionResult,
  SuggestionDecision,
} from './schemas';
