// In the room, for an organizer: the mediator and observer appointments waiting for their party's
// word (accept or decline, here and now), and the warning that someone opened one of their
// party's invitation links a second time.
import type { Appointment, InviteReused } from '@parley/shared/protocol';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, decideConsent, listAppointments } from '../../lib/api';
import { useStore } from '../../lib/store';
import { useRoom } from '../RoomContext';
import { partyDecisionText, roleLabel } from './consentText';
import './invites.css';

export function ConsentRequests() {
  const { roomId, token, session, model, canManageInvites } = useRoom();
  const sheet = useStore(model.state, (s) => s.sheet);
  const ownParty = session.user.partyId;
  const [appointments, setAppointments] = useState<Appointment[]>([]);
  const [reused, setReused] = useState<InviteReused[]>([]);
  const [error, setError] = useState<string | null>(null);
  const active = canManageInvites && ownParty !== null;

  const refresh = useCallback(() => {
    listAppointments(roomId, token).then(setAppointments, () => undefined);
  }, [roomId, token]);

  useEffect(() => {
    if (!active) return;
    refresh();
    const socket = session.socket;
    const onChanged = (appointment: Appointment) =>
      setAppointments((list) => [
        ...list.filter((a) => a.memberId !== appointment.memberId),
        appointment,
      ]);
    const onReused = (event: InviteReused) => setReused((list) => [...list, event]);
    socket.on('consent:changed', onChanged);
    socket.on('members:changed', refresh);
    socket.on('members:invite-reused', onReused);
    socket.on('connect', refresh);
    return () => {
      socket.off('consent:changed', onChanged);
      socket.off('members:changed', refresh);
      socket.off('members:invite-reused', onReused);
      socket.off('connect', refresh);
    };
  }, [active, refresh, session.socket]);

  if (!active) return null;
  const partyName = (id: string) => sheet.parties.find((p) => p.id === id)?.name ?? id;
  const waiting = appointments.filter(
    (a) => a.parties.find((p) => p.partyId === ownParty)?.decision === null,
  );
  if (waiting.length === 0 && reused.length === 0) return null;

  const decide = (appointment: Appointment, decision: 'accept' | 'decline') => {
    setError(null);
    decideConsent(roomId, token, appointment.memberId, decision).then(
      (updated) =>
        setAppointments((list) => list.map((a) => (a.memberId === updated.memberId ? updated : a))),
      (e: unknown) =>
        setError(e instanceof ApiError ? e.message : 'The decision could not be recorded.'),
    );
  };

  return (
    <section className="consent-requests" aria-label="Requests for your party">
      {reused.map((event) => (
        <div
          key={`${event.memberId}-${event.at}`}
          className="consent-card is-alert"
          role="alert"
          data-testid="invite-reused"
        >
          <h2>{event.name}'s invitation was opened again</h2>
          <p>
            A link opens the room once; this second use was refused. If it was not {event.name},
            revoke the seat in Invite people and send a new invitation.
          </p>
          <div className="consent-actions">
            <button
              type="button"
              className="btn btn-secondary btn-sm"
              onClick={() => setReused((list) => list.filter((e) => e !== event))}
            >
              Dismiss
            </button>
          </div>
        </div>
      ))}
      {waiting.map((appointment) => (
        <div key={appointment.memberId} className="consent-card" data-testid="consent-request">
          <h2>
            {appointment.name} is proposed as {appointment.role}
          </h2>
          <p>
            {appointment.proposedBy
              ? `Proposed by ${appointment.proposedBy.name}${appointment.proposedBy.partyId ? ` (${partyName(appointment.proposedBy.partyId)})` : ''}. `
              : ''}
            A {appointment.role} sees nothing of the room until every party accepts, and leaves at
            once if a party withdraws later.
          </p>
          <ul className="consent-parties">
            {appointment.parties.map((p) => (
              <li key={p.partyId}>{partyDecisionText(p, partyName)}</li>
            ))}
          </ul>
          <div className="consent-actions">
            <button
              type="button"
              className="btn btn-primary btn-sm"
              onClick={() => decide(appointment, 'accept')}
            >
              Accept for {partyName(ownParty ?? '')}
            </button>
            <button
              type="button"
              className="btn btn-secondary btn-sm"
              onClick={() => decide(appointment, 'decline')}
            >
              Decline
            </button>
          </div>
          <p className="muted small">
            {roleLabel(appointment.role)} appointments are listed in Invite people, where your party
            can withdraw its consent later.
          </p>
        </div>
      ))}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
