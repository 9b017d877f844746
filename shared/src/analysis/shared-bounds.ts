// Walk-away bounds a party has shared with the mediator, and only those. A SharedBound can only
// be made from a position whose `shared` is literally true, so a private position cannot reach
// the settlement search by accident: the type checker refuses it, and so does the search.
import { z } from 'zod';

declare const sharedBrand: unique symbol;

/** A position as the store holds it once its party has shared it with the mediator. */
export interface SharedPosition {
  partyId: string;
  clauseId: string;
  /** Dotted path inside the clause params, e.g. `fixed.csp`. */
  param: string;
  bound: 'min' | 'max';
  value: number;
  shared: true;
}

export type SharedBound = Readonly<SharedPosition> & { readonly [sharedBrand]: true };

export const sharedPositionSchema = z.object({
  partyId: z.string().min(1),
  clauseId: z.string().min(1),
  param: z.string().min(1),
  bound: z.enum(['min', 'max']),
  value: z.number().finite(),
  shared: z.literal(true),
});

/** The bound of a shared position; throws for a position that is not shared. */
export function sharedBound(position: SharedPosition): SharedBound {
  if ((position as { shared: unknown }).shared !== true) {
    throw new TypeError('only a position shared with the mediator can become a shared bound');
  }
  const { partyId, clauseId, param, bound, value } = position;
  return Object.freeze({ partyId, clauseId, param, bound, value, shared: true }) as SharedBound;
}

/**
 * The shared bounds among any positions: each position's `shared` flag is read first, and
 * nothing else of a position that is not shared is ever read.
 */
export function sharedBoundsOf(
  positions: readonly (Omit<SharedPosition, 'shared'> & { shared: boolean })[],
): SharedBound[] {
  const out: SharedBound[] = [];
  for (const position of positions) {
    if (position.shared !== true) continue;
    out.push(sharedBound(position as SharedPosition));
  }
  return out;
}

/** Whether the search may use this value: made by sharedBound, or at least marked shared. */
export function isSharedBound(bound: unknown): bound is SharedBound {
  return (
    typeof bound === 'object' && bound !== null && (bound as { shared?: unknown }).shared === true
  );
}
