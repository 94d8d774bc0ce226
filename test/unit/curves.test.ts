/**
 * Playground curves: sampling catalog activations with framework semantics, exact point reads, and the
 * dead / saturated region finder (synthetic derivatives and real activations).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveParams } from '../../src/core/catalog/params';
import { CATALOG, requireEntry } from '../../src/core/catalog/registry';
import type { ActivationEntry, Framework } from '../../src/core/catalog/types';
import { activationCurve, classifyDerivative, curveAt, findFlatRegions, isElementwiseActivation, linspace, sampleCurve, SATURATION_THRESHOLD } from '../../src/core/curves';
import { columnsToCsv } from '../../src/core/csv';
import { evaluateActivation } from '../../src/core/evaluate';
import { tensor } from '../../src/core/tensor';

function curveOf(name: string, framework: Framework, params = {}) {
  const entry = requireEntry(name, 'activation');
  return activationCurve(entry, framework, resolveParams(entry, framework, params));
}

test('linspace covers [min, max] with both ends exact', () => {
  const xs = linspace(-6, 6, 801);
  assert.equal(xs.length, 801);
  assert.equal(xs[0], -6);
  assert.equal(xs[800], 6);
  assert.equal(xs[400], 0);
  for (let i = 1; i < xs.length; i++) assert.ok(xs[i]! > xs[i - 1]!);
});

test('classifyDerivative: exactly 0 is dead, below 1e-3 saturated, NaN neither', () => {
  assert.equal(classifyDerivative(0), 'dead');
  assert.equal(classifyDerivative(-0), 'dead');
  assert.equal(classifyDerivative(9.99e-4), 'saturated');
  assert.equal(classifyDerivative(-5e-7), 'saturated');
  assert.equal(classifyDerivative(SATURATION_THRESHOLD), undefined);
  assert.equal(classifyDerivative(0.5), undefined);
  assert.equal(classifyDerivative(NaN), undefined);
});

test('findFlatRegions on synthetic derivatives: runs, open ends, single-sample crossings dropped', () => {
  const xs = Float64Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  const derivatives = Float64Array.from([0, 0, 0, 0.5, 1e-5, 0.3, 1e-4, 2e-4, 1, 0]);
  assert.deepEqual(findFlatRegions(xs, derivatives), [
    { kind: 'dead', from: 0, to: 2, openStart: true, openEnd: false },
    { kind: 'saturated', from: 6, to: 7, openStart: false, openEnd: false },
  ]);
  // A dead run next to a saturated one stays two regions of different kinds.
  const mixed = findFlatRegions(Float64Array.from([0, 1, 2, 3]), Float64Array.from([0, 0, 1e-6, 1e-6]));
  assert.deepEqual(mixed.map((r) => [r.kind, r.from, r.to, r.openEnd]), [['dead', 0, 1, false], ['saturated', 2, 3, true]]);
  assert.deepEqual(findFlatRegions(xs, new Float64Array(10).fill(NaN)), []);
});

test('findFlatRegions refines inner boundaries by bisection on the exact derivative', () => {
  // f'(x) = 0 for x ≤ 0.3, 1 beyond: sampled at 0, 0.25, 0.5... the boundary lies between samples.
  const derivativeAt = (x: number) => (x <= 0.3 ? 0 : 1);
  const xs = linspace(-1, 1, 9);
  const derivatives = xs.map(derivativeAt);
  const [region] = findFlatRegions(xs, derivatives, SATURATION_THRESHOLD, derivativeAt);
  assert.ok(region);
  assert.equal(region.kind, 'dead');
  assert.equal(region.from, -1);
  assert.ok(Math.abs(region.to - 0.3) < 1e-9, `boundary ${region.to}`);
});

test('ReLU (torch) is dead exactly up to 0 and nowhere else', () => {
  const curve = curveOf('relu', 'torch');
  const xs = linspace(-6, 6, 801);
  const samples = sampleCurve(curve, xs);
  const regions = findFlatRegions(xs, samples.derivatives, SATURATION_THRESHOLD, (x) => curveAt(curve, x).derivative);
  assert.equal(regions.length, 1);
  assert.equal(regions[0]!.kind, 'dead');
  assert.ok(regions[0]!.openStart);
  assert.ok(Math.abs(regions[0]!.to) < 1e-9, `ReLU dead region ends at ${regions[0]!.to}`);
});

test('sigmoid saturates where σ′(x) = σ(x)(1 − σ(x)) drops below 1e-3, symmetrically', () => {
  const curve = curveOf('sigmoid', 'torch');
  const xs = linspace(-12, 12, 801);
  const samples = sampleCurve(curve, xs);
  const regions = findFlatRegions(xs, samples.derivatives, SATURATION_THRESHOLD, (x) => curveAt(curve, x).derivative);
  assert.deepEqual(regions.map((r) => r.kind), ['saturated', 'saturated']);
  // σ′(x) = 1e-3 ⇔ e^{-|x|} / (1 + e^{-|x|})² = 1e-3: solve the quadratic in u = e^{-|x|}.
  const a = 1e-3;
  const u = ((1 - 2 * a) - Math.sqrt((1 - 2 * a) ** 2 - 4 * a * a)) / (2 * a);
  const boundary = -Math.log(u);
  assert.ok(Math.abs(regions[0]!.to + boundary) < 1e-6, `left boundary ${regions[0]!.to} vs ${-boundary}`);
  assert.ok(Math.abs(regions[1]!.from - boundary) < 1e-6, `right boundary ${regions[1]!.from} vs ${boundary}`);
});

test('framework semantics reach the curve: hardsigmoid is x/6 + 1/2 in torch and 0.2x + 1/2 in tfjs', () => {
  const torch = curveAt(curveOf('hardsigmoid', 'torch'), 1);
  const tfjs = curveAt(curveOf('hardsigmoid', 'tfjs'), 1);
  assert.ok(Math.abs(torch.value - (1 / 6 + 0.5)) < 1e-12);
  assert.ok(Math.abs(tfjs.value - 0.7) < 1e-6);
  // And the dead regions move with the formula: |x| ≥ 3 in torch, |x| ≥ 2.5 in tfjs.
  const xs = linspace(-6, 6, 1201);
  for (const [framework, edge] of [['torch', 3], ['tfjs', 2.5]] as const) {
    const curve = curveOf('hardsigmoid', framework);
    const regions = findFlatRegions(xs, sampleCurve(curve, xs).derivatives, SATURATION_THRESHOLD, (x) => curveAt(curve, x).derivative);
    assert.deepEqual(regions.map((r) => r.kind), ['dead', 'dead'], framework);
    assert.ok(Math.abs(regions[0]!.to + edge) < 1e-6 && Math.abs(regions[1]!.from - edge) < 1e-6, `${framework}: ${regions[0]!.to}, ${regions[1]!.from}`);
  }
});

test('leaky ReLU follows each framework default slope and a user-set one', () => {
  assert.equal(curveAt(curveOf('leaky_relu', 'torch'), -1).derivative, 0.01);
  const keras = requireEntry('leaky_relu', 'activation');
  const kerasSlope = resolveParams(keras, 'keras')['negative_slope'];
  assert.equal(curveAt(curveOf('leaky_relu', 'keras'), -1).derivative, kerasSlope);
  assert.equal(curveAt(curveOf('leaky_relu', 'torch', { negative_slope: 0.5 }), -2).value, -1);
});

test('every elementwise catalog activation samples exactly what evaluateActivation computes', () => {
  const xs = Float64Array.from([-7.5, -2, -0.5, -1e-3, 0, 1e-3, 0.5, 2, 7.5, 40]);
  let checked = 0;
  for (const entry of CATALOG) {
    if (entry.kind !== 'activation') continue;
    for (const framework of entry.frameworks) {
      const params = resolveParams(entry, framework);
      if (!isElementwiseActivation(entry, framework, params)) continue;
      const samples = sampleCurve(activationCurve(entry, framework, params), xs);
      const expected = evaluateActivation(entry.id, tensor(xs.slice(), [xs.length]), { framework });
      assert.deepEqual([...samples.values], [...expected.value.data], `${entry.id} (${framework}) values`);
      assert.deepEqual([...samples.derivatives], [...expected.grad.data], `${entry.id} (${framework}) derivatives`);
      checked++;
    }
  }
  assert.ok(checked >= 20, `only ${checked} activation/framework pairs checked`);
});

test('vector activations have no curve; prelu with one weight does', () => {
  const softmax = requireEntry('softmax', 'activation');
  assert.equal(isElementwiseActivation(softmax, 'torch', resolveParams(softmax, 'torch')), false);
  const logSoftmax = requireEntry('log_softmax', 'activation');
  assert.equal(isElementwiseActivation(logSoftmax, 'torch', resolveParams(logSoftmax, 'torch')), false);
  const prelu = requireEntry('prelu', 'activation') as ActivationEntry;
  const params = resolveParams(prelu, 'torch');
  assert.equal(isElementwiseActivation(prelu, 'torch', params), true);
  assert.ok(Math.abs(curveAt(activationCurve(prelu, 'torch', params), -2).value - -0.5) < 1e-12, 'prelu init 0.25 in torch');
});

test('columnsToCsv writes a header and every double in round-trip form, non-finite values spelled out', () => {
  const csv = columnsToCsv(['x', 'f, "quoted"'], [Float64Array.from([0.1, -2]), Float64Array.from([1 / 3, NaN])]);
  assert.equal(csv, 'x,"f, ""quoted"""\n0.1,0.3333333333333333\n-2,NaN\n');
  assert.equal(columnsToCsv(['x'], [Float64Array.from([Infinity, -Infinity])]), 'x\nInfinity\n-Infinity\n');
  const parsed = Number(columnsToCsv(['x'], [Float64Array.of(Math.PI)]).split('\n')[1]);
  assert.equal(parsed, Math.PI);
  assert.throws(() => columnsToCsv(['a', 'b'], [new Float64Array(2)]), RangeError);
  assert.throws(() => columnsToCsv(['a', 'b'], [new Float64Array(2), new Float64Array(3)]), RangeError);
});
