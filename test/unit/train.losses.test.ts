/**
 * The trainer's fused batch loss kernels against the catalog's `evaluateLoss` (which the golden
 * framework data pin down): value and gradient on random batches, per framework profile, with
 * the parameters training uses (label smoothing, class weights, pos_weight, focal gamma/alpha...).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mismatch } from './helpers/golden';
import { evaluateLoss } from '../../src/core/evaluate';
import { requireEntry } from '../../src/core/catalog/registry';
import { resolveParams } from '../../src/core/catalog/params';
import type { Framework, ParamValue } from '../../src/core/catalog/types';
import { tensor } from '../../src/core/tensor';
import { createRandom } from '../../src/core/train/random';
import { createTrainingLoss, TRAINING_LOSS_IDS, type TrainingReduction } from '../../src/core/train/losses';

const TOLERANCE = { rtol: 1e-12, atol: 1e-15 };
/**
 * The catalog replays TF.js's float32 arithmetic where it shows; training computes the TF.js formulas
 * (clip bounds included) in float64, so those cases agree to float32 precision.
 */
const TFJS_TOLERANCE = { rtol: 2e-6, atol: 2e-7 };
const ROWS = 7;

type Inputs = 'values' | 'probabilities' | 'logits' | 'distribution' | 'log_distribution';
type Targets = 'values' | 'binary' | 'signs' | 'soft' | 'one_hot' | 'indices';

interface LossCase {
  readonly id: string;
  readonly frameworks: readonly Framework[];
  readonly params?: Readonly<Record<string, ParamValue>>;
  readonly cols: number;
  readonly inputs: Inputs;
  readonly targets: Targets;
}

const cases: LossCase[] = [
  { id: 'mse', frameworks: ['torch', 'keras', 'tfjs'], cols: 3, inputs: 'values', targets: 'values' },
  { id: 'mae', frameworks: ['torch', 'keras', 'tfjs'], cols: 3, inputs: 'values', targets: 'values' },
  { id: 'huber', frameworks: ['torch', 'keras'], params: { delta: 0.7 }, cols: 2, inputs: 'values', targets: 'values' },
  { id: 'smooth_l1', frameworks: ['torch', 'keras'], params: { beta: 0.5 }, cols: 2, inputs: 'values', targets: 'values' },
  { id: 'log_cosh', frameworks: ['torch', 'keras', 'tfjs'], cols: 2, inputs: 'values', targets: 'values' },
  { id: 'binary_crossentropy', frameworks: ['torch'], cols: 1, inputs: 'probabilities', targets: 'binary' },
  { id: 'binary_crossentropy', frameworks: ['torch'], params: { weight: [0.5, 2] }, cols: 2, inputs: 'probabilities', targets: 'soft' },
  { id: 'binary_crossentropy', frameworks: ['keras', 'tfjs'], params: { label_smoothing: 0.1 }, cols: 2, inputs: 'probabilities', targets: 'binary' },
  { id: 'binary_crossentropy', frameworks: ['torch', 'keras'], params: { from_logits: true }, cols: 1, inputs: 'logits', targets: 'binary' },
  { id: 'binary_crossentropy_with_logits', frameworks: ['torch'], params: { pos_weight: [3, 0.5] }, cols: 2, inputs: 'logits', targets: 'binary' },
  { id: 'binary_crossentropy_with_logits', frameworks: ['keras', 'tfjs'], params: { label_smoothing: 0.2 }, cols: 1, inputs: 'logits', targets: 'binary' },
  { id: 'binary_focal_crossentropy', frameworks: ['torch'], cols: 2, inputs: 'logits', targets: 'binary' },
  { id: 'binary_focal_crossentropy', frameworks: ['torch'], params: { gamma: 1.5, alpha: 0.6 }, cols: 1, inputs: 'logits', targets: 'soft' },
  { id: 'binary_focal_crossentropy', frameworks: ['keras'], params: { gamma: 2, apply_class_balancing: true, alpha: 0.3 }, cols: 1, inputs: 'probabilities', targets: 'binary' },
  { id: 'binary_focal_crossentropy', frameworks: ['keras'], params: { from_logits: true, label_smoothing: 0.1 }, cols: 2, inputs: 'logits', targets: 'binary' },
  { id: 'hinge', frameworks: ['torch', 'keras'], cols: 1, inputs: 'values', targets: 'binary' },
  { id: 'hinge', frameworks: ['keras', 'tfjs'], cols: 2, inputs: 'values', targets: 'signs' },
  { id: 'squared_hinge', frameworks: ['keras', 'tfjs'], cols: 1, inputs: 'values', targets: 'signs' },
  { id: 'categorical_crossentropy', frameworks: ['torch'], params: { label_smoothing: 0.1, weight: [1, 2, 0.5, 1] }, cols: 4, inputs: 'logits', targets: 'soft' },
  { id: 'categorical_crossentropy', frameworks: ['torch'], params: { from_logits: false }, cols: 3, inputs: 'distribution', targets: 'one_hot' },
  { id: 'categorical_crossentropy', frameworks: ['keras', 'tfjs'], cols: 3, inputs: 'distribution', targets: 'one_hot' },
  { id: 'categorical_crossentropy', frameworks: ['keras', 'tfjs'], params: { label_smoothing: 0.2 }, cols: 3, inputs: 'probabilities', targets: 'soft' },
  { id: 'categorical_crossentropy', frameworks: ['keras'], params: { from_logits: true, label_smoothing: 0.1 }, cols: 4, inputs: 'logits', targets: 'one_hot' },
  { id: 'sparse_categorical_crossentropy', frameworks: ['torch'], cols: 4, inputs: 'logits', targets: 'indices' },
  { id: 'sparse_categorical_crossentropy', frameworks: ['torch'], params: { weight: [0.2, 1, 3], label_smoothing: 0.15 }, cols: 3, inputs: 'logits', targets: 'indices' },
  { id: 'sparse_categorical_crossentropy', frameworks: ['torch'], params: { from_logits: false, weight: [1, 2, 3] }, cols: 3, inputs: 'distribution', targets: 'indices' },
  { id: 'sparse_categorical_crossentropy', frameworks: ['keras', 'tfjs'], cols: 3, inputs: 'probabilities', targets: 'indices' },
  { id: 'sparse_categorical_crossentropy', frameworks: ['keras', 'tfjs'], params: { from_logits: true }, cols: 5, inputs: 'logits', targets: 'indices' },
  { id: 'nll_loss', frameworks: ['torch'], params: { weight: [1, 0.5, 2] }, cols: 3, inputs: 'log_distribution', targets: 'indices' },
  { id: 'nll_loss', frameworks: ['torch'], params: { ignore_index: 2 }, cols: 3, inputs: 'log_distribution', targets: 'indices' },
  { id: 'sparse_categorical_crossentropy', frameworks: ['torch'], params: { ignore_index: 0, weight: [1, 2, 3], label_smoothing: 0.1 }, cols: 3, inputs: 'logits', targets: 'indices' },
  { id: 'binary_focal_crossentropy', frameworks: ['torch'], params: { from_logits: false, gamma: 3 }, cols: 2, inputs: 'probabilities', targets: 'binary' },
];

/** Random batch inputs of the kind a loss reads (probabilities away from the clip bounds except where a case wants them). */
function makeInputs(kind: Inputs, rows: number, cols: number, seed: number): Float64Array {
  const random = createRandom(seed);
  const values = Float64Array.from({ length: rows * cols }, () => random.normal(0, 2));
  if (kind === 'probabilities') return values.map((v) => 1 / (1 + Math.exp(-v)));
  if (kind === 'distribution' || kind === 'log_distribution') {
    for (let r = 0; r < rows; r++) {
      let total = 0;
      for (let c = 0; c < cols; c++) total += Math.exp(values[r * cols + c]!);
      for (let c = 0; c < cols; c++) {
        const p = Math.exp(values[r * cols + c]!) / total;
        values[r * cols + c] = kind === 'distribution' ? p : Math.log(p);
      }
    }
  }
  return values;
}

/** Targets for the catalog (`catalog`, shaped as it wants them) and for the kernel (`kernel`, the trainer's layout). */
function makeTargets(kind: Targets, rows: number, cols: number, seed: number): { catalog: Float64Array; kernel: Float64Array } {
  const random = createRandom(seed + 1);
  const values = new Float64Array(kind === 'indices' ? rows : rows * cols);
  for (let r = 0; r < rows; r++) {
    const label = random.integer(cols);
    for (let c = 0; c < cols; c++) {
      const i = r * cols + c;
      if (kind === 'values') values[i] = random.normal(0, 1.5);
      else if (kind === 'binary') values[i] = random.next() < 0.5 ? 0 : 1;
      else if (kind === 'signs') values[i] = random.next() < 0.5 ? -1 : 1;
      else if (kind === 'soft') values[i] = random.next();
      else if (kind === 'one_hot') values[i] = c === label ? 1 : 0;
    }
    if (kind === 'indices') values[r] = label;
  }
  return { catalog: values, kernel: values };
}

function check(label: string, actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance = TOLERANCE): void {
  const problem = mismatch(actual, Array.from(expected), tolerance);
  assert.equal(problem, null, `${label}: ${problem}`);
}

for (const [index, lossCase] of cases.entries()) {
  for (const framework of lossCase.frameworks) {
    for (const reduction of ['mean', 'sum'] as TrainingReduction[]) {
      const params = lossCase.params ?? {};
      test(`${lossCase.id} (${framework}, ${JSON.stringify(params)}, ${reduction}): fused kernel = catalog value and gradient`, () => {
        const entry = requireEntry(lossCase.id, 'loss');
        const kind = TRAINING_LOSS_IDS[entry.id]!;
        const { rows, cols } = { rows: ROWS, cols: lossCase.cols };
        const seed = 1000 * index + (framework === 'torch' ? 0 : framework === 'keras' ? 1 : 2);
        const input = makeInputs(lossCase.inputs, rows, cols, seed);
        const { catalog, kernel } = makeTargets(lossCase.targets, rows, cols, seed);
        const yTrue = lossCase.targets === 'indices' ? tensor(catalog, [rows]) : tensor(catalog, [rows, cols]);
        const expected = evaluateLoss(lossCase.id, { yTrue, yPred: tensor(input, [rows, cols]) }, { framework, params, reduction });

        const loss = createTrainingLoss(kind, resolveParams(entry, framework, params), framework, reduction);
        const grad = new Float64Array(rows * cols);
        const denominator = loss.denominator(kernel, rows, cols);
        const value = loss.accumulate(input, kernel, rows, cols, grad, 1 / denominator) / denominator;
        const tolerance = framework === 'tfjs' ? TFJS_TOLERANCE : TOLERANCE;
        check('value', [value], expected.value.data, tolerance);
        check('gradient', grad, expected.grad.data, tolerance);
        // Without a gradient buffer the kernel only sums.
        check('value without gradient', [loss.accumulate(input, kernel, rows, cols, null, 1) / denominator], expected.value.data, tolerance);
      });
    }
  }
}

test('torch BCELoss kernel: saturated probabilities give 100 per clamped term and the float32-floored gradient', () => {
  const loss = createTrainingLoss('bce', { from_logits: false }, 'torch');
  const grad = new Float64Array(2);
  const sum = loss.accumulate(Float64Array.of(0, 1), Float64Array.of(1, 1), 2, 1, grad, 1);
  assert.equal(sum, 100);
  // (0 - 1) / max(0, float32(1e-12)) = -1000000003995.8
  check('gradient', grad, [-1 / Math.fround(1e-12), 0]);
});
