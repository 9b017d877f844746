import { can } from '@parley/shared/permissions';
import type { Role } from '@parley/shared/permissions';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import { RoomContext, useRoom, useSnapshot } from '../RoomContext';
import type { RoomContextValue } from '../RoomContext';
import { kindTitle } from './kindTitle';
import { isFacilitator, MediationContext } from './MediationContext';
import type { MediationContextValue, MediationTab } from './MediationContext';
import { MediationStore } from './mediationStore';
import './mediation.css';

const noSubscribe = () => () => undefined;
const none = () => null;

/** Opens the mediation store for the room and provides it, with the member's mediation rights. */
export function MediationProvider({ children }: { children: ReactNode }) {
  const room = useRoom();
  const { session } = room;
  const { sheet } = useSnapshot();
  const { role, partyId, memberId } = session.user;
  const [store, setStore] = useState<MediationStore | null>(null);
  const [panel, setPanel] = useState<{ open: boolean; tab: MediationTab }>({
    open: false,
    tab: 'agreement',
  });

  useEffect(() => {
    const created = new MediationStore(session.socket, role, partyId, memberId);
    setStore(created);
    return () => created.destroy();
  }, [session, role, partyId, memberId]);

  useEffect(() => {
    if (!store) return;
    store.clauseTitle = (id) => {
      const clause = sheet.clauses.find((c) => c.id === id);
      return clause ? kindTitle(clause) : 'a clause';
    };
  }, [store, sheet]);

  const value = useMemo<MediationContextValue | null>(() => {
    if (!store) return null;
    const r = role as Role;
    return {
      store,
      role,
      partyId,
      speaksForParty: partyId !== null && can(r, 'accept'),
      isMediator: role === 'mediator',
      canPropose: can(r, 'propose'),
      panel,
      openPanel: (tab) => setPanel({ open: true, tab }),
      setPanelOpen: (open) => setPanel((p) => ({ ...p, open })),
    };
  }, [store, role, partyId, panel]);

  // In single-text mode only the facilitator writes: the whole room (outline, assumptions,
  // clauses) turns read-only for everyone else, as the server would refuse their edits anyway.
  const snapshot = useSyncExternalStore(
    store?.subscribe ?? noSubscribe,
    store?.getSnapshot ?? none,
  );
  const singleTextReadOnly =
    snapshot !== null &&
    snapshot.state.mode === 'single-text' &&
    !isFacilitator(role, snapshot.mediatorPresent);
  const roomValue = useMemo<RoomContextValue>(
    () => (singleTextReadOnly && room.canEdit ? { ...room, canEdit: false } : room),
    [room, singleTextReadOnly],
  );

  // The same tree with or without the store, so that the room is not remounted once it opens.
  return (
    <RoomContext.Provider value={roomValue}>
      <MediationContext.Provider value={value}>{children}</MediationContext.Provider>
    </RoomContext.Provider>
  );
}
