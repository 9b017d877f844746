// REST payloads: creating rooms and invites, listing members, and `me`, as zod schemas the server
// validates requests with.
import { z } from 'zod';
import { roleSchema } from '../permissions/roles';
import { MAX_ID_LENGTH, MAX_NAME_LENGTH, MAX_TITLE_LENGTH } from './limits';
import { consentStateSchema, memberRefSchema, seatStatusSchema } from './members';

const trimmed = (max: number) => z.string().trim().min(1).max(max);

/** POST /api/rooms. `termsheet` is checked by the engine, so it is unknown here. */
export const createRoomRequestSchema = z
  .object({
    title: trimmed(MAX_TITLE_LENGTH),
    template: z.string().min(1).max(MAX_ID_LENGTH).optional(),
    termsheet: z.unknown().optional(),
    /** How the organizer appears to others; "Organizer" when absent. */
    organizerName: trimmed(MAX_NAME_LENGTH).optional(),
  })
  .strict()
  .refine((body) => !(body.template !== undefined && body.termsheet !== undefined), {
    message: 'give either template or termsheet, not both',
    path: ['termsheet'],
  });

export type CreateRoomRequest = z.infer<typeof createRoomRequestSchema>;

export const createRoomResponseSchema = z.object({
  roomId: z.string(),
  organizerToken: z.string(),
  url: z.string(),
});

export type CreateRoomResponse = z.infer<typeof createRoomResponseSchema>;

/** POST /api/rooms/:roomId/invites. `party` is required for roles that speak for a party. */
export const createInviteRequestSchema = z
  .object({
    name: trimmed(MAX_NAME_LENGTH),
    role: roleSchema,
    party: z.string().min(1).max(MAX_ID_LENGTH).nullable().optional(),
  })
  .strict();

export type CreateInviteRequest = z.infer<typeof createInviteRequestSchema>;

/** `token` is the invitation (single-use, opens only `POST /api/rooms/:roomId/join`). */
export const createInviteResponseSchema = z.object({
  id: z.string(),
  token: z.string(),
  url: z.string(),
});

export type CreateInviteResponse = z.infer<typeof createInviteResponseSchema>;

/**
 * A member. The seat fields (who invited them, when the link was used, the last refused second
 * use, and for a mediator or observer the parties' consent) come with the member list; `me`
 * leaves them out.
 */
export const memberInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: roleSchema,
  partyId: z.string().nullable(),
  createdAt: z.number(),
  revokedAt: z.number().nullable(),
  invitedBy: memberRefSchema.nullable().optional(),
  joinedAt: z.number().nullable().optional(),
  status: seatStatusSchema.optional(),
  reuseRefusedAt: z.number().nullable().optional(),
  consent: consentStateSchema.optional(),
});

export type MemberInfo = z.infer<typeof memberInfoSchema>;

/**
 * GET /api/rooms/:roomId/invites (organizer): the caller's party's members, revoked ones
 * included, the mediators and observers, and the seats the room's creator still holds for
 * parties nobody joined yet. `invitableParties` are the parties the caller may invite for.
 */
export const inviteListResponseSchema = z.object({
  members: z.array(memberInfoSchema),
  invitableParties: z.array(z.string()),
});

export type InviteListResponse = z.infer<typeof inviteListResponseSchema>;

/** POST /api/rooms/:roomId/join (the invitation as bearer): the session token of the seat. */
export const joinResponseSchema = z.object({ token: z.string(), member: memberInfoSchema });

export type JoinResponse = z.infer<typeof joinResponseSchema>;

export const roomPartySchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.string(),
  lead: z.boolean().optional(),
  color: z.string(),
});

export type RoomParty = z.infer<typeof roomPartySchema>;

/** GET /api/rooms/:roomId/me: who the token belongs to, and the room it opens. */
export const meResponseSchema = z.object({
  member: memberInfoSchema.extend({ color: z.string() }),
  room: z.object({ id: z.string(), title: z.string(), createdAt: z.number() }),
  parties: z.array(roomPartySchema),
});

export type MeResponse = z.infer<typeof meResponseSchema>;
