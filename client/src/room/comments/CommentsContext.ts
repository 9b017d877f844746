import { createContext, useContext, useSyncExternalStore } from 'react';
import type { CommentsState, CommentsStore } from './commentsStore';

export const CommentsContext = createContext<CommentsStore | null>(null);

export function useCommentsStore(): CommentsStore {
  const store = useContext(CommentsContext);
  if (!store) throw new Error('Comment views must be inside a CommentsProvider.');
  return store;
}

export function useComments(): CommentsState {
  const store = useCommentsStore();
  return useSyncExternalStore(store.subscribe, store.getState);
}
