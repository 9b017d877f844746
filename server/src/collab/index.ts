// The /collab endpoint: the y-websocket protocol over the server's upgrade requests.
export { attachCollab, COLLAB_DEFAULTS } from './attachCollab';
export type {
  Authenticate,
  AuthenticateResult,
  CollabHandle,
  CollabLimits,
  CollabOptions,
} from './types';
