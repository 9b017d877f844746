// "Comment" next to a text selection in a clause: starts a thread anchored to that text by Yjs
// relative positions, so the anchor follows the words while others edit.
import { MAX_ANCHOR_QUOTE_LENGTH, encodeAnchorPosition } from '@parley/shared/comments';
import { can } from '@parley/shared/permissions';
import type { Role } from '@parley/shared/permissions';
import type { Editor } from '@tiptap/core';
import { absolutePositionToRelativePosition } from '@tiptap/y-tiptap';
import { useEffect, useState } from 'react';
import { useRoom } from '../RoomContext';
import { syncBinding } from './commentHighlights';
import { useCommentsStore } from './CommentsContext';
import { CommentIcon } from './icons';

/**
 * "Comment" next to a text selection in a clause body. It stays in the tab order right after
 * the editor, so the keyboard reaches it too.
 */
export function SelectionCommentButton({
  editor,
  clauseId,
  title,
}: {
  editor: Editor | null;
  clauseId: string;
  title: string;
}) {
  const store = useCommentsStore();
  const { session } = useRoom();
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);
  const allowed = can(session.user.role as Role, 'comment');

  useEffect(() => {
    if (!editor || !allowed) return;
    const update = () => {
      const { from, to, empty } = editor.state.selection;
      if (empty || editor.isDestroyed) {
        setPosition(null);
        return;
      }
      const host = editor.view.dom.parentElement?.parentElement;
      const end = editor.view.coordsAtPos(to);
      const start = editor.view.coordsAtPos(from);
      const box = host?.getBoundingClientRect();
      if (!box) return;
      setPosition({
        top: end.bottom - box.top + 6,
        left: Math.max(0, Math.min((start.left + end.left) / 2 - box.left - 40, box.width - 170)),
      });
    };
    editor.on('selectionUpdate', update);
    editor.on('update', update);
    return () => {
      editor.off('selectionUpdate', update);
      editor.off('update', update);
    };
  }, [editor, allowed]);

  if (!editor || !position) return null;

  const start = () => {
    const { from, to, empty } = editor.state.selection;
    const binding = syncBinding(editor.state);
    if (empty || !binding) return;
    const mapping = binding.mapping as Parameters<typeof absolutePositionToRelativePosition>[2];
    store.startThread({
      type: 'text',
      clauseId,
      start: encodeAnchorPosition(absolutePositionToRelativePosition(from, binding.type, mapping)),
      end: encodeAnchorPosition(absolutePositionToRelativePosition(to, binding.type, mapping)),
      quote: editor.state.doc.textBetween(from, to, ' ').slice(0, MAX_ANCHOR_QUOTE_LENGTH),
    });
    setPosition(null);
    requestAnimationFrame(() =>
      document.getElementById(`new-thread-${clauseId}`)?.focus({ preventScroll: false }),
    );
  };

  return (
    <button
      type="button"
      className="btn btn-secondary btn-xs selection-comment"
      style={{ top: position.top, left: position.left }}
      aria-label={`Comment on the selected text of ${title}`}
      onMouseDown={(e) => e.preventDefault()}
      onClick={start}
    >
      <CommentIcon size={13} /> Comment
    </button>
  );
}
