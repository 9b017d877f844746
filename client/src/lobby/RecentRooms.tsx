// The lobby's list of rooms opened in this browser, newest first, each a link that opens the room
// with the invitation this browser kept; "Forget" takes one off the list.
import { useState } from 'react';
import { navigate } from '../lib/navigation';
import { forgetRoom, recentRooms } from '../lib/recentRooms';
import type { RecentRoom } from '../lib/recentRooms';

const roleNames: Record<string, string> = {
  organizer: 'organizer',
  negotiator: 'negotiator',
  viewer: 'viewer',
  mediator: 'mediator',
  observer: 'observer',
};

function when(at: number): string {
  return new Date(at).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

export function RecentRooms() {
  const [rooms, setRooms] = useState<RecentRoom[]>(() => recentRooms(localStorage));
  if (rooms.length === 0) return null;
  return (
    <section className="card recent-rooms" aria-labelledby="recent-heading">
      <h2 id="recent-heading">Recently opened in this browser</h2>
      <ul className="recent-list">
        {rooms.map((room) => {
          const href = `/rooms/${encodeURIComponent(room.roomId)}`;
          return (
            <li key={room.roomId} className="recent-item">
              <a
                href={href}
                className="recent-link"
                onClick={(e) => {
                  e.preventDefault();
                  navigate(href);
                }}
              >
                <span className="recent-title">{room.title}</span>
                <span className="muted small">
                  as {roleNames[room.role] ?? room.role} · last opened {when(room.openedAt)}
                </span>
              </a>
              <button
                type="button"
                className="btn btn-ghost btn-xs"
                aria-label={`Forget ${room.title}`}
                onClick={() => {
                  forgetRoom(localStorage, room.roomId);
                  setRooms(recentRooms(localStorage));
                }}
              >
                Forget
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
