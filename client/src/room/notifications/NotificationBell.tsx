// The bell in the header: mentions of this member and replies in their threads, live, with the
// unread count announced to screen readers as it changes.
import { useEffect, useRef, useState } from 'react';
import { useShallow, useStore } from '../../lib/store';
import { useCommentsStore } from '../comments/CommentsContext';
import { timeAgo } from '../comments/format';
import { BellIcon } from '../comments/icons';

/** The bell in the header: mentions of you and replies in your threads, live. */
export function NotificationBell() {
  const store = useCommentsStore();
  const { notifications, notificationsUnread } = useStore(
    store.state,
    useShallow(({ notifications, notificationsUnread }) => ({
      notifications,
      notificationsUnread,
    })),
  );
  const [open, setOpen] = useState(false);
  const wrap = useRef<HTMLDivElement>(null);

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

  return (
    <div className="bell-wrap" ref={wrap}>
      <button
        type="button"
        className={`header-icon-btn${notificationsUnread ? ' has-count' : ''}`}
        aria-expanded={open}
        aria-controls="notification-list"
        aria-label={`Notifications${notificationsUnread ? `: ${notificationsUnread} unread` : ''}`}
        onClick={() => setOpen(!open)}
      >
        <BellIcon />
        {notificationsUnread > 0 && (
          <span className="count-badge" data-testid="notifications-unread">
            {notificationsUnread}
          </span>
        )}
      </button>
      <span className="visually-hidden" aria-live="polite">
        {notificationsUnread > 0
          ? `${notificationsUnread} unread notification${notificationsUnread === 1 ? '' : 's'}`
          : ''}
      </span>
      {open && (
        <div className="popover notifications" id="notification-list">
          <div className="popover-head">
            <h2>Notifications</h2>
            {notificationsUnread > 0 && (
              <button
                type="button"
                className="btn btn-ghost btn-xs"
                onClick={() => void store.markNotificationsRead().catch(() => undefined)}
              >
                Mark all read
              </button>
            )}
          </div>
          {notifications.length === 0 ? (
            <p className="muted small popover-empty">
              Nothing yet. You hear here when someone mentions you or replies in your threads.
            </p>
          ) : (
            <ul className="notification-list" aria-label="Notifications">
              {notifications.map((n) => (
                <li key={n.id} className={n.readAt ? '' : 'is-unread'}>
                  <button
                    type="button"
                    className="notification"
                    onClick={() => {
                      setOpen(false);
                      store.showThread(n.threadId);
                      if (!n.readAt)
                        void store.markNotificationsRead([n.id]).catch(() => undefined);
                    }}
                  >
                    <span className="notification-line">
                      <strong>{n.actor.name}</strong>{' '}
                      {n.kind === 'mention' ? 'mentioned you' : 'replied in your thread'}
                    </span>
                    <span className="notification-excerpt">{n.excerpt}</span>
                    <span className="muted small">{timeAgo(n.createdAt)}</span>
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
