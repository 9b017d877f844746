// The organizer's invitation dialog: their own link, one invitation per person with a role and a
// party, links to copy, and revocation that disconnects at once.
import { roleHasParty } from '@parley/shared/permissions';
import { MAX_NAME_LENGTH } from '@parley/shared/protocol';
import type { Role } from '@parley/shared/permissions';
import type { MemberInfo } from '@parley/shared/protocol';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, createInvite, listMembers, revokeInvite } from '../../lib/api';
import { useStore } from '../../lib/store';
import { useRoom } from '../RoomContext';

const roleOptions: { value: Role; label: string; hint: string }[] = [
  { value: 'negotiator', label: 'Negotiator', hint: 'Edits terms for their party' },
  { value: 'viewer', label: 'Viewer', hint: 'Reads and comments for their party' },
  { value: 'mediator', label: 'Mediator', hint: 'Neutral; runs the session' },
  { value: 'observer', label: 'Observer', hint: 'Read only, no party' },
  { value: 'organizer', label: 'Organizer', hint: 'Full control, incl. invites' },
];

function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="btn btn-secondary btn-sm"
      aria-label={label}
      onClick={() => {
        void navigator.clipboard?.writeText(text).then(
          () => {
            setCopied(true);
            setTimeout(() => setCopied(false), 1600);
          },
          () => setCopied(false),
        );
      }}
    >
      {copied ? 'Copied' : 'Copy link'}
    </button>
  );
}

function absolute(url: string): string {
  try {
    return new URL(url, window.location.origin).toString();
  } catch {
    return url;
  }
}

export function InvitesDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { roomId, token, session, model } = useRoom();
  const sheet = useStore(model.state, (s) => s.sheet);
  const ref = useRef<HTMLDialogElement>(null);
  const [members, setMembers] = useState<MemberInfo[]>([]);
  const [links, setLinks] = useState<Record<string, string>>({});
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('negotiator');
  const [party, setParty] = useState<string>('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(() => {
    listMembers(roomId, token)
      .then(setMembers)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [roomId, token]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      refresh();
    } else if (!open && dialog.open) dialog.close();
  }, [open, refresh]);

  useEffect(() => {
    if (!party && sheet.parties[0]) setParty(sheet.parties[0].id);
  }, [party, sheet.parties]);

  const needsParty = roleHasParty(role);
  const organizerLink = absolute(`/rooms/${encodeURIComponent(roomId)}#token=${token}`);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await createInvite(roomId, token, {
        name: name.trim(),
        role,
        party: needsParty ? party : null,
      });
      setLinks((prev) => ({ ...prev, [created.id]: absolute(created.url) }));
      setName('');
      refresh();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'The invitation could not be created.');
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (member: MemberInfo) => {
    try {
      await revokeInvite(roomId, token, member.id);
      refresh();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'The invitation could not be revoked.');
    }
  };

  const partyName = (id: string | null) => sheet.parties.find((p) => p.id === id)?.name ?? '—';

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="invites-title" onClose={onClose}>
      <div className="dialog-head">
        <h2 id="invites-title">Invite people</h2>
        <button
          type="button"
          className="btn btn-icon"
          aria-label="Close invitations"
          onClick={onClose}
        >
          ×
        </button>
      </div>
      <div className="dialog-body">
        <div className="link-box">
          <div>
            <div className="small muted">Your organizer link (keep it private)</div>
            <code className="link-text" data-testid="organizer-link">
              {organizerLink}
            </code>
          </div>
          <CopyButton text={organizerLink} label="Copy your organizer link" />
        </div>

        <form className="invite-form" onSubmit={submit}>
          <div className="field">
            <label htmlFor="invite-name">Name</label>
            <input
              id="invite-name"
              className="input"
              value={name}
              onChange={(e) => setName(e.target.value)}
              required
              maxLength={MAX_NAME_LENGTH}
              placeholder="e.g. Dana Ortiz"
            />
          </div>
          <div className="field">
            <label htmlFor="invite-role">Role</label>
            <select
              id="invite-role"
              className="input select"
              value={role}
              onChange={(e) => setRole(e.target.value as Role)}
            >
              {roleOptions.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
            <p className="hint">{roleOptions.find((o) => o.value === role)?.hint}</p>
          </div>
          {needsParty && (
            <div className="field">
              <label htmlFor="invite-party">Party</label>
              <select
                id="invite-party"
                className="input select"
                value={party}
                onChange={(e) => setParty(e.target.value)}
              >
                {sheet.parties.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <button type="submit" className="btn btn-primary" disabled={busy || !name.trim()}>
            {busy ? 'Creating…' : 'Create invitation'}
          </button>
        </form>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}

        <table className="members-table">
          <caption className="visually-hidden">Members and invitations</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Party</th>
              <th scope="col">Link</th>
            </tr>
          </thead>
          <tbody>
            {members.map((member) => {
              const link = links[member.id];
              const self = member.id === session.user.memberId;
              return (
                <tr key={member.id} className={member.revokedAt ? 'is-revoked' : undefined}>
                  <th scope="row">
                    {member.name}
                    {self && <span className="muted"> (you)</span>}
                  </th>
                  <td>{member.role}</td>
                  <td>{partyName(member.partyId)}</td>
                  <td className="member-actions">
                    <div>
                      {member.revokedAt ? (
                        <span className="muted small">Revoked</span>
                      ) : (
                        <>
                          {link && (
                            <>
                              <input
                                className="input input-link"
                                readOnly
                                value={link}
                                aria-label={`Invitation link for ${member.name}`}
                                onFocus={(e) => e.target.select()}
                              />
                              <CopyButton
                                text={link}
                                label={`Copy invitation link for ${member.name}`}
                              />
                            </>
                          )}
                          {!self && (
                            <button
                              type="button"
                              className="btn btn-ghost btn-sm btn-danger-text"
                              aria-label={`Revoke invitation for ${member.name}`}
                              onClick={() => void revoke(member)}
                            >
                              Revoke
                            </button>
                          )}
                        </>
                      )}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="hint">
          A link is shown only when its invitation is created. If one is lost, revoke it and invite
          the person again.
        </p>
      </div>
    </dialog>
  );
}
