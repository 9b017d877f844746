// The volatility model of the Monte Carlo run: a volatile driver follows its scenario path times
// a random walk in logarithms, so the scenario's own values are the median of every period.
import { driverSeries } from '../termsheet/drivers';
import type { Scenario } from '../termsheet/schema';
import { detExp } from './det-math';
import type { Prng } from './prng';

export interface VolatileDriver {
  name: string;
  volatilityPct: number;
  /** The scenario's own values, one per period. */
  base: Float64Array;
}

/** The scenario's drivers with a volatility above 0, by name, the order their shocks are drawn. */
export function volatileDrivers(scenario: Scenario, periods: number): VolatileDriver[] {
  const out: VolatileDriver[] = [];
  for (const name of Object.keys(scenario.drivers).sort()) {
    const value = scenario.drivers[name];
    if (value === undefined || typeof value === 'number') continue;
    const volatilityPct = value.volatilityPct ?? 0;
    if (volatilityPct > 0) out.push({ name, volatilityPct, base: driverSeries(value, periods) });
  }
  return out;
}

/**
 * One path: value(t) = base(t) × e^(σ (Z1 + … + Zt)) with σ = volatilityPct / 100 and Zk
 * independent standard normals drawn driver by driver (by name), period by period.
 */
export function shockedPath(
  drivers: readonly VolatileDriver[],
  prng: Prng,
): Map<string, Float64Array> {
  const out = new Map<string, Float64Array>();
  for (const d of drivers) {
    const sigma = d.volatilityPct / 100;
    const series = new Float64Array(d.base.length);
    let walk = 0;
    for (let t = 0; t < series.length; t++) {
      walk += sigma * prng.nextNormal();
      const base = d.base[t] ?? 0;
      series[t] = base === 0 ? 0 : base * detExp(walk);
    }
    out.set(d.name, series);
  }
  return out;
}
