// The typed Socket.IO event maps of a room, assembled from each feature's events, so server and
// client agree on every event name and payload.
import type { MemberClaims } from './tokens';
import type { AckCallback, ErrorBody } from './ack';
import type { ActivityServerToClientEvents } from './activity';
import type { AnalysisClientToServerEvents } from './analysis';
import type { PresenceEntry, PresenceFocus, PresenceState } from './presence';
import type { SaveStatus } from './save-status';
import type { CommentClientToServerEvents, CommentServerToClientEvents } from './comments-events';
import type {
  AgreementClientToServerEvents,
  AgreementServerToClientEvents,
} from './mediation-agreement';
import type {
  GovernanceClientToServerEvents,
  GovernanceServerToClientEvents,
} from './mediation-governance';
import type { MembersClientToServerEvents, MembersServerToClientEvents } from './members';

/** What `room:state` answers: the caller as others see them, who else is here, what is stored. */
export interface RoomStateSnapshot {
  self: PresenceEntry;
  presence: PresenceState;
  saved: SaveStatus | null;
}

/**
 * Why the server ended a session; sent just before it disconnects the socket. `revoked`: the
 * seat was revoked; `consent-withdrawn`: a party no longer consents to this mediator or observer;
 * `member-changed`: the member's role changed, reconnect to work under the new one; `shutdown`.
 */
export interface SessionEnded extends ErrorBody {
  code: 'revoked' | 'consent-withdrawn' | 'member-changed' | 'shutdown' | string;
}

/**
 * Events the server emits. Payloads are built by the server from validated data, so clients
 * may trust their shape.
 */
export interface ServerToClientEvents
  extends
    CommentServerToClientEvents,
    AgreementServerToClientEvents,
    GovernanceServerToClientEvents,
    MembersServerToClientEvents,
    ActivityServerToClientEvents {
  'presence:state': (state: PresenceState) => void;
  'save:status': (status: SaveStatus) => void;
  'session:ended': (reason: SessionEnded) => void;
}

/**
 * Events a client emits. The server validates every payload with the schema of the same name
 * (they are typed here for the client's sake) and always answers through the ack.
 */
export interface ClientToServerEvents
  extends
    CommentClientToServerEvents,
    AgreementClientToServerEvents,
    GovernanceClientToServerEvents,
    MembersClientToServerEvents,
    AnalysisClientToServerEvents {
  'presence:focus': (focus: PresenceFocus, ack: AckCallback<null>) => void;
  'room:state': (payload: Record<string, never>, ack: AckCallback<RoomStateSnapshot>) => void;
}

export type InterServerEvents = Record<string, never>;

/** What the server keeps on each socket once its handshake token checked out. */
export interface SocketData {
  member: MemberClaims;
  color: string;
  focus: string | null;
}
