// Confidential walk-away positions: each party's bounds on a parameter, and the mediator's view of
// whether they overlap, which never reveals a number its party did not share.
import { z } from 'zod';
import { MAX_ID_LENGTH } from '../protocol/limits';

export const positionBounds = ['min', 'max'] as const;
export const positionBoundSchema = z.enum(positionBounds);

const paramPathSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/, 'a dotted path inside the clause params');

/** Which walk-away value: one party's lower or upper bound on one numeric parameter. */
export const positionKeySchema = z.object({
  clauseId: z.string().min(1).max(MAX_ID_LENGTH),
  param: paramPathSchema,
  bound: positionBoundSchema,
});

export const setPositionRequestSchema = positionKeySchema.extend({
  value: z.number().finite().min(-1e15).max(1e15),
});

export const sharePositionRequestSchema = positionKeySchema.extend({ shared: z.boolean() });

export const parameterRefSchema = z.object({
  clauseId: z.string().min(1).max(MAX_ID_LENGTH),
  param: paramPathSchema,
});

/** A walk-away value as its own party sees it. Never sent to anyone else with its value. */
export const positionSchema = z.object({
  partyId: z.string(),
  clauseId: z.string(),
  param: z.string(),
  bound: positionBoundSchema,
  value: z.number(),
  /** Whether the party lets the mediator see the number. */
  shared: z.boolean(),
  updatedAt: z.number(),
  updatedBy: z.string(),
});

/** One party's bound as the mediator sees it: the value only when the party shared it. */
export const mediatorPositionSchema = z.object({
  partyId: z.string(),
  bound: positionBoundSchema,
  shared: z.boolean(),
  value: z.number().nullable(),
});

/**
 * The mediator's view of one parameter. `gap` is given only when every position on the
 * parameter is shared with the mediator (it could otherwise be combined with a shared number
 * to recover an unshared one).
 */
export const overlapViewSchema = z.object({
  clauseId: z.string(),
  param: z.string(),
  overlap: z.boolean(),
  gap: z.number().nullable(),
  positions: z.array(mediatorPositionSchema),
});

/** What the mediator published to the room: only yes or no. */
export const overlapPublicationSchema = z.object({
  clauseId: z.string(),
  param: z.string(),
  overlap: z.boolean(),
  publishedAt: z.number(),
  publishedBy: z.string(),
});

export const positionListSchema = z.object({
  /** The caller's own party's positions; empty for everyone without a party. */
  positions: z.array(positionSchema),
  published: z.array(overlapPublicationSchema),
});

export type PositionBound = z.infer<typeof positionBoundSchema>;
export type PositionKey = z.infer<typeof positionKeySchema>;
export type SetPositionRequest = z.infer<typeof setPositionRequestSchema>;
export type SharePositionRequest = z.infer<typeof sharePositionRequestSchema>;
export type ParameterRef = z.infer<typeof parameterRefSchema>;
export type Position = z.infer<typeof positionSchema>;
export type MediatorPosition = z.infer<typeof mediatorPositionSchema>;
export type OverlapView = z.infer<typeof overlapViewSchema>;
export type OverlapPublication = z.infer<typeof overlapPublicationSchema>;
export type PositionList = z.infer<typeof positionListSchema>;

/**
 * Whether the bounds leave a zone of possible agreement: the highest minimum is at most the
 * lowest maximum. `gap` is how far apart they are when not (0 when they overlap).
 */
export function zopa(bounds: readonly { bound: PositionBound; value: number }[]): {
  overlap: boolean;
  gap: number;
} {
  let highestMin = -Infinity;
  let lowestMax = Infinity;
  for (const { bound, value } of bounds) {
    if (bound === 'min') highestMin = Math.max(highestMin, value);
    else lowestMax = Math.min(lowestMax, value);
  }
  const overlap = highestMin <= lowestMax;
  return { overlap, gap: overlap ? 0 : highestMin - lowestMax };
}

/** The mediator's view of every parameter any party holds a position on, sorted by parameter. */
export function overlapViews(positions: readonly Position[]): OverlapView[] {
  const groups = new Map<string, Position[]>();
  for (const p of positions) {
    const key = `${p.clauseId}\u0000${p.param}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return [...groups.keys()].sort().map((key) => {
    const group = groups.get(key)!;
    const { overlap, gap } = zopa(group);
    const allShared = group.every((p) => p.shared);
    return {
      clauseId: group[0]!.clauseId,
      param: group[0]!.param,
      overlap,
      gap: allShared ? gap : null,
      positions: group
        .slice()
        .sort((a, b) =>
          a.partyId === b.partyId
            ? a.bound.localeCompare(b.bound)
            : a.partyId.localeCompare(b.partyId),
        )
        .map((p) => ({
          partyId: p.partyId,
          bound: p.bound,
          shared: p.shared,
          value: p.shared ? p.value : null,
        })),
    };
  });
}
