// Opens the room's mediation store for the session and provides it with the member's mediation
// rights; in single-text mode it also turns the room read-only for all but the facilitator.
import { can } from '@parley/shared/permissions';
import type { Role } from '@parley/shared/permissions';
import { useEffect, useMemo } from 'react';
import type { ReactNode } from 'react';
import { useStore } from '../../lib/store';
import { kindTitle } from '../kindLabel';
import { RoomContext, useRoom } from '../RoomContext';
import type { RoomContextValue } from '../RoomContext';
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

  useEffect(() => {
    // Read when a notice is written, so the title is the one on screen then.
    store.clauseTitle = (id) => {
      const clause = model.state.getState().sheet.clauses.find((c) => c.id === id);
      return clause ? kindTitle(clause) : 'a clause';
    };
  }, [store, model]);

  const value = useMemo<MediationContextValue>(() => {
    const r = role as Role;
    return {
      store,
      role,
      partyId,
      speaksForParty: partyId !== null && can(r, 'accept'),
      isMediator: role === 'mediator',
      canPropose: can(r, 'propose'),
    };
  }, [store, role, partyId]);

  // In single-text mode only the facilitator writes: the whole room (outline, assumptions,
  // clauses) turns read-only for everyone else, as the server would refuse their edits anyway.
  const singleTextReadOnly = useStore(
    store.state,
    (s) => s.state.mode === 'single-text' && !isFacilitator(role, s.mediatorPresent),
  );
  const roomValue = useMemo<RoomContextValue>(
    () => (singleTextReadOnly && room.canEdit ? { ...room, canEdit: false } : room),
    [room, singleTextReadOnly],
  );

  return (
    <RoomContext.Provider value={roomValue}>
      <MediationContext.Provider value={value}>{children}</MediationContext.Provider>
    </RoomContext.Provider>
  );
}
