import { createContext, useContext, useSyncExternalStore } from 'react';
import type { RoomModel, RoomSnapshot } from './roomModel';
import type { RoomSession, SessionStatus } from './session';

export interface RoomContextValue {
  roomId: string;
  token: string;
  session: RoomSession;
  model: RoomModel;
  canEdit: boolean;
  canManageInvites: boolean;
}

export const RoomContext = createContext<RoomContextValue | null>(null);

export function useRoom(): RoomContextValue {
  const value = useContext(RoomContext);
  if (!value) throw new Error('useRoom needs a RoomContext.');
  return value;
}

export function useSnapshot(): RoomSnapshot {
  const { model } = useRoom();
  return useSyncExternalStore(model.subscribe, model.getSnapshot);
}

export function useSessionStatus(): SessionStatus {
  const { session } = useRoom();
  return useSyncExternalStore(session.subscribe, session.getStatus);
}
