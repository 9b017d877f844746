// Members: invitations per party and role, and their revocation.
import type { Authenticator } from '../../auth/authenticate';
import type { Feature } from '../../feature';
import type { MembersDeps } from './deps';
import { registerInviteRoutes } from './routes';

export { memberInfo } from './invites';

export function createMembersFeature(deps: MembersDeps & { auth: Authenticator }): Feature {
  return { name: 'members', routes: (app) => registerInviteRoutes(app, deps.auth, deps) };
}
