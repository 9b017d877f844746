// The roles a room member can have, and which of them speak for a party.
import { z } from 'zod';

export const roleIds = ['organizer', 'negotiator', 'viewer', 'mediator', 'observer'] as const;

export const roleSchema = z.enum(roleIds);

export type Role = z.infer<typeof roleSchema>;

/** Every member except the mediator and observers speaks for exactly one party. */
export function roleHasParty(role: Role): boolean {
  return role !== 'mediator' && role !== 'observer';
}
