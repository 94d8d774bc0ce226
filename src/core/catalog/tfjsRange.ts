/**
 * The float32 range of the TF.js profile, applied to every catalog entry: TF.js stores each op's
 * result in a Float32Array, so a result beyond ±3.4028235e38 is ±Infinity there (leaky_relu(−3e38)
 * with slope 1.5, mse of 1e30) even when Formula Lens's float64 arithmetic keeps it finite.
 */
import { float32OverflowInPlace } from '../kernels/float32';
import type { Tensor } from '../tensor';
import type { ActivationEntry, ElementwiseKernel, LossEntry } from './types';

function overflowTensor(t: Tensor | undefined): void {
  if (t) float32OverflowInPlace(t.data);
}

function overflowRecord(record: Readonly<Record<string, Tensor | undefined>> | undefined): void {
  for (const t of Object.values(record ?? {})) overflowTensor(t);
}

function tfjsRangeKernel(kernel: ElementwiseKernel): ElementwiseKernel {
  return {
    forward(x, out, params, framework) {
      kernel.forward(x, out, params, framework);
      if (framework === 'tfjs') float32OverflowInPlace(out);
    },
    derivative(x, out, params, framework) {
      kernel.derivative(x, out, params, framework);
      if (framework === 'tfjs') float32OverflowInPlace(out);
    },
  };
}

/** The activation with its tfjs-profile results (values, gradients, Jacobians) in the float32 range. */
export function withTfjsActivationRange(entry: ActivationEntry): ActivationEntry {
  return {
    ...entry,
    ...(entry.kernel ? { kernel: tfjsRangeKernel(entry.kernel) } : {}),
    evaluate(input, options) {
      const result = entry.evaluate(input, options);
      if (options.framework === 'tfjs') {
        overflowTensor(result.value);
        overflowTensor(result.grad);
        overflowRecord(result.gradParams);
      }
      return result;
    },
    ...(entry.jacobian
      ? {
          jacobian(input, options) {
            const rows = entry.jacobian!(input, options);
            if (options.framework === 'tfjs') rows.forEach(overflowTensor);
            return rows;
          },
        }
      : {}),
  };
}

/** The loss with its tfjs-profile value and gradients in the float32 range. */
export function withTfjsLossRange(entry: LossEntry): LossEntry {
  return {
    ...entry,
    evaluate(inputs, options) {
      const result = entry.evaluate(inputs, options);
      if (options.framework === 'tfjs') {
        overflowTensor(result.value);
        overflowTensor(result.grad);
        overflowRecord(result.gradExtra);
      }
      return result;
    },
  };
}
