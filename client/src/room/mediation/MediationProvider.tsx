// Opens the room's mediation store for the session and provides it with the member's mediation
// rights; in single-text mode it also turns the room read-only for all but the facilitator, and
// for everyone while the sheet is agreed.
import { can } from '@parley/shared/permissions';
import type { Role } from '@parley/shared/permissions';
import { useEffect, useMemo } from 'react';
import type { ReactNode } from 'react';
import { useStore } from '../../lib/store';
import { kindTitle } from '../kindLabel';
import { RoomContext, useRoom } from '../RoomContext';
import type { RoomContextValue } from '../RoomContext';
import { EditGuard } from './editGuard';
import { isFacilitator, MediationContext } from './MediationContext';
import type { MediationContextValue } from './MediationContext';
import { MediationStore } from './mediationStore';
import './mediation.css';

/** Opens the mediation store for the room and provides it, with the member's mediation rights. */
export function MediationProvider({ children }: { children: ReactNode }) {
  const room = useRoom();
  const { session, model } = room;
  const { role, partyId, memberId } = session.user;
  // Made during render without side effects; it follows the socket only while mounted.
  const store = useMemo(
    () => new MediationStore(session.socket, role, partyId, memberId),
    [session, role, partyId, memberId],
  );
  useEffect(() => store.attach(), [store]);
  const guard = useMemo(
    () => new EditGuard(() => store.state.getState().signoffs.signOffs),
    [store],
  );

  useEffect(() => {
    // Read when a notice is written, so the title is the one on screen then.
    store.clauseTitle = (id) => {
      const clause = model.state.getState().sheet.clauses.find((c) => c.id === id);
      return clause ? kindTitle(clause) : 'a clause';
    };
    store.partyName = (id) =>
      model.state.getState().sheet.parties.find((p) => p.id === id)?.name ?? 'A party';
  }, [store, model]);

  const value = useMemo<MediationContextValue>(() => {
    const r = role as Role;
    return {
      store,
      guard,
      role,
      partyId,
      speaksForParty: partyId !== null && can(r, 'accept'),
      isMediator: role === 'mediator',
      canPropose: can(r, 'propose'),
    };
  }, [store, guard, role, partyId]);

  // In single-text mode only the facilitator writes, and an agreed sheet takes nobody's write:
  // the whole room (outline, assumptions, clauses) turns read-only where the server would refuse.
  const readOnly = useStore(
    store.state,
    (s) =>
      s.state.agreedAt !== null ||
      (s.state.mode === 'single-text' && !isFacilitator(role, s.mediatorPresent)),
  );
  const roomValue = useMemo<RoomContextValue>(
    () => (readOnly && room.canEdit ? { ...room, canEdit: false } : room),
    [room, readOnly],
  );

  return (
    <RoomContext.Provider value={roomValue}>
      <MediationContext.Provider value={value}>{children}</MediationContext.Provider>
    </RoomContext.Provider>
  );
}
