// What the governance services need from the rest of the server.
import type { RoomBroadcaster } from '../../realtime';
import type { MemberClaims } from '@parley/shared/protocol';
import type { RoomContext, RoomRuntime, WriteAttempt } from '../../rooms';
import type { MemberStore } from '../../store/types';
import type { AuditLog } from '../audit';
import type { GovernanceStates } from './state';
import type { GovernanceStore } from './storeTypes';

export interface GovernanceDeps {
  store: GovernanceStore & MemberStore;
  audit: Pick<AuditLog, 'append'>;
  states: GovernanceStates;
  rooms: Pick<RoomRuntime, 'getDoc' | 'hold'>;
  broadcast: RoomBroadcaster;
  now(): number;
  /** In single-text mode, a party's write that only suggests changes to clause text goes in. */
  suggestsOnly?: (room: RoomContext, write: WriteAttempt) => boolean;
  /**
   * A milestone of the procedure happened (a draft published, the sheet agreed or reopened); the
   * sheet as it stands is worth keeping. Called after the change is stored; must not throw.
   */
  milestone?: (event: GovernanceMilestone) => Promise<void>;
}

export interface GovernanceMilestone {
  roomId: string;
  kind: 'draft' | 'agreement' | 'reopen';
  /** Who caused it; null for the server (the last sign-off agrees the sheet). */
  actor: MemberClaims | null;
  /** "Draft 3: revenue split moved to 60/40". */
  label: string;
}
