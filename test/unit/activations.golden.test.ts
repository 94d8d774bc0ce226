/**
 * Every activation case of the framework reference data (PyTorch float64, TF.js float32): value,
 * elementwise gradient or VJP, full Jacobian and parameter gradients, each within the case's tolerance.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateActivation } from '../../src/core/evaluate';
import { parseFramework } from '../../src/core/catalog/registry';
import type { ParamValue } from '../../src/core/catalog/types';
import { decode, decodeTensor, flatten, loadGoldenCases, mismatch, type EncodedArray, type GoldenCase } from './helpers/golden';

const cases = loadGoldenCases().filter((c) => c.kind === 'activation');

function expectClose(what: string, c: GoldenCase, actual: ArrayLike<number>, expected: EncodedArray): void {
  const problem = mismatch(actual, flatten(decode(expected)), c.tolerance);
  assert.equal(problem, null, `${c.id} ${what}: ${problem} (api: ${c.api})`);
}

/** Inputs that are ±0 must give a zero of the framework's sign (torch relu(−0.0) = −0.0, elu(−0.0) = +0). */
function expectSignedZeros(c: GoldenCase, input: ArrayLike<number>, actual: ArrayLike<number>, expected: EncodedArray): void {
  const wanted = flatten(decode(expected));
  for (let i = 0; i < wanted.length; i++) {
    if (input[i] === 0 && wanted[i] === 0 && actual[i] === 0) {
      assert.equal(Object.is(actual[i], -0), Object.is(wanted[i], -0), `${c.id} value[${i}]: sign of zero for input ${Object.is(input[i], -0) ? '-0' : '+0'}`);
    }
  }
}

test('the reference data has activation cases', () => {
  assert.ok(cases.length > 200, `only ${cases.length} activation cases`);
});

for (const c of cases) {
  test(c.id, () => {
    const input = decodeTensor(c.x!);
    const framework = parseFramework(c.framework);
    const result = evaluateActivation(c.name, input, {
      framework,
      params: c.params as Record<string, ParamValue>,
      ...(c.upstream !== undefined ? { upstream: decodeTensor(c.upstream) } : {}),
    });
    assert.equal(result.entry.id, c.name);
    assert.deepEqual(result.value.shape, decodeTensor(c.expected).shape, `${c.id}: output shape`);
    expectClose('value', c, result.value.data, c.expected);
    expectSignedZeros(c, input.data, result.value.data, c.expected);
    expectClose('grad', c, result.grad.data, c.grad);
    if (c.jacobian !== undefined) {
      assert.ok(result.entry.jacobian, `${c.id}: entry has no jacobian()`);
      const rows = result.entry.jacobian(input, { framework, params: result.params });
      const flat = rows.flatMap((row) => Array.from(row.data));
      expectClose('jacobian', c, flat, c.jacobian);
    }
    for (const [name, expected] of Object.entries(c.grad_params ?? {})) {
      const actual = result.gradParams?.[name];
      assert.ok(actual, `${c.id}: no gradient for parameter ${name}`);
      expectClose(`grad_params.${name}`, c, actual.data, expected);
    }
  });
}
