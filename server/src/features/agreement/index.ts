// The agreement: proposals with their value impact, per-clause sign-offs that bind the content
// and the numbers, the agreement export, and confidential walk-away positions.
import type { Authenticator } from '../../auth/authenticate';
import type { Feature } from '../../feature';
import type { AgreementDeps } from './deps';
import { registerAgreementRoutes } from './routes';
import { agreementSockets } from './socket';
import { proposalStalenessHook } from './staleness';
import { signOffVoidingHook } from './voiding';

export { createAgreementStore } from './store';
export { agreementMigration } from './migration';
export type { AgreementTables } from './schema';
export type { AgreementStore } from './storeTypes';
export { createProposal } from './proposals';
export { agreementExport } from './signoff';
export type { AgreementExport } from './signoff';
export type { AgreementDeps } from './deps';

export function createAgreementFeature(deps: AgreementDeps & { auth: Authenticator }): Feature {
  return {
    name: 'agreement',
    hooks: [proposalStalenessHook(deps), signOffVoidingHook(deps)],
    socket: agreementSockets(deps),
    routes: (app) => registerAgreementRoutes(app, deps.auth, deps),
  };
}
