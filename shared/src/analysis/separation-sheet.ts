// The term sheet the continuing parties work under once a party has left: the leaver removed from
// every list and split, the streams that need it stopped or carried on, and the term shortened
// to the periods after the exit.
import { largestRemainder } from '../engine/largest-remainder';
import { driverSeries } from '../termsheet/drivers';
import type { StreamsOnExit } from '../termsheet/clause-params';
import type { Clause, TermSheet } from '../termsheet/schema';
import { HUNDRED_PERCENT_SCALED, PERCENT_SCALE, scalePercent } from '../termsheet/units';

export type StreamStatus = 'stops' | 'continues' | 'unaffected';

/**
 * Integer weights over the `continuing` parties for a split written with the leaver: the other
 * listed parties in proportion to their shares (equally when those are all 0); every continuing
 * party equally when no other party is listed, or when there is no split.
 */
export function continuingWeights(
  split: Record<string, number> | undefined,
  continuing: readonly string[],
): number[] {
  const listed = split
    ? continuing.filter((id) => Object.prototype.hasOwnProperty.call(split, id))
    : [];
  if (!split || listed.length === 0) return continuing.map(() => 1);
  const shares = listed.map((id) => scalePercent(split[id] ?? 0));
  const anyPositive = shares.some((s) => s > 0);
  return continuing.map((id) => {
    const k = listed.indexOf(id);
    if (k < 0) return 0;
    return anyPositive ? (shares[k] ?? 0) : 1;
  });
}

/** The split renormalised to 100 over the continuing parties, by `continuingWeights`. */
export function continuingSplit(
  split: Record<string, number>,
  continuing: readonly string[],
): Record<string, number> {
  const weights = continuingWeights(split, continuing);
  const units = largestRemainder(HUNDRED_PERCENT_SCALED, weights);
  const out: Record<string, number> = {};
  continuing.forEach((id, i) => {
    if ((weights[i] ?? 0) > 0) out[id] = (units[i] ?? 0) / PERCENT_SCALE;
  });
  return out;
}

function withoutKey<T>(record: Record<string, T>, key: string): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [k, v] of Object.entries(record)) if (k !== key) out[k] = v;
  return out;
}

/** Which streams need the leaver: those listing it, and those listing nobody (they need all). */
export function streamStatuses(
  ts: TermSheet,
  leaver: string,
  mode: StreamsOnExit,
): { id: string; status: StreamStatus }[] {
  const revenue = ts.clauses.find((c) => c.kind === 'revenue');
  if (revenue?.kind !== 'revenue') return [];
  return revenue.params.streams.map((s) => {
    const needs = !s.requires || s.requires.length === 0 || s.requires.includes(leaver);
    return { id: s.id, status: !needs ? 'unaffected' : mode === 'stop' ? 'stops' : 'continues' };
  });
}

function continuingClause(
  clause: Clause,
  leaver: string,
  continuing: readonly string[],
  stopped: ReadonlySet<string>,
): Clause | null {
  switch (clause.kind) {
    case 'revenue':
      return {
        ...clause,
        params: {
          streams: clause.params.streams
            .filter((s) => !stopped.has(s.id))
            .map((s) =>
              s.requires ? { ...s, requires: s.requires.filter((p) => p !== leaver) } : s,
            ),
        },
      };
    case 'costs':
      return {
        ...clause,
        params: {
          costs: clause.params.costs
            .filter((line) => line.party !== leaver)
            .map((line) => {
              // Upfront costs fall in period 1, long before any exit.
              const { upfront: _upfront, perUnit, ...rest } = line;
              return perUnit && !stopped.has(perUnit.stream) ? { ...rest, perUnit } : rest;
            }),
        },
      };
    case 'value-sharing': {
      const p = clause.params;
      return {
        ...clause,
        params: {
          ...p,
          ...(p.fixed ? { fixed: continuingSplit(p.fixed, continuing) } : {}),
          ...(p.tiers
            ? { tiers: p.tiers.map((t) => ({ ...t, split: continuingSplit(t.split, continuing) })) }
            : {}),
          ...(p.contribution
            ? {
                contribution: {
                  dimensions: p.contribution.dimensions.map((d) => ({
                    ...d,
                    amounts: withoutKey(d.amounts, leaver),
                  })),
                },
              }
            : {}),
        },
      };
    }
    case 'minimum-guarantee':
      return { ...clause, params: { floors: withoutKey(clause.params.floors, leaver) } };
    case 'cap':
      return { ...clause, params: { caps: withoutKey(clause.params.caps, leaver) } };
    case 'outcomes':
      return {
        ...clause,
        params: {
          kpis: clause.params.kpis
            .filter((k) => k.funder !== leaver)
            .filter((k) =>
              Object.entries(k.beneficiaries).some(([id, share]) => id !== leaver && share > 0),
            )
            .map((k) => ({ ...k, beneficiaries: continuingSplit(k.beneficiaries, continuing) })),
        },
      };
    default:
      // Text, exit and legacy terms do not move money between the continuing parties.
      return null;
  }
}

/**
 * The sheet for periods `exitPeriod`..end without `leaver`: drivers become the series of those
 * periods, and the streams that need the leaver stop (`stop`) or go on without it (`continue`).
 */
export function continuingSheet(
  ts: TermSheet,
  leaver: string,
  exitPeriod: number,
  mode: StreamsOnExit,
): TermSheet {
  const periods = ts.assumptions.periods;
  const continuing = ts.parties.filter((p) => p.id !== leaver).map((p) => p.id);
  const stopped = new Set(
    streamStatuses(ts, leaver, mode)
      .filter((s) => s.status === 'stops')
      .map((s) => s.id),
  );
  return {
    ...ts,
    parties: ts.parties.filter((p) => p.id !== leaver),
    assumptions: {
      ...ts.assumptions,
      periods: periods - exitPeriod + 1,
      scenarios: ts.assumptions.scenarios.map((s) => ({
        ...s,
        drivers: Object.fromEntries(
          Object.entries(s.drivers).map(([name, value]) => [
            name,
            { series: [...driverSeries(value, periods).subarray(exitPeriod - 1)] },
          ]),
        ),
      })),
    },
    clauses: ts.clauses
      .map((c) => continuingClause(c, leaver, continuing, stopped))
      .filter((c): c is Clause => c !== null),
  };
}
