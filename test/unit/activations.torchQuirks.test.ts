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

test('torch backward passes differ between the vectorized path (leading multiple of 8 elements) and the scalar tail', () => {
  // Gradients from torch 1.13.1 (Debian python3-torch, AVX2) of sum(f(x)) for one 10-element
  // tensor: indices 0–7 run on the vectorized code, 8–9 on the scalar code (NaN and 3 appear in both).
  const x = [NaN, 3, -3, 0.5, -0.5, 1, -1, 2, NaN, 3];
  const cases: [string, Record<string, number>, number[]][] = [
    ['elu', { alpha: 0.5 }, [NaN, 1, 0.024893534183931972, 1, 0.3032653298563167, 1, 0.18393972058572117, 1, 1, 1]],
    ['celu', { alpha: 0.5 }, [NaN, 1, 0.0024787521766663585, 1, 0.36787944117144233, 1, 0.1353352832366127, 1, 1, 1]],
    ['selu', {}, [NaN, 1.0507009873554805, 0.08753061208026487, 1.0507009873554805, 1.0663411530445053, 1.0507009873554805, 0.646768603034814, 1.0507009873554805, 1.0507009873554805, 1.0507009873554805]],
    ['hardshrink', { lambd: 0.5 }, [0, 1, 1, 0, 0, 1, 1, 1, 1, 1]],
    ['softshrink', { lambd: 0.5 }, [0, 1, 1, 0, 0, 1, 1, 1, 1, 1]],
    ['hardswish', {}, [NaN, 1, -0.5, 0.6666666666666666, 0.33333333333333337, 0.8333333333333333, 0.16666666666666669, 1.1666666666666665, 1, 1.5]],
    ['hardtanh', { min_val: -1, max_val: 1 }, [0, 0, 0, 1, 1, 0, 0, 0, 1, 0]],
    ['relu6', {}, [0, 1, 0, 1, 0, 1, 0, 1, 1, 1]],
  ];
  for (const [name, params, grad] of cases) {
    const result = evaluateActivation(name, fromNested(x), { framework: 'torch', params });
    assert.equal(mismatch(result.grad.data, grad, { rtol: 1e-12, atol: 1e-15 }), null, name);
  }
});

test('torch tanh-approximate gelu halves x first, so it does not overflow near the float64 maximum', () => {
  // torch 1.13: gelu(x, approximate='tanh') at [1.7e308, -1.7e308, 1e300].
  const result = evaluateActivation('gelu', fromNested([1.7e308, -1.7e308, 1e300]), { framework: 'torch', params: { approximate: 'tanh' } });
  assert.deepEqual(Array.from(result.value.data), [1.7e308, -0, 1e300]);
});
