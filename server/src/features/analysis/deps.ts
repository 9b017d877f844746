// What the server's analyses need: the room's document, the positions the parties shared with the
// mediator, and the engine threads every analysis runs on.
import type { EnginePool } from '../../engine';
import type { RoomRuntime } from '../../rooms';
import type { AgreementStore } from '../agreement';
import type { AnalysisRuns } from './runs';

export interface AnalysisDeps {
  rooms: Pick<RoomRuntime, 'hold'>;
  /** Read by the fair settlement only, and only through the shared-bounds filter. */
  positions: Pick<AgreementStore, 'listPositions'>;
  /** Monte Carlo and the settlement search run here, never on the event loop. */
  engine: Pick<EnginePool, 'run'>;
  /** Requests in flight: identical ones share one computation, and each member runs one at a time. */
  runs: AnalysisRuns;
}
