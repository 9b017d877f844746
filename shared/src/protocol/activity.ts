// Live activity: who just changed which parameter values, and what they were before. Yjs updates
// carry no author, so the server, which knows who wrote each update, tells the room.
import { z } from 'zod';
import { MAX_ID_LENGTH, MAX_NAME_LENGTH } from './limits';

/** Parameter changes listed in one event at most; `truncated` says when there were more. */
export const MAX_ACTIVITY_PARAMS = 20;

const jsonValueSchema = z.json();

/** One parameter leaf a member changed; `old` or `new` is absent where the value did not exist. */
export const activityParamChangeSchema = z.object({
  clauseId: z.string().max(MAX_ID_LENGTH),
  path: z.string().max(1000),
  old: jsonValueSchema.optional(),
  new: jsonValueSchema.optional(),
});

/** `activity:changed`, to everyone in the room after a member's stored change. */
export const activityChangedSchema = z.object({
  memberId: z.string(),
  name: z.string().max(MAX_NAME_LENGTH),
  partyId: z.string().nullable(),
  at: z.number(),
  /** Every clause the change touched (text, title or parameters). */
  clauseIds: z.array(z.string()),
  params: z.array(activityParamChangeSchema).max(MAX_ACTIVITY_PARAMS),
  truncated: z.boolean(),
});

export type ActivityParamChange = z.infer<typeof activityParamChangeSchema>;
export type ActivityChanged = z.infer<typeof activityChangedSchema>;

export interface ActivityServerToClientEvents {
  'activity:changed': (event: ActivityChanged) => void;
}
