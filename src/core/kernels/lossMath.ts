/**
 * Scalar numerics shared by the loss kernels: overflow-free logistic functions, log-cosh,
 * and the clipping constants each framework profile uses.
 */
import type { Framework } from '../catalog/types';

/** Logistic sigmoid 1/(1+e^-x), without overflow for any finite x; NaN stays NaN. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/**
 * sigmoid(x) from e = e^−|x|, the same number `sigmoid` returns (its exp is e^−x for x ≥ 0 and e^x
 * below), for kernels that need e^−|x| for another term too.
 */
export function sigmoidFromExp(x: number, e: number): number {
  return x >= 0 ? 1 / (1 + e) : e / (1 + e);
}

/** softplus log(1 + e^x), without overflow: x + log1p(e^-x) for x > 0. */
export function log1pExp(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/** log(sigmoid(x)) = -softplus(-x), finite for every finite x. */
export function logSigmoid(x: number): number {
  return -log1pExp(-x);
}

/**
 * log(cosh(x)) as Keras writes it, x + softplus(-2x) - log 2, which keeps the Keras non-finite
 * behaviour (x = -inf gives NaN). Below |x| = 1 that expression cancels, so there it uses the
 * exact identity log(cosh x) = log1p(2 sinh²(x/2)).
 */
export function logCosh(x: number): number {
  if (Math.abs(x) < 1) {
    const s = Math.sinh(x / 2);
    return Math.log1p(2 * s * s);
  }
  return x + log1pExp(-2 * x) - Math.LN2;
}

/**
 * A constant as the profile stores it. TF.js tensors are float32 only, so its clip bound
 * `1 - 1e-7` is really 0.99999988 (and -log(1 - p) saturates at 15.94, not 16.12).
 */
export function frameworkConstant(framework: Framework, value: number): number {
  return framework === 'tfjs' ? Math.fround(value) : value;
}

/** Lower and upper bound of the Keras/TF.js probability clip [ε, 1 − ε] under a profile. */
export function probabilityBounds(framework: Framework, epsilon: number): { readonly lower: number; readonly upper: number } {
  return { lower: frameworkConstant(framework, epsilon), upper: frameworkConstant(framework, 1 - epsilon) };
}

/** clip(v, lower, upper) as TF and TF.js compute it; NaN stays NaN. */
export function clip(v: number, lower: number, upper: number): number {
  return v > upper ? upper : v < lower ? lower : v;
}

/** 1 where TF.js's clip passes the gradient (lower ≤ v ≤ upper, bounds included; NaN blocked), else 0. */
export function clipPasses(v: number, lower: number, upper: number): number {
  return v >= lower && v <= upper ? 1 : 0;
}

/**
 * The gradient `g` after a Keras or TF.js clip of `v`: kept inside [lower, upper] (bounds
 * included), 0 outside. Both frameworks select rather than multiply, so a NaN `g` outside the
 * range still becomes 0. They differ at v = NaN: TF (Keras) passes `g` on, TF.js blocks it.
 */
export function clipGradient(framework: Framework, v: number, lower: number, upper: number, g: number): number {
  if (framework === 'tfjs') return v >= lower && v <= upper ? g : 0;
  return v < lower || v > upper ? 0 : g;
}

/** Sign as torch's `sgn` computes it for the L1 gradient: 0 at 0 and at NaN. */
export function torchSign(x: number): number {
  return x > 0 ? 1 : x < 0 ? -1 : 0;
}

/** d|x|/dx as TF.js computes it (`step(x, -1)`): 1 above 0, -1 at and below 0, NaN at NaN. */
export function tfjsAbsDerivative(x: number): number {
  return Number.isNaN(x) ? NaN : x > 0 ? 1 : -1;
}

/** d|x|/dx as TensorFlow computes it (`sign(x)`): 0 at 0, NaN at NaN. */
export function tfAbsDerivative(x: number): number {
  return Number.isNaN(x) ? NaN : x > 0 ? 1 : x < 0 ? -1 : 0;
}

/**
 * The derivative of |x| under a profile: torch sgn, TF sign (Keras 3), or TF.js step. Kernels take
 * the function once, outside their loop: V8 compiles a loop that passes the profile to a shared
 * function on every element into slow code that allocates.
 */
export function absDerivativeFor(framework: Framework): (x: number) => number {
  if (framework === 'torch') return torchSign;
  return framework === 'tfjs' ? tfjsAbsDerivative : tfAbsDerivative;
}

/** The derivative of |x| under a profile at one point (see `absDerivativeFor` for loops). */
export function absDerivative(framework: Framework, x: number): number {
  return absDerivativeFor(framework)(x);
}
