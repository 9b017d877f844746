// The open room as every view below the room page finds it: its session, live model, undo
// history and change marks (whose stores the views read with `useStore`), and what this member's
// role may do.
import { createContext, useContext } from 'react';
import type { ActivityStore } from './activity/activityStore';
import type { RoomHistory } from './history';
import type { RoomModel } from './roomModel';
import type { RoomUi } from './roomUi';
import type { RoomSession } from './session';

export interface RoomContextValue {
  roomId: string;
  token: string;
  session: RoomSession;
  model: RoomModel;
  /** This member's undo and redo, rebuilt with the model when the document copy is replaced. */
  history: RoomHistory;
  /** Who changed which value, live. */
  activity: ActivityStore;
  /** Which pane, search bar and dialogs this browser shows. */
  ui: RoomUi;
  canEdit: boolean;
  canManageInvites: boolean;
}

export const RoomContext = createContext<RoomContextValue | null>(null);

export function useRoom(): RoomContextValue {
  const value = useContext(RoomContext);
  if (!value) throw new Error('useRoom needs a RoomContext.');
  return value;
}
