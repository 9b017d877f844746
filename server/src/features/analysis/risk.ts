// Monte Carlo risk of the room's sheet as it is now, for any member: the paths run on an engine
// thread, and members asking the same question of the same document share one computation.
import type { MonteCarloAnalysis } from '@parley/shared/analysis';
import type { MemberClaims, riskRequestSchema } from '@parley/shared/protocol';
import type { z } from 'zod';
import type { AnalysisDeps } from './deps';
import { refuseBadRequest } from './requestIssues';
import { snapshotOf } from './snapshot';

export type RiskQuery = z.output<typeof riskRequestSchema>;

/**
 * Every member may ask: the figures follow from the document every member reads. The sheet's own
 * errors come back as issues with no result; a scenario it does not have is refused.
 */
export async function roomRisk(
  deps: AnalysisDeps,
  member: MemberClaims,
  query: RiskQuery,
): Promise<MonteCarloAnalysis> {
  const snapshot = await snapshotOf(deps, member.roomId);
  const options = {
    paths: query.paths,
    seed: query.seed,
    ...(query.scenario !== undefined ? { scenarioId: query.scenario } : {}),
  };
  const key = JSON.stringify(['risk', member.roomId, snapshot.version, options]);
  const analysis = await deps.runs.run(key, member.memberId, () =>
    deps.engine.run({ kind: 'risk', doc: snapshot.state, options }),
  );
  refuseBadRequest(analysis.issues);
  return analysis;
}
