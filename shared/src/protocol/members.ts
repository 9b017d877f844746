// Membership on the wire: joining with an invitation, a party's own member list, changes to a
// member, and the consent every party gives (or withholds) to a mediator or an observer.
import { z } from 'zod';
import { roleSchema } from '../permissions/roles';
import type { AckCallback } from './ack';
import { MAX_ID_LENGTH, MAX_NAME_LENGTH } from './limits';

/** Where a seat stands: its link not used yet, joined (bound to one session), or revoked. */
export const seatStatusSchema = z.enum(['invited', 'joined', 'revoked']);

export type SeatStatus = z.infer<typeof seatStatusSchema>;

/**
 * Whether a mediator or observer may be in the room: `granted` once an organizer of every party
 * accepted, `declined` while any party declines or withdrew, `pending` otherwise.
 */
export const consentStateSchema = z.enum(['pending', 'declined', 'granted']);

export type ConsentState = z.infer<typeof consentStateSchema>;

/** A member as another member names them: id and name only. */
export const memberRefSchema = z.object({ id: z.string(), name: z.string() });

export type MemberRef = z.infer<typeof memberRefSchema>;

/** The roles a party gives its own members. */
export const partyRoleSchema = z.enum(['organizer', 'negotiator', 'viewer']);

/** PATCH /api/rooms/:roomId/invites/:id: a new name, a new role within the party, or both. */
export const updateMemberRequestSchema = z
  .object({
    name: z.string().trim().min(1).max(MAX_NAME_LENGTH).optional(),
    role: partyRoleSchema.optional(),
  })
  .strict()
  .refine((body) => body.name !== undefined || body.role !== undefined, {
    message: 'give a name, a role or both',
  });

export type UpdateMemberRequest = z.infer<typeof updateMemberRequestSchema>;

export const consentDecisionSchema = z.enum(['accept', 'decline']);

export type ConsentDecision = z.infer<typeof consentDecisionSchema>;

/** PUT /api/rooms/:roomId/appointments/:memberId/consent: the caller's party decides. */
export const consentRequestSchema = z.object({ decision: consentDecisionSchema }).strict();

/** `consent:decide` over Socket.IO: the same decision, naming the appointment. */
export const consentDecideRequestSchema = z
  .object({ memberId: z.string().min(1).max(MAX_ID_LENGTH), decision: consentDecisionSchema })
  .strict();

export type ConsentDecideRequest = z.infer<typeof consentDecideRequestSchema>;

/** One party's word on an appointment; `decision` null while it has not spoken. */
export const partyConsentSchema = z.object({
  partyId: z.string(),
  decision: consentDecisionSchema.nullable(),
  decidedBy: memberRefSchema.nullable(),
  decidedAt: z.number().nullable(),
});

export type PartyConsent = z.infer<typeof partyConsentSchema>;

/** A mediator or observer appointment as the parties' organizers see it. */
export const appointmentSchema = z.object({
  memberId: z.string(),
  name: z.string(),
  role: roleSchema,
  proposedBy: memberRefSchema.extend({ partyId: z.string().nullable() }).nullable(),
  createdAt: z.number(),
  joinedAt: z.number().nullable(),
  state: consentStateSchema,
  /** Every party whose consent counts, in the order of the term sheet. */
  parties: z.array(partyConsentSchema),
});

export type Appointment = z.infer<typeof appointmentSchema>;

export interface AppointmentListResult {
  appointments: Appointment[];
}

/** A second use of an invitation link was refused; its party's organizers hear of it. */
export interface InviteReused {
  memberId: string;
  name: string;
  role: z.infer<typeof roleSchema>;
  partyId: string | null;
  at: number;
}

/** Membership events the server emits, only to the organizers a seat concerns. */
export interface MembersServerToClientEvents {
  /** A member of the organizer's party (or a mediator or observer) was invited, joined, changed or revoked. */
  'members:changed': (payload: { memberId: string }) => void;
  /** Someone opened an already used invitation of the organizer's party. */
  'members:invite-reused': (payload: InviteReused) => void;
  /** An appointment was proposed, or a party decided on it, or the parties to ask changed. */
  'consent:changed': (appointment: Appointment) => void;
}

type Empty = Record<string, never>;

export interface MembersClientToServerEvents {
  'consent:list': (payload: Empty, ack: AckCallback<AppointmentListResult>) => void;
  'consent:decide': (
    payload: ConsentDecideRequest,
    ack: AckCallback<{ appointment: Appointment }>,
  ) => void;
}

/** Every client→server membership event name, for the server's list of handled events. */
export const membersClientEvents = [
  'consent:list',
  'consent:decide',
] as const satisfies readonly (keyof MembersClientToServerEvents)[];
