// Suggestions in clause text: the editor's marks and plugin, the per-member text mode, and the
// list of pending suggestions under each clause.
export { ClauseSuggestions } from './ClauseSuggestions';
export { TextModeToggle } from './TextModeToggle';
export { suggestModeFor } from './suggestMode';
export { suggestionExtensions } from './suggestionEditor';
export {
  compare,
  downloadExport,
  getVersion,
  listVersions,
  restoreVersion,
  saveVersion,
} from './lawyerApi';
