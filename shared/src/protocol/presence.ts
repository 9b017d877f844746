// Presence over Socket.IO: who is connected, one entry per open tab, and which clause each one is
// looking at.
import { z } from 'zod';
import { roleSchema } from '../permissions/roles';
import { MAX_ID_LENGTH } from './limits';

/** `presence:focus`: the clause the member is looking at, or null when none. */
export const presenceFocusSchema = z
  .object({ clauseId: z.string().min(1).max(MAX_ID_LENGTH).nullable() })
  .strict();

export type PresenceFocus = z.infer<typeof presenceFocusSchema>;

/** `room:state` takes no arguments: an empty object, or nothing at all. */
export const roomStateRequestSchema = z.union([z.object({}).strict(), z.undefined()]);

export type RoomStateRequest = z.infer<typeof roomStateRequestSchema>;

/** One connected tab of a member. A member with two tabs open appears twice, with one memberId. */
export const presenceEntrySchema = z.object({
  connectionId: z.string(),
  memberId: z.string(),
  name: z.string(),
  role: roleSchema,
  partyId: z.string().nullable(),
  color: z.string(),
  focus: z.string().nullable(),
});

export type PresenceEntry = z.infer<typeof presenceEntrySchema>;

export const presenceStateSchema = z.object({
  roomId: z.string(),
  entries: z.array(presenceEntrySchema),
});

export type PresenceState = z.infer<typeof presenceStateSchema>;
