/**
 * The limit proxy: the same formula as each catalog activation, written as the tightest plain
 * Float64Array loop we know, with the default parameters of the torch profile inlined.
 * These are deliberately written by hand inside the benchmark, not shared with the product.
 */

/** Forward and derivative loops of one activation. */
export interface TightLoop {
  readonly forward: (x: Float64Array, out: Float64Array) => void;
  readonly derivative: (x: Float64Array, out: Float64Array) => void;
}

const SELU_ALPHA = 1.6732632423543772;
const SELU_SCALE = 1.0507009873554805;
const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

/** Tight loops keyed by catalog id (elementwise activations only). */
export const TIGHT_LOOPS: Readonly<Record<string, TightLoop>> = {
  sigmoid: {
    forward(x, out) { for (let i = 0; i < x.length; i++) out[i] = 1 / (1 + Math.exp(-x[i]!)); },
    derivative(x, out) { for (let i = 0; i < x.length; i++) { const s = 1 / (1 + Math.exp(-x[i]!)); out[i] = s * (1 - s); } },
  },
  tanh: {
    forward(x, out) { for (let i = 0; i < x.length; i++) out[i] = Math.tanh(x[i]!); },
    derivative(x, out) { for (let i = 0; i < x.length; i++) { const t = Math.tanh(x[i]!); out[i] = 1 - t * t; } },
  },
  relu: {
    forward(x, out) { for (let i = 0; i < x.length; i++) { const v = x[i]!; out[i] = v > 0 ? v : 0; } },
    derivative(x, out) { for (let i = 0; i < x.length; i++) out[i] = x[i]! > 0 ? 1 : 0; },
  },
  leaky_relu: {
    forward(x, out) { for (let i = 0; i < x.length; i++) { const v = x[i]!; out[i] = v > 0 ? v : 0.01 * v; } },
    derivative(x, out) { for (let i = 0; i < x.length; i++) out[i] = x[i]! > 0 ? 1 : 0.01; },
  },
  elu: {
    forward(x, out) { for (let i = 0; i < x.length; i++) { const v = x[i]!; out[i] = v > 0 ? v : Math.expm1(v); } },
    derivative(x, out) { for (let i = 0; i < x.length; i++) { const v = x[i]!; out[i] = v > 0 ? 1 : Math.exp(v); } },
  },
  selu: {
    forward(x, out) { for (let i = 0; i < x.length; i++) { const v = x[i]!; out[i] = SELU_SCALE * (v > 0 ? v : SELU_ALPHA * Math.expm1(v)); } },
    derivative(x, out) { for (let i = 0; i < x.length; i++) { const v = x[i]!; out[i] = v > 0 ? SELU_SCALE : SELU_SCALE * SELU_ALPHA * Math.exp(v); } },
  },
  celu: {
    forward(x, out) { for (let i = 0; i < x.length; i++) { const v = x[i]!; out[i] = v > 0 ? v : Math.expm1(v); } },
    derivative(x, out) { for (let i = 0; i < x.length; i++) { const v = x[i]!; out[i] = v > 0 ? 1 : Math.exp(v); } },
  },
  gelu: {
    forward(x, out) { for (let i = 0; i < x.length; i++) { const v = x[i]!; out[i] = 0.5 * v * (1 + Math.tanh(SQRT_2_OVER_PI * (v + 0.044715 * v * v * v))); } },
    derivative(x, out) {
      for (let i = 0; i < x.length; i++) {
        const v = x[i]!;
        const t = Math.tanh(SQRT_2_OVER_PI * (v + 0.044715 * v * v * v));
        out[i] = 0.5 * (1 + t) + 0.5 * v * (1 - t * t) * SQRT_2_OVER_PI * (1 + 3 * 0.044715 * v * v);
      }
    },
  },
  silu: {
    forward(x, out) { for (let i = 0; i < x.length; i++) { const v = x[i]!; out[i] = v / (1 + Math.exp(-v)); } },
    derivative(x, out) { for (let i = 0; i < x.length; i++) { const v = x[i]!; const s = 1 / (1 + Math.exp(-v)); out[i] = s * (1 + v * (1 - s)); } },
  },
  mish: {
    forward(x, out) { for (let i = 0; i < x.length; i++) { const v = x[i]!; out[i] = v * Math.tanh(Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v)))); } },
    derivative(x, out) {
      for (let i = 0; i < x.length; i++) {
        const v = x[i]!;
        const t = Math.tanh(Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v))));
        const s = 1 / (1 + Math.exp(-v));
        out[i] = t + v * s * (1 - t * t);
      }
    },
  },
  softplus: {
    forward(x, out) { for (let i = 0; i < x.length; i++) { const v = x[i]!; out[i] = v > 20 ? v : Math.log1p(Math.exp(v)); } },
    derivative(x, out) { for (let i = 0; i < x.length; i++) { const v = x[i]!; out[i] = v > 20 ? 1 : 1 / (1 + Math.exp(-v)); } },
  },
  softsign: {
    forward(x, out) { for (let i = 0; i < x.length; i++) { const v = x[i]!; out[i] = v / (1 + Math.abs(v)); } },
    derivative(x, out) { for (let i = 0; i < x.length; i++) { const d = 1 + Math.abs(x[i]!); out[i] = 1 / (d * d); } },
  },
  hardsigmoid: {
    forward(x, out) { for (let i = 0; i < x.length; i++) { const v = x[i]!; out[i] = v <= -3 ? 0 : v >= 3 ? 1 : v / 6 + 0.5; } },
    derivative(x, out) { for (let i = 0; i < x.length; i++) { const v = x[i]!; out[i] = v > -3 && v < 3 ? 1 / 6 : 0; } },
  },
  hardswish: {
    forward(x, out) { for (let i = 0; i < x.length; i++) { const v = x[i]!; out[i] = v <= -3 ? 0 : v >= 3 ? v : (v * (v + 3)) / 6; } },
    derivative(x, out) { for (let i = 0; i < x.length; i++) { const v = x[i]!; out[i] = v < -3 ? 0 : v > 3 ? 1 : (2 * v + 3) / 6; } },
  },
  hardtanh: {
    forward(x, out) { for (let i = 0; i < x.length; i++) { const v = x[i]!; out[i] = v < -1 ? -1 : v > 1 ? 1 : v; } },
    derivative(x, out) { for (let i = 0; i < x.length; i++) { const v = x[i]!; out[i] = v > -1 && v < 1 ? 1 : 0; } },
  },
  relu6: {
    forward(x, out) { for (let i = 0; i < x.length; i++) { const v = x[i]!; out[i] = v < 0 ? 0 : v > 6 ? 6 : v; } },
    derivative(x, out) { for (let i = 0; i < x.length; i++) { const v = x[i]!; out[i] = v > 0 && v < 6 ? 1 : 0; } },
  },
  logsigmoid: {
    forward(x, out) { for (let i = 0; i < x.length; i++) { const v = x[i]!; out[i] = Math.min(v, 0) - Math.log1p(Math.exp(-Math.abs(v))); } },
    derivative(x, out) { for (let i = 0; i < x.length; i++) out[i] = 1 / (1 + Math.exp(x[i]!)); },
  },
  tanhshrink: {
    forward(x, out) { for (let i = 0; i < x.length; i++) { const v = x[i]!; out[i] = v - Math.tanh(v); } },
    derivative(x, out) { for (let i = 0; i < x.length; i++) { const t = Math.tanh(x[i]!); out[i] = t * t; } },
  },
  softshrink: {
    forward(x, out) { for (let i = 0; i < x.length; i++) { const v = x[i]!; out[i] = v > 0.5 ? v - 0.5 : v < -0.5 ? v + 0.5 : 0; } },
    derivative(x, out) { for (let i = 0; i < x.length; i++) { const v = x[i]!; out[i] = v > 0.5 || v < -0.5 ? 1 : 0; } },
  },
  hardshrink: {
    forward(x, out) { for (let i = 0; i < x.length; i++) { const v = x[i]!; out[i] = v > 0.5 || v < -0.5 ? v : 0; } },
    derivative(x, out) { for (let i = 0; i < x.length; i++) { const v = x[i]!; out[i] = v > 0.5 || v < -0.5 ? 1 : 0; } },
  },
  threshold: {
    forward(x, out) { for (let i = 0; i < x.length; i++) { const v = x[i]!; out[i] = v > 0 ? v : 0; } },
    derivative(x, out) { for (let i = 0; i < x.length; i++) out[i] = x[i]! > 0 ? 1 : 0; },
  },
  exponential: {
    forward(x, out) { for (let i = 0; i < x.length; i++) out[i] = Math.exp(x[i]!); },
    derivative(x, out) { for (let i = 0; i < x.length; i++) out[i] = Math.exp(x[i]!); },
  },
  linear: {
    forward(x, out) { for (let i = 0; i < x.length; i++) out[i] = x[i]!; },
    derivative(_x, out) { out.fill(1); },
  },
};

/** Tight softmax over rows of `cols` (max-subtracted), and its VJP with an all-ones upstream. */
export const TIGHT_SOFTMAX = {
  forward(x: Float64Array, out: Float64Array, cols: number): void {
    for (let start = 0; start < x.length; start += cols) {
      let max = -Infinity;
      for (let j = 0; j < cols; j++) if (x[start + j]! > max) max = x[start + j]!;
      let sum = 0;
      for (let j = 0; j < cols; j++) { const e = Math.exp(x[start + j]! - max); out[start + j] = e; sum += e; }
      const inv = 1 / sum;
      for (let j = 0; j < cols; j++) out[start + j]! *= inv;
    }
  },
  /** VJP g_j = s_j (u_j - Σ u_k s_k) with the upstream u given. */
  vjp(x: Float64Array, upstream: Float64Array, out: Float64Array, cols: number): void {
    TIGHT_SOFTMAX.forward(x, out, cols);
    for (let start = 0; start < x.length; start += cols) {
      let dot = 0;
      for (let j = 0; j < cols; j++) dot += upstream[start + j]! * out[start + j]!;
      for (let j = 0; j < cols; j++) out[start + j] = out[start + j]! * (upstream[start + j]! - dot);
    }
  },
};
