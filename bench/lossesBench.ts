/**
 * Section 2: losses that TF.js also has, on n pairs: value and gradient together
 * (the core computes both in one call), against a tight loop and TF.js `valueAndGrad`.
 */
import * as tf from '@tensorflow/tfjs';
import { getEntry } from '../src/core/catalog/registry';
import { resolveParams } from '../src/core/catalog/params';
import type { Framework, LossEntry, ParamValue } from '../src/core/catalog/types';
import type { Tensor } from '../src/core/tensor';
import type { Comparison } from './harness';
import { seededRandom, uniform } from './inputs';

/** One loss comparison. */
export interface LossCase {
  readonly id: string;
  readonly label: string;
  readonly framework: Framework;
  readonly params?: Record<string, ParamValue>;
  /** Columns per row (classes for categorical losses). */
  readonly cols: number;
  readonly makeTrue: (n: number) => Float64Array;
  readonly makePred: (n: number) => Float64Array;
  /** Tight loop writing d mean(loss) / d pred into grad and returning the mean loss. */
  readonly tight: (t: Float64Array, p: Float64Array, grad: Float64Array) => number;
  /** TF.js loss (mean over all elements) of labels and predictions. */
  readonly tfjs: (t: tf.Tensor, p: tf.Tensor) => tf.Scalar;
}

function binaryLabels(n: number): Float64Array {
  const random = seededRandom(7);
  return Float64Array.from({ length: n }, () => (random() < 0.5 ? 0 : 1));
}

function oneHot(n: number, classes: number): Float64Array {
  const random = seededRandom(11);
  const out = new Float64Array(n);
  for (let row = 0; row < n / classes; row++) out[row * classes + Math.floor(random() * classes)] = 1;
  return out;
}

/** The loss cases (exported for the honesty test). */
export const LOSS_CASES: readonly LossCase[] = [
  {
    id: 'mse', label: 'mse (torch)', framework: 'torch', cols: 1, makeTrue: (n) => uniform(n, -2, 2, 3), makePred: (n) => uniform(n, -2, 2, 4),
    tight(t, p, grad) { const n = p.length; let sum = 0; const scale = 2 / n; for (let i = 0; i < n; i++) { const d = p[i]! - t[i]!; sum += d * d; grad[i] = scale * d; } return sum / n; },
    tfjs: (t, p) => tf.losses.meanSquaredError(t, p) as tf.Scalar,
  },
  {
    id: 'mae', label: 'mae (torch)', framework: 'torch', cols: 1, makeTrue: (n) => uniform(n, -2, 2, 3), makePred: (n) => uniform(n, -2, 2, 4),
    tight(t, p, grad) { const n = p.length; let sum = 0; const scale = 1 / n; for (let i = 0; i < n; i++) { const d = p[i]! - t[i]!; sum += Math.abs(d); grad[i] = d > 0 ? scale : d < 0 ? -scale : 0; } return sum / n; },
    tfjs: (t, p) => tf.losses.absoluteDifference(t, p) as tf.Scalar,
  },
  {
    id: 'huber', label: 'huber δ=1 (torch)', framework: 'torch', cols: 1, makeTrue: (n) => uniform(n, -2, 2, 3), makePred: (n) => uniform(n, -2, 2, 4),
    tight(t, p, grad) {
      const n = p.length; let sum = 0; const scale = 1 / n;
      for (let i = 0; i < n; i++) { const d = p[i]! - t[i]!; const a = Math.abs(d); if (a < 1) { sum += 0.5 * d * d; grad[i] = scale * d; } else { sum += a - 0.5; grad[i] = d > 0 ? scale : -scale; } }
      return sum / n;
    },
    tfjs: (t, p) => tf.losses.huberLoss(t, p) as tf.Scalar,
  },
  {
    id: 'binary_crossentropy', label: 'bce on probabilities (torch)', framework: 'torch', cols: 1, makeTrue: binaryLabels, makePred: (n) => uniform(n, 0.01, 0.99, 5),
    tight(t, p, grad) {
      const n = p.length; let sum = 0; const scale = 1 / n;
      for (let i = 0; i < n; i++) {
        const q = p[i]!; const y = t[i]!;
        sum -= y * Math.max(Math.log(q), -100) + (1 - y) * Math.max(Math.log1p(-q), -100);
        grad[i] = (scale * (q - y)) / Math.max(q * (1 - q), 1e-12);
      }
      return sum / n;
    },
    tfjs: (t, p) => tf.metrics.binaryCrossentropy(t, p).mean() as tf.Scalar,
  },
  {
    id: 'binary_crossentropy_with_logits', label: 'bce with logits (torch)', framework: 'torch', cols: 1, makeTrue: binaryLabels, makePred: (n) => uniform(n, -6, 6, 6),
    tight(t, p, grad) {
      const n = p.length; let sum = 0; const scale = 1 / n;
      for (let i = 0; i < n; i++) {
        const z = p[i]!; const y = t[i]!;
        sum += Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z)));
        grad[i] = scale * (1 / (1 + Math.exp(-z)) - y);
      }
      return sum / n;
    },
    tfjs: (t, p) => tf.losses.sigmoidCrossEntropy(t, p) as tf.Scalar,
  },
  {
    id: 'categorical_crossentropy', label: 'cce from logits, 10 classes (torch)', framework: 'torch', params: { from_logits: true }, cols: 10, makeTrue: (n) => oneHot(n, 10), makePred: (n) => uniform(n, -4, 4, 8),
    tight(t, p, grad) {
      const cols = 10; const rows = p.length / cols; let sum = 0; const scale = 1 / rows;
      for (let r = 0; r < rows; r++) {
        const o = r * cols; let max = -Infinity;
        for (let j = 0; j < cols; j++) if (p[o + j]! > max) max = p[o + j]!;
        let z = 0; for (let j = 0; j < cols; j++) { const e = Math.exp(p[o + j]! - max); grad[o + j] = e; z += e; }
        const logZ = Math.log(z) + max; let tsum = 0;
        for (let j = 0; j < cols; j++) { sum -= t[o + j]! * (p[o + j]! - logZ); tsum += t[o + j]!; }
        for (let j = 0; j < cols; j++) grad[o + j] = scale * ((grad[o + j]! / z) * tsum - t[o + j]!);
      }
      return sum / rows;
    },
    tfjs: (t, p) => tf.losses.softmaxCrossEntropy(t, p) as tf.Scalar,
  },
  {
    id: 'hinge', label: 'hinge, ±1 labels (keras)', framework: 'keras', cols: 1, makeTrue: (n) => binaryLabels(n).map((v) => 2 * v - 1), makePred: (n) => uniform(n, -2, 2, 9),
    tight(t, p, grad) { const n = p.length; let sum = 0; const scale = 1 / n; for (let i = 0; i < n; i++) { const m = 1 - t[i]! * p[i]!; if (m > 0) { sum += m; grad[i] = -scale * t[i]!; } else grad[i] = 0; } return sum / n; },
    tfjs: (t, p) => tf.losses.hingeLoss(t.add(1).div(2), p) as tf.Scalar,
  },
];

/** Builds the loss comparisons on n pairs (1e6 in the full run). */
export function lossComparisons(n: number): Comparison[] {
  return LOSS_CASES.flatMap((lossCase) => {
    const entry = getEntry(lossCase.id) as LossEntry | undefined;
    if (!entry) return [];
    const rows = n / lossCase.cols;
    const shape = lossCase.cols === 1 ? [n] : [rows, lossCase.cols];
    const yTrueData = lossCase.makeTrue(n);
    const yPredData = lossCase.makePred(n);
    const yTrue: Tensor = { shape, data: yTrueData };
    const yPred: Tensor = { shape, data: yPredData };
    const params = resolveParams(entry, lossCase.framework, lossCase.params ?? {});
    const grad = new Float64Array(n);
    const t32 = tf.tensor(Float32Array.from(yTrueData), shape);
    const p32 = Float32Array.from(yPredData);
    const valueAndGrad = tf.valueAndGrad((p: tf.Tensor) => lossCase.tfjs(t32, p));
    return [{
      group: 'losses', name: `${lossCase.label} n=${n.toExponential(0)}`, unit: 'pair', units: n, baseline: 'tight loop', subject: 'formula-lens',
      target: 1.3, fasterThan: ['tfjs'],
      implementations: [
        { name: 'formula-lens', run: () => entry.evaluate({ yTrue, yPred }, { framework: lossCase.framework, params, reduction: 'mean' }).grad.data },
        { name: 'tight loop', run: () => lossCase.tight(yTrueData, yPredData, grad) },
        { name: 'tfjs', run: () => tf.tidy(() => { const { value, grad: g } = valueAndGrad(tf.tensor(p32, shape)); value.dataSync(); return g.dataSync(); }) },
      ],
    }];
  });
}
