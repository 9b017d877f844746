import { resolveTextAnchor } from '@parley/shared/comments';
import type { CommentThread } from '@parley/shared/comments';
import * as Y from 'yjs';
import { getClauseMap } from '../roomDoc';
import { useRoom, useSnapshot } from '../RoomContext';
import { useComments, useCommentsStore } from './CommentsContext';
import { NewThreadForm } from './NewThreadForm';
import { paramLeafPaths } from './paramPaths';
import { ThreadView } from './ThreadView';
import { CommentIcon } from './icons';

/** Whether a text-anchored thread has lost its text (it then stays on the clause, marked). */
export function useDetached(): (thread: CommentThread) => boolean {
  const { session } = useRoom();
  useSnapshot();
  return (thread) => {
    if (thread.anchor.type !== 'text') return false;
    const body = getClauseMap(session.doc, thread.clauseId)?.get('body');
    if (!(body instanceof Y.XmlFragment)) return true;
    return resolveTextAnchor(body, thread.anchor).detached;
  };
}

function threadOrder(a: CommentThread, b: CommentThread): number {
  if (a.status !== b.status) return a.status === 'open' ? -1 : 1;
  return a.createdAt - b.createdAt;
}

/** The button in a clause's head: how many threads, how many unread; opens the panel. */
export function ClauseCommentsToggle({ clauseId, title }: { clauseId: string; title: string }) {
  const store = useCommentsStore();
  const { threads, unread, openClauses } = useComments();
  const count = threads.filter((t) => t.clauseId === clauseId && t.status === 'open').length;
  const unreadHere = unread.byClause[clauseId] ?? 0;
  const open = !!openClauses[clauseId];
  return (
    <button
      type="button"
      className={`comments-toggle${open ? ' is-open' : ''}${unreadHere ? ' has-unread' : ''}`}
      aria-expanded={open}
      aria-controls={`comments-${clauseId}`}
      aria-label={`Comments on ${title}: ${count} open${unreadHere ? `, ${unreadHere} unread` : ''}`}
      onClick={() => store.setClauseOpen(clauseId, !open)}
    >
      <CommentIcon size={14} />
      <span>{count > 0 ? count : 'Comment'}</span>
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
  const { threads, openClauses, loaded } = useComments();
  const { sheet } = useSnapshot();
  const isDetached = useDetached();
  if (!openClauses[clauseId]) return null;
  const mine = threads.filter((t) => t.clauseId === clauseId).sort(threadOrder);
  return (
    <section
      className="clause-comments"
      id={`comments-${clauseId}`}
      aria-labelledby={`comments-${clauseId}-h`}
    >
      <h3 id={`comments-${clauseId}-h`} className="clause-comments-title">
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
