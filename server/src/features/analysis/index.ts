// Decision support on the server: Monte Carlo risk for every member and the mediator's fair
// settlement, both computed on the engine threads from the room's live document.
import type { Authenticator } from '../../auth/authenticate';
import type { Feature } from '../../feature';
import type { AnalysisDeps } from './deps';
import { registerAnalysisRoutes } from './routes';
import { AnalysisRuns } from './runs';
import { analysisSockets } from './socket';

export type { AnalysisDeps };

export function createAnalysisFeature(
  deps: Omit<AnalysisDeps, 'runs'> & { auth: Authenticator },
): Feature {
  const full: AnalysisDeps = { ...deps, runs: new AnalysisRuns() };
  return {
    name: 'analysis',
    socket: analysisSockets(full),
    routes: (app) => registerAnalysisRoutes(app, deps.auth, full),
  };
}
