// Rooms: creating one from a template or an imported term sheet, and reading it back.
import type { Authenticator } from '../../auth/authenticate';
import type { Feature } from '../../feature';
import type { RoomsDeps } from './deps';
import { registerRoomRoutes } from './routes';

export { initialTermSheet } from './create';

export function createRoomsFeature(deps: RoomsDeps & { auth: Authenticator }): Feature {
  return { name: 'rooms', routes: (app) => registerRoomRoutes(app, deps.auth, deps) };
}
