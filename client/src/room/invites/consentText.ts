// Words for seats and appointments, shared by the invitation dialog and the consent requests.
import type { Appointment, MemberInfo, PartyConsent } from '@parley/shared/protocol';

export function roleLabel(role: string): string {
  return role.charAt(0).toUpperCase() + role.slice(1);
}

export function partyDecisionText(
  consent: PartyConsent,
  partyName: (id: string) => string,
): string {
  const name = partyName(consent.partyId);
  if (consent.decision === 'accept') return `${name}: accepted`;
  if (consent.decision === 'decline') return `${name}: declined`;
  return `${name}: not yet`;
}

export function appointmentStateText(state: Appointment['state']): string {
  if (state === 'granted') return 'Every party consented';
  if (state === 'declined') return 'A party declined';
  return 'Waiting for consent';
}

function time(at: number): string {
  return new Date(at).toLocaleString(undefined, {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** Where a seat stands, in words: its link used or not, and for an appointment the consent. */
export function seatStatusText(member: MemberInfo): string {
  if (member.revokedAt !== null) return 'Revoked';
  const seat =
    member.joinedAt === null || member.joinedAt === undefined
      ? 'Not joined yet'
      : `Joined ${time(member.joinedAt)}`;
  return member.consent ? `${seat} · ${appointmentStateText(member.consent)}` : seat;
}

export function reuseText(member: MemberInfo): string | null {
  if (member.reuseRefusedAt === null || member.reuseRefusedAt === undefined) return null;
  return `Someone opened this link again ${time(member.reuseRefusedAt)} and was refused. If it was not ${member.name}, revoke the seat and invite them again.`;
}
