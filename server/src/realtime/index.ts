export { attachRealtime } from './socket-server';
export type { Realtime, RealtimeOptions } from './socket-server';
export { PresenceRegistry } from './presence';
export { SaveStatusTracker, storedClocksFromStore } from './save-status';
