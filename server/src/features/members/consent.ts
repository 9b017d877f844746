// Consent to a mediator or observer: each party's organizer accepts, declines or later withdraws
// for their own party; the appointment stands only while every party accepts, and the member is
// let in (or put out at once) accordingly.
import { can, roleHasParty } from '@parley/shared/permissions';
import type {
  Appointment,
  AppointmentListResult,
  ConsentDecision,
  MemberClaims,
} from '@parley/shared/protocol';
import type { AdmissionCheck } from '../../auth/authenticate';
import { ServiceError } from '../../errors';
import type { MemberStore, SeatedMember } from '../../store/types';
import type { MembersDeps } from './deps';
import { announceAppointment } from './live';
import { loadSeating } from './seating';

function requireConsenter(caller: MemberClaims): string {
  if (!can(caller.role, 'consent') || caller.partyId === null) {
    throw new ServiceError(
      403,
      'forbidden',
      `A ${caller.role} may not decide on appointments; each party's organizers do.`,
    );
  }
  return caller.partyId;
}

export async function listAppointments(
  ctx: MembersDeps,
  caller: MemberClaims,
): Promise<AppointmentListResult> {
  requireConsenter(caller);
  return { appointments: (await loadSeating(ctx, caller.roomId)).appointments() };
}

export async function decideConsent(
  ctx: MembersDeps,
  caller: MemberClaims,
  memberId: string,
  decision: ConsentDecision,
): Promise<{ appointment: Appointment }> {
  const partyId = requireConsenter(caller);
  const seating = await loadSeating(ctx, caller.roomId);
  const target = seating.member(memberId);
  if (target === undefined || roleHasParty(target.role) || target.revokedAt !== null) {
    throw new ServiceError(404, 'not-found', `There is no appointment ${memberId} in this room.`);
  }
  const previous = seating.consents.find((c) => c.memberId === memberId && c.partyId === partyId);
  if (previous?.decision === decision) return { appointment: seating.appointment(target) };
  const wasGranted = seating.consentOf(memberId) === 'granted';
  await ctx.store.setConsent({
    roomId: caller.roomId,
    memberId,
    partyId,
    decision,
    decidedBy: caller.memberId,
    decidedAt: ctx.now(),
  });
  await ctx.audit.append(caller.roomId, {
    actorId: caller.memberId,
    action:
      decision === 'accept'
        ? 'consent.given'
        : previous?.decision === 'accept'
          ? 'consent.withdrawn'
          : 'consent.declined',
    target: memberId,
    details: { partyId },
  });
  const after = await loadSeating(ctx, caller.roomId);
  if (wasGranted && after.consentOf(memberId) !== 'granted') {
    ctx.endSessions(caller.roomId, memberId, {
      code: 'consent-withdrawn',
      message: `${after.partyName(partyId)} withdrew its consent to your appointment; you have left the room.`,
    });
  }
  const changed = after.member(memberId) ?? target;
  announceAppointment(ctx, after, changed);
  return { appointment: after.appointment(changed) };
}

/**
 * The admission every entry point asks for: members of a party are in once joined; a mediator
 * or observer only while every party consents.
 */
export function consentAdmission(ctx: Pick<MembersDeps, 'store' | 'rooms'>): AdmissionCheck {
  return async (member: SeatedMember) => {
    if (roleHasParty(member.role)) return null;
    const seating = await loadSeating(ctx, member.roomId);
    const state = seating.consentOf(member.id);
    if (state === 'granted') return null;
    const parties = seating.consentingParties();
    const accepted = seating.consents.filter(
      (c) => c.memberId === member.id && c.decision === 'accept' && parties.includes(c.partyId),
    ).length;
    return state === 'declined'
      ? {
          ok: false,
          status: 403,
          code: 'consent-declined',
          message: `A party does not consent to your appointment as ${member.role}; until every party does, the room stays closed to you.`,
        }
      : {
          ok: false,
          status: 403,
          code: 'consent-pending',
          message: `Your appointment as ${member.role} waits for the parties' consent (${accepted} of ${parties.length} so far); the room opens once every party has accepted.`,
        };
  };
}

/**
 * The parties whose consent counts changed (a party was added to or taken off the sheet): every
 * appointment that no longer has every party's consent is put out at once, and the organizers
 * see where each appointment stands now.
 */
export async function reviewAppointments(ctx: MembersDeps, roomId: string): Promise<void> {
  const seating = await loadSeating(ctx, roomId);
  for (const member of seating.members) {
    if (roleHasParty(member.role) || member.revokedAt !== null) continue;
    if (seating.consentOf(member.id) !== 'granted') {
      ctx.endSessions(roomId, member.id, {
        code: 'consent-pending',
        message:
          'A party joined the term sheet and has not consented to your appointment yet; you have left the room until it does.',
      });
    }
    announceAppointment(ctx, seating, member);
  }
}

/**
 * Whether the room has a mediator the parties let in: one still a member and consented to by
 * every party. Until then the organizer keeps facilitating.
 */
export async function mediatorAdmitted(
  ctx: { store: MemberStore; rooms: Pick<MembersDeps['rooms'], 'getDoc'> },
  roomId: string,
): Promise<boolean> {
  const seating = await loadSeating(ctx, roomId);
  return seating.members.some(
    (m) => m.role === 'mediator' && m.revokedAt === null && seating.consentOf(m.id) === 'granted',
  );
}
