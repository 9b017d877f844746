// What deciding on suggestions needs from the rest of the server.
import type { MediationState } from '@parley/shared/mediation';
import type { MemberClaims } from '@parley/shared/protocol';
import type { RoomRuntime } from '../../rooms';
import type { AuditLog } from '../audit';

export interface SuggestionDeps {
  rooms: Pick<RoomRuntime, 'getDoc' | 'applyServerChange'>;
  audit: Pick<AuditLog, 'append'>;
  /** Locks, mode and the agreement freeze, which decisions respect like any edit. */
  governance(roomId: string): Promise<MediationState>;
  /** Whether the member runs the procedure: the mediator, or an organizer while there is none. */
  facilitates(member: MemberClaims): Promise<boolean>;
}
