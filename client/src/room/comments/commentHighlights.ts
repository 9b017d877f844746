// The editor plugin that underlines commented text: highlights are mapped through local edits and
// recomputed from Yjs relative positions when others' edits or the threads change.
import { decodeAnchorPosition } from '@parley/shared/comments';
import type { CommentThread } from '@parley/shared/comments';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';

export const commentHighlightsKey = new PluginKey<DecorationSet>('comment-highlights');

interface SyncBinding {
  doc: Y.Doc;
  type: Y.XmlFragment;
  mapping: Map<unknown, unknown>;
}

export function syncBinding(state: EditorState): SyncBinding | null {
  const sync = ySyncPluginKey.getState(state) as { binding?: SyncBinding } | undefined;
  return sync?.binding ?? null;
}

/** Where a text-anchored thread lies in the editor now, or null once its text is gone. */
export function anchorRange(
  state: EditorState,
  thread: CommentThread,
): { from: number; to: number } | null {
  if (thread.anchor.type !== 'text') return null;
  const binding = syncBinding(state);
  if (!binding || binding.mapping.size === 0) return null;
  const start = decodeAnchorPosition(thread.anchor.start);
  const end = decodeAnchorPosition(thread.anchor.end);
  if (!start || !end) return null;
  const mapping = binding.mapping as Parameters<typeof relativePositionToAbsolutePosition>[3];
  const from = relativePositionToAbsolutePosition(binding.doc, binding.type, start, mapping);
  const to = relativePositionToAbsolutePosition(binding.doc, binding.type, end, mapping);
  if (from === null || to === null || to <= from || to > state.doc.content.size) return null;
  return { from, to };
}

function compute(
  state: EditorState,
  threads: () => CommentThread[],
  focused: () => string | null,
): DecorationSet {
  const decorations: Decoration[] = [];
  for (const thread of threads()) {
    const range = anchorRange(state, thread);
    if (!range) continue;
    const active = focused() === thread.id;
    decorations.push(
      Decoration.inline(
        range.from,
        range.to,
        {
          class: `comment-range${thread.status === 'resolved' ? ' is-resolved' : ''}${active ? ' is-active' : ''}`,
          'data-thread-id': thread.id,
        },
        { threadId: thread.id },
      ),
    );
  }
  return DecorationSet.create(state.doc, decorations);
}

/**
 * Highlights the text each thread is anchored to. Local edits map the highlights along with the
 * text; changes that arrive from Yjs (or a change in the threads) recompute them from the
 * relative positions, so they follow what others type.
 */
export function commentHighlightsPlugin(options: {
  threads: () => CommentThread[];
  focused: () => string | null;
  onOpen: (threadId: string) => void;
}): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: commentHighlightsKey,
    state: {
      init: (_config, state) => compute(state, options.threads, options.focused),
      apply(tr, old, _oldState, newState) {
        if (tr.getMeta(commentHighlightsKey) || tr.getMeta(ySyncPluginKey))
          return compute(newState, options.threads, options.focused);
        return old.map(tr.mapping, tr.doc);
      },
    },
    props: {
      decorations: (state) => commentHighlightsKey.getState(state),
      handleClick(view, pos) {
        const set = commentHighlightsKey.getState(view.state);
        const hit = set?.find(pos, pos)[0];
        const threadId = (hit?.spec as { threadId?: string } | undefined)?.threadId;
        if (threadId && view.state.selection.empty) options.onOpen(threadId);
        return false;
      },
    },
  });
}
