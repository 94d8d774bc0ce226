/**
 * The benchmark compares like with like: every tight loop, TF.js op and mathjs expression it
 * times computes the same numbers as the core function it is compared with. No timing here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { getEntry } from '../../src/core/catalog/registry';
import { resolveParams } from '../../src/core/catalog/params';
import type { ActivationEntry, LossEntry } from '../../src/core/catalog/types';
import { Trainer } from '../../src/core/train/index';
import { BENCH_PARAMS } from '../../bench/activationsBench';
import { FORMULA_CASES } from '../../bench/formulasBench';
import { compileFormula } from '../../src/core/formula/index';
import { LOSS_CASES } from '../../bench/lossesBench';
import { MATHJS_ACTIVATIONS, TFJS_ACTIVATIONS, mathjsPerElement, prepareTfjs } from '../../bench/peers';
import { TIGHT_LOOPS, TIGHT_SOFTMAX } from '../../bench/tightLoops';
import { BATCH, SAMPLES, TRAINING_CASES, coreConfig } from '../../bench/trainingBench';
import { uniform } from '../../bench/inputs';
import { mismatch } from './helpers/golden';

const X = uniform(2000, -6, 6, 42);
const FLOAT64 = { rtol: 1e-12, atol: 1e-14 };
const FLOAT32 = { rtol: 2e-5, atol: 2e-6 };

function coreActivation(id: string) {
  const entry = getEntry(id) as ActivationEntry;
  assert.ok(entry?.kernel, `${id} has a kernel`);
  return { kernel: entry.kernel, params: resolveParams(entry, 'torch', BENCH_PARAMS[id]) };
}

test('tight loops compute the core activations (torch defaults, forward and derivative)', () => {
  for (const [id, tight] of Object.entries(TIGHT_LOOPS)) {
    const { kernel, params } = coreActivation(id);
    for (const pass of ['forward', 'derivative'] as const) {
      const expected = new Float64Array(X.length);
      const actual = new Float64Array(X.length);
      kernel[pass](X, expected, params, 'torch');
      tight[pass](X, actual);
      assert.equal(mismatch(actual, Array.from(expected), FLOAT64), null, `${id} ${pass}`);
    }
  }
});

test('the tight softmax computes the core softmax and its VJP', () => {
  const entry = getEntry('softmax') as ActivationEntry;
  const data = X.subarray(0, 1000);
  const result = entry.evaluate({ shape: [100, 10], data }, { framework: 'torch', params: resolveParams(entry, 'torch') });
  const value = new Float64Array(1000);
  const grad = new Float64Array(1000);
  TIGHT_SOFTMAX.forward(data, value, 10);
  TIGHT_SOFTMAX.vjp(data, new Float64Array(1000).fill(1), grad, 10);
  assert.equal(mismatch(value, Array.from(result.value.data), FLOAT64), null);
  assert.equal(mismatch(grad, Array.from(result.grad.data), { rtol: 1e-9, atol: 1e-15 }), null);
});

test('TF.js peers compute the core activations within float32 precision', async () => {
  await prepareTfjs();
  for (const [id, op] of Object.entries(TFJS_ACTIVATIONS)) {
    const { kernel, params } = coreActivation(id);
    const expected = new Float64Array(X.length);
    kernel.forward(X, expected, params, 'torch');
    const actual = tf.tidy(() => op(tf.tensor1d(Float32Array.from(X))).dataSync());
    // Compare against the core on the float32-rounded inputs TF.js actually saw.
    const rounded = Float64Array.from(Float32Array.from(X));
    kernel.forward(rounded, expected, params, 'torch');
    assert.equal(mismatch(actual, Array.from(expected), FLOAT32), null, `TF.js ${id}`);
  }
});

test('mathjs expressions compute the core activations', () => {
  for (const [id, expression] of Object.entries(MATHJS_ACTIVATIONS)) {
    const { kernel, params } = coreActivation(id);
    const expected = new Float64Array(X.length);
    kernel.forward(X, expected, params, 'torch');
    const actual = mathjsPerElement(expression, X, new Float64Array(X.length))();
    assert.equal(mismatch(actual, Array.from(expected), { rtol: 1e-10, atol: 1e-12 }), null, id);
  }
});

test('tight loss loops and TF.js losses compute the core losses (value and gradient)', async () => {
  await prepareTfjs();
  const n = 1000;
  for (const lossCase of LOSS_CASES) {
    const entry = getEntry(lossCase.id) as LossEntry;
    const shape = lossCase.cols === 1 ? [n] : [n / lossCase.cols, lossCase.cols];
    const t = lossCase.makeTrue(n);
    const p = lossCase.makePred(n);
    const core = entry.evaluate({ yTrue: { shape, data: t }, yPred: { shape, data: p } }, { framework: lossCase.framework, params: resolveParams(entry, lossCase.framework, lossCase.params ?? {}), reduction: 'mean' });
    const grad = new Float64Array(n);
    const value = lossCase.tight(t, p, grad);
    assert.equal(mismatch([value], [core.value.data[0]!], FLOAT64), null, `${lossCase.id} value`);
    assert.equal(mismatch(grad, Array.from(core.grad.data), FLOAT64), null, `${lossCase.id} gradient`);
    const tfValue = tf.tidy(() => lossCase.tfjs(tf.tensor(Float32Array.from(t), shape), tf.tensor(Float32Array.from(p), shape)).dataSync()[0]!);
    assert.equal(mismatch([tfValue], [core.value.data[0]!], { rtol: 1e-4, atol: 1e-5 }), null, `${lossCase.id} TF.js value`);
  }
});

test('shape-specific tight trainers follow the core trainer step for step from the same weights', () => {
  for (const trainingCase of TRAINING_CASES) {
    const config = coreConfig(trainingCase);
    const trainer = new Trainer(config);
    const initial = trainer.weights().layers.flatMap((layer) => [Float64Array.from(layer.weight.flat()), Float64Array.from(layer.bias)]);
    const tight = trainingCase.tight(trainingCase.optimizer.lr, initial);
    const data = { inputs: trainer.data.train.inputs, labels: trainer.data.train.targets };
    assert.equal(trainer.data.train.rows, SAMPLES);
    for (let epoch = 0; epoch < 3; epoch++) {
      const coreLoss = trainer.runEpoch();
      const tightLoss = tight.epoch(data.inputs, data.labels, BATCH);
      assert.equal(mismatch([tightLoss], [coreLoss], { rtol: 1e-9, atol: 1e-12 }), null, `${trainingCase.label}, epoch ${epoch}`);
    }
  }
});

test('tight loops of the custom-formula cases compute what the compiled formulas compute', async () => {
  for (const formulaCase of FORMULA_CASES) {
    const compiled = await compileFormula(formulaCase.formula, 'activation');
    for (const pass of ['forward', 'derivative'] as const) {
      const expected = new Float64Array(X.length);
      const actual = new Float64Array(X.length);
      if (pass === 'forward') compiled.evaluate(X, expected);
      else compiled.derivative(X, expected);
      formulaCase[pass](X, actual);
      assert.equal(mismatch(actual, Array.from(expected), { rtol: 1e-12, atol: 1e-14 }), null, `${formulaCase.formula} ${pass}`);
    }
  }
});
