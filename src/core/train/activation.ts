/**
 * A layer's activation for training: an elementwise catalog kernel (tanh, relu, ...), the identity,
 * or a row-wise softmax / log-softmax for output layers. Forward and derivative run over the first
 * `rows * units` values of preallocated buffers.
 */
import type { ElementwiseKernel, Framework, ResolvedParams } from '../catalog/types';

/** How an activation is applied. */
export type ActivationKind = 'identity' | 'elementwise' | 'softmax' | 'log_softmax';

/** Ids that mean "no activation". */
export const IDENTITY_IDS: readonly string[] = ['linear', 'identity', 'none'];

/** An activation bound to its parameters and framework profile. */
export interface LayerActivation {
  /** Catalog id, or `linear` for the identity. */
  readonly id: string;
  readonly kind: ActivationKind;
  readonly params: ResolvedParams;
  readonly framework: Framework;
  /** The catalog kernel (elementwise only). */
  readonly kernel?: ElementwiseKernel;
}

/** Creates a layer activation; `kernel` is required for `elementwise`. */
export function layerActivation(id: string, kind: ActivationKind, params: ResolvedParams, framework: Framework, kernel?: ElementwiseKernel): LayerActivation {
  if (kind === 'elementwise' && !kernel) throw new Error(`activation ${id} has no elementwise kernel`);
  return kernel ? { id, kind, params, framework, kernel } : { id, kind, params, framework };
}

/** The identity activation. */
export const IDENTITY: LayerActivation = { id: 'linear', kind: 'identity', params: {}, framework: 'torch' };

/**
 * Writes f(z) into `a` for `rows` rows of `cols` values. `z` and `a` are views of exactly `rows * cols`
 * values (the catalog kernels process whole arrays).
 */
export function applyActivation(activation: LayerActivation, z: Float64Array, a: Float64Array, rows: number, cols: number): void {
  switch (activation.kind) {
    case 'identity':
      a.set(z);
      return;
    case 'elementwise':
      activation.kernel!.forward(z, a, activation.params, activation.framework);
      return;
    case 'softmax':
    case 'log_softmax': {
      const log = activation.kind === 'log_softmax';
      for (let r = 0; r < rows; r++) {
        const offset = r * cols;
        let max = -Infinity;
        for (let c = 0; c < cols; c++) max = Math.max(max, z[offset + c]!);
        let total = 0;
        for (let c = 0; c < cols; c++) {
          const e = Math.exp(z[offset + c]! - max);
          a[offset + c] = e;
          total += e;
        }
        if (log) {
          const logTotal = Math.log(total);
          for (let c = 0; c < cols; c++) a[offset + c] = z[offset + c]! - max - logTotal;
        } else {
          for (let c = 0; c < cols; c++) a[offset + c] = a[offset + c]! / total;
        }
      }
      return;
    }
  }
}

/**
 * Turns d loss / d a (in `delta`) into d loss / d z, in place. `a` holds f(z); `scratch` receives f'(z)
 * for elementwise activations (kept for the dead/saturated-unit diagnostics).
 */
export function backpropActivation(activation: LayerActivation, z: Float64Array, a: Float64Array, delta: Float64Array, scratch: Float64Array, rows: number, cols: number): void {
  switch (activation.kind) {
    case 'identity':
      return;
    case 'elementwise': {
      activation.kernel!.derivative(z, scratch, activation.params, activation.framework);
      const n = rows * cols;
      for (let i = 0; i < n; i++) delta[i] = delta[i]! * scratch[i]!;
      return;
    }
    case 'softmax':
      // Vector-Jacobian product of softmax: a_c (g_c - sum_k g_k a_k).
      for (let r = 0; r < rows; r++) {
        const offset = r * cols;
        let dot = 0;
        for (let c = 0; c < cols; c++) dot += delta[offset + c]! * a[offset + c]!;
        for (let c = 0; c < cols; c++) delta[offset + c] = a[offset + c]! * (delta[offset + c]! - dot);
      }
      return;
    case 'log_softmax':
      // log_softmax: g_c - softmax_c * sum_k g_k, with softmax = exp(a).
      for (let r = 0; r < rows; r++) {
        const offset = r * cols;
        let total = 0;
        for (let c = 0; c < cols; c++) total += delta[offset + c]!;
        for (let c = 0; c < cols; c++) delta[offset + c] = delta[offset + c]! - Math.exp(a[offset + c]!) * total;
      }
      return;
  }
}
