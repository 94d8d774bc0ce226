/**
 * Values read from PyTorch 1.13 (float64, Debian python3-torch) where torch departs from the
 * textbook formula, beyond the public reference cases.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateActivation } from '../../src/core/evaluate';
import { fromNested } from '../../src/core/tensor';
import { mismatch } from './helpers/golden';

test('torch celu backward uses float32(alpha): grad = (alpha/α32)·e^(x/α32) for x ≤ 0', () => {
  const cases: [number, number[], number[]][] = [
    [0.3, [-2, -0.5, -1e-3, 0, 1], [0.0012726340879027293, 0.1888756078410563, 0.9966721765823433, 0.9999999602635717, 1]],
    [0.7, [-2, -0.5, -1e-3, 0, 1], [0.05743261745119851, 0.48954166193890875, 0.9985724654751507, 1.0000000170298988, 1]],
    [1.3, [-2, -0.5, -1e-3, 0, 1], [0.21471116810101146, 0.6807124136885438, 0.9992311016362959, 1.0000000366797828, 1]],
  ];
  for (const [alpha, x, grad] of cases) {
    const result = evaluateActivation('celu', fromNested(x), { framework: 'torch', params: { alpha } });
    assert.equal(mismatch(result.grad.data, grad, { rtol: 1e-12, atol: 1e-15 }), null, `alpha ${alpha}`);
  }
});
