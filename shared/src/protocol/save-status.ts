// Save status: what the store durably holds of a room's document, per Yjs client, so each client
// can tell whether its own edits are saved.
import { z } from 'zod';

/**
 * What the server has durably stored of a room's document: the Yjs state vector as
 * `{ [clientID]: clock }`. A client's edits are all saved when the stored clock of its own
 * clientID has reached its local clock (`Y.getState(doc.store, doc.clientID)`).
 */
export const saveStatusSchema = z.object({
  roomId: z.string(),
  stored: z.record(z.string(), z.number().int().nonnegative()),
  at: z.number(),
});

export type SaveStatus = z.infer<typeof saveStatusSchema>;

/** Whether every edit this client made up to `localClock` is in the store. */
export function isSavedUpTo(status: SaveStatus, clientId: number, localClock: number): boolean {
  if (localClock === 0) return true;
  return (status.stored[String(clientId)] ?? 0) >= localClock;
}

/** Turns a decoded Yjs state vector into the JSON form of SaveStatus.stored. */
export function stateVectorToRecord(stateVector: Map<number, number>): Record<string, number> {
  const stored: Record<string, number> = {};
  for (const [client, clock] of stateVector) stored[String(client)] = clock;
  return stored;
}
