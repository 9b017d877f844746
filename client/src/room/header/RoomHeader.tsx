// The room's header: title and parties, who is here, the connection and save state, this
// member's role, and the room's tools: undo and redo, search, comments, notifications, mediation,
// shortcuts and invitations, all on screen at every width.
import { navigate } from '../../lib/navigation';
import { useShallow, useStore } from '../../lib/store';
import { useRoom } from '../RoomContext';
import type { SessionState } from '../session';
import { CommentsHeaderButton } from '../comments';
import { MediationHeaderButton } from '../mediation';
import { NotificationBell } from '../notifications';
import { VisitButton } from '../visit';
import { LawyerTools } from '../versions';
import { HistoryButtons } from './HistoryButtons';

const roleNames: Record<string, string> = {
  organizer: 'Organizer',
  negotiator: 'Negotiator',
  viewer: 'Viewer',
  mediator: 'Mediator',
  observer: 'Observer',
};

/** White or near-black, whichever reads better on a member's colour (WCAG contrast). */
export function textOn(background: string): string {
  const hex = /^#([0-9a-f]{6})$/i.exec(background)?.[1];
  if (!hex) return '#ffffff';
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
  return 1.05 / (l + 0.05) >= (l + 0.05) / 0.05 ? '#ffffff' : '#111827';
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return (
    (parts[0]?.[0] ?? '?') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')
  ).toUpperCase();
}

type ConnectionFacts = Pick<SessionState, 'connection' | 'synced' | 'save'>;

export function connectionText(status: ConnectionFacts): {
  label: string;
  tone: string;
  detail: string;
} {
  if (status.connection === 'offline')
    return {
      label: 'Offline',
      tone: 'offline',
      detail:
        status.save === 'pending-offline'
          ? 'Edits are kept on this device and sync when you reconnect'
          : 'Working from this device',
    };
  if (status.connection === 'reconnecting')
    return { label: 'Reconnecting', tone: 'reconnecting', detail: 'Trying to reach the server…' };
  if (status.connection === 'connecting')
    return { label: 'Connecting', tone: 'reconnecting', detail: 'Opening the room…' };
  if (!status.synced)
    return { label: 'Syncing', tone: 'reconnecting', detail: 'Bringing this device up to date…' };
  return { label: 'Online', tone: 'online', detail: 'Connected to the room' };
}

export function saveText(status: ConnectionFacts): string {
  switch (status.save) {
    case 'saved':
      return 'All changes saved';
    case 'saving':
      return 'Saving…';
    case 'pending-offline':
      return 'Unsaved edits on this device';
    default:
      return status.synced ? 'Up to date' : 'Not yet synced';
  }
}

/** Avatars shown before the rest are counted as "+N". */
const AVATARS_SHOWN = 5;

export function RoomHeader({ onShare }: { onShare: () => void }) {
  const { canEdit, canManageInvites, session, model, ui } = useRoom();
  const sheet = useStore(model.state, (s) => s.sheet);
  const status = useStore(
    session.state,
    useShallow(({ connection, synced, save, presence, readOnlyNotice }) => ({
      connection,
      synced,
      save,
      presence,
      readOnlyNotice,
    })),
  );
  const conn = connectionText(status);
  const me = session.user;
  const myParty = sheet.parties.find((p) => p.id === me.partyId);
  return (
    <header className="room-header">
      <div className="room-header-main">
        <button
          type="button"
          className="brand brand-button"
          onClick={() => navigate('/')}
          aria-label="Parley lobby"
        >
          <span className="brand-mark" aria-hidden="true">
            P
          </span>
        </button>
        <div className="room-title-block">
          <h1 className="room-title" title={sheet.title}>
            {sheet.title}
          </h1>
          <ul className="party-chips" aria-label="Parties">
            {sheet.parties.map((party, i) => (
              <li
                key={party.id}
                className="party-chip"
                style={{ ['--pc' as string]: `var(--party-${i % 16})` }}
              >
                <span className="party-dot" aria-hidden="true" />
                {party.name}
                {party.lead && <span className="lead-tag">lead</span>}
              </li>
            ))}
          </ul>
        </div>
      </div>
      <div className="room-header-side">
        <ul className="presence" aria-label="People in the room">
          {status.presence.slice(0, AVATARS_SHOWN).map((person) => {
            const party = sheet.parties.find((p) => p.id === person.partyId);
            const description = `${person.name}${person.self ? ' (you)' : ''}, ${roleNames[person.role] ?? person.role}${party ? `, ${party.name}` : ''}`;
            return (
              <li
                key={person.key}
                className={`avatar${person.self ? ' is-self' : ''}`}
                style={{ background: person.color, color: textOn(person.color) }}
                title={description}
                aria-label={description}
              >
                <span aria-hidden="true">{initials(person.name)}</span>
              </li>
            );
          })}
          {status.presence.length > AVATARS_SHOWN && (
            <li
              className="avatar avatar-more"
              title={status.presence
                .slice(AVATARS_SHOWN)
                .map((p) => p.name)
                .join(', ')}
              aria-label={`and ${status.presence.length - AVATARS_SHOWN} more: ${status.presence
                .slice(AVATARS_SHOWN)
                .map((p) => p.name)
                .join(', ')}`}
            >
              <span aria-hidden="true">+{status.presence.length - AVATARS_SHOWN}</span>
            </li>
          )}
        </ul>
        <div className={`status-block tone-${conn.tone}`} role="status" aria-live="polite">
          <span className="conn-dot" aria-hidden="true" />
          <span className="conn-label" data-testid="connection-state">
            {conn.label}
          </span>
          <span className="save-label" data-testid="save-status" title={conn.detail}>
            {saveText(status)}
          </span>
        </div>
        <div className="me-block">
          <span className="me-name">{me.name}</span>
          <span className="me-role">
            {roleNames[me.role] ?? me.role}
            {myParty ? ` · ${myParty.name}` : ''}
            {!canEdit && ' · read only'}
          </span>
        </div>
        <div className="comment-tools" role="group" aria-label="Room tools">
          {canEdit && <HistoryButtons />}
          <button
            type="button"
            className="header-icon-btn"
            aria-label="Search the term sheet"
            title="Search the term sheet (Ctrl+F)"
            onClick={() => {
              ui.setSearchOpen(true);
              requestAnimationFrame(() => document.getElementById('sheet-search-input')?.focus());
            }}
          >
            <SearchIcon />
          </button>
          <VisitButton />
          <CommentsHeaderButton />
          <NotificationBell />
          <MediationHeaderButton />
          <button
            type="button"
            className="header-icon-btn"
            aria-label="Keyboard shortcuts"
            title="Keyboard shortcuts (?)"
            onClick={() => ui.setShortcutsOpen(true)}
          >
            <span aria-hidden="true" className="header-glyph">
              ?
            </span>
          </button>
        </div>
        <LawyerTools />
        {canManageInvites && (
          <button type="button" className="btn btn-primary btn-invite" onClick={onShare}>
            Invite
          </button>
        )}
      </div>
      {status.connection === 'offline' && (
        <div className="offline-banner" role="note">
          You are offline.{' '}
          {canEdit
            ? 'Your edits are kept on this device and will sync when the connection returns.'
            : 'You see the last state this device received.'}
        </div>
      )}
      {status.readOnlyNotice && canEdit && (
        <div className="offline-banner is-warning" role="alert">
          The server refused an edit: your role in this room is read-only.
        </div>
      )}
    </header>
  );
}

function SearchIcon() {
  return (
    <svg
      width="16"
      height="16"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      aria-hidden="true"
      focusable="false"
    >
      <circle cx="11" cy="11" r="7" />
      <path d="M20 20l-3.5-3.5" />
    </svg>
  );
}
