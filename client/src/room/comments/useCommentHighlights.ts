import type { Editor } from '@tiptap/core';
import { useEffect } from 'react';
import { commentHighlightsKey, commentHighlightsPlugin } from './commentHighlights';
import { useCommentsStore } from './CommentsContext';

/** Draws this clause's text-anchored threads into its editor and keeps them current. */
export function useCommentHighlights(editor: Editor | null, clauseId: string): void {
  const store = useCommentsStore();
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const threads = () =>
      store.getState().threads.filter((t) => t.clauseId === clauseId && t.anchor.type === 'text');
    editor.registerPlugin(
      commentHighlightsPlugin({
        threads,
        focused: () => store.getState().focusThreadId,
        onOpen: (threadId) => store.showThread(threadId),
      }),
    );
    let last = store.getState();
    const refresh = () => {
      const next = store.getState();
      if (next.threads === last.threads && next.focusThreadId === last.focusThreadId) return;
      last = next;
      if (!editor.isDestroyed)
        editor.view.dispatch(editor.state.tr.setMeta(commentHighlightsKey, true));
    };
    const unsubscribe = store.subscribe(refresh);
    return () => {
      unsubscribe();
      if (!editor.isDestroyed) editor.unregisterPlugin(commentHighlightsKey);
    };
  }, [editor, clauseId, store]);
}
