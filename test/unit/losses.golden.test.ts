/** Every loss case of the public reference data (PyTorch float64, TF.js float32): value, gradient and extra gradients. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateLoss } from '../../src/core/evaluate';
import { parseFramework } from '../../src/core/catalog/registry';
import type { LossInputs, ParamValue, Reduction } from '../../src/core/catalog/types';
import { decode, decodeTensor, flatten, loadGoldenCases, mismatch } from './helpers/golden';

const cases = loadGoldenCases().filter((c) => c.kind === 'loss');

test('the reference data has loss cases', () => {
  assert.ok(cases.length > 200, `only ${cases.length} loss cases`);
});

for (const c of cases) {
  test(c.id, () => {
    const inputs: LossInputs = {
      yTrue: c.y_true === null || c.y_true === undefined ? null : decodeTensor(c.y_true),
      yPred: decodeTensor(c.y_pred!),
      ...(c.y_pred2 !== undefined ? { yPred2: decodeTensor(c.y_pred2) } : {}),
      ...(c.y_pred3 !== undefined ? { yPred3: decodeTensor(c.y_pred3) } : {}),
    };
    const result = evaluateLoss(c.name, inputs, {
      framework: parseFramework(c.framework),
      params: c.params as Record<string, ParamValue>,
      reduction: c.reduction as Reduction,
    });
    assert.equal(result.entry.id, c.name);
    const expectedValue = flatten(decode(c.expected));
    const valueProblem = mismatch(result.value.data, expectedValue, c.tolerance);
    assert.equal(valueProblem, null, `value: ${valueProblem}; got ${Array.from(result.value.data).join(', ')}`);
    // A reduced loss is a scalar; an unreduced one has the framework's shape.
    assert.equal(result.value.shape.length, Array.isArray(c.expected) ? (Array.isArray(c.expected[0]) ? 2 : 1) : 0, 'value rank');
    const gradProblem = mismatch(result.grad.data, flatten(decode(c.grad)), c.tolerance);
    assert.equal(gradProblem, null, `grad: ${gradProblem}; got ${Array.from(result.grad.data).join(', ')}`);
    for (const [key, expected] of Object.entries(c.grad_extra ?? {})) {
      const actual = key === 'y_pred2' ? result.gradExtra?.y_pred2 : key === 'y_pred3' ? result.gradExtra?.y_pred3 : undefined;
      assert.ok(actual, `missing grad_extra.${key}`);
      const problem = mismatch(actual.data, flatten(decode(expected)), c.tolerance);
      assert.equal(problem, null, `grad_extra.${key}: ${problem}`);
    }
  });
}
