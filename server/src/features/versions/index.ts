// Versions: named states of a room's whole sheet (text, parameters and value result), kept on
// demand and at every published draft, agreement and reopening; compare and restore.
import type { Authenticator } from '../../auth/authenticate';
import type { Feature } from '../../feature';
import type { VersionDeps } from './deps';
import { registerVersionRoutes } from './routes';

export { keepMilestone, currentSheet, getVersion } from './versions';
export { sideOf } from './compare';
export type { Side } from './compare';
export { createVersionStore } from './store';
export { versionsMigration } from './migration';
export type { VersionTables } from './schema';
export type { VersionStore } from './storeTypes';
export type { VersionDeps } from './deps';

export function createVersionsFeature(deps: VersionDeps & { auth: Authenticator }): Feature {
  return {
    name: 'versions',
    routes: (app) => registerVersionRoutes(app, deps.auth, deps),
  };
}
