/**
 * Loss values read from PyTorch 1.13 (float64, Debian python3-torch 1.13.1, torchvision 0.14.1)
 * where torch departs from the textbook formula, beyond the public reference cases.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateLoss } from '../../src/core/evaluate';
import { fromNested } from '../../src/core/tensor';
import { mismatch } from './helpers/golden';

const TIGHT = { rtol: 1e-12, atol: 1e-15 };

test('torch cosine_embedding_loss adds float32(1e-12) to each squared norm', () => {
  // F.cosine_embedding_loss(x1, x2, [1, 1], reduction='sum'): the zero-norm row shows the float32 epsilon.
  const result = evaluateLoss('cosine_embedding_loss', {
    yTrue: fromNested([1, 1]),
    yPred: fromNested([[0, 0, 0], [1e-7, 0, 0]]),
    yPred2: fromNested([[1, 2, 3], [1, 0, 0]]),
  }, { framework: 'torch', reduction: 'sum' });
  assert.equal(mismatch(result.value.data, [1.9004962807822205], TIGHT), null);
  assert.equal(mismatch(result.grad.data, [-267261.2424463765, -534522.484892753, -801783.7273391294, -985185.3387509193, 0, 0], TIGHT), null);
});

test('torchvision sigmoid_focal_loss with gamma 0 passes no NaN through the modulating factor', () => {
  // sigmoid_focal_loss([inf, 2], [1, 0], alpha=0.25, gamma=0, reduction='sum'): the loss is NaN
  // (BCE-with-logits at an infinite logit) but pow's backward for exponent 0 is zero, so the grad is 0.
  const result = evaluateLoss('binary_focal_crossentropy', { yTrue: fromNested([1, 0]), yPred: fromNested([Infinity, 2]) }, {
    framework: 'torch',
    reduction: 'sum',
    params: { alpha: 0.25, gamma: 0 },
  });
  assert.ok(Number.isNaN(result.value.data[0]));
  assert.equal(mismatch(result.grad.data, [0, 0.6605978084834118], TIGHT), null);
});
