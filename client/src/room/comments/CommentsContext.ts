// The comments store of the open room, as every comment view finds it; the views read its state
// with `useStore` and act through its methods.
import { createContext, useContext } from 'react';
import type { CommentsStore } from './commentsStore';

export const CommentsContext = createContext<CommentsStore | null>(null);

export function useCommentsStore(): CommentsStore {
  const store = useContext(CommentsContext);
  if (!store) throw new Error('Comment views must be inside a CommentsProvider.');
  return store;
}
