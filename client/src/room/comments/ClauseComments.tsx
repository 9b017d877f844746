// A clause's comments: the button in its head with its counts, and the panel under it with its
// threads (open ones first) and the form to start a new one.
import type { CommentThread } from '@parley/shared/comments';
import { useShallow, useStore } from '../../lib/store';
import { useRoom } from '../RoomContext';
import { useCommentsStore } from './CommentsContext';
import { CommentIcon } from './icons';
import { NewThreadForm } from './NewThreadForm';
import { paramLeafPaths } from './paramPaths';
import { ThreadView } from './ThreadView';
import { useDetached } from './useDetached';

function threadOrder(a: CommentThread, b: CommentThread): number {
  if (a.status !== b.status) return a.status === 'open' ? -1 : 1;
  return a.createdAt - b.createdAt;
}

/** The button in a clause's head: how many threads, how many unread; opens the panel. */
export function ClauseCommentsToggle({ clauseId, title }: { clauseId: string; title: string }) {
  const store = useCommentsStore();
  const { count, unreadHere, open } = useStore(
    store.state,
    useShallow((s) => ({
      count: s.threads.filter((t) => t.clauseId === clauseId && t.status === 'open').length,
      unreadHere: s.unread.byClause[clauseId] ?? 0,
      open: !!s.openClauses[clauseId],
    })),
  );
  return (
    <button
      type="button"
      className={`comments-toggle${open ? ' is-open' : ''}${unreadHere ? ' has-unread' : ''}`}
      aria-expanded={open}
      aria-controls={`comments-${clauseId}`}
      aria-label={`Comments on ${title}: ${count} open${unreadHere ? `, ${unreadHere} unread` : ''}`}
      onClick={() => {
        store.setClauseOpen(clauseId, !open);
        // The panel opens under the clause, often below the screen: bring it into view.
        if (!open)
          requestAnimationFrame(() => {
            const panel = document.getElementById(`comments-${clauseId}`);
            panel?.scrollIntoView({ behavior: 'smooth', block: 'start' });
            document.getElementById(`comments-${clauseId}-h`)?.focus({ preventScroll: true });
          });
      }}
    >
      <CommentIcon size={14} />
      <span>{count > 0 ? count : 'Comments'}</span>
      {unreadHere > 0 && (
        <span className="unread-badge" data-testid={`clause-unread-${clauseId}`}>
          {unreadHere}
        </span>
      )}
    </button>
  );
}

/** The comment panel under a clause: its threads and a form to open a new one. */
export function ClauseComments({
  clauseId,
  title,
  params,
}: {
  clauseId: string;
  title: string;
  params: unknown;
}) {
  const store = useCommentsStore();
  const { model } = useRoom();
  const { open, loaded } = useStore(
    store.state,
    useShallow((s) => ({ open: !!s.openClauses[clauseId], loaded: s.loaded })),
  );
  const threads = useStore(
    store.state,
    useShallow((s) => s.threads.filter((t) => t.clauseId === clauseId)),
  );
  const sheet = useStore(model.state, (s) => s.sheet);
  const isDetached = useDetached();
  if (!open) return null;
  const mine = [...threads].sort(threadOrder);
  return (
    <section
      className="clause-comments"
      id={`comments-${clauseId}`}
      aria-labelledby={`comments-${clauseId}-h`}
    >
      <h3 id={`comments-${clauseId}-h`} className="clause-comments-title" tabIndex={-1}>
        Comments on {title}
      </h3>
      {!loaded && <p className="muted small">Loading comments…</p>}
      {loaded && mine.length === 0 && (
        <p className="muted small">No comments yet. Select text in the clause to comment on it.</p>
      )}
      {mine.length > 0 && (
        <ul className="thread-list" aria-label={`Threads on ${title}`}>
          {mine.map((thread) => (
            <li key={thread.id}>
              <ThreadView
                thread={thread}
                clauseTitle={title}
                parties={sheet.parties}
                detached={isDetached(thread)}
              />
            </li>
          ))}
        </ul>
      )}
      <NewThreadForm
        clauseId={clauseId}
        clauseTitle={title}
        parties={sheet.parties}
        paramPaths={paramLeafPaths(params)}
      />
    </section>
  );
}
