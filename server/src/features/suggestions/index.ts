// Suggestions in clause text: the write rules that keep every suggestion attributed to its author
// and out of other people's hands, what counts as suggesting only (all a party may write in
// single-text mode), and accepting or rejecting them through the server.
import type { Authenticator } from '../../auth/authenticate';
import type { Feature } from '../../feature';
import type { SuggestionDeps } from './deps';
import { registerSuggestionRoutes } from './routes';
import { suggestionWriteRules } from './writeRules';

export { suggestsOnly } from './suggestionOnly';
export type { SuggestionDeps } from './deps';

export function createSuggestionsFeature(deps: SuggestionDeps & { auth: Authenticator }): Feature {
  return {
    name: 'suggestions',
    hooks: [suggestionWriteRules()],
    routes: (app) => registerSuggestionRoutes(app, deps.auth, deps),
  };
}
