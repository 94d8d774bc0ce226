/**
 * Numerically stable float64 scalar math shared by the activation and loss kernels.
 * Every function here is finite wherever the mathematical value is representable, and
 * propagates NaN; none allocates.
 */

/** Above this x, e^(−x) is finite (it overflows below −709.78), so 1 / (1 + e^(−x)) is safe. */
export const SIGMOID_DIRECT_LIMIT = -700;

/** The logistic sigmoid 1 / (1 + e^(−x)), with no overflow for any x. */
export function sigmoid(x: number): number {
  // PyTorch's own form is accurate to 2 ulp wherever e^(−x) is finite. Below −700, close to where it
  // overflows (x < −709.78), e^x / (1 + e^x) instead, which cannot; NaN takes that branch too. Inputs
  // almost never reach it, so the branch costs nothing (a branch on the sign would be mispredicted).
  if (x > SIGMOID_DIRECT_LIMIT) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** σ(x) given e = e^(−|x|), which σ(x) and σ(−x) share: two sigmoids for one exponential, accurate for every x. */
export function sigmoidOfExp(x: number, e: number): number {
  // 1 / (1 + e^(−x)) for x ≥ 0; for negative x, e^(−x) could overflow, so e^x / (1 + e^x). Both are
  // over 1 + e and differ in the numerator only, picked without a branch (1 + 0·e = 1, 0 + 1·e = e
  // exactly): on inputs of mixed sign a branch here is mispredicted about every other element.
  const positive = Number(x >= 0);
  return (positive + (1 - positive) * e) / (1 + e);
}

/** σ′(x) = σ(x)·σ(−x) = e^(−|x|) / (1 + e^(−|x|))², accurate (no 1 − σ cancellation) for every x. */
export function sigmoidDerivative(x: number): number {
  const e = Math.exp(-Math.abs(x));
  const d = 1 + e;
  return e / (d * d);
}

/** softplus(x) = log(1 + e^x), accurate for every x: max(x, 0) + log1p(e^(−|x|)). */
export function softplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

/** log(1 + e^x): the same function as `softplus`, under the name numerical code often uses. */
export const log1pExp = softplus;

/** log σ(x) = −softplus(−x) = min(x, 0) − log1p(e^(−|x|)), accurate for every x. */
export function logSigmoid(x: number): number {
  return Math.min(x, 0) - Math.log1p(Math.exp(-Math.abs(x)));
}

/** sech²(x) = 1 / cosh²(x) = 1 − tanh²(x), without the cancellation of the latter when |x| is large. */
export function sechSquared(x: number): number {
  const c = Math.cosh(x);
  return 1 / (c * c);
}

// Taylor coefficients of x − tanh(x) = x³/3 − 2x⁵/15 + 17x⁷/315 − ..., in powers of x².
const TANHSHRINK_SERIES = [
  1 / 3, -2 / 15, 17 / 315, -62 / 2835, 1382 / 155925, -21844 / 6081075, 929569 / 638512875, -6404582 / 10854718875,
  443861162 / 1856156927625, -18888466084 / 194896477400625,
];
const TANHSHRINK_SERIES_LIMIT = 0.25;

/** x − tanh(x) with full relative accuracy near 0, where the direct difference cancels. */
export function tanhShrink(x: number): number {
  const ax = Math.abs(x);
  if (!(ax < TANHSHRINK_SERIES_LIMIT) || ax === 0) return x - Math.tanh(x);
  const x2 = x * x;
  let sum = 0;
  for (let k = TANHSHRINK_SERIES.length - 1; k >= 0; k--) sum = sum * x2 + TANHSHRINK_SERIES[k]!;
  // `+ 0` turns an underflowed −0 into +0, the sign x − tanh(x) itself gives.
  return sum * x2 * x + 0;
}

// W. J. Cody, "Rational Chebyshev approximations for the error function", Math. Comp. 23 (1969),
// as in his CALERF routine: near-minimax rational approximations good to about 1e-18 relative,
// so erf and erfc below are accurate to a few ulp in float64 over the whole line.
const ERF_A0 = 3.1611237438705655, ERF_A1 = 113.86415415105016, ERF_A2 = 377.485237685302, ERF_A3 = 3209.3775891384694, ERF_A4 = 0.18577770618460315;
const ERF_B0 = 23.601290952344122, ERF_B1 = 244.02463793444417, ERF_B2 = 1282.6165260773723, ERF_B3 = 2844.236833439171;
const ERFC_C = [0.5641884969886701, 8.883149794388377, 66.11919063714163, 298.6351381974001, 881.952221241769, 1712.0476126340707, 2051.0783778260716, 1230.3393547979972, 2.1531153547440383e-8];
const ERFC_D = [15.744926110709835, 117.6939508913125, 537.1811018620099, 1621.3895745666903, 3290.7992357334597, 4362.619090143247, 3439.3676741437216, 1230.3393548037495];
const ERFC_P = [0.30532663496123236, 0.36034489994980445, 0.12578172611122926, 0.016083785148742275, 0.0006587491615298378, 0.016315387137302097];
const ERFC_Q = [2.568520192289822, 1.8729528499234604, 0.5279051029514285, 0.06051834131244132, 0.0023352049762686918];
const ERF_SMALL_LIMIT = 0.46875;
/** Below this |x|, x² is negligible next to the coefficients: erf(x) = 2x/√π to working precision. */
const ERF_TINY = 1.11e-16;
/** Above this, erfc(x) underflows to 0 in float64. */
const ERFC_ZERO_LIMIT = 26.543;
const INV_SQRT_PI = 0.5641895835477563;

/** The rational approximation of erf for |x| ≤ 0.46875. */
function erfSmall(x: number): number {
  const y = Math.abs(x);
  const ysq = y > ERF_TINY ? y * y : 0;
  let num = ERF_A4 * ysq;
  let den = ysq;
  num = (num + ERF_A0) * ysq;
  den = (den + ERF_B0) * ysq;
  num = (num + ERF_A1) * ysq;
  den = (den + ERF_B1) * ysq;
  num = (num + ERF_A2) * ysq;
  den = (den + ERF_B2) * ysq;
  return (x * (num + ERF_A3)) / (den + ERF_B3);
}

/** erfc(y) for y > 0.46875 (also NaN and +∞). */
function erfcLarge(y: number): number {
  let result: number;
  if (y <= 4) {
    let num = ERFC_C[8]! * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + ERFC_C[i]!) * y;
      den = (den + ERFC_D[i]!) * y;
    }
    result = (num + ERFC_C[7]!) / (den + ERFC_D[7]!);
  } else {
    if (y >= ERFC_ZERO_LIMIT) return 0;
    const z = 1 / (y * y);
    let num = ERFC_P[5]! * z;
    let den = z;
    for (let i = 0; i < 4; i++) {
      num = (num + ERFC_P[i]!) * z;
      den = (den + ERFC_Q[i]!) * z;
    }
    result = (z * (num + ERFC_P[4]!)) / (den + ERFC_Q[4]!);
    result = (INV_SQRT_PI - result) / y;
  }
  // e^(−y²) split as e^(−s²)·e^(−(y−s)(y+s)) with s = y rounded down to 1/16, so y² loses no bits.
  const s = Math.trunc(y * 16) / 16;
  const del = (y - s) * (y + s);
  return Math.exp(-s * s) * Math.exp(-del) * result;
}

/** The error function erf(x), accurate to a few ulp (Cody's rational approximations). */
export function erf(x: number): number {
  const y = Math.abs(x);
  if (y <= ERF_SMALL_LIMIT) return erfSmall(x);
  const value = 0.5 - erfcLarge(y) + 0.5;
  return x < 0 ? -value : value;
}

/** The complementary error function erfc(x) = 1 − erf(x), accurate (no cancellation) for large x. */
export function erfc(x: number): number {
  const y = Math.abs(x);
  if (y <= ERF_SMALL_LIMIT) return 1 - erfSmall(x);
  const value = erfcLarge(y);
  return x < 0 ? 2 - value : value;
}

/** 1/√2, the scale of the standard normal CDF argument. */
export const SQRT1_2 = Math.SQRT1_2;
/** 1/√(2π), the peak of the standard normal density. */
export const INV_SQRT_2PI = 0.3989422804014327;

/** The standard normal CDF Φ(x) = erfc(−x/√2)/2, accurate in both tails. */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x * SQRT1_2);
}

/** The standard normal density φ(x) = e^(−x²/2)/√(2π). */
export function normalPdf(x: number): number {
  return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
}
