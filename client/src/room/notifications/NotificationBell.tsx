// The bell in the header: mentions of this member and replies in their threads (kept by the
// server), and this visit's live news: caucus messages, proposals awaiting this member's party,
// voided sign-offs, people joining or leaving; the unread count is announced as it changes.
import { can } from '@parley/shared/permissions';
import type { Role } from '@parley/shared/permissions';
import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useShallow, useStore } from '../../lib/store';
import { useCommentsStore } from '../comments/CommentsContext';
import { timeAgo } from '../comments/format';
import { BellIcon } from '../comments/icons';
import { kindTitle } from '../kindLabel';
import { useMediation } from '../mediation/MediationContext';
import { useRoom } from '../RoomContext';
import { scrollToClause } from '../scrollToClause';
import { LiveNotifications } from './liveNotifications';
import type { LiveNotification } from './liveNotifications';

/** One line of the bell's list, whether the server keeps it or this visit heard it. */
interface Entry {
  source: 'comment' | 'live';
  id: string;
  at: number;
  read: boolean;
  line: ReactNode;
  excerpt: string;
  onOpen(): void;
}

/** The room's live news for this visit, following the session's socket while the room is open. */
function useLiveNotifications(): LiveNotifications {
  const { session, model } = useRoom();
  const [live] = useState(() => {
    const { memberId, partyId, role } = session.user;
    return new LiveNotifications(session.socket, {
      memberId,
      partyId,
      decides: partyId !== null && can(role as Role, 'accept'),
    });
  });
  useEffect(() => {
    live.clauseTitle = (id) => {
      const clause = model.state.getState().sheet.clauses.find((c) => c.id === id);
      return clause ? kindTitle(clause) : 'a removed clause';
    };
    live.partyName = (id) =>
      model.state.getState().sheet.parties.find((p) => p.id === id)?.name ?? 'a party';
  }, [live, model]);
  useEffect(() => live.attach(), [live]);
  return live;
}

export function NotificationBell() {
  const store = useCommentsStore();
  const { store: mediation } = useMediation();
  const live = useLiveNotifications();
  const { notifications, notificationsUnread } = useStore(
    store.state,
    useShallow(({ notifications, notificationsUnread }) => ({
      notifications,
      notificationsUnread,
    })),
  );
  const { items, unread: liveUnread } = useStore(
    live.state,
    useShallow(({ items, unread }) => ({ items, unread })),
  );
  const [open, setOpen] = useState(false);
  const wrap = useRef<HTMLDivElement>(null);
  const unread = notificationsUnread + liveUnread;

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!wrap.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const openLive = (n: LiveNotification) => {
    setOpen(false);
    live.markRead([n.id]);
    if (n.kind === 'caucus') mediation.openPanel('caucus');
    else if (n.clauseId) requestAnimationFrame(() => scrollToClause(n.clauseId!));
  };

  const entries: Entry[] = [
    ...notifications.map<Entry>((n) => ({
      source: 'comment',
      id: n.id,
      at: n.createdAt,
      read: n.readAt !== null,
      line: (
        <>
          <strong>{n.actor.name}</strong>{' '}
          {n.kind === 'mention' ? 'mentioned you' : 'replied in your thread'}
        </>
      ),
      excerpt: n.excerpt,
      onOpen: () => {
        setOpen(false);
        store.showThread(n.threadId);
        if (!n.readAt) void store.markNotificationsRead([n.id]).catch(() => undefined);
      },
    })),
    ...items.map<Entry>((n) => ({
      source: 'live',
      id: n.id,
      at: n.at,
      read: n.read,
      line: n.actor ? (
        <>
          <strong>{n.actor}</strong> {n.text}
        </>
      ) : (
        n.text
      ),
      excerpt: '',
      onOpen: () => openLive(n),
    })),
  ].sort((a, b) => b.at - a.at);

  return (
    <div className="bell-wrap" ref={wrap}>
      <button
        type="button"
        className={`header-icon-btn${unread ? ' has-count' : ''}`}
        aria-expanded={open}
        aria-controls="notification-list"
        aria-label={`Notifications${unread ? `: ${unread} unread` : ''}`}
        onClick={() => setOpen(!open)}
      >
        <BellIcon />
        {unread > 0 && (
          <span className="count-badge" data-testid="notifications-unread">
            {unread}
          </span>
        )}
      </button>
      <span className="visually-hidden" aria-live="polite">
        {unread > 0 ? `${unread} unread notification${unread === 1 ? '' : 's'}` : ''}
      </span>
      {open && (
        <div className="popover notifications" id="notification-list">
          <div className="popover-head">
            <h2>Notifications</h2>
            {unread > 0 && (
              <button
                type="button"
                className="btn btn-ghost btn-xs"
                onClick={() => {
                  live.markRead();
                  if (notificationsUnread > 0)
                    void store.markNotificationsRead().catch(() => undefined);
                }}
              >
                Mark all read
              </button>
            )}
          </div>
          {entries.length === 0 ? (
            <p className="muted small popover-empty">
              Nothing yet. You hear here when someone mentions you or replies in your threads,
              writes in your caucus, proposes a change your party decides on, voids your sign-off,
              or joins or leaves the room.
            </p>
          ) : (
            <ul className="notification-list" aria-label="Notifications">
              {entries.map((n) => (
                <li key={`${n.source}:${n.id}`} className={n.read ? '' : 'is-unread'}>
                  <button type="button" className="notification" onClick={n.onOpen}>
                    <span className="notification-line">{n.line}</span>
                    {n.excerpt && <span className="notification-excerpt">{n.excerpt}</span>}
                    <span className="muted small">{timeAgo(n.at)}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
