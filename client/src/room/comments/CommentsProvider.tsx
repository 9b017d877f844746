// Opens the comments store for the room's session and provides it to every comment view; the store
// follows the socket only while the room is mounted.
import './comments.css';
import { useEffect, useMemo } from 'react';
import type { ReactNode } from 'react';
import { useRoom } from '../RoomContext';
import { CommentsContext } from './CommentsContext';
import { CommentsStore } from './commentsStore';

/** Keeps one comments store per room session and hands it to every comment view. */
export function CommentsProvider({ children }: { children: ReactNode }) {
  const { session } = useRoom();
  const store = useMemo(() => new CommentsStore(session.socket), [session]);
  useEffect(() => store.attach(), [store]);
  return <CommentsContext.Provider value={store}>{children}</CommentsContext.Provider>;
}
