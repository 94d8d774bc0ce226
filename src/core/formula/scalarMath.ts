/**
 * Scalar float64 functions the formula language offers beyond `Math`: the catalog's elementwise
 * activations as plain mathematical functions (PyTorch default parameters, no framework quirks such
 * as softplus's linear threshold) and a few helpers (`step`, reciprocal trig). Stable for every input;
 * NaN in gives NaN out. The shared stable primitives come from `kernels/stableMath`.
 */
import { normalCdf, sigmoid as catalogSigmoid, sigmoidOfExp, softplus } from '../kernels/stableMath';

/** SELU constants, identical in PyTorch, Keras and TF.js. */
export const SELU_ALPHA = 1.6732632423543772;
export const SELU_SCALE = 1.0507009873554805;
/** √(2/π) and the cubic coefficient of the tanh approximation of GELU. */
export const GELU_TANH_SCALE = 0.7978845608028654;
export const GELU_TANH_CUBIC = 0.044715;

/** Heaviside step with step(0) = 0 (the subgradient PyTorch uses at kinks); NaN stays NaN. */
export function step(v: number): number {
  return v > 0 ? 1 : v <= 0 ? 0 : NaN;
}

/** max(v, 0). */
export function relu(v: number): number {
  return Math.max(v, 0);
}

/** min(max(v, 0), 6). */
export function relu6(v: number): number {
  return Math.min(Math.max(v, 0), 6);
}

/** v for v > 0, slope·v otherwise. */
export function leakyRelu(v: number, slope: number): number {
  return v > 0 ? v : slope * v;
}

/** v for v > 0, α(e^v − 1) otherwise, with expm1 for accuracy near 0. */
export function elu(v: number, alpha: number): number {
  return v > 0 ? v : alpha * Math.expm1(v);
}

/** scale·elu(v, α) with the SELU constants. */
export function selu(v: number): number {
  return SELU_SCALE * (v > 0 ? v : SELU_ALPHA * Math.expm1(v));
}

/** max(0, v) + min(0, α(e^(v/α) − 1)). */
export function celu(v: number, alpha: number): number {
  return v > 0 ? v : alpha * Math.expm1(v / alpha);
}

/** Exact GELU v·Φ(v), with Φ from erfc so the negative tail keeps its relative accuracy. */
export function gelu(v: number): number {
  return v * normalCdf(v);
}

/**
 * The tanh approximation of GELU, 0.5·v·(1 + tanh(√(2/π)(v + 0.044715v³))), written as
 * v·σ(2z) (the same function) so the negative tail does not cancel to 0.
 */
export function geluTanh(v: number): number {
  return v * catalogSigmoid(2 * GELU_TANH_SCALE * (v + GELU_TANH_CUBIC * v * v * v));
}

/** v·σ(v) (SiLU, swish). */
export function silu(v: number): number {
  return v * catalogSigmoid(v);
}

/** v·tanh(softplus(v)). */
export function mish(v: number): number {
  return v * Math.tanh(softplus(v));
}

/** v / (1 + |v|). */
export function softsign(v: number): number {
  return v / (1 + Math.abs(v));
}

/** min(max(v/6 + 1/2, 0), 1): PyTorch and Keras 3 (not the Keras 2 / TF.js 0.2v + 0.5). */
export function hardSigmoid(v: number): number {
  return Math.min(Math.max(v / 6 + 0.5, 0), 1);
}

/** v·relu6(v + 3)/6 (hard swish, hard SiLU). */
export function hardSwish(v: number): number {
  return (v * Math.min(Math.max(v + 3, 0), 6)) / 6;
}

/** min(max(v, −1), 1). */
export function hardTanh(v: number): number {
  return Math.min(Math.max(v, -1), 1);
}

/** v − λ for v > λ, v + λ for v < −λ, 0 between (NaN stays NaN). */
export function softShrink(v: number, lambd: number): number {
  return v > lambd ? v - lambd : v < -lambd ? v + lambd : v * 0;
}

/** v where |v| > λ, 0 between (NaN stays NaN). */
export function hardShrink(v: number, lambd: number): number {
  return v > lambd || v < -lambd ? v : v * 0;
}

/** (v + √(v² + b))/2 without overflow for huge |v| or cancellation for very negative v. */
export function squareplus(v: number, b: number): number {
  const root = Math.hypot(v, Math.sqrt(b));
  return v >= 0 ? (v + root) / 2 : b / (2 * (root - v));
}

/** min(max(v, lo), hi). */
export function clip(v: number, lo: number, hi: number): number {
  return Math.min(Math.max(v, lo), hi);
}

/** log(v) / log(base). */
export function logBase(v: number, base: number): number {
  return Math.log(v) / Math.log(base);
}

/** The shared stable primitives the formula function table also needs, re-exported so it imports from one place. */
export { erf, erfc, logSigmoid, softplus, tanhShrink } from '../kernels/stableMath';

/**
 * The formula language's sigmoid, from e^(−|v|): the form whose σ(u) and σ(−u) one exponential gives, so a
 * program that computes both at once (a derivative's σ(u)·σ(−u)) equals the formula evaluated node by node,
 * bit for bit. Within 2 ulp of the catalog's sigmoid, which uses PyTorch's 1 / (1 + e^(−v)).
 */
export function sigmoid(v: number): number {
  return sigmoidOfExp(v, Math.exp(-Math.abs(v)));
}
