// What a client asks the server's analyses (Monte Carlo risk, the mediator's fair settlement) over
// REST and Socket.IO, and what it gets back; the server validates every request with these.
import { z } from 'zod';
import { DEFAULT_PATHS, DEFAULT_SEED } from '../analysis/monte-carlo';
import type { MonteCarloAnalysis } from '../analysis/monte-carlo-result';
import type { NashAnalysis } from '../analysis/nash-result';
import { MAX_SEED } from '../analysis/prng';
import type { AckCallback } from './ack';
import { MAX_ID_LENGTH } from './limits';

/**
 * The most paths the server computes per scenario for one request. The engine allows more, but a
 * room's analyses share the server's engine threads with its proposals and sign-offs.
 */
export const MAX_SERVER_PATHS = 10_000;

/** A number in a query string ("250") or a JSON number; anything else is refused by name. */
const wholeNumber = (min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v),
    z.number().int().min(min).max(max),
  );

const scenarioIdSchema = z.string().min(1).max(MAX_ID_LENGTH);

/** GET /api/rooms/:roomId/analysis/risk and `analysis:risk`. */
export const riskRequestSchema = z
  .object({
    /** Only this scenario; every scenario (and the pooled figures) when absent. */
    scenario: scenarioIdSchema.optional(),
    paths: wholeNumber(1, MAX_SERVER_PATHS).default(DEFAULT_PATHS),
    seed: wholeNumber(0, MAX_SEED).default(DEFAULT_SEED),
  })
  .strict();

/** GET /api/rooms/:roomId/analysis/settlement and `analysis:settlement` (the mediator only). */
export const settlementRequestSchema = z
  .object({
    /** Maximise this scenario's NPVs; every scenario by probability (or equally) when absent. */
    scenario: scenarioIdSchema.optional(),
    /** What each party has without an agreement: the legacy deal (default), or nothing. */
    disagreement: z.enum(['legacy', 'no-deal']).default('legacy'),
  })
  .strict();

export type RiskRequest = z.input<typeof riskRequestSchema>;
export type SettlementRequest = z.input<typeof settlementRequestSchema>;

/** The fair-settlement answer: the search's result and how many shared bounds went into it. */
export interface SettlementAnswer {
  /** Walk-away values the parties shared with the mediator, the only ones the search reads. */
  sharedBounds: number;
  settlement: NashAnalysis;
}

/** Analysis events a client emits; every payload is validated with the schema named. */
export interface AnalysisClientToServerEvents {
  /** riskRequestSchema: Monte Carlo figures of the room's sheet as it is now. */
  'analysis:risk': (payload: RiskRequest, ack: AckCallback<MonteCarloAnalysis>) => void;
  /** settlementRequestSchema: the fair settlement from the shared positions; mediator only. */
  'analysis:settlement': (payload: SettlementRequest, ack: AckCallback<SettlementAnswer>) => void;
}

export const analysisClientEvents = [
  'analysis:risk',
  'analysis:settlement',
] as const satisfies readonly (keyof AnalysisClientToServerEvents)[];
