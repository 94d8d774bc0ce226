/**
 * Whole-network gradients (backprop through every layer, the output activation and the loss,
 * plus L1/L2 penalties) against central finite differences of the loss, for several
 * architectures, activations, losses, output pairings and framework profiles.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRandom } from '../../src/core/train/random';
import { Trainer } from '../../src/core/train/index';

const STEP = 1e-5;

interface GradCase {
  readonly label: string;
  readonly framework?: string;
  readonly hidden: readonly (readonly [number, string])[];
  readonly outputActivation?: string;
  readonly loss: Record<string, unknown>;
  readonly labels: 'values' | 'binary' | 'classes';
  readonly outputs: number;
  readonly regularization?: { l1?: number; l2?: number };
  readonly inputs?: number;
}

const cases: GradCase[] = [
  { label: 'mse, tanh + relu, two outputs', hidden: [[8, 'tanh'], [8, 'relu']], loss: { name: 'mse' }, labels: 'values', outputs: 2 },
  { label: 'mae, sigmoid + elu', hidden: [[6, 'sigmoid'], [5, 'elu']], loss: { name: 'mae' }, labels: 'values', outputs: 1 },
  { label: 'huber, gelu + softplus', hidden: [[7, 'gelu'], [4, 'softplus']], loss: { name: 'huber', params: { delta: 0.5 } }, labels: 'values', outputs: 2 },
  { label: 'smooth_l1, leaky_relu with a slope', hidden: [[6, 'leaky_relu']], loss: { name: 'smooth_l1', params: { beta: 0.3 } }, labels: 'values', outputs: 1 },
  { label: 'log_cosh (keras), silu + mish, tanh output', framework: 'keras', hidden: [[6, 'silu'], [6, 'mish']], outputActivation: 'tanh', loss: { name: 'log_cosh' }, labels: 'values', outputs: 1 },
  { label: 'torch BCELoss after a sigmoid output (composed, clamped path)', hidden: [[5, 'tanh']], outputActivation: 'sigmoid', loss: { name: 'nn.BCELoss' }, labels: 'binary', outputs: 1 },
  { label: 'keras binary_crossentropy fused with the sigmoid output', framework: 'keras', hidden: [[5, 'relu'], [5, 'tanh']], outputActivation: 'sigmoid', loss: { name: 'binary_crossentropy' }, labels: 'binary', outputs: 1 },
  { label: 'tfjs binary_crossentropy after sigmoid (clipped path)', framework: 'tfjs', hidden: [[5, 'selu']], outputActivation: 'sigmoid', loss: { name: 'binary_crossentropy', params: { label_smoothing: 0.1 } }, labels: 'binary', outputs: 1 },
  { label: 'BCEWithLogits with pos_weight, linear output', hidden: [[6, 'softsign']], loss: { name: 'nn.BCEWithLogitsLoss', params: { pos_weight: [2.5] } }, labels: 'binary', outputs: 1 },
  { label: 'focal loss (torchvision) on logits', hidden: [[6, 'tanh']], loss: { name: 'binary_focal_crossentropy', params: { gamma: 2, alpha: 0.25 } }, labels: 'binary', outputs: 1 },
  { label: 'focal loss (keras) on sigmoid probabilities', framework: 'keras', hidden: [[6, 'elu']], outputActivation: 'sigmoid', loss: { name: 'binary_focal_crossentropy', params: { apply_class_balancing: true } }, labels: 'binary', outputs: 1 },
  { label: 'hinge on a tanh output', framework: 'keras', hidden: [[6, 'relu6']], outputActivation: 'tanh', loss: { name: 'hinge' }, labels: 'binary', outputs: 1 },
  { label: 'squared hinge on a linear output', framework: 'keras', hidden: [[6, 'hard_swish']], loss: { name: 'squared_hinge' }, labels: 'binary', outputs: 1 },
  { label: 'torch cross_entropy on logits, label smoothing and class weights', hidden: [[7, 'relu'], [7, 'tanh']], loss: { name: 'categorical_crossentropy', params: { label_smoothing: 0.1, weight: [1, 2, 0.5] } }, labels: 'classes', outputs: 3 },
  { label: 'keras categorical_crossentropy fused with softmax', framework: 'keras', hidden: [[6, 'tanh']], outputActivation: 'softmax', loss: { name: 'categorical_crossentropy' }, labels: 'classes', outputs: 4 },
  { label: 'keras categorical_crossentropy after softmax, not fused (renormalized and clipped)', framework: 'keras', hidden: [[6, 'tanh']], outputActivation: 'softmax', loss: { name: 'categorical_crossentropy', fuse: false, params: { label_smoothing: 0.05 } }, labels: 'classes', outputs: 3 },
  { label: 'torch CrossEntropyLoss with index targets and weights', hidden: [[6, 'celu']], loss: { name: 'nn.CrossEntropyLoss', params: { weight: [0.5, 1, 3] } }, labels: 'classes', outputs: 3 },
  { label: 'tfjs sparse_categorical_crossentropy after softmax', framework: 'tfjs', hidden: [[6, 'sigmoid']], outputActivation: 'softmax', loss: { name: 'sparse_categorical_crossentropy' }, labels: 'classes', outputs: 3 },
  { label: 'torch softmax output then CrossEntropyLoss (softmax applied twice, as written)', hidden: [[5, 'tanh']], outputActivation: 'softmax', loss: { name: 'nn.CrossEntropyLoss' }, labels: 'classes', outputs: 3 },
  { label: 'log_softmax output with nll_loss', hidden: [[6, 'tanh']], outputActivation: 'log_softmax', loss: { name: 'nll_loss' }, labels: 'classes', outputs: 4 },
  { label: 'mse with L1 and L2 penalties', hidden: [[5, 'tanh']], loss: { name: 'mse' }, labels: 'values', outputs: 1, regularization: { l1: 0.01, l2: 0.05 } },
  { label: 'deep: 8 hidden selu layers of 12 units', hidden: Array.from({ length: 8 }, () => [12, 'selu'] as const), loss: { name: 'mse' }, labels: 'values', outputs: 1, inputs: 2 },
];

function makeData(gradCase: GradCase, seed: number) {
  const random = createRandom(seed);
  const inputs = gradCase.inputs ?? 3;
  const rows = 6;
  const points = Array.from({ length: rows }, () => Array.from({ length: inputs }, () => random.normal(0, 1)));
  const labels = Array.from({ length: rows }, (_, r) => {
    if (gradCase.labels === 'classes') return r % gradCase.outputs;
    if (gradCase.labels === 'binary') return gradCase.outputs === 1 ? r % 2 : Array.from({ length: gradCase.outputs }, (_, c) => (r + c) % 2);
    return gradCase.outputs === 1 ? random.normal(0, 1) : Array.from({ length: gradCase.outputs }, () => random.normal(0, 1));
  });
  return { points, labels };
}

for (const [index, gradCase] of cases.entries()) {
  test(`gradients match central differences: ${gradCase.label}`, () => {
    const trainer = new Trainer({
      framework: gradCase.framework ?? 'torch',
      seed: 11 + index,
      data: makeData(gradCase, 100 + index),
      model: {
        layers: gradCase.hidden.map(([units, activation]) => ({ units, activation })),
        ...(gradCase.outputActivation ? { output_activation: gradCase.outputActivation } : {}),
        kernel_initializer: { name: 'glorot_normal', gain: 1.3 },
        bias_initializer: { name: 'normal', std: 0.3 },
      },
      loss: gradCase.loss,
      ...(gradCase.regularization ? { regularization: gradCase.regularization } : {}),
      batch_size: null,
    });
    const { inputs, targets, rows } = trainer.data.train;
    const params = trainer.network.params;
    const loss = () => trainer.forwardBackward(inputs, targets, rows);
    const base = loss();
    assert.ok(Number.isFinite(base));
    const analytic = Float64Array.from(trainer.network.grads);
    let worst = 0;
    let worstAt = -1;
    for (let i = 0; i < params.length; i++) {
      const saved = params[i]!;
      params[i] = saved + STEP;
      const plus = loss();
      params[i] = saved - STEP;
      const minus = loss();
      params[i] = saved;
      const numeric = (plus - minus) / (2 * STEP);
      const error = Math.abs(numeric - analytic[i]!) / Math.max(1e-3, Math.abs(numeric), Math.abs(analytic[i]!));
      if (error > worst) {
        worst = error;
        worstAt = i;
      }
    }
    assert.ok(worst < 2e-5, `worst relative error ${worst} at parameter ${worstAt} (analytic ${analytic[worstAt]})`);
  });
}
