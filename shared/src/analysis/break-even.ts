// Break-even: how far the volumes may fall (or must grow) before a party's total net changes
// sign. A geometric grid of scales finds where the sign changes; bisection on the engine then
// narrows each change down to two neighbouring floating-point scales, so the answer is exact to
// the cent.
import type { EngineModel } from '../engine/model';
import { driverSeries } from '../termsheet/drivers';
import type { Scenario, TermSheet } from '../termsheet/schema';
import type {
  BreakEvenCrossing,
  BreakEvenResult,
  DriverBreakEven,
  PartyBreakEven,
} from './break-even-result';
import { cents, failed, succeeded } from './outcome';
import type { Analysis } from './outcome';
import { findParty, findScenario, isIssue, isPrepared, prepare } from './prepare';
import { firstPeriodOutOfRange, runScenario, totalNets } from './scenario-run';

export interface BreakEvenOptions {
  /** Only this party (default: every party). */
  partyId?: string;
  /** Only this scenario (default: every scenario). */
  scenarioId?: string;
}

/** 0, then 2^-10 … 2^10: scale 1 (the scenario as written) sits at index 11. */
export const BREAK_EVEN_GRID: readonly number[] = [
  0,
  ...Array.from({ length: 21 }, (_, i) => 2 ** (i - 10)),
];
/** More halvings than any two doubles of the grid's range are apart. */
const MAX_HALVINGS = 200;

/** The drivers revenue streams read, in the order streams name them. */
export function volumeDrivers(model: EngineModel): string[] {
  return [...new Set(model.streams.map((s) => s.driver))];
}

/** Total nets per party position with the given drivers scaled by k, or null if out of range. */
type NetsAt = (k: number) => number[] | null;

function netsAt(
  ts: TermSheet,
  model: EngineModel,
  scenario: Scenario,
  drivers: readonly string[],
): NetsAt {
  const periods = ts.assumptions.periods;
  const base = drivers.map((name) => {
    const value = Object.prototype.hasOwnProperty.call(scenario.drivers, name)
      ? scenario.drivers[name]
      : undefined;
    return value === undefined ? new Float64Array(periods) : driverSeries(value, periods);
  });
  const cache = new Map<number, number[] | null>();
  return (k) => {
    const hit = cache.get(k);
    if (hit !== undefined) return hit;
    const overrides = new Map<string, Float64Array>();
    drivers.forEach((name, i) =>
      overrides.set(
        name,
        (base[i] ?? new Float64Array(0)).map((v) => v * k),
      ),
    );
    const result = runScenario(ts, model, scenario, { drivers: overrides });
    const nets = firstPeriodOutOfRange(result) === null ? totalNets(model, result) : null;
    cache.set(k, nets);
    return nets;
  };
}

/** Narrows [lo, hi], whose nets fall on different sides of 0, to neighbouring scales. */
function bisect(at: NetsAt, party: number, lo: number, hi: number): BreakEvenCrossing {
  const net = (k: number) => at(k)?.[party] ?? 0;
  const loNonNegative = net(lo) >= 0;
  for (let i = 0; i < MAX_HALVINGS; i++) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    if (net(mid) >= 0 === loNonNegative) lo = mid;
    else hi = mid;
  }
  const [pos, neg] = loNonNegative ? [lo, hi] : [hi, lo];
  return {
    scale: pos,
    net: cents(net(pos)),
    otherScale: neg,
    otherNet: cents(net(neg)),
    direction: loNonNegative ? 'falling' : 'rising',
  };
}

function forDriver(
  at: NetsAt,
  grid: readonly { k: number; nets: number[] }[],
  party: number,
  driver: string | null,
): DriverBreakEven {
  const crossings: BreakEvenCrossing[] = [];
  for (let i = 0; i + 1 < grid.length; i++) {
    const a = grid[i];
    const b = grid[i + 1];
    if (!a || !b) continue;
    if ((a.nets[party] ?? 0) >= 0 !== (b.nets[party] ?? 0) >= 0) {
      crossings.push(bisect(at, party, a.k, b.k));
    }
  }
  const first = grid[0]?.nets[party] ?? 0;
  return {
    driver,
    status: crossings.length > 0 ? 'crosses' : first >= 0 ? 'always' : 'never',
    crossings,
    searchedUpTo: grid[grid.length - 1]?.k ?? 0,
  };
}

/**
 * For each scenario and party: at what multiple of the scenario's volumes the party's total net
 * over the term is zero, scaling every volume driver together and each one on its own.
 */
export function breakEven(
  input: unknown,
  options: BreakEvenOptions = {},
): Analysis<'break-even', BreakEvenResult> {
  const prepared = prepare(input);
  if (!isPrepared(prepared)) return failed('break-even', prepared.issues);
  const { ts, model } = prepared;
  const problems = [];
  let scenarios = ts.assumptions.scenarios;
  if (options.scenarioId !== undefined) {
    const found = findScenario(ts, options.scenarioId);
    if (isIssue(found)) problems.push(found);
    else scenarios = [found.scenario];
  }
  let parties = model.partyIds.map((_, i) => i);
  if (options.partyId !== undefined) {
    const found = findParty(ts, options.partyId);
    if (isIssue(found)) problems.push(found);
    else parties = [found];
  }
  if (problems.length > 0) return failed('break-even', problems);

  const volume = volumeDrivers(model);
  const keys: (string | null)[] = volume.length > 1 ? [null, ...volume] : volume;
  const result: BreakEvenResult = {
    scenarios: scenarios.map((scenario) => {
      const perKey = keys.map((key) => {
        const at = netsAt(ts, model, scenario, key === null ? volume : [key]);
        const grid: { k: number; nets: number[] }[] = [];
        for (const k of BREAK_EVEN_GRID) {
          const nets = at(k);
          if (!nets) break;
          grid.push({ k, nets });
        }
        return { key, at, grid };
      });
      const current = totalNets(model, runScenario(ts, model, scenario));
      const partyResults: PartyBreakEven[] = parties.map((i) => ({
        partyId: model.partyIds[i] ?? '',
        net: cents(current[i] ?? 0),
        drivers: perKey.map(({ key, at, grid }) => forDriver(at, grid, i, key)),
      }));
      return { id: scenario.id, name: scenario.name, parties: partyResults };
    }),
  };
  return succeeded('break-even', prepared.issues, result);
}
