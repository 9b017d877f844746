// Keeps a clause editor's comment highlights in step with the comments store, without rendering
// the editor again.
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
      store.state
        .getState()
        .threads.filter((t) => t.clauseId === clauseId && t.anchor.type === 'text');
    editor.registerPlugin(
      commentHighlightsPlugin({
        threads,
        focused: () => store.state.getState().focusThreadId,
        onOpen: (threadId) => store.showThread(threadId),
      }),
    );
    // The editor redraws its highlights itself: only a change to threads or focus asks it to.
    const unsubscribe = store.state.subscribe((next, last) => {
      if (next.threads === last.threads && next.focusThreadId === last.focusThreadId) return;
      if (!editor.isDestroyed)
        editor.view.dispatch(editor.state.tr.setMeta(commentHighlightsKey, true));
    });
    return () => {
      unsubscribe();
      if (!editor.isDestroyed) editor.unregisterPlugin(commentHighlightsKey);
    };
  }, [editor, clauseId, store]);
}
