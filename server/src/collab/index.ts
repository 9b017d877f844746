export { attachCollab, COLLAB_DEFAULTS } from './attachCollab';
export { collabMetrics } from './metrics';
export type {
  Authenticate,
  AuthenticateResult,
  CollabHandle,
  CollabLimits,
  CollabMember,
  CollabOptions,
  CollabStats,
  StoredListener,
  StoredStateVector,
} from './types';
