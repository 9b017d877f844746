import type { DriverValue } from './schema';

/**
 * A driver's value in each period t = 1..periods (index t − 1). Growth compounds by repeated
 * multiplication rather than Math.pow so that every JavaScript engine yields the same bits.
 * A series shorter than `periods` is padded with its last value (validation reports it first).
 */
export function driverSeries(driver: DriverValue, periods: number): Float64Array {
  const out = new Float64Array(periods);
  if (typeof driver === 'number') {
    out.fill(driver);
  } else if ('series' in driver) {
    const s = driver.series;
    for (let t = 0; t < periods; t++) out[t] = s[Math.min(t, s.length - 1)] ?? 0;
  } else {
    const factor = 1 + driver.growthPct / 100;
    let growth = 1;
    for (let t = 0; t < periods; t++) {
      out[t] = driver.start === 0 ? 0 : driver.start * growth;
      growth *= factor;
    }
  }
  return out;
}
