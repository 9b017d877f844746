// Comments across the whole room: the side panel of every visible thread grouped by clause, the
// header button that opens it, and the unread badge each outline entry carries.
import { useEffect, useRef, useState } from 'react';
import { useShallow, useStore } from '../../lib/store';
import { kindTitle } from '../kindLabel';
import { useRoom } from '../RoomContext';
import { useCommentsStore } from './CommentsContext';
import { CommentIcon } from './icons';
import { ThreadView } from './ThreadView';
import { useDetached } from './useDetached';
import { useReturnFocus } from './useReturnFocus';

type Filter = 'open' | 'unread' | 'resolved' | 'all';

/** Every thread of the room the member may see, grouped by clause, in a side panel. */
export function RoomCommentsPanel() {
  const store = useCommentsStore();
  const { model } = useRoom();
  const { roomPanelOpen, threads, unread } = useStore(
    store.state,
    useShallow(({ roomPanelOpen, threads, unread }) => ({ roomPanelOpen, threads, unread })),
  );
  const sheet = useStore(model.state, (s) => s.sheet);
  const isDetached = useDetached();
  const [filter, setFilter] = useState<Filter>('open');
  const closeRef = useRef<HTMLButtonElement>(null);
  useReturnFocus(roomPanelOpen);

  useEffect(() => {
    if (!roomPanelOpen) return;
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') store.setRoomPanelOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [roomPanelOpen, store]);

  if (!roomPanelOpen) return null;
  const shown = threads.filter((t) =>
    filter === 'all'
      ? true
      : filter === 'unread'
        ? (unread.byThread[t.id] ?? 0) > 0
        : t.status === filter,
  );
  const groups = sheet.clauses
    .map((clause) => ({
      clause,
      title: kindTitle(clause),
      threads: shown.filter((t) => t.clauseId === clause.id),
    }))
    .filter((g) => g.threads.length > 0);
  const orphans = shown.filter((t) => !sheet.clauses.some((c) => c.id === t.clauseId));

  return (
    <aside className="side-panel comments-panel" aria-labelledby="room-comments-h" role="dialog">
      <header className="side-panel-head">
        <h2 id="room-comments-h">Comments</h2>
        <button
          ref={closeRef}
          type="button"
          className="btn btn-icon btn-xs"
          aria-label="Close comments"
          onClick={() => store.setRoomPanelOpen(false)}
        >
          ×
        </button>
      </header>
      <div className="segmented" role="group" aria-label="Show threads">
        {(['open', 'unread', 'resolved', 'all'] as const).map((f) => (
          <button
            key={f}
            type="button"
            className={`segment${filter === f ? ' is-on' : ''}`}
            aria-pressed={filter === f}
            onClick={() => setFilter(f)}
          >
            {f === 'open'
              ? 'Open'
              : f === 'unread'
                ? `Unread (${unread.total})`
                : f === 'resolved'
                  ? 'Resolved'
                  : 'All'}
          </button>
        ))}
      </div>
      <div className="side-panel-body">
        {groups.length === 0 && orphans.length === 0 && (
          <p className="muted small">No threads here.</p>
        )}
        {groups.map((group) => (
          <section
            key={group.clause.id}
            className="panel-group"
            aria-labelledby={`rc-${group.clause.id}`}
          >
            <h3 id={`rc-${group.clause.id}`} className="panel-group-title">
              {group.title}
            </h3>
            <ul className="thread-list" aria-label={`Threads on ${group.title}`}>
              {group.threads.map((thread) => (
                <li key={thread.id}>
                  <ThreadView
                    thread={thread}
                    clauseTitle={group.title}
                    parties={sheet.parties}
                    detached={isDetached(thread)}
                  />
                </li>
              ))}
            </ul>
          </section>
        ))}
        {orphans.length > 0 && (
          <section className="panel-group" aria-labelledby="rc-removed">
            <h3 id="rc-removed" className="panel-group-title">
              Removed clauses
            </h3>
            <ul className="thread-list" aria-label="Threads on removed clauses">
              {orphans.map((thread) => (
                <li key={thread.id}>
                  <ThreadView
                    thread={thread}
                    clauseTitle="a removed clause"
                    parties={sheet.parties}
                    detached
                  />
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </aside>
  );
}

/** The header button: total unread, opens the room's comments. */
export function CommentsHeaderButton() {
  const store = useCommentsStore();
  const { total, roomPanelOpen } = useStore(
    store.state,
    useShallow((s) => ({ total: s.unread.total, roomPanelOpen: s.roomPanelOpen })),
  );
  return (
    <button
      type="button"
      className={`header-icon-btn${total ? ' has-count' : ''}`}
      aria-expanded={roomPanelOpen}
      aria-label={`Comments${total ? `: ${total} unread` : ''}`}
      onClick={() => store.setRoomPanelOpen(!roomPanelOpen)}
    >
      <CommentIcon />
      {total > 0 && (
        <span className="count-badge" data-testid="comments-unread-total">
          {total}
        </span>
      )}
    </button>
  );
}

/** The unread count of one clause, for the outline. */
export function OutlineUnreadBadge({ clauseId }: { clauseId: string }) {
  const store = useCommentsStore();
  const count = useStore(store.state, (s) => s.unread.byClause[clauseId] ?? 0);
  if (!count) return null;
  return (
    <span className="outline-unread" data-testid={`outline-unread-${clauseId}`}>
      {count}
      <span className="visually-hidden"> unread comment{count === 1 ? '' : 's'}</span>
    </span>
  );
}
