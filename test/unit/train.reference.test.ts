/**
 * The trainer against PyTorch: both runs of training-reference.json (2-4-1 tanh/sigmoid MLP on XOR,
 * nn.BCELoss, SGD and Adam, float64) reproduced step by step: losses, outputs, gradients and
 * parameters after every update, to a relative 1e-9.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fixturePath, flatten, mismatch } from './helpers/golden';
import { Trainer, runTraining } from '../../src/core/train/index';

interface LayerParams {
  W1: number[][];
  b1: number[];
  W2: number[][];
  b2: number[];
}

interface ReferenceRun {
  hyperparameters: Record<string, unknown>;
  steps_count: number;
  losses: number[];
  losses_after_step: number[];
  final_loss: number;
  final_outputs: number[];
  final_params: LayerParams;
  steps: { step: number; loss: number; outputs: number[]; grads: LayerParams; params_after: LayerParams }[];
}

interface Reference {
  data: { X: number[][]; y: number[][] };
  initial_params: LayerParams;
  runs: { sgd: ReferenceRun; adam: ReferenceRun };
}

const reference = JSON.parse(readFileSync(fixturePath('training-reference.json'), 'utf8')) as Reference;
/** Relative 1e-9; the absolute floor only absorbs cancellation in parameters that pass near zero (b1[2] after Adam's first step is 8e-8). */
const TOLERANCE = { rtol: 1e-9, atol: 1e-15 };

function check(label: string, actual: ArrayLike<number>, expected: number[]): void {
  const problem = mismatch(actual, expected, TOLERANCE);
  assert.equal(problem, null, `${label}: ${problem}`);
}

/** The reference model and data as a training configuration. */
function referenceConfig(optimizer: Record<string, unknown>) {
  return {
    framework: 'torch',
    seed: 0,
    data: { points: reference.data.X, labels: reference.data.y },
    model: {
      layers: [{ units: 4, activation: 'nn.Tanh' }],
      output_activation: 'sigmoid',
      initial_params: reference.initial_params,
    },
    loss: { name: 'nn.BCELoss', reduction: 'mean' },
    optimizer,
    batch_size: null,
    steps: 20,
  };
}

const optimizers: Record<'sgd' | 'adam', Record<string, unknown>> = {
  sgd: { name: 'torch.optim.SGD', lr: 0.5, momentum: 0.0, dampening: 0.0, weight_decay: 0.0, nesterov: false },
  adam: { name: 'torch.optim.Adam', lr: 0.05, betas: [0.9, 0.999], eps: 1e-8, weight_decay: 0.0, amsgrad: false, foreach: false },
};

function layerParamsOf(trainer: Trainer, source: 'params' | 'grads'): number[] {
  return trainer.network.layers.flatMap((layer) => [...(source === 'params' ? layer.weight : layer.weightGrad), ...(source === 'params' ? layer.bias : layer.biasGrad)]);
}

function flatParams(params: LayerParams): number[] {
  return [...flatten(params.W1), ...params.b1, ...flatten(params.W2), ...params.b2];
}

for (const name of ['sgd', 'adam'] as const) {
  const run = reference.runs[name];

  test(`${name}: every step's loss, outputs, gradients and updated parameters match PyTorch`, () => {
    const trainer = new Trainer(referenceConfig(optimizers[name]));
    assert.deepEqual(trainer.config.warnings, []);
    check('initial params', trainer.network.params, flatParams(reference.initial_params));
    assert.equal(run.steps.length, run.steps_count);
    for (const expected of run.steps) {
      const loss = trainer.step();
      const where = `step ${expected.step}`;
      check(`${where} loss`, [loss], [expected.loss]);
      check(`${where} outputs`, trainer.lastOutputs().flat(), expected.outputs);
      check(`${where} gradients`, layerParamsOf(trainer, 'grads'), flatParams(expected.grads));
      check(`${where} params after`, layerParamsOf(trainer, 'params'), flatParams(expected.params_after));
    }
    const metrics = trainer.evaluate();
    check('final loss', [metrics.train.loss], [run.final_loss]);
    assert.equal(trainer.divergence, null);
  });

  test(`${name}: runTraining reports the per-step losses, the losses after each step and the final parameters`, () => {
    const result = runTraining(referenceConfig(optimizers[name]));
    assert.equal(result.steps, run.steps_count);
    check('losses', result.losses, run.losses);
    check('final train loss', [result.train.loss], [run.final_loss]);
    assert.equal(result.test, null);
    const weights = result.weights.layers;
    check('final params', [...weights[0]!.weight.flat(), ...weights[0]!.bias, ...weights[1]!.weight.flat(), ...weights[1]!.bias], flatParams(run.final_params));
    // losses_after_step[k] is the loss after k + 1 updates: the next step's loss, then the final one.
    check('losses after step', [...result.losses.slice(1), result.train.loss], run.losses_after_step);
    // Four points, all classified on the final parameters: accuracy is a share of 4.
    assert.ok(result.train.accuracy !== null && Number.isInteger(result.train.accuracy * 4));
  });

  test(`${name}: the final outputs of runTraining's model match PyTorch`, () => {
    const trainer = new Trainer(referenceConfig(optimizers[name]));
    for (let i = 0; i < run.steps_count; i++) trainer.step();
    // One more forward pass on the same batch reports the outputs at the final parameters.
    const after = trainer.forwardBackward(Float64Array.from(reference.data.X.flat()), Float64Array.from(reference.data.y.flat()), 4);
    check('final loss', [after], [run.final_loss]);
    check('final outputs', trainer.lastOutputs().flat(), run.final_outputs);
  });
}
