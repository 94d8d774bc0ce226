/**
 * Properties of the activation kernels beyond the reference data: every derivative against a central
 * finite difference (seeded random points away from kinks, every framework profile, several parameter
 * sets), VJPs and Jacobians of the non-elementwise functions, identities, and stability at large |x|.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACTIVATIONS } from '../../src/core/catalog/activations/index';
import { resolveParams } from '../../src/core/catalog/params';
import { FRAMEWORKS, type ActivationEntry, type Framework, type ParamValue, type ResolvedParams } from '../../src/core/catalog/types';
import { erf, erfc } from '../../src/core/kernels/stableMath';
import { FormulaLensError } from '../../src/core/l10n';
import { fromNested, type Tensor } from '../../src/core/tensor';

/** mulberry32: a small seeded generator, so failures reproduce. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Setting {
  readonly params?: Readonly<Record<string, ParamValue>>;
  /** Points where the function or its derivative jumps, for every profile's defaults. */
  readonly kinks: readonly number[];
}

/** Parameter sets per elementwise activation; the test fails if an elementwise entry is missing here. */
const SETTINGS: Readonly<Record<string, readonly Setting[]>> = {
  sigmoid: [{ kinks: [] }],
  tanh: [{ kinks: [] }],
  relu: [
    { kinks: [0] },
    { params: { negative_slope: 0.1 }, kinks: [0] },
    { params: { max_value: 6 }, kinks: [0, 6] },
    { params: { negative_slope: 0.1, max_value: 4, threshold: 0.5 }, kinks: [0, 0.5, 4] },
  ],
  leaky_relu: [{ kinks: [0] }, { params: { negative_slope: 0.05 }, kinks: [0] }],
  elu: [{ kinks: [0] }, { params: { alpha: 0.5 }, kinks: [0] }],
  selu: [{ kinks: [0] }],
  celu: [{ kinks: [0] }, { params: { alpha: 1.7 }, kinks: [0] }],
  gelu: [{ kinks: [] }, { params: { approximate: 'tanh' }, kinks: [] }],
  silu: [{ kinks: [] }, { params: { beta: 1.7 }, kinks: [] }],
  mish: [{ kinks: [] }],
  softplus: [{ kinks: [20] }, { params: { beta: 2, threshold: 10 }, kinks: [5] }],
  softsign: [{ kinks: [] }],
  hardsigmoid: [{ kinks: [-3, 3, -2.5, 2.5] }, { params: { slope: 0.25, offset: 0.4 }, kinks: [-1.6, 2.4] }],
  hardswish: [{ kinks: [-3, 3] }],
  hardtanh: [{ kinks: [-1, 1] }, { params: { min_val: -2, max_val: 0.5 }, kinks: [-2, 0.5] }],
  relu6: [{ kinks: [0, 6] }],
  logsigmoid: [{ kinks: [] }],
  tanhshrink: [{ kinks: [] }],
  softshrink: [{ kinks: [-0.5, 0.5] }, { params: { lambd: 1.2 }, kinks: [-1.2, 1.2] }],
  hardshrink: [{ kinks: [-0.5, 0.5] }, { params: { lambd: 0.1 }, kinks: [-0.1, 0.1] }],
  threshold: [{ kinks: [0, 1] }, { params: { threshold: 0.3, value: -2 }, kinks: [0.3] }],
  exponential: [{ kinks: [] }],
  linear: [{ kinks: [] }],
};

const elementwise = ACTIVATIONS.filter((entry) => entry.kernel);

function apply(entry: ActivationEntry, xs: readonly number[], params: ResolvedParams, framework: Framework): { value: Float64Array; grad: Float64Array } {
  const x = Float64Array.from(xs);
  const value = new Float64Array(x.length);
  const grad = new Float64Array(x.length);
  entry.kernel!.forward(x, value, params, framework);
  entry.kernel!.derivative(x, grad, params, framework);
  return { value, grad };
}

test('every elementwise activation has finite-difference settings', () => {
  assert.deepEqual(elementwise.map((e) => e.id).filter((id) => !SETTINGS[id]), []);
});

for (const entry of elementwise) {
  for (const [s, setting] of SETTINGS[entry.id]!.entries()) {
    for (const framework of FRAMEWORKS) {
      test(`${entry.id} [${framework}${setting.params ? ' ' + JSON.stringify(setting.params) : ''}]: derivative matches a central difference`, () => {
        const params = resolveParams(entry, framework, setting.params);
        const random = seededRandom(1000 + s * 7 + FRAMEWORKS.indexOf(framework));
        const points: number[] = [];
        while (points.length < 200) {
          const x = -8 + 16 * random();
          if (setting.kinks.every((k) => Math.abs(x - k) > 1e-3)) points.push(x);
        }
        const steps = points.map((x) => 1e-5 * Math.max(1, Math.abs(x)));
        const { grad } = apply(entry, points, params, framework);
        const plus = apply(entry, points.map((x, i) => x + steps[i]!), params, framework).value;
        const minus = apply(entry, points.map((x, i) => x - steps[i]!), params, framework).value;
        for (let i = 0; i < points.length; i++) {
          const estimate = (plus[i]! - minus[i]!) / (2 * steps[i]!);
          const tolerance = 1e-6 * Math.max(1, Math.abs(grad[i]!));
          assert.ok(Math.abs(grad[i]! - estimate) <= tolerance, `${entry.id} at x = ${points[i]}: derivative ${grad[i]}, finite difference ${estimate}`);
        }
      });
    }
  }
}

for (const entry of elementwise) {
  test(`${entry.id}: kernel output equals evaluate, in place too`, () => {
    const random = seededRandom(42);
    const xs = Array.from({ length: 64 }, () => -12 + 24 * random());
    for (const framework of FRAMEWORKS) {
      const params = resolveParams(entry, framework);
      const { value, grad } = apply(entry, xs, params, framework);
      const result = entry.evaluate(fromNested(xs), { framework, params });
      assert.deepEqual(Array.from(result.value.data), Array.from(value));
      assert.deepEqual(Array.from(result.grad.data), Array.from(grad));
      const inPlace = Float64Array.from(xs);
      entry.kernel!.forward(inPlace, inPlace, params, framework);
      assert.deepEqual(Array.from(inPlace), Array.from(value));
      const inPlaceGrad = Float64Array.from(xs);
      entry.kernel!.derivative(inPlaceGrad, inPlaceGrad, params, framework);
      assert.deepEqual(Array.from(inPlaceGrad), Array.from(grad));
    }
  });
}

const LARGE = [1e4, -1e4, 1e3, -1e3, 710, -710, 100, -100, 40, -40, 0];

for (const entry of elementwise) {
  // eˣ really is infinite at 1e4 in every framework; everything else must stay finite.
  if (entry.id === 'exponential') continue;
  test(`${entry.id}: finite value and derivative for |x| up to 1e4`, () => {
    for (const framework of FRAMEWORKS) {
      for (const setting of SETTINGS[entry.id]!) {
        const { value, grad } = apply(entry, LARGE, resolveParams(entry, framework, setting.params), framework);
        LARGE.forEach((x, i) => {
          assert.ok(Number.isFinite(value[i]!), `${entry.id} [${framework}] f(${x}) = ${value[i]}`);
          assert.ok(Number.isFinite(grad[i]!), `${entry.id} [${framework}] f'(${x}) = ${grad[i]}`);
        });
      }
    }
  });
}

test('exponential: float64 range for torch and keras, float32 overflow for tfjs', () => {
  const entry = ACTIVATIONS.find((e) => e.id === 'exponential')!;
  const torch = apply(entry, [88, 100, 700, 710], {}, 'torch');
  assert.deepEqual(Array.from(torch.value).map(Number.isFinite), [true, true, true, false]);
  const tfjs = apply(entry, [88, 100, -100], {}, 'tfjs');
  assert.ok(Number.isFinite(tfjs.value[0]!));
  assert.equal(tfjs.value[1], Infinity);
  assert.equal(tfjs.grad[1], Infinity);
  assert.ok(tfjs.value[2]! > 0);
});

test('sigmoid(−x) = 1 − sigmoid(x), and log-sigmoid(x) = log(sigmoid(x)) where sigmoid is not tiny', () => {
  const sigmoid = ACTIVATIONS.find((e) => e.id === 'sigmoid')!;
  const logSigmoid = ACTIVATIONS.find((e) => e.id === 'logsigmoid')!;
  const random = seededRandom(7);
  const xs = Array.from({ length: 500 }, () => -40 + 80 * random());
  const positive = apply(sigmoid, xs, {}, 'torch').value;
  const negative = apply(sigmoid, xs.map((x) => -x), {}, 'torch').value;
  const logs = apply(logSigmoid, xs, {}, 'torch').value;
  xs.forEach((x, i) => {
    assert.ok(Math.abs(negative[i]! - (1 - positive[i]!)) <= 2 ** -52, `sigmoid(−x) at x = ${x}`);
    if (positive[i]! > 1e-300) assert.ok(Math.abs(logs[i]! - Math.log(positive[i]!)) <= 1e-15 * Math.max(1, Math.abs(logs[i]!)), `log-sigmoid at x = ${x}`);
  });
});

test('erf and erfc: reference values, symmetry and erf + erfc = 1', () => {
  const reference: [number, number, number][] = [
    [0.5, 0.5204998778130465, 0.4795001221869535],
    [1, 0.8427007929497149, 0.15729920705028513],
    [2, 0.9953222650189527, 0.004677734981047266],
    [3, 0.9999779095030014, 2.209049699858544e-5],
    [5, 0.9999999999984626, 1.5374597944280349e-12],
    [10, 1, 2.088487583762545e-45],
  ];
  for (const [x, erfValue, erfcValue] of reference) {
    assert.ok(Math.abs(erf(x) - erfValue) <= 4e-16 * erfValue, `erf(${x}) = ${erf(x)}`);
    assert.ok(Math.abs(erfc(x) - erfcValue) <= 1e-14 * erfcValue, `erfc(${x}) = ${erfc(x)}`);
    assert.equal(erf(-x), -erf(x));
    assert.ok(Math.abs(erfc(-x) - (1 + erfValue)) <= 4e-16 * 2);
  }
  const random = seededRandom(11);
  for (let i = 0; i < 500; i++) {
    const x = -6 + 12 * random();
    assert.ok(Math.abs(erf(x) + erfc(x) - 1) <= 4e-16, `x = ${x}`);
  }
  assert.deepEqual([erf(Infinity), erf(-Infinity), erfc(Infinity), erfc(-Infinity)], [1, -1, 0, 2]);
  assert.ok(Number.isNaN(erf(NaN)) && Number.isNaN(erfc(NaN)));
});

function randomMatrix(random: () => number, rows: number, cols: number, scale: number): number[][] {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => scale * (2 * random() - 1)));
}

const softmax = ACTIVATIONS.find((e) => e.id === 'softmax')!;
const logSoftmax = ACTIVATIONS.find((e) => e.id === 'log_softmax')!;
const glu = ACTIVATIONS.find((e) => e.id === 'glu')!;
const prelu = ACTIVATIONS.find((e) => e.id === 'prelu')!;

test('softmax: every slice sums to 1 along either axis, even with logits up to 1e4', () => {
  const random = seededRandom(3);
  for (const scale of [1, 30, 1e4]) {
    const x = fromNested(randomMatrix(random, 5, 7, scale));
    for (const axis of [-1, 0]) {
      const { value } = softmax.evaluate(x, { framework: 'torch', params: resolveParams(softmax, 'torch', { axis }) });
      const sums = axis === -1 ? [0, 1, 2, 3, 4].map((r) => value.data.slice(r * 7, r * 7 + 7).reduce((a, b) => a + b, 0)) : [0, 1, 2, 3, 4, 5, 6].map((c) => [0, 1, 2, 3, 4].reduce((a, r) => a + value.data[r * 7 + c]!, 0));
      for (const sum of sums) assert.ok(Math.abs(sum - 1) <= 1e-14, `scale ${scale}, axis ${axis}: sum ${sum}`);
      assert.ok(value.data.every(Number.isFinite));
    }
  }
});

test('log_softmax = log(softmax) wherever softmax is not tiny, and stays finite for logits up to 1e4', () => {
  const random = seededRandom(5);
  for (const scale of [1, 20, 1e4]) {
    const x = fromNested(randomMatrix(random, 4, 6, scale));
    for (const framework of FRAMEWORKS) {
      const params = resolveParams(logSoftmax, framework);
      const logs = logSoftmax.evaluate(x, { framework, params }).value.data;
      const probs = softmax.evaluate(x, { framework, params }).value.data;
      assert.ok(logs.every(Number.isFinite), `scale ${scale}`);
      probs.forEach((p, i) => {
        if (p > 1e-300) assert.ok(Math.abs(logs[i]! - Math.log(p)) <= 1e-12 * Math.max(1, Math.abs(logs[i]!)), `scale ${scale}: ${logs[i]} vs log ${p}`);
      });
    }
  }
});

test('softmax and log_softmax: a row of all −∞ gives NaN while other rows stay finite', () => {
  const x = fromNested([[-Infinity, -Infinity, -Infinity], [0, 1, 2]]);
  for (const entry of [softmax, logSoftmax]) {
    for (const framework of FRAMEWORKS) {
      const { value, grad } = entry.evaluate(x, { framework, params: resolveParams(entry, framework) });
      assert.ok([0, 1, 2].every((i) => Number.isNaN(value.data[i]!) && Number.isNaN(grad.data[i]!)), entry.id);
      assert.ok([3, 4, 5].every((i) => Number.isFinite(value.data[i]!) && Number.isFinite(grad.data[i]!)), entry.id);
    }
  }
});

/** Checks grad = ∇ Σ u·f(x) against central differences for a random upstream u. */
function checkVjp(entry: ActivationEntry, x: Tensor, params: Readonly<Record<string, ParamValue>>, seed: number): void {
  const random = seededRandom(seed);
  const resolved = resolveParams(entry, 'torch', params);
  const options = { framework: 'torch' as const, params: resolved };
  const output = entry.evaluate(x, options).value;
  const upstream: Tensor = { shape: output.shape, data: Float64Array.from(output.data, () => 2 * random() - 1) };
  const { grad } = entry.evaluate(x, { ...options, upstream });
  const objective = (data: Float64Array) => entry.evaluate({ shape: x.shape, data }, options).value.data.reduce((sum, v, i) => sum + v * upstream.data[i]!, 0);
  for (let j = 0; j < x.data.length; j++) {
    const h = 1e-6 * Math.max(1, Math.abs(x.data[j]!));
    const plus = Float64Array.from(x.data);
    const minus = Float64Array.from(x.data);
    plus[j]! += h;
    minus[j]! -= h;
    const estimate = (objective(plus) - objective(minus)) / (2 * h);
    assert.ok(Math.abs(grad.data[j]! - estimate) <= 1e-7 * Math.max(1, Math.abs(estimate)), `${entry.id} ${JSON.stringify(params)}: grad[${j}] = ${grad.data[j]}, finite difference ${estimate}`);
  }
}

test('softmax, log_softmax and glu: VJP matches finite differences of u·f(x) on both axes', () => {
  const random = seededRandom(9);
  const x = fromNested(randomMatrix(random, 4, 6, 3));
  for (const axis of [-1, 0]) {
    checkVjp(softmax, x, { axis }, 1);
    checkVjp(logSoftmax, x, { axis }, 2);
    checkVjp(glu, x, { axis }, 3);
  }
  checkVjp(softmax, fromNested([0.3, -1.2, 2.5, 0]), {}, 4);
  checkVjp(glu, fromNested([0.3, -1.2, 2.5, 0.7]), {}, 5);
});

test('softmax, log_softmax and glu: Jacobian rows equal one-hot VJPs', () => {
  const random = seededRandom(13);
  const x = fromNested(randomMatrix(random, 4, 6, 2));
  for (const entry of [softmax, logSoftmax, glu]) {
    for (const axis of [-1, 0]) {
      const options = { framework: 'torch' as const, params: resolveParams(entry, 'torch', { axis }) };
      const output = entry.evaluate(x, options).value;
      const rows = entry.jacobian!(x, options);
      const [outRows, outCols] = output.shape as [number, number];
      const slices = axis === -1 ? outRows : outCols;
      assert.equal(rows.length, slices);
      for (let s = 0; s < slices; s++) {
        const [n, m] = rows[s]!.shape as [number, number];
        for (let i = 0; i < n; i++) {
          const upstream = new Float64Array(output.data.length);
          upstream[axis === -1 ? s * outCols + i : i * outCols + s] = 1;
          const { grad } = entry.evaluate(x, { ...options, upstream: { shape: output.shape, data: upstream } });
          for (let j = 0; j < m; j++) {
            const inputIndex = axis === -1 ? s * x.shape[1]! + j : j * x.shape[1]! + s;
            assert.ok(Math.abs(rows[s]!.data[i * m + j]! - grad.data[inputIndex]!) <= 1e-15, `${entry.id} axis ${axis} slice ${s} J[${i}][${j}]`);
          }
        }
      }
    }
  }
});

test('glu halves the split axis and rejects an odd size or a scalar', () => {
  const x = fromNested([[1, 2, 3, 4], [5, 6, 7, 8]]);
  const params = resolveParams(glu, 'torch');
  assert.deepEqual(glu.evaluate(x, { framework: 'torch', params }).value.shape, [2, 2]);
  assert.deepEqual(glu.evaluate(x, { framework: 'torch', params: resolveParams(glu, 'torch', { axis: 0 }) }).value.shape, [1, 4]);
  assert.throws(() => glu.evaluate(fromNested([1, 2, 3]), { framework: 'torch', params }), FormulaLensError);
  assert.throws(() => glu.evaluate(fromNested(2), { framework: 'torch', params }), FormulaLensError);
  assert.throws(() => softmax.evaluate(x, { framework: 'torch', params: resolveParams(softmax, 'torch', { axis: 2 }) }), FormulaLensError);
  assert.throws(() => softmax.evaluate(x, { framework: 'torch', params: resolveParams(softmax, 'torch'), upstream: fromNested([1, 2]) }), FormulaLensError);
});

test('prelu: input and weight gradients match finite differences, per channel on either axis', () => {
  const random = seededRandom(17);
  const x = fromNested(randomMatrix(random, 3, 4, 2));
  for (const [weight, channelAxis] of [[[0.25], null], [[0.1, -0.2, 0.3, 0.5], 1], [[0.1, -0.2, 0.3, 0.5], -1], [[0.4, 0.2, -0.1], 0]] as const) {
    const params = resolveParams(prelu, 'torch', { weight: [...weight], channel_axis: channelAxis });
    const result = prelu.evaluate(x, { framework: 'torch', params });
    const sumWith = (w: number[]) => prelu.evaluate(x, { framework: 'torch', params: { ...params, weight: w } }).value.data.reduce((a, b) => a + b, 0);
    weight.forEach((_, c) => {
      const plus = [...weight];
      const minus = [...weight];
      plus[c]! += 1e-6;
      minus[c]! -= 1e-6;
      const estimate = (sumWith(plus) - sumWith(minus)) / 2e-6;
      assert.ok(Math.abs(result.gradParams!['weight']!.data[c]! - estimate) <= 1e-7, `weight ${JSON.stringify(weight)} channel ${c}`);
    });
  }
  assert.throws(() => prelu.evaluate(x, { framework: 'torch', params: resolveParams(prelu, 'torch', { weight: [0.1, 0.2] }) }), FormulaLensError);
  // The input gradient is elementwise: d f(x_j)/d x_j with the slope of x_j's channel.
  const params = resolveParams(prelu, 'torch', { weight: [0.1, -0.2, 0.3, 0.5] });
  const { grad } = prelu.evaluate(x, { framework: 'torch', params });
  x.data.forEach((v, j) => {
    const at = (value: number) => {
      const data = Float64Array.from(x.data);
      data[j] = value;
      return prelu.evaluate({ shape: x.shape, data }, { framework: 'torch', params }).value.data[j]!;
    };
    const estimate = (at(v + 1e-6) - at(v - 1e-6)) / 2e-6;
    assert.ok(Math.abs(grad.data[j]! - estimate) <= 1e-7, `prelu grad[${j}] = ${grad.data[j]}, finite difference ${estimate}`);
  });
});

test('signed zeros at ±0 follow each framework', () => {
  const get = (id: string) => ACTIVATIONS.find((e) => e.id === id)!;
  const at = (id: string, framework: Framework) => apply(get(id), [-0, 0], resolveParams(get(id), framework), framework).value;
  assert.ok(Object.is(at('relu', 'torch')[0], -0) && Object.is(at('relu', 'tfjs')[0], 0));
  assert.ok(Object.is(at('elu', 'torch')[0], 0) && Object.is(at('elu', 'tfjs')[0], -0));
  assert.ok(Object.is(at('selu', 'torch')[0], 0) && Object.is(at('selu', 'tfjs')[0], -0));
  assert.ok(Object.is(at('leaky_relu', 'torch')[0], -0) && Object.is(at('leaky_relu', 'tfjs')[0], -0));
  assert.ok(Object.is(at('relu6', 'torch')[0], -0) && Object.is(at('relu6', 'tfjs')[0], 0));
  assert.ok(Object.is(at('tanhshrink', 'torch')[0], 0));
});

test('float32 effects of TF.js: tanh-GELU overflows where x² or 2x leave float32 range, float64 profiles only beyond 1.3e154', () => {
  const gelu = ACTIVATIONS.find((e) => e.id === 'gelu')!;
  const xs = [1e4, 1e19, 1e20, -1e20, 3e38, 1e200];
  const at = (framework: Framework) => apply(gelu, xs, resolveParams(gelu, framework, { approximate: 'tanh' }), framework);
  const torch = at('torch');
  assert.deepEqual(Array.from(torch.grad).map(Number.isNaN), [false, false, false, false, false, true]);
  assert.deepEqual(Array.from(torch.value).map(Number.isFinite), [true, true, true, true, true, true]);
  const tfjs = at('tfjs');
  assert.deepEqual(Array.from(tfjs.grad).map(Number.isNaN), [false, false, true, true, true, true]);
  assert.equal(tfjs.value[4], Infinity);
  assert.ok(Object.is(tfjs.value[3], -0));
});
