// The value of a room over REST: computed by the engine threads, never on the event loop, once per
// document state however many members ask, and trimmed to what the caller asks for.
import type { ValueResult } from '@parley/shared/engine';
import type { MemberClaims } from '@parley/shared/protocol';
import * as Y from 'yjs';
import { z } from 'zod';
import { ServiceError } from '../../errors';
import type { RoomsDeps } from './deps';

export const valueQuerySchema = z
  .object({
    /** `full` (the default): every period; `totals`: the totals of each scenario only. */
    view: z.enum(['full', 'totals']).default('full'),
    /** Only this scenario. */
    scenario: z.string().min(1).max(64).optional(),
  })
  .strict();

export type ValueQuery = z.output<typeof valueQuerySchema>;

/** The latest result per loaded document, keyed by its state vector: one computation per state. */
const cache = new WeakMap<Y.Doc, { key: string; result: Promise<ValueResult> }>();

function stateKey(doc: Y.Doc): string {
  return Buffer.from(Y.encodeStateVector(doc)).toString('base64');
}

async function valueOf(deps: RoomsDeps, roomId: string): Promise<ValueResult> {
  const doc = await deps.rooms.getDoc(roomId);
  const key = stateKey(doc);
  const cached = cache.get(doc);
  if (cached?.key === key) return cached.result;
  const result = deps.engine.run({ kind: 'value', doc: Y.encodeStateAsUpdate(doc) });
  cache.set(doc, { key, result });
  // A failed computation is not kept: the next request tries again.
  result.catch(() => {
    if (cache.get(doc)?.result === result) cache.delete(doc);
  });
  return result;
}

/** `parley.value/v1` of the room's current state, whole or trimmed as asked. */
export async function computeRoomValue(
  deps: RoomsDeps,
  caller: MemberClaims,
  query: ValueQuery,
): Promise<ValueResult> {
  const value = await valueOf(deps, caller.roomId);
  let scenarios = value.scenarios;
  if (query.scenario !== undefined) {
    scenarios = scenarios.filter((s) => s.id === query.scenario);
    if (scenarios.length === 0 && value.scenarios.length > 0) {
      throw new ServiceError(
        404,
        'unknown-scenario',
        `There is no scenario "${query.scenario}"; the sheet has ${value.scenarios.map((s) => s.id).join(', ')}.`,
      );
    }
  }
  if (query.view === 'totals') scenarios = scenarios.map((s) => ({ ...s, periods: [] }));
  return { ...value, scenarios };
}
