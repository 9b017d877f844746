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
  ChangeAttribution,
  DocChange,
  DocChangedListener,
  StoredListener,
  WriteGuard,
  WriteRefusalReason,
  StoredStateVector,
} from './types';
