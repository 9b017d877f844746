import fc from 'fast-check';
import { largestRemainder } from '../largest-remainder';

/**
 * fast-check arbitraries for term sheets. `validTermSheetArb` only yields documents that
 * validateTermSheet accepts without error; `invalidTermSheetArb` yields garbage and valid
 * documents with one field replaced by anything.
 */

type Json = Record<string, unknown>;

export interface TermSheetArbOptions {
  maxParties?: number;
  maxPeriods?: number;
  maxScenarios?: number;
}

/** A `{ [partyId]: pct }` split with at most 4 decimals summing to exactly 100. */
export function splitArb(partyIds: readonly string[]): fc.Arbitrary<Record<string, number>> {
  return fc
    .tuple(
      fc.array(fc.nat(20), { minLength: partyIds.length, maxLength: partyIds.length }),
      fc.boolean(),
    )
    .map(([raw, keepZeros]) => {
      const weights = raw.some((w) => w > 0) ? raw : raw.map((_, i) => (i === 0 ? 1 : 0));
      const units = largestRemainder(1_000_000, weights);
      const split: Record<string, number> = {};
      partyIds.forEach((id, i) => {
        const u = units[i] ?? 0;
        if (u > 0 || keepZeros) split[id] = u / 10_000;
      });
      return split;
    });
}

function driverArb(periods: number): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.integer({ min: 0, max: 5000 }),
    fc.integer({ min: 0, max: 500_000 }).map((x) => x / 100),
    fc.record({
      start: fc.integer({ min: 0, max: 5000 }),
      growthPct: fc.integer({ min: -300, max: 300 }).map((x) => x / 10),
    }),
    fc.record({
      series: fc.array(
        fc.integer({ min: 0, max: 100_000 }).map((x) => x / 10),
        {
          minLength: periods,
          maxLength: periods,
        },
      ),
    }),
  );
}

function subsetArb<T>(items: readonly T[]): fc.Arbitrary<T[]> {
  return fc.subarray([...items]);
}

export function validTermSheetArb(options: TermSheetArbOptions = {}): fc.Arbitrary<Json> {
  const maxParties = options.maxParties ?? 6;
  const maxPeriods = options.maxPeriods ?? 8;
  const maxScenarios = options.maxScenarios ?? 2;
  return fc
    .record({
      nParties: fc.integer({ min: 1, max: maxParties }),
      periods: fc.integer({ min: 1, max: maxPeriods }),
      nScenarios: fc.integer({ min: 1, max: maxScenarios }),
      nDrivers: fc.integer({ min: 1, max: 3 }),
      leadIndex: fc.integer({ min: -1, max: maxParties - 1 }),
    })
    .chain(({ nParties, periods, nScenarios, nDrivers, leadIndex }) => {
      const partyIds = Array.from({ length: nParties }, (_, i) => `p${i}`);
      const driverNames = Array.from({ length: nDrivers }, (_, i) => `d${i}`);
      const streamArb = (id: string) =>
        fc.record({
          id: fc.constant(id),
          name: fc.constant(`Stream ${id}`),
          driver: fc.constantFrom(...driverNames),
          unitPrice: fc.integer({ min: 0, max: 10_000 }),
          requires: fc.option(subsetArb(partyIds), { nil: undefined }),
        });
      const streamsArb = fc
        .integer({ min: 0, max: 4 })
        .chain((k) => fc.tuple(...Array.from({ length: k }, (_, i) => streamArb(`s${i}`))));
      return fc.record({
        partyIds: fc.constant(partyIds),
        periods: fc.constant(periods),
        leadIndex: fc.constant(leadIndex < nParties ? leadIndex : -1),
        periodUnit: fc.constantFrom('month', 'quarter', 'year'),
        discountRatePct: fc.integer({ min: 0, max: 2500 }).map((x) => x / 100),
        scenarios: fc.tuple(
          ...Array.from({ length: nScenarios }, (_, s) =>
            fc.record({
              id: fc.constant(`sc${s}`),
              name: fc.constant(`Scenario ${s}`),
              drivers: fc
                .tuple(...driverNames.map(() => driverArb(periods)))
                .map((values) => Object.fromEntries(driverNames.map((d, i) => [d, values[i]]))),
            }),
          ),
        ),
        streams: streamsArb,
        driverNames: fc.constant(driverNames),
        extras: fc.record({
          costs: fc.option(
            fc.array(
              fc.record({
                party: fc.constantFrom(...partyIds),
                upfront: fc.option(fc.integer({ min: 0, max: 2_000_000 }), { nil: undefined }),
                fixedPerPeriod: fc.option(fc.integer({ min: 0, max: 500_000 }), { nil: undefined }),
                perUnit: fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }),
                streamPick: fc.nat(3),
              }),
              { maxLength: 4 },
            ),
            { nil: undefined },
          ),
          valueSharing: fc.option(
            fc.record({
              costRecovery: fc.boolean(),
              method: fc.constantFrom('fixed', 'tiered', 'contribution', 'shapley'),
              fixed: splitArb(partyIds),
              tierBounds: fc.uniqueArray(fc.integer({ min: 1, max: 5_000_000 }), { maxLength: 3 }),
              tierSplits: fc.array(splitArb(partyIds), { minLength: 4, maxLength: 4 }),
              dimensions: fc.array(
                fc.record({
                  weightPct: fc.integer({ min: 0, max: 1000 }).map((x) => x / 10),
                  amounts: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1000 })), {
                    minLength: nParties,
                    maxLength: nParties,
                  }),
                }),
                { maxLength: 3 },
              ),
            }),
            { freq: 5, nil: undefined },
          ),
          floors: fc.option(
            fc.array(fc.option(fc.integer({ min: 0, max: 3_000_000 }), { nil: undefined }), {
              minLength: nParties,
              maxLength: nParties,
            }),
            { nil: undefined },
          ),
          caps: fc.option(
            fc.array(fc.option(fc.integer({ min: 0, max: 6_000_000 }), { nil: undefined }), {
              minLength: nParties,
              maxLength: nParties,
            }),
            { nil: undefined },
          ),
          kpis: fc.option(
            fc.array(
              fc.record({
                driver: fc.constantFrom(...driverNames),
                target: fc.integer({ min: 0, max: 5000 }),
                betterWhen: fc.constantFrom('higher', 'lower'),
                ratePerUnit: fc.integer({ min: 0, max: 2000 }),
                capPerPeriod: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: undefined }),
                funder: fc.constantFrom(...partyIds),
                beneficiaries: splitArb(partyIds),
              }),
              { maxLength: 3 },
            ),
            { nil: undefined },
          ),
          triggers: fc.option(
            fc.array(
              fc.record({
                party: fc.constantFrom(...partyIds),
                netBelow: fc.integer({ min: -1_000_000, max: 5_000_000 }),
                forPeriods: fc.integer({ min: 1, max: 4 }),
              }),
              { maxLength: 3 },
            ),
            { nil: undefined },
          ),
          legacy: fc.option(
            fc.array(
              fc.record({
                party: fc.constantFrom(...partyIds),
                fte: fc.integer({ min: 0, max: 400 }).map((x) => x / 4),
                ratePerFte: fc.integer({ min: 0, max: 1_500_000 }),
                slaCreditPct: fc.integer({ min: 0, max: 1000 }).map((x) => x / 100),
                expectedBreaches: fc.integer({ min: 0, max: 12 }),
              }),
              { maxLength: 3 },
            ),
            { nil: undefined },
          ),
        }),
      });
    })
    .map((g) => {
      const parties = g.partyIds.map((id, i) => ({
        id,
        name: `Party ${i}`,
        role: i === 0 ? 'network' : 'partner',
        ...(i === g.leadIndex ? { lead: true } : {}),
      }));
      const clauses: Json[] = [
        {
          id: 'c-scope',
          kind: 'scope',
          title: 'Scope',
          text: 'In {{param:territory}}.',
          params: { territory: 'EU' },
        },
      ];
      const streams = g.streams.map((s) =>
        s.requires === undefined
          ? { id: s.id, name: s.name, driver: s.driver, unitPrice: s.unitPrice }
          : s,
      );
      clauses.push({
        id: 'c-rev',
        kind: 'revenue',
        title: 'Revenue',
        text: '',
        params: { streams },
      });
      const x = g.extras;
      if (x.costs) {
        clauses.push({
          id: 'c-costs',
          kind: 'costs',
          title: 'Costs',
          text: '',
          params: {
            costs: x.costs.map((c, i) => {
              const stream = streams[c.streamPick % Math.max(1, streams.length)];
              return {
                party: c.party,
                name: `Cost ${i}`,
                ...(c.upfront === undefined ? {} : { upfront: c.upfront }),
                ...(c.fixedPerPeriod === undefined ? {} : { fixedPerPeriod: c.fixedPerPeriod }),
                ...(c.perUnit === undefined || !stream
                  ? {}
                  : { perUnit: { stream: stream.id, amount: c.perUnit } }),
              };
            }),
          },
        });
      }
      if (x.valueSharing) {
        const v = x.valueSharing;
        const bounds = [...v.tierBounds].sort((a, b) => a - b);
        const tiers = [...bounds, null].map((upTo, k) => ({ upTo, split: v.tierSplits[k] ?? {} }));
        const params: Json = { costRecovery: v.costRecovery, method: v.method };
        if (v.method === 'fixed') params.fixed = v.fixed;
        if (v.method === 'tiered') params.tiers = tiers;
        if (v.method === 'contribution' || v.dimensions.length > 0) {
          params.contribution = {
            dimensions: v.dimensions.map((d, k) => ({
              id: `dim${k}`,
              name: `Dimension ${k}`,
              weightPct: d.weightPct,
              amounts: Object.fromEntries(g.partyIds.map((id, i) => [id, d.amounts[i] ?? 0])),
            })),
          };
        }
        clauses.push({
          id: 'c-vs',
          kind: 'value-sharing',
          title: 'Value sharing',
          text: '',
          params,
        });
      }
      const floors: Record<string, number> = {};
      const caps: Record<string, number> = {};
      g.partyIds.forEach((id, i) => {
        const f = x.floors?.[i];
        const c = x.caps?.[i];
        if (f !== undefined) floors[id] = f;
        if (c !== undefined) caps[id] = f !== undefined ? Math.max(c, f) : c;
      });
      if (x.floors) {
        clauses.push({
          id: 'c-mg',
          kind: 'minimum-guarantee',
          title: 'Floors',
          text: '',
          params: { floors },
        });
      }
      if (x.caps)
        clauses.push({ id: 'c-cap', kind: 'cap', title: 'Caps', text: '', params: { caps } });
      if (x.kpis) {
        clauses.push({
          id: 'c-kpi',
          kind: 'outcomes',
          title: 'Outcomes',
          text: '',
          params: {
            kpis: x.kpis.map((k, i) => ({
              id: `k${i}`,
              name: `KPI ${i}`,
              unit: 'u',
              driver: k.driver,
              target: k.target,
              betterWhen: k.betterWhen,
              ratePerUnit: k.ratePerUnit,
              ...(k.capPerPeriod === undefined ? {} : { capPerPeriod: k.capPerPeriod }),
              funder: k.funder,
              beneficiaries: k.beneficiaries,
            })),
          },
        });
      }
      if (x.triggers) {
        clauses.push({
          id: 'c-exit',
          kind: 'exit',
          title: 'Exit',
          text: 'Notice: {{param:noticePeriods}}.',
          params: { noticePeriods: 1, triggers: x.triggers },
        });
      }
      if (x.legacy) {
        clauses.push({
          id: 'c-legacy',
          kind: 'legacy',
          title: 'Legacy',
          text: '',
          params: { lines: x.legacy },
        });
      }
      return {
        format: 'parley.termsheet/v1',
        title: 'Generated',
        ecosystem: 'custom',
        currency: 'EUR',
        parties,
        assumptions: {
          periods: g.periods,
          periodUnit: g.periodUnit,
          discountRatePct: g.discountRatePct,
          scenarios: g.scenarios,
        },
        clauses,
      };
    });
}

/** Every path (array of keys) to a value inside a JSON document, the root excluded. */
export function jsonPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [];
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      out.push([...prefix, i], ...jsonPaths(v, [...prefix, i]));
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      out.push([...prefix, k], ...jsonPaths(v, [...prefix, k]));
    }
  }
  return out;
}

/** A copy of `doc` with the value at `path` replaced (or removed when `replacement` is undefined). */
export function replaceAt(
  doc: unknown,
  path: readonly (string | number)[],
  replacement: unknown,
): unknown {
  const copy = JSON.parse(JSON.stringify(doc)) as unknown;
  if (path.length === 0) return replacement;
  let parent = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (replacement === undefined) delete parent[last];
  else parent[last] = replacement;
  return copy;
}

/** Garbage of every shape, and valid term sheets with one field replaced by anything. */
export function invalidTermSheetArb(options: TermSheetArbOptions = {}): fc.Arbitrary<unknown> {
  const mutated = fc
    .tuple(validTermSheetArb(options), fc.nat(), fc.option(fc.anything(), { nil: undefined }))
    .map(([doc, pick, replacement]) => {
      const paths = jsonPaths(doc);
      const path = paths[pick % paths.length] ?? [];
      return replaceAt(doc, path, replacement);
    });
  return fc.oneof(
    fc.anything(),
    fc.constantFrom(null, [], '', 'parley.termsheet/v1', Number.NaN, 1e308, {
      format: 'parley.termsheet/v1',
    }),
    fc.json().map((s) => JSON.parse(s) as unknown),
    mutated,
    mutated,
  );
}
