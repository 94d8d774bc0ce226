/**
 * Values read from TF.js 4.22 (@tensorflow/tfjs-core, -layers, -backend-cpu; float32) where its
 * float32 tensors change the numbers, beyond the public reference cases.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateActivation, evaluateLoss } from '../../src/core/evaluate';
import { fromNested } from '../../src/core/tensor';
import { mismatch } from './helpers/golden';

const TFJS = { rtol: 1e-5, atol: 1e-6 };

test('tfjs results beyond the float32 range are infinite', () => {
  // tf.layers.leakyReLU({alpha: 1.5}) at [-3e38, -1e38, 2e38] (inputs as float32).
  const leaky = evaluateActivation('leaky_relu', fromNested([Math.fround(-3e38), Math.fround(-1e38), Math.fround(2e38)]), { framework: 'tfjs', params: { negative_slope: 1.5 } });
  assert.equal(mismatch(leaky.value.data, [-Infinity, -1.5000000027488779e38, 1.9999999360571385e38], TFJS), null);
  assert.equal(mismatch(leaky.grad.data, [1.5, 1.5, 1], TFJS), null);
  // tfjs-layers meanSquaredError, mean over the batch: 3e19 squared overflows float32 before the mean.
  const mse = evaluateLoss('mse', { yTrue: fromNested([[0, 0], [1, 2]]), yPred: fromNested([[Math.fround(3e19), 1], [1, 2]]) }, { framework: 'tfjs', reduction: 'mean' });
  assert.equal(mse.value.data[0], Infinity);
  assert.equal(mismatch(mse.grad.data, [15000000520515486000, 0.5, 0, 0], TFJS), null);
});

test('tfjs hardSigmoid clips 0.2x + 0.5 as computed in float32', () => {
  // tf.layers.activation({activation: 'hardSigmoid'}): float32(2.5000002) gives y = 1 exactly, so the gradient passes.
  const x = [2.5, 2.500000238418579, 2.500000476837158, -2.5, -2.500000238418579];
  const result = evaluateActivation('hardsigmoid', fromNested(x), { framework: 'tfjs' });
  assert.equal(mismatch(result.grad.data, [0.20000000298023224, 0.20000000298023224, 0, 0.20000000298023224, 0], TFJS), null);
});

test('keras-3 focal loss on tfjs ops: 1 − p_t and 1 − p are float32 tensors', () => {
  // The Keras 3 binary_focal_crossentropy source on tfjs ops (gamma 0.5, alpha 0.25, class balancing, sum):
  // at p = float32(1e-7) with y = 0, 1 − p_t is 1.19e-7; at p = 1 with y = 1 the pow gradient is infinite and meets 0 (NaN).
  const result = evaluateLoss('binary_focal_crossentropy', { yTrue: fromNested([0, 1, 0]), yPred: fromNested([1.0000000116860974e-7, 1, 0.30000001192092896]) }, {
    framework: 'tfjs',
    reduction: 'sum',
    params: { gamma: 0.5, alpha: 0.25, apply_class_balancing: true },
  });
  assert.equal(mismatch(result.value.data, [0.04883973300457001], TFJS), null);
  assert.equal(mismatch(result.grad.data, [0.00012947512732353061, NaN, 0.27701476216316223], TFJS), null);
  // from_logits: the sigmoid output is a float32 tensor before 1 − p.
  const logits = evaluateLoss('binary_focal_crossentropy', { yTrue: fromNested([0, 1]), yPred: fromNested([7.787950992584229, -2.5]) }, {
    framework: 'tfjs',
    reduction: 'sum',
    params: { gamma: 2, alpha: 0.25, apply_class_balancing: true, from_logits: true },
  });
  assert.equal(mismatch(logits.value.data, [3.1935064792633057], TFJS), null);
  assert.equal(mismatch(logits.grad.data, [0.3769533038139343, -0.14042538404464722], TFJS), null);
});

test('tfjs cosineProximity: float32 cancellation in the gradient of a short prediction vector', () => {
  // tfjs-layers loss 'cosineProximity', summed: the third component is −13.46704, while exact
  // arithmetic gives −13.46736 (a relative 2.3e-5, beyond the TF.js tolerance).
  const result = evaluateLoss('cosine_similarity', {
    yTrue: fromNested([[0.20999999344348907, 0.20999999344348907, -0.3199999928474426]]),
    yPred: fromNested([[0.0003600000054575503, 0.00011999999696854502, -0.00046999999904073775]]),
  }, { framework: 'tfjs', reduction: 'sum' });
  assert.equal(mismatch(result.grad.data, [143.43353271484375, -483.04833984375, -13.467041015625], TFJS), null);
});

test('tfjs logcosh overflows through −2d, while the mse gradient of a huge error stays finite', () => {
  // tfjs-layers loss 'logcosh', reduction none: d = −3e38 makes −2d = +∞ in float32, so that sample's loss is +∞.
  const logCosh = evaluateLoss('log_cosh', { yTrue: fromNested([[-4, 0], [0, 0]]), yPred: fromNested([[Math.fround(-3e38), 0.5], [Math.fround(2e38), 1]]) }, { framework: 'tfjs', reduction: 'none' });
  assert.equal(mismatch(logCosh.value.data, [Infinity, 9.999999680285692e37], TFJS), null);
  assert.equal(mismatch(logCosh.grad.data, [-0.5, 0.23105856776237488, 0.5, 0.3807970881462097], TFJS), null);
  // tfjs-layers 'meanSquaredError', batch mean: the gradient 2·3e38/3 is finite (the loss itself is +∞).
  const mse = evaluateLoss('mse', { yTrue: fromNested([[0, 0, 0]]), yPred: fromNested([[Math.fround(3e38), 1, 2]]) }, { framework: 'tfjs', reduction: 'mean' });
  assert.equal(mse.value.data[0], Infinity);
  assert.equal(mismatch(mse.grad.data, [2.0000001388812345e38, 0.6666666865348816, 1.3333333730697632], TFJS), null);
});

test('tfjs cosineProximity with squares beyond the float32 range: loss 0, gradient 0 or NaN by op order', () => {
  // tfjs-layers 'cosineProximity': the first row's Σp² overflows, so ‖p‖ = ∞ and its loss is 0. Its gradient
  // sums dy·t̂·p before dividing by ‖p‖²: under the batch mean (dy = 1/2) that sum stays finite (gradient 0),
  // under sum (dy = 1) it overflows and ∞/∞ gives NaN.
  const inputs = { yTrue: fromNested([[0.25, 0.5], [1, 0.5]]), yPred: fromNested([[Math.fround(-3e38), Math.fround(-3e38)], [30.5, 0]]) };
  const mean = evaluateLoss('cosine_similarity', inputs, { framework: 'tfjs', reduction: 'mean' });
  assert.equal(mismatch(mean.value.data, [-0.4472135901451111], TFJS), null);
  assert.equal(mismatch(mean.grad.data, [0, 0, 0, -0.007331370376050472], TFJS), null);
  const sum = evaluateLoss('cosine_similarity', inputs, { framework: 'tfjs', reduction: 'sum' });
  assert.equal(mismatch(sum.value.data, [-0.8944271802902222], TFJS), null);
  assert.equal(mismatch(sum.grad.data, [NaN, NaN, 0, -0.014662740752100945], TFJS), null);
});
