/**
 * Loss explorer sweeps: values equal the catalog's evaluation at each point, gradients along the sweep agree
 * with finite differences (directly, through sigmoid, through softmax), and framework edge semantics
 * (Keras 1e-7 clip, torch -100 clamp) and the MSE-vs-cross-entropy contrast show up. Losses of several
 * predictions (margin ranking, cosine embedding, triplet) are swept along the quantity they compare.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveParams } from '../../src/core/catalog/params';
import { CATALOG, requireEntry } from '../../src/core/catalog/registry';
import type { Framework, Reduction } from '../../src/core/catalog/types';
import { evaluateLoss } from '../../src/core/evaluate';
import {
  catalogSweepLoss,
  defaultSweepRange,
  effectivePredictionKind,
  sweepIncompatibility,
  sweepLoss,
  targetTensor,
  type OutputActivation,
  type SweepLoss,
  type SweepTarget,
} from '../../src/core/lossCurves';
import { linspace } from '../../src/core/curves';
import { tensor } from '../../src/core/tensor';
import { defaultPlaygroundState } from '../../src/protocol/playground';
import { problemFor, sweepTargetOf } from '../../src/protocol/playgroundState';

function loss(name: string, framework: Framework, params = {}): SweepLoss {
  const entry = requireEntry(name, 'loss');
  return catalogSweepLoss(entry, framework, resolveParams(entry, framework, params));
}

function activation(name: string, framework: Framework): OutputActivation {
  const entry = requireEntry(name, 'activation');
  return { entry, framework, params: resolveParams(entry, framework) };
}

const BINARY_1: SweepTarget = { problem: 'binary', label: 1 };

/** Checks d value / dx along the sweep against central differences at points away from clips and kinks. */
function assertGradientsMatchDifferences(what: string, sweepAt: (xs: Float64Array) => { values: Float64Array; gradients: Float64Array }, xs: readonly number[]): void {
  const h = 1e-6;
  for (const x of xs) {
    const at = sweepAt(Float64Array.of(x - h, x, x + h));
    const numeric = (at.values[2]! - at.values[0]!) / (2 * h);
    const analytic = at.gradients[1]!;
    assert.ok(Math.abs(numeric - analytic) <= 1e-5 + 1e-5 * Math.abs(analytic), `${what} at ${x}: analytic ${analytic}, numeric ${numeric}`);
  }
}

test('a direct binary sweep gives exactly what evaluateLoss gives for that prediction', () => {
  const xs = Float64Array.from([0, 0.01, 0.3, 0.5, 0.99, 1]);
  for (const framework of ['torch', 'keras', 'tfjs'] as const) {
    for (const label of [0, 1] as const) {
      const sweep = sweepLoss(loss('binary_crossentropy', framework), { problem: 'binary', label }, 'mean', xs);
      xs.forEach((p, i) => {
        const expected = evaluateLoss('binary_crossentropy', { yTrue: tensor(Float64Array.of(label), [1]), yPred: tensor(Float64Array.of(p), [1]) }, { framework, reduction: 'mean' });
        assert.equal(sweep.values[i], expected.value.data[0], `${framework} y=${label} p=${p}`);
        assert.equal(sweep.gradients[i], expected.grad.data[0], `${framework} y=${label} p=${p} gradient`);
      });
    }
  }
});

test('edge semantics: torch BCE clamps log at -100, Keras clips p to [1e-7, 1 - 1e-7] (and its gradient is 0 there)', () => {
  const ends = Float64Array.from([0, 1]);
  const torch = sweepLoss(loss('binary_crossentropy', 'torch'), BINARY_1, 'mean', ends);
  assert.equal(torch.values[0], 100);
  assert.equal(torch.values[1], 0);
  const keras = sweepLoss(loss('binary_crossentropy', 'keras'), BINARY_1, 'mean', ends);
  assert.ok(Math.abs(keras.values[0]! - -Math.log(1e-7)) < 1e-9, `Keras BCE at p=0: ${keras.values[0]}`);
  assert.ok(keras.gradients[0] === 0, 'no gradient inside the clip');
  // Through a sigmoid, the clip flattens Keras BCE for z below logit(1e-7) ≈ -16.1, while BCE on logits keeps growing.
  const zs = Float64Array.from([-30, -20]);
  const clipped = sweepLoss(loss('binary_crossentropy', 'keras'), BINARY_1, 'mean', zs, activation('sigmoid', 'keras'));
  assert.ok(Math.abs(clipped.values[0]! - clipped.values[1]!) < 1e-9 && Math.abs(clipped.gradients[0]!) === 0);
  const logits = sweepLoss(loss('binary_crossentropy_with_logits', 'keras'), BINARY_1, 'mean', zs, activation('sigmoid', 'keras'));
  assert.ok(Math.abs(logits.values[0]! - 30) < 1e-9 && Math.abs(logits.values[1]! - 20) < 1e-7);
  assert.ok(Math.abs(logits.gradients[0]! + 1) < 1e-9);
});

test('MSE vs cross-entropy on sigmoid outputs with y_true = 1: MSE\'s gradient vanishes when confidently wrong, BCE\'s stays near -1', () => {
  const zs = Float64Array.from([-10, -6, -2]);
  const sigmoid = activation('sigmoid', 'torch');
  const mse = sweepLoss(loss('mse', 'torch'), BINARY_1, 'mean', zs, sigmoid);
  const bce = sweepLoss(loss('binary_crossentropy', 'torch'), BINARY_1, 'mean', zs, sigmoid);
  const s = (z: number) => 1 / (1 + Math.exp(-z));
  zs.forEach((z, i) => {
    // d/dz (σ(z) - 1)² = 2(σ - 1)σ(1 - σ);  d/dz -log σ(z) = σ - 1.
    assert.ok(Math.abs(mse.gradients[i]! - 2 * (s(z) - 1) * s(z) * (1 - s(z))) < 1e-12, `MSE gradient at ${z}`);
    assert.ok(Math.abs(bce.gradients[i]! - (s(z) - 1)) < 1e-9, `BCE gradient at ${z}`);
  });
  assert.ok(Math.abs(mse.gradients[0]!) < 1e-3, 'MSE gradient at z = -10 has vanished');
  assert.ok(bce.gradients[0]! < -0.99, 'BCE gradient at z = -10 is still about -1');
});

test('logit losses take z itself; probability losses get activation(z): both give the same curve where neither clips', () => {
  const zs = linspace(-8, 8, 33);
  const onProbabilities = sweepLoss(loss('binary_crossentropy', 'torch'), BINARY_1, 'mean', zs, activation('sigmoid', 'torch'));
  const onLogits = sweepLoss(loss('binary_crossentropy_with_logits', 'torch'), BINARY_1, 'mean', zs, activation('sigmoid', 'torch'));
  zs.forEach((z, i) => {
    assert.ok(Math.abs(onProbabilities.values[i]! - onLogits.values[i]!) < 1e-9, `value at ${z}`);
    assert.ok(Math.abs(onProbabilities.gradients[i]! - onLogits.gradients[i]!) < 1e-9, `gradient at ${z}`);
  });
});

test('gradients along the sweep match finite differences: direct, through sigmoid and tanh, categorical through softmax', () => {
  const points = [-3.3, -0.7, 0.4, 2.9];
  const probabilityPoints = [0.07, 0.31, 0.62, 0.93];
  const categorical: SweepTarget = { problem: 'categorical', classCount: 4, trueClass: 2 };
  const cases: [string, (xs: Float64Array) => ReturnType<typeof sweepLoss>, readonly number[]][] = [
    ['torch BCE direct', (xs) => sweepLoss(loss('binary_crossentropy', 'torch'), BINARY_1, 'mean', xs), probabilityPoints],
    ['keras BCE through sigmoid', (xs) => sweepLoss(loss('binary_crossentropy', 'keras'), { problem: 'binary', label: 0 }, 'mean', xs, activation('sigmoid', 'keras')), points],
    ['torch MSE through tanh', (xs) => sweepLoss(loss('mse', 'torch'), BINARY_1, 'mean', xs, activation('tanh', 'torch')), points],
    ['torch huber regression', (xs) => sweepLoss(loss('huber', 'torch'), { problem: 'regression', value: 0.5 }, 'mean', xs), points],
    ['keras CCE on probabilities (shared remainder)', (xs) => sweepLoss(loss('categorical_crossentropy', 'keras'), categorical, 'mean', xs), probabilityPoints],
    ['keras CCE through softmax', (xs) => sweepLoss(loss('categorical_crossentropy', 'keras'), categorical, 'mean', xs, activation('softmax', 'keras')), points],
    ['torch cross-entropy on logits', (xs) => sweepLoss(loss('categorical_crossentropy', 'torch'), categorical, 'mean', xs), points],
    ['torch sparse CCE on logits', (xs) => sweepLoss(loss('sparse_categorical_crossentropy', 'torch'), categorical, 'sum', xs), points],
    ['torch nll on log-probabilities', (xs) => sweepLoss(loss('nll_loss', 'torch'), categorical, 'mean', xs), [-2.5, -1.2, -0.4, -0.05]],
    ['torch MSE on a one-hot target (values)', (xs) => sweepLoss(loss('mse', 'torch'), categorical, 'sum', xs), probabilityPoints],
  ];
  for (const [what, sweepAt, at] of cases) assertGradientsMatchDifferences(what, sweepAt, at);
});

test('reductions act on the single-sample batch: torch MSE sums or averages the classes, Keras averages them first', () => {
  const categorical: SweepTarget = { problem: 'categorical', classCount: 4, trueClass: 0 };
  const at = Float64Array.of(0.4);
  const value = (framework: Framework, reduction: Reduction) => sweepLoss(loss('mse', framework), categorical, reduction, at).values[0]!;
  assert.ok(Math.abs(value('torch', 'sum') - 4 * value('torch', 'mean')) < 1e-12);
  assert.ok(Math.abs(value('keras', 'sum') - value('keras', 'mean')) < 1e-12);
  assert.ok(Math.abs(value('torch', 'mean') - value('keras', 'mean')) < 1e-12);
});

test('effectivePredictionKind follows from_logits (torch cross-entropy: logits; Keras: probabilities)', () => {
  assert.equal(loss('sparse_categorical_crossentropy', 'torch').expects, 'logits');
  assert.equal(loss('sparse_categorical_crossentropy', 'keras').expects, 'probabilities');
  assert.equal(loss('binary_crossentropy', 'keras', { from_logits: true }).expects, 'logits');
  assert.equal(loss('mse', 'torch').expects, 'values');
  assert.equal(effectivePredictionKind('log_probabilities', {}), 'log_probabilities');
});

test('targets: binary labels become ±1 for sign targets, categorical ones one-hot rows or an index', () => {
  assert.deepEqual([...targetTensor({ problem: 'binary', label: 0 }, 'signs').data], [-1]);
  assert.deepEqual([...targetTensor({ problem: 'binary', label: 1 }, 'binary').data], [1]);
  const oneHot = targetTensor({ problem: 'categorical', classCount: 3, trueClass: 1 }, 'one_hot');
  assert.deepEqual(oneHot.shape, [1, 3]);
  assert.deepEqual([...oneHot.data], [0, 1, 0]);
  const index = targetTensor({ problem: 'categorical', classCount: 3, trueClass: 2 }, 'class_indices');
  assert.deepEqual([index.shape, [...index.data]], [[1], [2]]);
  assert.deepEqual([...targetTensor({ problem: 'regression', value: -1.5 }, 'values').data], [-1.5]);
  const list = targetTensor({ problem: 'categorical', classCount: 4, trueClass: 2 }, 'class_index_lists');
  assert.deepEqual([list.shape, [...list.data]], [[1, 4], [2, -1, -1, -1]]);
});

test('multi-label margin in a categorical sweep: the true class is the one listed label, so with the others sharing 1 − x it is max(0, 1 − x)', () => {
  const xs = Float64Array.from([-0.5, 0.2, 0.9, 1.4]);
  const sweep = sweepLoss(loss('multilabel_margin_loss', 'torch'), { problem: 'categorical', classCount: 3, trueClass: 1 }, 'mean', xs);
  // (1/3)·2·max(0, 1 − (x − (1 − x)/2)) = max(0, 1 − x); d/dx = −1 below 1 (the other classes move too).
  xs.forEach((x, i) => near(sweep.values[i]!, Math.max(0, 1 - x), `value at ${x}`, 1e-15));
  assert.deepEqual([...sweep.gradients].map((g) => Math.round(g * 1e12) / 1e12), [-1, -1, -1, 0]);
  assertGradientsMatchDifferences('multi-label margin', (at) => sweepLoss(loss('multilabel_margin_loss', 'torch'), { problem: 'categorical', classCount: 4, trueClass: 0 }, 'sum', at), [-1.2, 0.3, 0.7]);
});

test('sweepIncompatibility: several inputs, a target the problem cannot express, log-probabilities behind an activation', () => {
  assert.equal(sweepIncompatibility({ predictionInputs: 2, targetKind: 'signs', expects: 'values' }, 'binary', false), 'inputs');
  assert.equal(sweepIncompatibility({ predictionInputs: 1, targetKind: 'one_hot', expects: 'probabilities' }, 'binary', false), 'target');
  assert.equal(sweepIncompatibility({ predictionInputs: 1, targetKind: 'binary', expects: 'probabilities' }, 'regression', false), 'target');
  assert.equal(sweepIncompatibility({ predictionInputs: 1, targetKind: 'class_indices', expects: 'log_probabilities' }, 'categorical', true), 'logProbabilitiesThroughActivation');
  assert.equal(sweepIncompatibility({ predictionInputs: 1, targetKind: 'class_indices', expects: 'log_probabilities' }, 'categorical', false), undefined);
  assert.equal(sweepIncompatibility({ predictionInputs: 1, targetKind: 'values', expects: 'values' }, 'categorical', true), undefined);
  assert.throws(() => sweepLoss(loss('nll_loss', 'torch'), { problem: 'categorical', classCount: 3, trueClass: 0 }, 'mean', Float64Array.of(0), activation('softmax', 'torch')));
});

test('default ranges suit the x axis: logits ±10, probabilities [0, 1], log-probabilities [-10, 0], around a regression target', () => {
  assert.deepEqual(defaultSweepRange(BINARY_1, 'probabilities', true), [-10, 10]);
  assert.deepEqual(defaultSweepRange(BINARY_1, 'logits', false), [-10, 10]);
  assert.deepEqual(defaultSweepRange(BINARY_1, 'probabilities', false), [0, 1]);
  assert.deepEqual(defaultSweepRange({ problem: 'categorical', classCount: 3, trueClass: 0 }, 'log_probabilities', false), [-10, 0]);
  assert.deepEqual(defaultSweepRange({ problem: 'regression', value: 2 }, 'values', false), [-1, 5]);
});

test('points a loss rejects become NaN; a loss that rejects every point reports its first error', () => {
  const picky: SweepLoss = {
    expects: 'values',
    targetKind: 'values',
    evaluate(_yTrue, [yPred]) {
      if (yPred!.data[0]! < 0) throw new RangeError('negative prediction');
      return { value: yPred!.data[0]!, grads: [Float64Array.of(1)] };
    },
  };
  const some = sweepLoss(picky, { problem: 'regression', value: 0 }, 'mean', Float64Array.from([-1, 1]));
  assert.ok(Number.isNaN(some.values[0]!) && some.values[1] === 1 && some.error === undefined);
  const none = sweepLoss(picky, { problem: 'regression', value: 0 }, 'mean', Float64Array.from([-2, -1]));
  assert.ok(none.error instanceof RangeError);
});

// Losses of several predictions: the pair problems sweep the one quantity the loss compares.

const fromNested = (rows: number[][]) => tensor(Float64Array.from(rows.flat()), [rows.length, rows[0]!.length]);
/** torch's cosine of two [1, D] rows: the squared norms get float32(1e-12) added before the square root. */
const torchCosine = (a: readonly number[], b: readonly number[]) => {
  const eps = Math.fround(1e-12);
  const dot = a.reduce((sum, v, i) => sum + v * b[i]!, 0);
  return dot / Math.sqrt((a.reduce((s, v) => s + v * v, 0) + eps) * (b.reduce((s, v) => s + v * v, 0) + eps));
};
const near = (actual: number, expected: number, what: string, tolerance = 1e-12) => assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual}, expected ${expected}`);

test('ranking pair: margin ranking against x = x1 − x2 is max(0, −y·x + margin), with torch\'s gradient passing at the margin', () => {
  const xs = Float64Array.from([-1, 0.5, 2]);
  const up = sweepLoss(loss('margin_ranking_loss', 'torch', { margin: 0.5 }), { problem: 'rankingPair', sign: 1 }, 'mean', xs);
  assert.deepEqual([...up.values], [1.5, 0, 0]);
  // At x = margin the clamp's input is 0: torch keeps the gradient there.
  assert.deepEqual([...up.gradients], [-1, -1, 0]);
  const down = sweepLoss(loss('margin_ranking_loss', 'torch', { margin: 0.5 }), { problem: 'rankingPair', sign: -1 }, 'sum', xs);
  assert.deepEqual([...down.values], [0, 1, 2.5]);
  assert.deepEqual([...down.gradients], [0, 1, 1]);
  // Only the difference matters: the kernel on scores (3.25, 4.75) gives the value drawn at x = −1.5.
  const kernel = evaluateLoss('margin_ranking_loss', { yTrue: tensor(Float64Array.of(1), [1]), yPred: tensor(Float64Array.of(3.25), [1]), yPred2: tensor(Float64Array.of(4.75), [1]) }, { framework: 'torch', reduction: 'mean', params: { margin: 0.5 } });
  const drawn = sweepLoss(loss('margin_ranking_loss', 'torch', { margin: 0.5 }), { problem: 'rankingPair', sign: 1 }, 'mean', Float64Array.of(-1.5));
  assert.equal(drawn.values[0], kernel.value.data[0]);
  assert.equal(drawn.gradients[0], kernel.grad.data[0]);
});

test('embedding pair: cosine embedding against cos(x1, x2) is 1 − cos (y = 1) or max(0, cos − margin) (y = −1), torch\'s eps included', () => {
  const similar = sweepLoss(loss('cosine_embedding_loss', 'torch', { margin: 0.2 }), { problem: 'embeddingPair', sign: 1 }, 'mean', Float64Array.from([-0.5, 0.5, 0.96]));
  [-0.5, 0.5, 0.96].forEach((c, i) => {
    near(similar.values[i]!, 1 - torchCosine([1, 0], [c, Math.sqrt(1 - c * c)]), `1 − cos at ${c}`);
    near(similar.gradients[i]!, -1, `d(1 − cos)/d cos at ${c}`, 1e-11);
  });
  const dissimilar = sweepLoss(loss('cosine_embedding_loss', 'torch', { margin: 0.2 }), { problem: 'embeddingPair', sign: -1 }, 'mean', Float64Array.from([0.1, 0.5]));
  assert.deepEqual([dissimilar.values[0], dissimilar.gradients[0]], [0, 0]);
  near(dissimilar.values[1]!, torchCosine([1, 0], [0.5, Math.sqrt(0.75)]) - 0.2, 'cos − margin at 0.5');
  near(dissimilar.gradients[1]!, 1, 'd(cos − margin)/d cos', 1e-11);
  // Only the angle matters: the kernel on (3, 4) and (4, 3), whose cosine is 0.96, gives the value drawn at 0.96
  // (up to torch's 1e-12 on the squared norms, which weighs 25 times less on these longer vectors).
  const kernel = evaluateLoss('cosine_embedding_loss', { yTrue: tensor(Float64Array.of(1), [1]), yPred: fromNested([[3, 4]]), yPred2: fromNested([[4, 3]]) }, { framework: 'torch', reduction: 'mean' });
  near(similar.values[2]!, kernel.value.data[0]!, 'kernel on other vectors with the same cosine', 1e-11);
  near(kernel.value.data[0]!, 1 - torchCosine([3, 4], [4, 3]), 'the kernel itself');
});

test('embedding pair: outside [−1, 1] nothing is drawn, and at ±1 (parallel vectors) the gradient along the cosine is undefined', () => {
  const ends = sweepLoss(loss('cosine_embedding_loss', 'torch'), { problem: 'embeddingPair', sign: 1 }, 'mean', Float64Array.from([-1.5, -1, 1, 1.5]));
  assert.ok(Number.isNaN(ends.values[0]!) && Number.isNaN(ends.values[3]!), 'outside the domain');
  near(ends.values[1]!, 2, 'opposite vectors: 1 − cos = 2', 1e-11);
  near(ends.values[2]!, 1 - torchCosine([1, 0], [1, 0]), 'identical vectors: torch\'s eps leaves cos just below 1');
  assert.ok(Number.isNaN(ends.gradients[1]!) && Number.isNaN(ends.gradients[2]!), 'no gradient along the cosine where it is extreme');
  assert.equal(ends.error, undefined);
});

test('triplet: against the anchor–positive distance x with d(a, n) fixed, max(0, d(a, p) − d(a, n) + margin) with torch adding eps to each difference', () => {
  const eps = 1e-6;
  const xs = Float64Array.from([0, 0.5, 3]);
  const expected = (x: number, negative: number, margin: number) => Math.max(0, x + eps - (negative - eps) + margin);
  for (const params of [{}, { p: 1 }, { p: 3 }, { swap: true }]) {
    const sweep = sweepLoss(loss('triplet_margin_loss', 'torch', params), { problem: 'triplet', negativeDistance: 2 }, 'mean', xs);
    xs.forEach((x, i) => near(sweep.values[i]!, expected(x, 2, 1), `${JSON.stringify(params)} at ${x}`, 1e-15));
    assert.deepEqual([...sweep.gradients], [0, 0, 1], `${JSON.stringify(params)}: inactive below d(a, n) − margin, slope 1 above`);
  }
  const wide = sweepLoss(loss('triplet_margin_loss', 'torch', { margin: 0.5 }), { problem: 'triplet', negativeDistance: 4 }, 'sum', Float64Array.from([-0.1, 4]));
  assert.ok(Number.isNaN(wide.values[0]!) && Number.isNaN(wide.gradients[0]!), 'a distance is not negative');
  near(wide.values[1]!, expected(4, 4, 0.5), 'x = d(a, n)', 1e-15);
  // The kernel on 2-D embeddings at the same distances (a = 0, p = (−3, 0), n = (4, 0)) agrees up to where eps lands.
  const kernel = evaluateLoss('triplet_margin_loss', { yTrue: null, yPred: fromNested([[0, 0]]), yPred2: fromNested([[-3, 0]]), yPred3: fromNested([[4, 0]]) }, { framework: 'torch', reduction: 'mean' });
  const drawn = sweepLoss(loss('triplet_margin_loss', 'torch'), { problem: 'triplet', negativeDistance: 4 }, 'mean', Float64Array.of(3));
  near(drawn.values[0]!, kernel.value.data[0]!, 'kernel on 2-D embeddings', 1e-11);
});

test('pair sweeps: gradients along x match finite differences of the values', () => {
  const cases: [string, (xs: Float64Array) => ReturnType<typeof sweepLoss>, readonly number[]][] = [
    ['margin ranking y = 1', (xs) => sweepLoss(loss('margin_ranking_loss', 'torch', { margin: 1 }), { problem: 'rankingPair', sign: 1 }, 'mean', xs), [-2.3, 0.4]],
    ['margin ranking y = −1', (xs) => sweepLoss(loss('margin_ranking_loss', 'torch', { margin: 1 }), { problem: 'rankingPair', sign: -1 }, 'sum', xs), [-0.4, 2.1]],
    ['cosine embedding y = 1', (xs) => sweepLoss(loss('cosine_embedding_loss', 'torch'), { problem: 'embeddingPair', sign: 1 }, 'mean', xs), [-0.93, -0.2, 0.35, 0.97]],
    ['cosine embedding y = −1', (xs) => sweepLoss(loss('cosine_embedding_loss', 'torch', { margin: 0.3 }), { problem: 'embeddingPair', sign: -1 }, 'mean', xs), [-0.6, 0.1, 0.5, 0.95]],
    ['triplet', (xs) => sweepLoss(loss('triplet_margin_loss', 'torch'), { problem: 'triplet', negativeDistance: 1.5 }, 'mean', xs), [0.2, 0.9, 3.7]],
    ['triplet p = 1.5, swap', (xs) => sweepLoss(loss('triplet_margin_loss', 'torch', { p: 1.5, swap: true, margin: 0.25 }), { problem: 'triplet', negativeDistance: 1 }, 'sum', xs), [0.3, 1.2, 2.5]],
  ];
  for (const [what, sweepAt, at] of cases) assertGradientsMatchDifferences(what, sweepAt, at);
});

test('pair problems draw exactly the losses that compare their inputs their way, with ranges for their x and no activation', () => {
  const ranking = loss('margin_ranking_loss', 'torch');
  const inputs = (name: string) => requireEntry(name, 'loss').predictionInputs;
  const of = (name: string) => ({ predictionInputs: inputs(name), targetKind: requireEntry(name, 'loss').targetKind, expects: loss(name, 'torch').expects, inputComparison: loss(name, 'torch').inputComparison });
  assert.equal(ranking.inputComparison, 'difference');
  assert.equal(sweepIncompatibility(of('margin_ranking_loss'), 'rankingPair', false), undefined);
  assert.equal(sweepIncompatibility(of('margin_ranking_loss'), 'binary', false), 'inputs');
  assert.equal(sweepIncompatibility(of('margin_ranking_loss'), 'embeddingPair', false), 'inputs');
  assert.equal(sweepIncompatibility(of('cosine_embedding_loss'), 'embeddingPair', false), undefined);
  assert.equal(sweepIncompatibility(of('triplet_margin_loss'), 'triplet', false), undefined);
  assert.equal(sweepIncompatibility(of('hinge_embedding_loss'), 'binary', false), undefined, 'hinge embedding takes one input: a distance with a ±1 label');
  assert.equal(sweepIncompatibility(of('hinge_embedding_loss'), 'rankingPair', false), 'inputs');
  assert.equal(sweepIncompatibility(of('mse'), 'triplet', false), 'inputs');
  assert.deepEqual(defaultSweepRange({ problem: 'rankingPair', sign: 1 }, 'values', false), [-3, 3]);
  assert.deepEqual(defaultSweepRange({ problem: 'embeddingPair', sign: -1 }, 'values', false), [-1, 1]);
  assert.deepEqual(defaultSweepRange({ problem: 'triplet', negativeDistance: 3 }, 'values', false), [0, 5]);
  assert.throws(() => sweepLoss(ranking, { problem: 'rankingPair', sign: 1 }, 'mean', Float64Array.of(0), activation('sigmoid', 'torch')));
  assert.throws(() => sweepLoss(loss('mse', 'torch'), { problem: 'triplet', negativeDistance: 1 }, 'mean', Float64Array.of(0)));
});

test('every catalog loss under each of its frameworks draws a curve in the problem it belongs to', () => {
  for (const entry of CATALOG) {
    if (entry.kind !== 'loss') continue;
    const problem = problemFor(entry);
    const target = sweepTargetOf({ ...defaultPlaygroundState('torch').loss, problem });
    for (const framework of entry.frameworks) {
      const swept = loss(entry.id, framework);
      const what: string = `${entry.id} (${framework}) in ${problem}`;
      assert.equal(sweepIncompatibility({ predictionInputs: entry.predictionInputs, targetKind: entry.targetKind, expects: swept.expects, inputComparison: swept.inputComparison }, problem, false), undefined, what);
      const [xMin, xMax] = defaultSweepRange(target, swept.expects, false);
      const sweep = sweepLoss(swept, target, entry.reductions[0]!, linspace(xMin, xMax, 101));
      assert.equal(sweep.error, undefined, what);
      const finite = sweep.values.filter(Number.isFinite).length;
      assert.ok(finite >= 50, `${what}: ${finite} of 101 points drawn`);
    }
  }
});
