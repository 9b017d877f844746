// The organizer's invitation dialog: their own link, their party's seats with who invited whom
// and whether each link was used, invitations for their party (and, for the room's creator, the
// first seats of parties nobody joined yet), proposals of a mediator or observer with where every
// party's consent stands, role changes, and revocation that disconnects at once.
import { roleHasParty } from '@parley/shared/permissions';
import { MAX_NAME_LENGTH } from '@parley/shared/protocol';
import type { Role } from '@parley/shared/permissions';
import type { Appointment, MemberInfo } from '@parley/shared/protocol';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  ApiError,
  createInvite,
  decideConsent,
  listAppointments,
  listMembers,
  revokeInvite,
  updateMember,
} from '../../lib/api';
import { useStore } from '../../lib/store';
import { useRoom } from '../RoomContext';
import { partyDecisionText, reuseText, roleLabel, seatStatusText } from './consentText';
import './invites.css';

const roleOptions: { value: Role; label: string; hint: string }[] = [
  { value: 'negotiator', label: 'Negotiator', hint: 'Edits terms for their party' },
  { value: 'viewer', label: 'Viewer', hint: 'Reads and comments for their party' },
  {
    value: 'mediator',
    label: 'Mediator',
    hint: 'Neutral; runs the session. Sees nothing until every party consents',
  },
  {
    value: 'observer',
    label: 'Observer',
    hint: 'Read only, no party. Sees nothing until every party consents',
  },
  {
    value: 'organizer',
    label: 'Organizer',
    hint: 'Invites their party, consents to a mediator for it',
  },
];

const partyRoles: Role[] = ['organizer', 'negotiator', 'viewer'];

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
  const [invitable, setInvitable] = useState<string[]>([]);
  const [appointments, setAppointments] = useState<Appointment[]>([]);
  const [links, setLinks] = useState<Record<string, string>>({});
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('negotiator');
  const [party, setParty] = useState<string>('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ownParty = session.user.partyId;

  const refresh = useCallback(() => {
    Promise.all([listMembers(roomId, token), listAppointments(roomId, token)])
      .then(([list, appointed]) => {
        setMembers(list.members);
        setInvitable(list.invitableParties);
        setAppointments(appointed);
      })
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

  // Seats change elsewhere too: a colleague joins, another organizer invites or a party decides.
  useEffect(() => {
    if (!open) return;
    const socket = session.socket;
    socket.on('members:changed', refresh);
    socket.on('consent:changed', refresh);
    return () => {
      socket.off('members:changed', refresh);
      socket.off('consent:changed', refresh);
    };
  }, [open, refresh, session.socket]);

  useEffect(() => {
    if (invitable.length === 0) return;
    if (!invitable.includes(party))
      setParty(invitable.includes(ownParty ?? '') ? (ownParty ?? '') : (invitable[0] ?? ''));
  }, [party, invitable, ownParty]);

  const needsParty = roleHasParty(role);
  const organizerLink = absolute(`/rooms/${encodeURIComponent(roomId)}#token=${token}`);
  const partyName = (id: string | null) =>
    id === null ? '—' : (sheet.parties.find((p) => p.id === id)?.name ?? id);
  const seatingAnother = needsParty && party !== '' && party !== ownParty;

  const run = async (what: string, action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      refresh();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : `${what} failed.`);
    }
  };

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

  const myDecision = (memberId: string) =>
    appointments.find((a) => a.memberId === memberId)?.parties.find((p) => p.partyId === ownParty)
      ?.decision ?? null;

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
            <div className="small muted">
              Your personal link (keep it private): it opens the room as you on another device
            </div>
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
                onChange={(e) => {
                  setParty(e.target.value);
                  // Another party is seated with its organizer.
                  if (e.target.value !== ownParty) setRole('organizer');
                }}
              >
                {invitable.map((id) => (
                  <option key={id} value={id}>
                    {partyName(id)}
                  </option>
                ))}
              </select>
              {seatingAnother && (
                <p className="hint">
                  You seat {partyName(party)} with one invitation, for its organizer; once they
                  join, only {partyName(party)}'s organizers invite its people.
                </p>
              )}
            </div>
          )}
          <button type="submit" className="btn btn-primary" disabled={busy || !name.trim()}>
            {busy ? 'Creating…' : needsParty ? 'Create invitation' : 'Propose and invite'}
          </button>
        </form>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}

        <table className="members-table">
          <caption className="visually-hidden">Your party's members and the appointments</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Party</th>
              <th scope="col">Invited by</th>
              <th scope="col">Status</th>
              <th scope="col">Link</th>
            </tr>
          </thead>
          <tbody>
            {members.map((member) => {
              const link = links[member.id];
              const self = member.id === session.user.memberId;
              const live = member.revokedAt === null;
              const reuse = reuseText(member);
              const appointed = !roleHasParty(member.role);
              const decision = appointed ? myDecision(member.id) : null;
              return (
                <tr key={member.id} className={live ? undefined : 'is-revoked'}>
                  <th scope="row">
                    {member.name}
                    {self && <span className="muted"> (you)</span>}
                  </th>
                  <td>
                    {live && !self && !appointed ? (
                      <select
                        className="input select seat-role-select"
                        aria-label={`Role of ${member.name}`}
                        value={member.role}
                        onChange={(e) =>
                          void run('The role change', () =>
                            updateMember(roomId, token, member.id, {
                              role: e.target.value as 'organizer' | 'negotiator' | 'viewer',
                            }),
                          )
                        }
                      >
                        {partyRoles.map((r) => (
                          <option key={r} value={r}>
                            {roleLabel(r)}
                          </option>
                        ))}
                      </select>
                    ) : (
                      roleLabel(member.role)
                    )}
                  </td>
                  <td>{partyName(member.partyId)}</td>
                  <td>{member.invitedBy?.name ?? '—'}</td>
                  <td>
                    <div className="seat-status">
                      <span>{seatStatusText(member)}</span>
                      {reuse && (
                        <span className="seat-warning" role="note">
                          {reuse}
                        </span>
                      )}
                    </div>
                  </td>
                  <td className="member-actions">
                    <div>
                      {!live ? (
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
                          {appointed && ownParty !== null && (
                            <button
                              type="button"
                              className="btn btn-ghost btn-sm"
                              aria-label={
                                decision === 'accept'
                                  ? `Withdraw consent to ${member.name}`
                                  : `Consent to ${member.name}`
                              }
                              onClick={() =>
                                void run('The decision', () =>
                                  decideConsent(
                                    roomId,
                                    token,
                                    member.id,
                                    decision === 'accept' ? 'decline' : 'accept',
                                  ),
                                )
                              }
                            >
                              {decision === 'accept' ? 'Withdraw consent' : 'Consent'}
                            </button>
                          )}
                          {!self && (
                            <button
                              type="button"
                              className="btn btn-ghost btn-sm btn-danger-text"
                              aria-label={`Revoke invitation for ${member.name}`}
                              onClick={() =>
                                void run('The revocation', () =>
                                  revokeInvite(roomId, token, member.id),
                                )
                              }
                            >
                              Revoke
                            </button>
                          )}
                        </>
                      )}
                    </div>
                    {appointed && live && (
                      <ul className="consent-parties" aria-label={`Consent to ${member.name}`}>
                        {(appointments.find((a) => a.memberId === member.id)?.parties ?? []).map(
                          (p) => (
                            <li key={p.partyId}>{partyDecisionText(p, (id) => partyName(id))}</li>
                          ),
                        )}
                      </ul>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="hint">
          Each link opens the room once. A link is shown only when its invitation is created; if one
          is lost, revoke it and invite the person again. A mediator or observer sees nothing until
          an organizer of every party has consented.
        </p>
      </div>
    </dialog>
  );
}
