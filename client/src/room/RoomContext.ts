// The open room as every view below the room page finds it: its session and live model (whose
// stores the views read with `useStore`), and what this member's role may do.
import { createContext, useContext } from 'react';
import type { RoomModel } from './roomModel';
import type { RoomSession } from './session';

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
