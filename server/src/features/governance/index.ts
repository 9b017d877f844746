// Governance: clause locks, the agenda, single-text mode with drafts and votes, disputes and the
// caucus channel, with the write rules that enforce locks and single-text mode on the document.
import type { Authenticator } from '../../auth/authenticate';
import type { Feature } from '../../feature';
import type { GovernanceDeps } from './deps';
import { registerGovernanceRoutes } from './routes';
import { governanceSockets } from './socket';
import { governanceStateHook } from './state';
import { governanceWriteRules } from './writeRules';

export { freezeAgreed } from './agreement';
export { GovernanceStates } from './state';
export type { GovernanceDeps, GovernanceMilestone } from './deps';
export { mediatorPresent } from './rules';
export { createGovernanceStore } from './store';
export { addAgreementFreeze, createGovernanceTables } from './migration';
export type { GovernanceTables } from './schema';
export type {
  ClauseLockRecord,
  DraftRecord,
  DraftVoteRecord,
  GovernanceStore,
  MediationStateRecord,
} from './storeTypes';

export function createGovernanceFeature(deps: GovernanceDeps & { auth: Authenticator }): Feature {
  return {
    name: 'governance',
    hooks: [
      governanceStateHook(deps.store),
      governanceWriteRules(deps.store, deps.suggestsOnly, (room) => deps.states.current(room)),
    ],
    socket: governanceSockets(deps),
    routes: (app) => registerGovernanceRoutes(app, deps.auth, deps),
  };
}
