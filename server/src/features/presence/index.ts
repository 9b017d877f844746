// Presence: who is in the room, what each is looking at, and what the store holds of the
// document (the save status every client shows).
import type { Feature } from '../../feature';
import { PresenceRegistry } from './registry';
import { saveStatusHook } from './saveStatus';
import { presenceSockets } from './socket';
import type { PresenceDeps } from './socket';

export function createPresenceFeature(deps: Omit<PresenceDeps, 'presence'>): Feature {
  const presence = new PresenceRegistry();
  return {
    name: 'presence',
    hooks: [saveStatusHook(deps.broadcast, deps.now)],
    socket: presenceSockets({ ...deps, presence }),
  };
}
