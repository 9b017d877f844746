import './comments.css';
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { useRoom } from '../RoomContext';
import { CommentsContext } from './CommentsContext';
import { CommentsStore } from './commentsStore';

/** Keeps one comments store per room session and hands it to every comment view. */
export function CommentsProvider({ children }: { children: ReactNode }) {
  const { session } = useRoom();
  const [store, setStore] = useState<CommentsStore | null>(null);
  useEffect(() => {
    const next = new CommentsStore(session.socket);
    setStore(next);
    return () => next.destroy();
  }, [session]);
  if (!store) return null;
  return <CommentsContext.Provider value={store}>{children}</CommentsContext.Provider>;
}
