// Logarithm, exponential and square root from + − × ÷ only. Math.log, Math.exp and Math.sqrt
// may differ in the last bit between JavaScript engines; these give the same bits everywhere,
// so a seeded Monte Carlo run gives the same figures in every browser and on the server.

const LN2_HI = 6.9314718036912381649e-1;
const LN2_LO = 1.90821492927058770002e-10;
const LN2 = 0.6931471805599453;
const SQRT2 = 1.4142135623730951;

/** Natural logarithm of x > 0 (NaN otherwise); within a few units in the last place. */
export function detLn(x: number): number {
  if (!(x > 0) || x === Infinity) return x === Infinity ? Infinity : NaN;
  // x = m × 2^e with m in [1/√2, √2): scaling by 2 is exact.
  let m = x;
  let e = 0;
  while (m >= 2) {
    m /= 2;
    e++;
  }
  while (m < 1) {
    m *= 2;
    e--;
  }
  if (m > SQRT2) {
    m /= 2;
    e++;
  }
  // ln m = 2 atanh(z), z = (m − 1)/(m + 1), |z| < 0.172: 12 terms reach double precision.
  const z = (m - 1) / (m + 1);
  const z2 = z * z;
  let term = z;
  let sum = 0;
  for (let k = 0; k < 12; k++) {
    sum += term / (2 * k + 1);
    term *= z2;
  }
  return e * LN2_HI + (2 * sum + e * LN2_LO);
}

/** e^x; Infinity above 709.78 and 0 far below −745, as a double would. */
export function detExp(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x > 709.8) return Infinity;
  if (x < -745.2) return 0;
  // x = k ln2 + r with |r| ≤ ln2/2; e^r by Taylor (18 terms), then × 2^k by exact doublings.
  const k = Math.round(x / LN2);
  const r = x - k * LN2_HI - k * LN2_LO;
  let sum = 1;
  let term = 1;
  for (let i = 1; i <= 18; i++) {
    term = (term * r) / i;
    sum += term;
  }
  let result = sum;
  if (k > 0) for (let i = 0; i < k; i++) result *= 2;
  else for (let i = 0; i < -k; i++) result /= 2;
  return result;
}

/** √x for x ≥ 0 (NaN below) by Newton's method from an exact power-of-two start. */
export function detSqrt(x: number): number {
  if (!(x >= 0)) return NaN;
  if (x === 0 || x === Infinity) return x;
  let m = x;
  let half = 1;
  while (m >= 4) {
    m /= 4;
    half *= 2;
  }
  while (m < 1) {
    m *= 4;
    half /= 2;
  }
  // m in [1, 4): √m in [1, 2); Newton converges from 1.5 in 6 steps to full precision.
  let y = 1.5;
  for (let i = 0; i < 6; i++) y = (y + m / y) / 2;
  return y * half;
}
