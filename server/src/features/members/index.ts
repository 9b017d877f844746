// Members: each party seats its own members with single-use invitations, and the parties consent
// to a mediator or observer before one is let in.
import type { Logger } from 'pino';
import type { Authenticator } from '../../auth/authenticate';
import type { Feature } from '../../feature';
import type { MembersDeps } from './deps';
import { consentPartiesHook } from './partiesHook';
import { registerMemberRoutes } from './routes';
import { memberSockets } from './socket';

export { memberInfo } from './invites';
export { consentAdmission, mediatorAdmitted } from './consent';
export { consentState, consentingParties } from './consentState';
export type { MembersDeps, SessionEndReason } from './deps';

export function createMembersFeature(
  deps: MembersDeps & { auth: Authenticator; logger: Logger },
): Feature {
  return {
    name: 'members',
    hooks: [consentPartiesHook(deps, deps.logger)],
    socket: memberSockets(deps),
    routes: (app) => registerMemberRoutes(app, deps.auth, deps),
  };
}
