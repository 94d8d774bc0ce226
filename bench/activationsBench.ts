/** Section 1: every catalog activation, forward and gradient, against the tight loop, TF.js and mathjs. */
import { getEntry } from '../src/core/catalog/registry';
import { resolveParams } from '../src/core/catalog/params';
import type { ActivationEntry } from '../src/core/catalog/types';
import * as tf from '@tensorflow/tfjs';
import type { Tensor } from '../src/core/tensor';
import type { Comparison, Implementation } from './harness';
import { uniform } from './inputs';
import { MATHJS_ACTIVATIONS, TFJS_ACTIVATIONS, mathjsPerElement, tfjsForward, tfjsGradient } from './peers';
import { TIGHT_LOOPS, TIGHT_SOFTMAX } from './tightLoops';

/**
 * Parameters shared by every implementation where the torch default is not what the peers compute:
 * TF.js `gelu_new` and the tight loop use the tanh approximation.
 */
export const BENCH_PARAMS: Readonly<Record<string, Readonly<Record<string, string | number>>>> = {
  gelu: { approximate: 'tanh' },
};

/** Builds the activation comparisons for the given sizes. */
export function activationComparisons(sizes: readonly number[], withMathjs: (n: number) => boolean): Comparison[] {
  const comparisons: Comparison[] = [];
  for (const n of sizes) {
    const x = uniform(n, -6, 6, n);
    const x32 = Float32Array.from(x);
    const out = new Float64Array(n);
    for (const [id, tight] of Object.entries(TIGHT_LOOPS)) {
      const entry = getEntry(id) as ActivationEntry | undefined;
      if (!entry?.kernel) continue;
      const kernel = entry.kernel;
      const params = resolveParams(entry, 'torch', BENCH_PARAMS[id]);
      const target = n >= 1e5 ? 1.3 : 1.5;
      for (const pass of ['forward', 'derivative'] as const) {
        const implementations: Implementation[] = [
          { name: 'formula-lens', run: () => { kernel[pass](x, out, params, 'torch'); return out; } },
          { name: 'tight loop', run: () => { tight[pass](x, out); return out; } },
        ];
        const tfOp = TFJS_ACTIVATIONS[id];
        if (tfOp) implementations.push({ name: 'tfjs', run: pass === 'forward' ? tfjsForward(tfOp, x32) : tfjsGradient(tfOp, x32) });
        const expression = MATHJS_ACTIVATIONS[id];
        if (expression && pass === 'forward' && withMathjs(n)) implementations.push({ name: 'mathjs', run: mathjsPerElement(expression, x, new Float64Array(n)) });
        comparisons.push({
          group: 'activations', name: `${id} ${pass === 'forward' ? 'forward' : 'gradient'} n=${n.toExponential(0)}`,
          unit: 'element', units: n, baseline: 'tight loop', subject: 'formula-lens', implementations, target, fasterThan: ['tfjs', 'mathjs'],
        });
      }
    }
    comparisons.push(softmaxComparison(n, x, x32));
  }
  return comparisons;
}

/**
 * Softmax over rows of 10 (a 10-class output layer). The core's `evaluate` returns the value and
 * the VJP with an all-ones upstream, so every implementation here computes both.
 */
function softmaxComparison(n: number, x: Float64Array, x32: Float32Array): Comparison {
  const cols = 10;
  const rows = Math.floor(n / cols);
  const data = x.subarray(0, rows * cols);
  const matrix: Tensor = { shape: [rows, cols], data };
  const entry = getEntry('softmax') as ActivationEntry;
  const params = resolveParams(entry, 'torch');
  const value = new Float64Array(rows * cols);
  const grad = new Float64Array(rows * cols);
  const ones = new Float64Array(rows * cols).fill(1);
  const tfGradient = tf.grad((t: tf.Tensor) => tf.softmax(t.reshape([rows, cols])).sum());
  const data32 = x32.subarray(0, rows * cols);
  const implementations: Implementation[] = [
    { name: 'formula-lens', run: () => entry.evaluate(matrix, { framework: 'torch', params }).grad.data },
    { name: 'tight loop', run: () => { TIGHT_SOFTMAX.forward(data, value, cols); TIGHT_SOFTMAX.vjp(data, ones, grad, cols); return grad; } },
    { name: 'tfjs', run: () => tf.tidy(() => { const t = tf.tensor1d(data32); tf.softmax(t.reshape([rows, cols])).dataSync(); return tfGradient(t).dataSync(); }) },
  ];
  return { group: 'activations', name: `softmax rows of 10, value + VJP, n=${n.toExponential(0)}`, unit: 'element', units: rows * cols, baseline: 'tight loop', subject: 'formula-lens', implementations, fasterThan: ['tfjs'] };
}
