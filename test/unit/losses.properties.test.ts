/**
 * Properties of every catalog loss: gradients against central finite differences at seeded random
 * points (under every profile and reduction, away from kinks and clip edges), shape errors that name
 * both shapes, finite results at large inputs, reduction bookkeeping, and the BCE saturation case.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateLoss } from '../../src/core/evaluate';
import { LOSSES } from '../../src/core/catalog/losses/index';
import { nameCollisions, resolveName } from '../../src/core/catalog/registry';
import { FRAMEWORKS, type Framework, type LossInputs, type ParamValue, type Reduction } from '../../src/core/catalog/types';
import { FormulaLensError } from '../../src/core/l10n';
import { fromNested, shapeText, tensor, type Tensor } from '../../src/core/tensor';
import { loadGoldenCases } from './helpers/golden';

type Random = () => number;

/** mulberry32: a small seeded generator, so every run checks the same points. */
function seeded(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const uniform = (r: Random, lo: number, hi: number): number => lo + (hi - lo) * r();
const sign = (r: Random): number => (r() < 0.5 ? -1 : 1);
const bit = (r: Random): number => (r() < 0.5 ? 0 : 1);
const matrix = (rows: number, cols: number, value: (row: number, col: number) => number): number[][] =>
  Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => value(i, j)));
const normalised = (r: Random, cols: number): number[] => {
  const raw = Array.from({ length: cols }, () => uniform(r, 0.05, 1));
  const total = raw.reduce((a, b) => a + b, 0);
  return raw.map((v) => v / total);
};

/** Redraws until `accept` holds, so points stay away from kinks and clip edges. */
function drawUntil<T>(draw: () => T, accept: (value: T) => boolean): T {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const value = draw();
    if (accept(value)) return value;
  }
  throw new Error('could not draw a point away from the kinks');
}

/** One family of inputs and parameters for a loss, valid under the listed profiles. */
interface Scenario {
  readonly id: string;
  readonly label: string;
  readonly params?: Readonly<Record<string, ParamValue>>;
  readonly frameworks?: readonly Framework[];
  make(r: Random, framework: Framework): LossInputs;
}

const pair = (yTrue: number[][] | number[], yPred: number[][] | number[]): LossInputs => ({ yTrue: fromNested(yTrue), yPred: fromNested(yPred) });
const rowsOf = (r: Random): number => 2 + Math.floor(r() * 2);
const colsOf = (r: Random): number => 3 + Math.floor(r() * 2);

/** Elementwise inputs where `accept(t, p)` holds for every element. */
function elementwise(r: Random, target: () => number, prediction: () => number, accept: (t: number, p: number) => boolean = () => true): LossInputs {
  const rows = rowsOf(r);
  const cols = colsOf(r);
  const t = matrix(rows, cols, target);
  const p = matrix(rows, cols, (i, j) => drawUntil(prediction, (v) => accept(t[i]![j]!, v)));
  return pair(t, p);
}

/** Class-index inputs: y_pred [N, C] from `prediction`, y_true one index per row. */
function indexed(r: Random, prediction: () => number, classes = 3): LossInputs {
  const rows = rowsOf(r);
  return pair(Array.from({ length: rows }, () => Math.floor(r() * classes)), matrix(rows, classes, prediction));
}

const logits = (r: Random) => () => uniform(r, -4, 4);
const probability = (r: Random) => () => uniform(r, 0.05, 0.95);
const away = (x: number, from: number, gap = 0.05): boolean => Math.abs(x - from) > gap;

const scenarios: Scenario[] = [
  { id: 'mse', label: 'values', make: (r) => elementwise(r, () => uniform(r, -3, 3), () => uniform(r, -3, 3)) },
  { id: 'mae', label: 'values', make: (r) => elementwise(r, () => uniform(r, -3, 3), () => uniform(r, -3, 3), (t, p) => away(p, t)) },
  ...[1, 0.5].map((delta): Scenario => ({
    id: 'huber',
    label: `delta ${delta}`,
    params: { delta },
    make: (r) => elementwise(r, () => uniform(r, -3, 3), () => uniform(r, -3, 3), (t, p) => away(Math.abs(p - t), delta)),
  })),
  ...[1, 0.5].map((beta): Scenario => ({
    id: 'smooth_l1',
    label: `beta ${beta}`,
    params: { beta },
    make: (r) => elementwise(r, () => uniform(r, -3, 3), () => uniform(r, -3, 3), (t, p) => away(Math.abs(p - t), beta)),
  })),
  { id: 'log_cosh', label: 'values', make: (r) => elementwise(r, () => uniform(r, -3, 3), () => uniform(r, -3, 3)) },
  { id: 'mape', label: 'values', make: (r) => elementwise(r, () => sign(r) * uniform(r, 0.2, 3), () => uniform(r, -3, 3), (t, p) => away(p, t)) },
  { id: 'msle', label: 'values', make: (r) => elementwise(r, () => uniform(r, 0, 3), () => uniform(r, 0.05, 3)) },
  { id: 'binary_crossentropy', label: 'hard targets', make: (r) => elementwise(r, () => bit(r), probability(r)) },
  { id: 'binary_crossentropy', label: 'soft targets', make: (r) => elementwise(r, () => r(), probability(r)) },
  { id: 'binary_crossentropy', label: 'label smoothing', params: { label_smoothing: 0.1 }, frameworks: ['keras', 'tfjs'], make: (r) => elementwise(r, () => bit(r), probability(r)) },
  {
    id: 'binary_crossentropy',
    label: 'weight per column',
    params: { weight: [[0.5, 2, 1]] },
    frameworks: ['torch'],
    make: (r) => pair(matrix(2, 3, () => bit(r)), matrix(2, 3, probability(r))),
  },
  { id: 'binary_crossentropy', label: 'from logits', params: { from_logits: true }, make: (r) => elementwise(r, () => bit(r), logits(r)) },
  { id: 'binary_crossentropy_with_logits', label: 'logits', make: (r) => elementwise(r, () => r(), logits(r)) },
  { id: 'binary_crossentropy_with_logits', label: 'label smoothing', params: { label_smoothing: 0.2 }, frameworks: ['keras', 'tfjs'], make: (r) => elementwise(r, () => bit(r), logits(r)) },
  {
    id: 'binary_crossentropy_with_logits',
    label: 'pos_weight and weight',
    params: { pos_weight: [1, 3, 0.5], weight: [[1], [2]] },
    frameworks: ['torch'],
    make: (r) => pair(matrix(2, 3, () => r()), matrix(2, 3, logits(r))),
  },
  {
    id: 'binary_focal_crossentropy',
    label: 'defaults',
    make: (r, framework) => elementwise(r, () => bit(r), framework === 'torch' ? logits(r) : probability(r)),
  },
  {
    id: 'binary_focal_crossentropy',
    label: 'class balancing, gamma 1.5',
    params: { apply_class_balancing: true, alpha: 0.7, gamma: 1.5 },
    make: (r, framework) => elementwise(r, () => bit(r), framework === 'torch' ? logits(r) : probability(r)),
  },
  { id: 'binary_focal_crossentropy', label: 'from logits, no alpha', params: { from_logits: true, alpha: -1 }, make: (r) => elementwise(r, () => bit(r), logits(r)) },
  { id: 'binary_focal_crossentropy', label: 'probabilities', params: { from_logits: false }, make: (r) => elementwise(r, () => bit(r), probability(r)) },
  { id: 'binary_focal_crossentropy', label: 'label smoothing', params: { label_smoothing: 0.1 }, frameworks: ['keras', 'tfjs'], make: (r) => elementwise(r, () => bit(r), probability(r)) },
  {
    id: 'categorical_crossentropy',
    label: 'defaults',
    make: (r, framework) => {
      const rows = rowsOf(r);
      const cols = colsOf(r);
      return pair(Array.from({ length: rows }, () => normalised(r, cols)), matrix(rows, cols, framework === 'torch' ? logits(r) : () => uniform(r, 0.05, 1)));
    },
  },
  {
    id: 'categorical_crossentropy',
    label: 'from logits, label smoothing',
    params: { from_logits: true, label_smoothing: 0.1 },
    make: (r) => pair(Array.from({ length: 3 }, () => normalised(r, 4)), matrix(3, 4, logits(r))),
  },
  {
    id: 'categorical_crossentropy',
    label: 'probabilities, label smoothing',
    params: { from_logits: false, label_smoothing: 0.1 },
    make: (r) => pair(Array.from({ length: 3 }, () => normalised(r, 4)), matrix(3, 4, () => uniform(r, 0.05, 1))),
  },
  {
    id: 'categorical_crossentropy',
    label: 'class weight',
    params: { weight: [0.2, 1, 3] },
    frameworks: ['torch'],
    make: (r) => pair(Array.from({ length: 3 }, () => normalised(r, 3)), matrix(3, 3, logits(r))),
  },
  { id: 'sparse_categorical_crossentropy', label: 'defaults', make: (r, framework) => indexed(r, framework === 'torch' ? logits(r) : probability(r)) },
  { id: 'sparse_categorical_crossentropy', label: 'from logits', params: { from_logits: true }, make: (r) => indexed(r, logits(r), 4) },
  { id: 'sparse_categorical_crossentropy', label: 'probabilities', params: { from_logits: false }, make: (r) => indexed(r, probability(r)) },
  {
    id: 'sparse_categorical_crossentropy',
    label: 'weight, ignore_index, label smoothing',
    params: { weight: [0.2, 1, 3], ignore_index: 1, label_smoothing: 0.1 },
    frameworks: ['torch'],
    make: (r) => pair([0, 1, 2, 2], matrix(4, 3, logits(r))),
  },
  { id: 'sparse_categorical_crossentropy', label: 'ignore_class', params: { ignore_index: 1 }, frameworks: ['keras', 'tfjs'], make: (r) => pair([0, 1, 2, 0], matrix(4, 3, probability(r))) },
  { id: 'nll_loss', label: 'log-probabilities', make: (r) => indexed(r, () => uniform(r, -5, 0)) },
  { id: 'nll_loss', label: 'weight and ignore_index', params: { weight: [0.2, 1, 3], ignore_index: 0 }, make: (r) => pair([0, 1, 2, 1], matrix(4, 3, () => uniform(r, -5, 0))) },
  {
    id: 'kl_divergence',
    label: 'defaults',
    make: (r, framework) => elementwise(r, () => uniform(r, 0, 1), framework === 'torch' ? () => uniform(r, -3, -0.05) : probability(r)),
  },
  { id: 'kl_divergence', label: 'log target', params: { log_target: true }, frameworks: ['torch'], make: (r) => elementwise(r, () => uniform(r, -4, 0), () => uniform(r, -4, 0)) },
  { id: 'kl_divergence', label: 'log-probability input', params: { input_is_log_prob: true }, make: (r) => elementwise(r, () => uniform(r, 0.05, 1), () => uniform(r, -3, -0.1)) },
  { id: 'kl_divergence', label: 'probability input', params: { input_is_log_prob: false }, make: (r) => elementwise(r, () => uniform(r, 0.05, 1), probability(r)) },
  { id: 'poisson', label: 'rates', make: (r) => elementwise(r, () => Math.floor(r() * 6), () => uniform(r, 0.1, 5)) },
  { id: 'poisson_nll', label: 'log rate', make: (r) => elementwise(r, () => Math.floor(r() * 6), () => uniform(r, -2, 2)) },
  { id: 'poisson_nll', label: 'rate, full', params: { log_input: false, full: true }, make: (r) => elementwise(r, () => Math.floor(r() * 6), () => uniform(r, 0.1, 5)) },
  {
    id: 'cosine_similarity',
    label: 'vectors',
    make: (r) => elementwise(r, () => uniform(r, -2, 2), () => uniform(r, -2, 2)),
  },
  { id: 'cosine_similarity', label: 'axis 0', params: { axis: 0 }, frameworks: ['keras', 'tfjs'], make: (r) => elementwise(r, () => uniform(r, -2, 2), () => uniform(r, -2, 2)) },
  { id: 'hinge', label: '±1 labels', make: (r) => elementwise(r, () => sign(r), () => uniform(r, -3, 3), (t, p) => away(t * p, 1)) },
  { id: 'hinge', label: '0/1 labels', params: { label_encoding: '0/1' }, frameworks: ['keras', 'tfjs'], make: (r) => elementwise(r, () => bit(r), () => uniform(r, -3, 3), (t, p) => away((2 * t - 1) * p, 1)) },
  { id: 'squared_hinge', label: '±1 labels', make: (r) => elementwise(r, () => sign(r), () => uniform(r, -3, 3), (t, p) => away(t * p, 1)) },
  {
    id: 'categorical_hinge',
    label: 'one-hot',
    make: (r) => {
      const rows = rowsOf(r);
      const cols = colsOf(r);
      const t = matrix(rows, cols, () => 0);
      const p = t.map((row) => {
        const hot = Math.floor(r() * cols);
        row[hot] = 1;
        return drawUntil(
          () => row.map(() => uniform(r, -2, 2)),
          (candidate) => {
            // The arg-max of (1 − y)·ŷ, including the true class's 0, must be unique, and the hinge away from 0.
            const scores = candidate.map((v, j) => (j === hot ? 0 : v));
            const sorted = [...scores].sort((a, b) => b - a);
            const v = sorted[0]! - candidate[hot]! + 1;
            return away(sorted[0]!, sorted[1]!) && away(v, 0);
          },
        );
      });
      return pair(t, p);
    },
  },
  { id: 'soft_margin_loss', label: '±1 labels', make: (r) => elementwise(r, () => sign(r), () => uniform(r, -3, 3)) },
  { id: 'multilabel_soft_margin_loss', label: 'multi-hot', make: (r) => elementwise(r, () => bit(r), () => uniform(r, -3, 3)) },
  { id: 'multilabel_soft_margin_loss', label: 'class weight', params: { weight: [0.5, 2, 1] }, make: (r) => pair(matrix(2, 3, () => bit(r)), matrix(2, 3, () => uniform(r, -3, 3))) },
  ...[
    { p: 1, margin: 1, weight: null },
    { p: 2, margin: 0.5, weight: [1, 2, 0.5, 1.5] },
  ].map((params): Scenario => ({
    id: 'multi_margin_loss',
    label: `p ${params.p}`,
    params,
    make: (r) => {
      const rows = rowsOf(r);
      const targets = Array.from({ length: rows }, () => Math.floor(r() * 4));
      const x = targets.map((k) =>
        drawUntil(() => Array.from({ length: 4 }, () => uniform(r, -2, 2)), (row) => row.every((v, j) => j === k || away(params.margin - row[k]! + v, 0))),
      );
      return pair(targets, x);
    },
  })),
  {
    id: 'multilabel_margin_loss',
    label: 'index lists',
    make: (r) => {
      const targets = [
        [3, 0, -1, -1],
        [1, 2, 3, -1],
      ];
      const x = targets.map((list) => {
        const members = list.filter((v) => v >= 0);
        return drawUntil(() => Array.from({ length: 4 }, () => uniform(r, -2, 2)), (row) => members.every((j) => row.every((v, d) => members.includes(d) || away(1 - row[j]! + v, 0))));
      });
      return pair(targets, x);
    },
  },
  { id: 'hinge_embedding_loss', label: '±1 labels', make: (r) => elementwise(r, () => sign(r), () => uniform(r, -2, 3), (_t, x) => away(x, 1)) },
  ...[0, 0.5].map((margin): Scenario => ({
    id: 'margin_ranking_loss',
    label: `margin ${margin}`,
    params: { margin },
    make: (r) => {
      const n = 6;
      const y = Array.from({ length: n }, () => sign(r));
      const x1 = Array.from({ length: n }, () => uniform(r, -2, 2));
      const x2 = x1.map((a, i) => drawUntil(() => uniform(r, -2, 2), (b) => away(-y[i]! * (a - b) + margin, 0)));
      return { yTrue: fromNested(y), yPred: fromNested(x1), yPred2: fromNested(x2) };
    },
  })),
  ...[0, 0.5].map((margin): Scenario => ({
    id: 'cosine_embedding_loss',
    label: `margin ${margin}`,
    params: { margin },
    make: (r) => {
      const rows = 3;
      const y = Array.from({ length: rows }, () => sign(r));
      const x1 = matrix(rows, 3, () => uniform(r, -2, 2));
      const x2 = x1.map((a, i) =>
        drawUntil(() => a.map(() => uniform(r, -2, 2)), (b) => {
          const cos = a.reduce((s, v, j) => s + v * b[j]!, 0) / Math.hypot(...a) / Math.hypot(...b);
          return y[i] === 1 || away(cos, margin);
        }),
      );
      return { yTrue: fromNested(y), yPred: fromNested(x1), yPred2: fromNested(x2) };
    },
  })),
  ...[
    { margin: 1, p: 2, swap: false },
    { margin: 0.5, p: 1, swap: true },
    { margin: 2, p: 3, swap: false },
  ].map((params): Scenario => ({
    id: 'triplet_margin_loss',
    label: `p ${params.p}${params.swap ? ', swap' : ''}`,
    params,
    make: (r) => {
      const norm = (u: number[]): number => (params.p === 1 ? u.reduce((s, v) => s + Math.abs(v + 1e-6), 0) : Math.pow(u.reduce((s, v) => s + Math.pow(Math.abs(v + 1e-6), params.p), 0), 1 / params.p));
      const diff = (a: number[], b: number[]): number[] => a.map((v, j) => v - b[j]!);
      const rows = 3;
      const anchor = matrix(rows, 3, () => uniform(r, -2, 2));
      const positive: number[][] = [];
      const negative: number[][] = [];
      for (const a of anchor) {
        const [pRow, nRow] = drawUntil(
          () => [a.map(() => uniform(r, -2, 2)), a.map(() => uniform(r, -2, 2))] as const,
          ([pv, nv]) => {
            const dAP = norm(diff(a, pv));
            const dAN = norm(diff(a, nv));
            const dPN = norm(diff(pv, nv));
            const dNeg = params.swap ? Math.min(dAN, dPN) : dAN;
            // p = 1 has a kink wherever a component of a difference is 0.
            const smooth = params.p !== 1 || [...diff(a, pv), ...diff(a, nv), ...diff(pv, nv)].every((v) => away(v, 0));
            return smooth && away(params.margin + dAP - dNeg, 0) && (!params.swap || away(dAN, dPN));
          },
        );
        positive.push([...pRow]);
        negative.push([...nRow]);
      }
      return { yTrue: null, yPred: fromNested(anchor), yPred2: fromNested(positive), yPred3: fromNested(negative) };
    },
  })),
];

/** The loss as one number: the reduced value, or the sum of an unreduced one. */
function objective(id: string, inputs: LossInputs, framework: Framework, params: Readonly<Record<string, ParamValue>>, reduction: Reduction): number {
  const { value } = evaluateLoss(id, inputs, { framework, params, reduction });
  let sum = 0;
  for (const v of value.data) sum += v;
  return sum;
}

function withReplaced(inputs: LossInputs, key: 'yPred' | 'yPred2' | 'yPred3', replacement: Tensor): LossInputs {
  return { ...inputs, [key]: replacement };
}

/**
 * Losses whose TF.js values are replayed in float32 (TF.js's own rounding): their central
 * differences need a wider step and a looser comparison under the TF.js profile.
 */
const float32ValuesUnderTfjs = new Set(['categorical_crossentropy', 'sparse_categorical_crossentropy', 'binary_focal_crossentropy', 'cosine_similarity']);

/** Compares the analytic gradient of every prediction input with central differences. */
function checkGradients(scenario: Scenario, inputs: LossInputs, framework: Framework, reduction: Reduction): void {
  const float32 = framework === 'tfjs' && float32ValuesUnderTfjs.has(scenario.id);
  const step = float32 ? 1e-3 : 1e-6;
  const [atol, rtol] = float32 ? [2e-4, 2e-3] : [2e-6, 2e-5];
  const params = scenario.params ?? {};
  const result = evaluateLoss(scenario.id, inputs, { framework, params, reduction });
  const keys = (['yPred', 'yPred2', 'yPred3'] as const).filter((key) => inputs[key] !== undefined);
  for (const key of keys) {
    const input = inputs[key]!;
    const analytic = key === 'yPred' ? result.grad : key === 'yPred2' ? result.gradExtra?.y_pred2 : result.gradExtra?.y_pred3;
    assert.ok(analytic, `${scenario.id}: no gradient for ${key}`);
    assert.deepEqual(analytic.shape, input.shape, `${scenario.id}: gradient shape for ${key}`);
    for (let i = 0; i < input.data.length; i++) {
      const x = input.data[i]!;
      const h = step * Math.max(1, Math.abs(x));
      const plus = Float64Array.from(input.data);
      const minus = Float64Array.from(input.data);
      plus[i] = x + h;
      minus[i] = x - h;
      const fPlus = objective(scenario.id, withReplaced(inputs, key, tensor(plus, input.shape)), framework, params, reduction);
      const fMinus = objective(scenario.id, withReplaced(inputs, key, tensor(minus, input.shape)), framework, params, reduction);
      const numeric = (fPlus - fMinus) / (2 * h);
      const exact = analytic.data[i]!;
      assert.ok(
        Math.abs(exact - numeric) <= atol + rtol * Math.abs(numeric),
        `${scenario.id} (${scenario.label}) ${framework} ${reduction}: d/d${key}[${i}] = ${exact}, central difference ${numeric}`,
      );
    }
  }
}

for (const scenario of scenarios) {
  const entry = LOSSES.find((e) => e.id === scenario.id);
  assert.ok(entry, `unknown loss ${scenario.id}`);
  for (const framework of scenario.frameworks ?? FRAMEWORKS) {
    test(`gradient of ${scenario.id} (${scenario.label}) matches central differences under ${framework}`, () => {
      const r = seeded(0x5eed + scenario.id.length * 131 + scenario.label.length * 7 + FRAMEWORKS.indexOf(framework));
      for (let point = 0; point < 6; point++) {
        const inputs = scenario.make(r, framework);
        for (const reduction of entry.reductions) checkGradients(scenario, inputs, framework, reduction);
      }
    });
  }
}

test('every loss has a finite-difference scenario', () => {
  const covered = new Set(scenarios.map((s) => s.id));
  for (const entry of LOSSES) assert.ok(covered.has(entry.id), `${entry.id} has no gradient scenario`);
});

/** A wrong shape for y_true (or for y_pred2 when the loss has no targets). */
function mismatched(scenario: Scenario, inputs: LossInputs): { inputs: LossInputs; wrong: Tensor } {
  const wrong = fromNested(matrix(5, 2, () => 0));
  if (!inputs.yTrue) return { inputs: { ...inputs, yPred2: wrong }, wrong };
  return { inputs: { ...inputs, yTrue: scenario.id === 'nll_loss' || inputs.yTrue.shape.length === 1 ? fromNested([0, 1, 2, 0, 1]) : wrong }, wrong };
}

for (const entry of LOSSES) {
  test(`${entry.id}: a shape mismatch is a localized error naming both shapes`, () => {
    const scenario = scenarios.find((s) => s.id === entry.id && !s.frameworks)!;
    for (const framework of FRAMEWORKS) {
      const inputs = scenario.make(seeded(7), framework);
      const broken = mismatched(scenario, inputs);
      const badShape = shapeText(broken.inputs.yTrue && broken.inputs.yTrue !== inputs.yTrue ? broken.inputs.yTrue.shape : broken.wrong.shape);
      const predShape = shapeText(inputs.yPred.shape);
      assert.throws(
        () => evaluateLoss(entry.id, broken.inputs, { framework, params: scenario.params ?? {}, reduction: 'mean' }),
        (error: unknown) => {
          assert.ok(error instanceof FormulaLensError, `${entry.id}: ${String(error)}`);
          for (const locale of ['en', 'zh-cn'] as const) {
            const message = error.localizedMessage(locale);
            assert.ok(message.includes(badShape) && message.includes(predShape), `${entry.id} ${locale}: "${message}" should name ${badShape} and ${predShape}`);
          }
          return true;
        },
      );
    }
  });
}

test('a loss that needs targets says so when y_true is missing', () => {
  assert.throws(() => evaluateLoss('mse', { yTrue: null, yPred: fromNested([1, 2]) }, { framework: 'torch' }), FormulaLensError);
  assert.throws(() => evaluateLoss('margin_ranking_loss', { yTrue: fromNested([1]), yPred: fromNested([1]) }, { framework: 'torch' }), /y_pred2/);
});

test('BCE at p = 0 with t = 1: torch clamps the log at -100, Keras and TF.js clip p to 1e-7', () => {
  const inputs = pair([1], [0]);
  const torch = evaluateLoss('binary_crossentropy', inputs, { framework: 'torch', reduction: 'mean' });
  assert.equal(torch.value.data[0], 100);
  // The backward pass divides by max(p(1 − p), 1e-12) with 1e-12 stored as float32.
  assert.equal(torch.grad.data[0], -1 / Math.fround(1e-12));
  const keras = evaluateLoss('binary_crossentropy', inputs, { framework: 'keras', reduction: 'mean' });
  assert.ok(Math.abs(keras.value.data[0]! - 16.11809565095832) < 1e-12, `keras: ${keras.value.data[0]}`);
  assert.equal(keras.grad.data[0], 0);
  const tfjs = evaluateLoss('binaryCrossentropy', inputs, { framework: 'tfjs', reduction: 'mean' });
  assert.ok(Math.abs(tfjs.value.data[0]! - 16.118095) < 1e-5, `tfjs: ${tfjs.value.data[0]}`);
  assert.equal(tfjs.grad.data[0], 0);
  // TF.js stores 1 − 1e-7 as float32 (0.99999988), so p = 1 with t = 0 saturates at 15.94.
  const tfjsOther = evaluateLoss('binary_crossentropy', pair([0], [1]), { framework: 'tfjs', reduction: 'mean' });
  assert.ok(Math.abs(tfjsOther.value.data[0]! - 15.942385) < 1e-5, `tfjs p = 1: ${tfjsOther.value.data[0]}`);
});

/** Inputs with magnitudes around 1e4 for losses whose framework stays finite there. */
const largeInputs: Record<string, () => LossInputs> = {
  mse: () => pair([1e4, -1e4], [-1e4, 1e4]),
  mae: () => pair([1e4, -1e4], [-1e4, 1e4]),
  huber: () => pair([1e4, -1e4], [-1e4, 1e4]),
  smooth_l1: () => pair([1e4, -1e4], [-1e4, 1e4]),
  log_cosh: () => pair([1e4, -1e4], [-1e4, 1e4]),
  mape: () => pair([1e4, -1e4], [-1e4, 1e4]),
  msle: () => pair([1e4, 0], [0, 1e4]),
  binary_crossentropy: () => ({ ...pair([1, 0, 1, 0], [1e4, -1e4, -1e4, 1e4]) }),
  binary_crossentropy_with_logits: () => pair([1, 0, 1, 0, 0.5], [1e4, -1e4, -1e4, 1e4, 1e4]),
  binary_focal_crossentropy: () => pair([1, 0, 1, 0], [1e4, -1e4, -1e4, 1e4]),
  categorical_crossentropy: () => pair([[0, 1, 0], [0.2, 0.3, 0.5]], [[1e4, -1e4, 0], [-1e4, 1e4, 1e4]]),
  sparse_categorical_crossentropy: () => pair([1, 2], [[1e4, -1e4, 0], [-1e4, 1e4, 1e4]]),
  nll_loss: () => pair([1, 2], [[0, -1e4, 0], [-1e4, 0, -1e4]]),
  kl_divergence: () => pair([[0.2, 0.8], [0.5, 0.5]], [[-1e4, -1], [-2, -1e4]]),
  poisson: () => pair([1e4, 0], [1e4, 1e4]),
  poisson_nll: () => pair([1e4, 0], [-1e4, 9]),
  cosine_similarity: () => pair([[1e4, -1e4, 3]], [[-1e4, 1e4, 1e4]]),
  hinge: () => pair([1, -1], [1e4, 1e4]),
  squared_hinge: () => pair([1, -1], [1e4, 1e4]),
  categorical_hinge: () => pair([[0, 1, 0]], [[1e4, -1e4, 3]]),
  soft_margin_loss: () => pair([1, -1], [-1e4, 1e4]),
  multilabel_soft_margin_loss: () => pair([[1, 0, 1]], [[1e4, -1e4, -1e4]]),
  multi_margin_loss: () => pair([0], [[1e4, -1e4, 1e4]]),
  multilabel_margin_loss: () => pair([[0, -1, -1]], [[1e4, -1e4, 1e4]]),
  hinge_embedding_loss: () => pair([1, -1], [1e4, -1e4]),
  margin_ranking_loss: () => ({ yTrue: fromNested([1, -1]), yPred: fromNested([1e4, -1e4]), yPred2: fromNested([-1e4, 1e4]) }),
  cosine_embedding_loss: () => ({ yTrue: fromNested([1, -1]), yPred: fromNested([[1e4, -1e4], [1e4, 1e4]]), yPred2: fromNested([[-1e4, 1e4], [1e4, 3]]) }),
  triplet_margin_loss: () => ({ yTrue: null, yPred: fromNested([[1e4, -1e4]]), yPred2: fromNested([[-1e4, 1e4]]), yPred3: fromNested([[1e4, 3]]) }),
};

test('losses stay finite at inputs of magnitude 1e4 wherever the framework does', () => {
  for (const entry of LOSSES) {
    const make = largeInputs[entry.id];
    assert.ok(make, `${entry.id} has no large-input check`);
    for (const framework of FRAMEWORKS) {
      // Logits where the loss would otherwise take probabilities.
      const params: Record<string, ParamValue> = ['binary_crossentropy', 'binary_focal_crossentropy', 'categorical_crossentropy', 'sparse_categorical_crossentropy'].includes(entry.id) ? { from_logits: true } : {};
      if (entry.id === 'kl_divergence') params['input_is_log_prob'] = true;
      const result = evaluateLoss(entry.id, make(), { framework, params, reduction: 'sum' });
      // torch's soft margin computes e^(−y·x) directly, so a confidently wrong y·x = −1e4 overflows in torch too.
      if (entry.id === 'soft_margin_loss') {
        assert.equal(result.value.data[0], Infinity, `${entry.id} ${framework}: torch overflows to +∞`);
        continue;
      }
      for (const v of result.value.data) assert.ok(Number.isFinite(v), `${entry.id} ${framework}: value ${v}`);
      for (const v of result.grad.data) assert.ok(Number.isFinite(v), `${entry.id} ${framework}: gradient ${v}`);
      for (const extra of Object.values(result.gradExtra ?? {})) for (const v of extra!.data) assert.ok(Number.isFinite(v), `${entry.id} ${framework}: extra gradient ${v}`);
    }
  }
});

test('poisson_nll with a log-rate above 709.78 overflows to +∞ as torch does', () => {
  const result = evaluateLoss('poisson_nll', pair([1], [800]), { framework: 'torch', reduction: 'sum' });
  assert.equal(result.value.data[0], Infinity);
});

test('torch mean is sum / count; Keras none is one value per sample and a scalar for 1-D input', () => {
  const inputs = pair([[0, 1, 2], [1, 1, 1]], [[0.5, 1, 3], [0, 2, 1]]);
  const sum = evaluateLoss('mse', inputs, { framework: 'torch', reduction: 'sum' }).value.data[0]!;
  const mean = evaluateLoss('mse', inputs, { framework: 'torch', reduction: 'mean' }).value.data[0]!;
  assert.ok(Math.abs(mean - sum / 6) < 1e-15);
  assert.deepEqual(evaluateLoss('mse', inputs, { framework: 'torch', reduction: 'none' }).value.shape, [2, 3]);
  const kerasNone = evaluateLoss('mse', inputs, { framework: 'keras', reduction: 'none' });
  assert.deepEqual(kerasNone.value.shape, [2]);
  const kerasSum = evaluateLoss('mse', inputs, { framework: 'keras', reduction: 'sum' }).value.data[0]!;
  assert.ok(Math.abs(kerasSum - sum / 3) < 1e-15, 'Keras sum adds per-sample means');
  assert.deepEqual(evaluateLoss('mse', pair([1, 2], [0, 0]), { framework: 'tfjs', reduction: 'none' }).value.shape, []);
  const kl = pair([[0.1, 0.9], [0.5, 0.5]], [[Math.log(0.2), Math.log(0.8)], [Math.log(0.6), Math.log(0.4)]]);
  const batchmean = evaluateLoss('kl_divergence', kl, { framework: 'torch', reduction: 'batchmean' }).value.data[0]!;
  const klSum = evaluateLoss('kl_divergence', kl, { framework: 'torch', reduction: 'sum' }).value.data[0]!;
  assert.ok(Math.abs(batchmean - klSum / 2) < 1e-15);
});

test('torch ignores every target: mean is NaN with zero gradients', () => {
  const result = evaluateLoss('nn.CrossEntropyLoss', pair([1, 1], [[1, 2, 0.5], [0, 0, 0]]), { framework: 'torch', params: { ignore_index: 1 }, reduction: 'mean' });
  assert.ok(Number.isNaN(result.value.data[0]));
  assert.ok(result.grad.data.every((g) => g === 0));
});

test('Keras converts all-0/1 hinge labels to ±1, TF.js does not', () => {
  const inputs = pair([0, 1], [0.5, 0.5]);
  assert.equal(evaluateLoss('hinge', inputs, { framework: 'keras', reduction: 'mean' }).value.data[0], 1);
  assert.equal(evaluateLoss('hinge', inputs, { framework: 'tfjs', reduction: 'mean' }).value.data[0], 0.75);
});

test('class-index targets must be integers inside the class range', () => {
  assert.throws(() => evaluateLoss('sparse_categorical_crossentropy', pair([0.5], [[1, 2, 3]]), { framework: 'torch' }), FormulaLensError);
  assert.throws(() => evaluateLoss('sparse_categorical_crossentropy', pair([3], [[1, 2, 3]]), { framework: 'keras' }), /0\.\.2/);
  assert.throws(() => evaluateLoss('binary_crossentropy', pair([1], [1.5]), { framework: 'torch' }), FormulaLensError);
});

test('a parameter of another framework is refused, not silently ignored', () => {
  assert.throws(() => evaluateLoss('bce', pair([1], [0.5]), { framework: 'torch', params: { label_smoothing: 0.1 } }), /label_smoothing/);
  assert.throws(() => evaluateLoss('bce', pair([1], [0.5]), { framework: 'keras', params: { weight: [2] } }), /weight/);
});

test('framework spellings resolve to the right loss and no two losses claim a name', () => {
  assert.equal(nameCollisions().size, 0, JSON.stringify([...nameCollisions()]));
  for (const entry of LOSSES) {
    for (const names of Object.values(entry.names)) for (const name of names as readonly string[]) assert.equal(resolveName(name)?.id, entry.id, name);
    for (const alias of entry.aliases) assert.equal(resolveName(alias)?.id, entry.id, alias);
  }
  assert.equal(resolveName('nn.CrossEntropyLoss')?.id, 'sparse_categorical_crossentropy');
  assert.equal(resolveName('tf.losses.softmaxCrossEntropy')?.id, 'categorical_crossentropy');
  assert.equal(resolveName('BCEWithLogitsLoss')?.id, 'binary_crossentropy_with_logits');
  assert.equal(resolveName('l1_loss')?.id, 'mae');
});

test('every parameter key the reference data uses is accepted', () => {
  for (const c of loadGoldenCases().filter((g) => g.kind === 'loss')) {
    const entry = LOSSES.find((e) => e.id === c.name);
    assert.ok(entry, c.name);
    for (const key of Object.keys(c.params)) assert.ok(entry.params.some((p) => p.name === key), `${c.name}: ${key}`);
  }
});

test('every loss documents itself in English and Simplified Chinese', () => {
  for (const entry of LOSSES) {
    for (const text of [entry.description, ...entry.notes.map((n) => n.text), ...entry.params.map((p) => p.description)]) {
      assert.ok(text.en.length > 10 && text['zh-cn'].length > 4, `${entry.id}: ${text.en}`);
      assert.ok(/[\u4e00-\u9fff]/.test(text['zh-cn']), `${entry.id}: zh-cn text has no Chinese: ${text['zh-cn']}`);
    }
    assert.ok(entry.formula.latex && entry.formula.text && entry.formula.derivativeLatex && entry.formula.derivativeText, entry.id);
    assert.ok(entry.reductions.includes('mean') && entry.reductions.includes('sum') && entry.reductions.includes('none'), entry.id);
    assert.equal(entry.reductions.includes('batchmean'), entry.id === 'kl_divergence', entry.id);
  }
});
