/**
 * Fused, allocation-free batch loss kernels for training: each computes the summed loss of a batch
 * and d(loss)/d(input) in one pass over Float64Array buffers. The catalog's `evaluate` (which
 * allocates tensors) defines the semantics; these kernels reproduce it per framework profile
 * (torch clamping vs Keras/TF.js clipping...) and are tested against it.
 */
import type { Framework, ResolvedParams } from '../catalog/types';
import { absDerivative, clip, clipPasses, logCosh as logCoshValue, probabilityBounds } from '../kernels/lossMath';
import { semanticsFor } from '../kernels/lossParams';
import { sigmoid } from '../kernels/stableMath';
import { getEntry } from '../catalog/registry';

/** What a training task predicts. */
export type Task = 'regression' | 'binary' | 'multiclass';

/** The kernels the trainer has. */
export type TrainingLossKind =
  | 'mse' | 'mae' | 'huber' | 'smooth_l1' | 'log_cosh'
  | 'bce' | 'bce_logits' | 'focal' | 'hinge' | 'squared_hinge'
  | 'cce' | 'sparse_cce' | 'nll';

/** Catalog ids of the losses training supports, mapped to their kernel. */
export const TRAINING_LOSS_IDS: Readonly<Record<string, TrainingLossKind>> = {
  mse: 'mse',
  mae: 'mae',
  huber: 'huber',
  smooth_l1: 'smooth_l1',
  log_cosh: 'log_cosh',
  binary_crossentropy: 'bce',
  binary_crossentropy_with_logits: 'bce_logits',
  binary_focal_crossentropy: 'focal',
  hinge: 'hinge',
  squared_hinge: 'squared_hinge',
  categorical_crossentropy: 'cce',
  sparse_categorical_crossentropy: 'sparse_cce',
  nll_loss: 'nll',
};

/** Training reductions (torch `mean`/`sum`; under keras `sum` adds per-sample means). */
export type TrainingReduction = 'mean' | 'sum';

/** What a kernel reads as its input. */
export type LossInputKind = 'values' | 'probabilities' | 'logits' | 'log_probabilities';

/** A batch loss kernel bound to its parameters and framework profile. */
export interface TrainingLoss {
  readonly kind: TrainingLossKind;
  readonly framework: Framework;
  readonly task: Task;
  readonly input: LossInputKind;
  /** `columns`: one target per output (values, 0/1 labels, one-hot); `class_index`: one class index per row. */
  readonly targetLayout: 'columns' | 'class_index';
  /** The divisor that turns the summed loss of `rows` samples into the reduced loss. */
  denominator(target: Float64Array, rows: number, cols: number): number;
  /**
   * Returns the summed (weighted) loss over the first `rows` samples of `input` ([rows, cols] row-major)
   * and, when `grad` is given, writes gradScale * d(sum)/d(input) into it.
   */
  accumulate(input: Float64Array, target: Float64Array, rows: number, cols: number, grad: Float64Array | null, gradScale: number): number;
}

/** torch's BCELoss backward floor for p(1-p): the float32 constant 1e-12 (1e-12 is not a float32 value). */
export const TORCH_BCE_EPSILON = Math.fround(1e-12);
/** Keras and TF.js `backend.epsilon()`. */
export const KERAS_EPSILON = 1e-7;

function flag(params: ResolvedParams, name: string, fallback: boolean): boolean {
  const value = params[name];
  return typeof value === 'boolean' ? value : fallback;
}

function text(params: ResolvedParams, name: string, fallback: string): string {
  const value = params[name];
  return typeof value === 'string' ? value : fallback;
}

function num(params: ResolvedParams, name: string, fallback: number): number {
  const value = params[name];
  return typeof value === 'number' ? value : fallback;
}

function list(params: ResolvedParams, name: string): Float64Array | null {
  const value = params[name];
  if (typeof value === 'number') return Float64Array.of(value);
  if (!Array.isArray(value)) return null;
  return Float64Array.from((value as readonly (number | readonly number[])[]).flat() as number[]);
}

/** Weight for column `c` of a per-column (broadcast) weight vector. */
function columnWeight(weights: Float64Array | null, c: number): number {
  if (!weights) return 1;
  return weights.length === 1 ? weights[0]! : weights[c]!;
}

/** Whether the loss reads logits by default under a framework, when its params do not say. */
function defaultFromLogits(kind: TrainingLossKind, framework: Framework): boolean {
  if (kind === 'bce_logits') return true;
  if (kind === 'focal' || kind === 'cce' || kind === 'sparse_cce') return framework === 'torch';
  return false;
}

/** Whether the kernel for `id` with these params takes logits (the caller decides output fusion with it). */
export function lossTakesLogits(kind: TrainingLossKind, params: ResolvedParams, framework: Framework): boolean {
  if (kind === 'bce_logits') return true;
  if (kind === 'bce' || kind === 'focal' || kind === 'cce' || kind === 'sparse_cce') return flag(params, 'from_logits', defaultFromLogits(kind, framework));
  return false;
}

/** The task a loss kind trains for. */
export function taskOf(kind: TrainingLossKind): Task {
  switch (kind) {
    case 'bce': case 'bce_logits': case 'focal': case 'hinge': case 'squared_hinge':
      return 'binary';
    case 'cce': case 'sparse_cce': case 'nll':
      return 'multiclass';
    default:
      return 'regression';
  }
}

/** The catalog id of each kernel (for its framework list and exports). */
export const CATALOG_ID_OF: Readonly<Record<TrainingLossKind, string>> = Object.fromEntries(Object.entries(TRAINING_LOSS_IDS).map(([id, kind]) => [kind, id])) as Record<TrainingLossKind, string>;

/**
 * Which framework's definition a loss follows under a profile, as the catalog decides it: its own
 * semantics where the profile has the loss, else Keras for Keras-only losses and torch for torch-only ones.
 */
export function lossSemantics(kind: TrainingLossKind, framework: Framework): Framework {
  const entry = getEntry(CATALOG_ID_OF[kind]);
  return entry ? semanticsFor(entry.frameworks, framework) : framework;
}

/**
 * torch's mean over class-index targets: the summed weights of the targets that are not ignored
 * (their count without class weights).
 */
function indexTargetDenominator(weight: Float64Array | null, ignoreIndex: number | null): (t: Float64Array, rows: number) => number {
  return (t, rows) => {
    let total = 0;
    for (let r = 0; r < rows; r++) {
      const label = t[r]!;
      if (label !== ignoreIndex) total += weight ? weight[label]! : 1;
    }
    return total;
  };
}

function optionalNumber(params: ResolvedParams, name: string): number | null {
  const value = params[name];
  return typeof value === 'number' ? value : null;
}

/**
 * Builds the kernel of a training loss. `params` are catalog-resolved (canonical names);
 * `fromLogits` overrides the params' own `from_logits` (used when the trainer fuses an output sigmoid/softmax).
 */
export function createTrainingLoss(kind: TrainingLossKind, params: ResolvedParams, framework: Framework, reduction: TrainingReduction = 'mean', fromLogits?: boolean): TrainingLoss {
  const logits = fromLogits ?? lossTakesLogits(kind, params, framework);
  const semantics = lossSemantics(kind, framework);
  const keras = semantics !== 'torch';
  // Keras `sum` adds per-sample means (over the last axis); torch `sum` adds every element.
  const elementwiseDenominator = (_target: Float64Array, rows: number, cols: number): number =>
    reduction === 'mean' ? rows * cols : keras ? cols : 1;
  const rowDenominator = (_target: Float64Array, rows: number): number => (reduction === 'mean' ? rows : 1);
  const base = { kind, framework: semantics, task: taskOf(kind) } as const;
  const columns = { ...base, input: 'values', targetLayout: 'columns', denominator: elementwiseDenominator } as const;
  switch (kind) {
    case 'mse':
      return { ...columns, accumulate: mse };
    case 'mae':
      return { ...columns, accumulate: (x, t, r, c, g, s) => mae(x, t, r * c, g, s, semantics) };
    case 'huber': {
      const delta = num(params, 'delta', 1);
      return { ...columns, accumulate: (x, t, r, c, g, s) => huber(x, t, r * c, g, s, delta) };
    }
    case 'smooth_l1': {
      const beta = num(params, 'beta', 1);
      return { ...columns, accumulate: (x, t, r, c, g, s) => smoothL1(x, t, r * c, g, s, beta) };
    }
    case 'log_cosh':
      return { ...columns, accumulate: logCosh };
    case 'hinge':
    case 'squared_hinge': {
      const squared = kind === 'squared_hinge';
      const encoding = text(params, 'label_encoding', semantics === 'tfjs' ? '-1/1' : 'auto');
      const tfjs = semantics === 'tfjs';
      return { ...columns, accumulate: (x, t, r, c, g, s) => hinge(x, t, r * c, g, s, squared, encoding, tfjs) };
    }
    case 'bce':
    case 'bce_logits': {
      const weight = list(params, 'weight');
      const posWeight = list(params, 'pos_weight');
      const smoothing = keras ? num(params, 'label_smoothing', 0) : 0;
      if (logits) {
        return { ...base, input: 'logits', targetLayout: 'columns', denominator: elementwiseDenominator, accumulate: (x, t, r, c, g, s) => bceLogits(x, t, r, c, g, s, keras, smoothing, weight, posWeight) };
      }
      const { lower, upper } = probabilityBounds(semantics, num(params, 'epsilon', KERAS_EPSILON));
      const accumulate: TrainingLoss['accumulate'] = keras
        ? (x, t, r, c, g, s) => bceClipped(x, t, r, c, g, s, smoothing, lower, upper, weight)
        : (x, t, r, c, g, s) => bceTorch(x, t, r, c, g, s, weight);
      return { ...base, input: 'probabilities', targetLayout: 'columns', denominator: elementwiseDenominator, accumulate };
    }
    case 'focal': {
      const gamma = num(params, 'gamma', 2);
      const alpha = num(params, 'alpha', 0.25);
      const balance = flag(params, 'apply_class_balancing', !keras);
      const smoothing = keras ? num(params, 'label_smoothing', 0) : 0;
      const { lower, upper } = probabilityBounds(semantics, num(params, 'epsilon', KERAS_EPSILON));
      const accumulate: TrainingLoss['accumulate'] = keras
        ? (x, t, r, c, g, s) => focalKeras(x, t, r * c, g, s, logits, gamma, balance ? alpha : -1, smoothing, lower, upper)
        : (x, t, r, c, g, s) => focalTorch(x, t, r * c, g, s, logits, gamma, balance ? alpha : -1);
      return { ...base, input: logits ? 'logits' : 'probabilities', targetLayout: 'columns', denominator: elementwiseDenominator, accumulate };
    }
    case 'cce':
    case 'sparse_cce': {
      const sparse = kind === 'sparse_cce';
      const weight = keras ? null : list(params, 'weight');
      const smoothing = keras && sparse ? 0 : num(params, 'label_smoothing', 0);
      const ignore = sparse && !keras ? optionalNumber(params, 'ignore_index') : null;
      const targetLayout = sparse ? 'class_index' : 'columns';
      const denominator = sparse && (weight || ignore !== null) && reduction === 'mean' ? indexTargetDenominator(weight, ignore) : rowDenominator;
      let accumulate: TrainingLoss['accumulate'];
      if (logits) accumulate = (x, t, r, c, g, s) => softmaxCrossEntropy(x, t, r, c, g, s, sparse, smoothing, weight, keras, ignore);
      else if (!keras) accumulate = (x, t, r, c, g, s) => logProbabilityCrossEntropy(x, t, r, c, g, s, sparse, smoothing, weight, ignore);
      else {
        const { lower, upper } = probabilityBounds(semantics, num(params, 'epsilon', KERAS_EPSILON));
        const tfjs = semantics === 'tfjs';
        accumulate = sparse
          ? (x, t, r, c, g, s) => sparseCrossEntropyClipped(x, t, r, c, g, s, lower, upper, tfjs)
          : (x, t, r, c, g, s) => crossEntropyClipped(x, t, r, c, g, s, smoothing, lower, upper);
      }
      return { ...base, input: logits ? 'logits' : 'probabilities', targetLayout, denominator, accumulate };
    }
    case 'nll': {
      const weight = list(params, 'weight');
      const ignore = optionalNumber(params, 'ignore_index');
      const denominator = (weight || ignore !== null) && reduction === 'mean' ? indexTargetDenominator(weight, ignore) : rowDenominator;
      return { ...base, input: 'log_probabilities', targetLayout: 'class_index', denominator, accumulate: (x, t, r, c, g, s) => nll(x, t, r, c, g, s, weight, ignore) };
    }
    default: {
      const unreachable: never = kind;
      throw new Error(`unknown training loss ${String(unreachable)}`);
    }
  }
}

function mse(x: Float64Array, t: Float64Array, rows: number, cols: number, grad: Float64Array | null, scale: number): number {
  const n = rows * cols;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i]! - t[i]!;
    sum += d * d;
    if (grad) grad[i] = 2 * d * scale;
  }
  return sum;
}

function mae(x: Float64Array, t: Float64Array, n: number, grad: Float64Array | null, scale: number, framework: Framework): number {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i]! - t[i]!;
    sum += Math.abs(d);
    // d|d| at 0: torch sgn and TF sign give 0, TF.js step gives -1.
    if (grad) grad[i] = absDerivative(framework, d) * scale;
  }
  return sum;
}

function huber(x: Float64Array, t: Float64Array, n: number, grad: Float64Array | null, scale: number, delta: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i]! - t[i]!;
    const a = Math.abs(d);
    sum += a < delta ? 0.5 * d * d : delta * (a - 0.5 * delta);
    if (grad) grad[i] = (d < -delta ? -delta : d > delta ? delta : d) * scale;
  }
  return sum;
}

function smoothL1(x: Float64Array, t: Float64Array, n: number, grad: Float64Array | null, scale: number, beta: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i]! - t[i]!;
    const a = Math.abs(d);
    if (a < beta) {
      sum += (0.5 * d * d) / beta;
      if (grad) grad[i] = (d / beta) * scale;
    } else {
      sum += a - 0.5 * beta;
      if (grad) grad[i] = (d > 0 ? 1 : d < 0 ? -1 : d * 0) * scale;
    }
  }
  return sum;
}

function logCosh(x: Float64Array, t: Float64Array, rows: number, cols: number, grad: Float64Array | null, scale: number): number {
  const n = rows * cols;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i]! - t[i]!;
    sum += logCoshValue(d);
    if (grad) grad[i] = Math.tanh(d) * scale;
  }
  return sum;
}

/**
 * Keras/TF.js hinge and squared hinge. Labels: `auto` (Keras 3) turns an all-{0,1} batch into ±1,
 * `0/1` always does, `-1/1` (TF.js) never. At the kink 1 - y x = 0 Keras passes the gradient, TF.js does not.
 */
function hinge(x: Float64Array, t: Float64Array, n: number, grad: Float64Array | null, scale: number, squared: boolean, encoding: string, tfjs: boolean): number {
  let convert = encoding === '0/1';
  if (encoding === 'auto') {
    convert = true;
    for (let i = 0; i < n && convert; i++) convert = t[i] === 0 || t[i] === 1;
  }
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const y = convert ? 2 * t[i]! - 1 : t[i]!;
    const margin = 1 - y * x[i]!;
    const active = Math.max(margin, 0);
    sum += squared ? active * active : active;
    if (grad) {
      const upstream = squared ? 2 * active : 1;
      const gate = tfjs ? upstream * (margin > 0 ? 1 : 0) : margin >= 0 ? upstream : 0;
      grad[i] = -y * gate * scale;
    }
  }
  return sum;
}

/** torch BCELoss: log terms clamped at -100; the backward floors p(1-p) at the float32 1e-12. */
function bceTorch(p: Float64Array, t: Float64Array, rows: number, cols: number, grad: Float64Array | null, scale: number, weight: Float64Array | null): number {
  let sum = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const i = r * cols + c;
      const pi = p[i]!;
      const ti = t[i]!;
      const w = columnWeight(weight, c);
      const loss = (ti - 1) * Math.max(Math.log1p(-pi), -100) - ti * Math.max(Math.log(pi), -100);
      sum += w * loss;
      if (grad) grad[i] = ((w * (pi - ti)) / Math.max((1 - pi) * pi, TORCH_BCE_EPSILON)) * scale;
    }
  }
  return sum;
}

/** Keras / TF.js BCE on probabilities: p clipped to [eps, 1-eps]; the clip passes no gradient outside. */
function bceClipped(p: Float64Array, t: Float64Array, rows: number, cols: number, grad: Float64Array | null, scale: number, smoothing: number, lower: number, upper: number, weight: Float64Array | null): number {
  let sum = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const i = r * cols + c;
      const raw = p[i]!;
      const ti = t[i]! * (1 - smoothing) + 0.5 * smoothing;
      const w = columnWeight(weight, c);
      const pc = clip(raw, lower, upper);
      sum += -w * (ti * Math.log(pc) + (1 - ti) * Math.log1p(-pc));
      if (grad) grad[i] = w * ((pc - ti) / (pc * (1 - pc))) * clipPasses(raw, lower, upper) * scale;
    }
  }
  return sum;
}

/** BCE on logits: torch's max-shifted log-sum-exp form (with pos_weight), Keras' relu(x) - x t + log1p(e^-|x|). */
function bceLogits(x: Float64Array, t: Float64Array, rows: number, cols: number, grad: Float64Array | null, scale: number, keras: boolean, smoothing: number, weight: Float64Array | null, posWeight: Float64Array | null): number {
  let sum = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const i = r * cols + c;
      const xi = x[i]!;
      const w = columnWeight(weight, c);
      let loss: number;
      let g: number;
      if (keras) {
        const ti = t[i]! * (1 - smoothing) + 0.5 * smoothing;
        loss = Math.max(xi, 0) - xi * ti + Math.log1p(Math.exp(-Math.abs(xi)));
        g = sigmoid(xi) - ti;
      } else {
        const ti = t[i]!;
        const m = Math.max(-xi, 0);
        const logTerm = Math.log(Math.exp(-m) + Math.exp(-xi - m)) + m;
        if (posWeight) {
          const pw = columnWeight(posWeight, c);
          loss = (1 - ti) * xi + ((pw - 1) * ti + 1) * logTerm;
          const pt = pw * ti;
          g = (pt + 1 - ti) * sigmoid(xi) - pt;
        } else {
          loss = (1 - ti) * xi + logTerm;
          g = sigmoid(xi) - ti;
        }
      }
      sum += w * loss;
      if (grad) grad[i] = w * g * scale;
    }
  }
  return sum;
}

/**
 * torchvision sigmoid_focal_loss: ce(x, t) * (1 - p_t)^gamma, times alpha_t when alpha >= 0.
 * On probabilities (from_logits false) the same graph without the sigmoid: ce is torch BCELoss.
 */
function focalTorch(x: Float64Array, t: Float64Array, n: number, grad: Float64Array | null, scale: number, logits: boolean, gamma: number, alpha: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const xi = x[i]!;
    const ti = t[i]!;
    const p = logits ? sigmoid(xi) : xi;
    let ce: number;
    let dce: number;
    if (logits) {
      const m = Math.max(-xi, 0);
      ce = (1 - ti) * xi + Math.log(Math.exp(-m) + Math.exp(-xi - m)) + m;
      dce = p - ti;
    } else {
      ce = (ti - 1) * Math.max(Math.log1p(-p), -100) - ti * Math.max(Math.log(p), -100);
      dce = (p - ti) / Math.max((1 - p) * p, TORCH_BCE_EPSILON);
    }
    const pt = p * ti + (1 - p) * (1 - ti);
    const q = 1 - pt;
    const factor = Math.pow(q, gamma);
    const at = alpha >= 0 ? alpha * ti + (1 - alpha) * (1 - ti) : 1;
    sum += at * ce * factor;
    if (grad) {
      // d(1 - p_t)/dp = 1 - 2t; torch's pow backward is exponent * base^(exponent - 1), zero for exponent 0.
      const dFactor = gamma === 0 ? 0 : gamma * Math.pow(q, gamma - 1) * (1 - 2 * ti);
      const dp = logits ? p * (1 - p) : 1;
      grad[i] = at * (dce * factor + ce * dFactor * dp) * scale;
    }
  }
  return sum;
}

/** Keras 3 binary_focal_crossentropy: clipped BCE times (1 - p_t)^gamma with p_t from the unclipped p. */
function focalKeras(x: Float64Array, t: Float64Array, n: number, grad: Float64Array | null, scale: number, logits: boolean, gamma: number, alpha: number, smoothing: number, lower: number, upper: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const ti = t[i]! * (1 - smoothing) + 0.5 * smoothing;
    const p = logits ? sigmoid(x[i]!) : x[i]!;
    const pc = clip(p, lower, upper);
    const ce = -(ti * Math.log(pc) + (1 - ti) * Math.log1p(-pc));
    const dce = ((pc - ti) / (pc * (1 - pc))) * clipPasses(p, lower, upper);
    const q = 1 - (ti * p + (1 - ti) * (1 - p));
    const factor = Math.pow(q, gamma);
    const at = alpha >= 0 ? alpha * ti + (1 - alpha) * (1 - ti) : 1;
    sum += at * factor * ce;
    if (grad) {
      const dFactor = gamma === 0 ? 0 : gamma * Math.pow(q, gamma - 1) * (1 - 2 * ti);
      const dp = at * (dFactor * ce + factor * dce);
      grad[i] = (logits ? dp * p * (1 - p) : dp) * scale;
    }
  }
  return sum;
}

/**
 * Softmax cross-entropy from logits (torch cross_entropy, Keras from_logits): per row
 * -sum_c w_c t'_c log_softmax(x)_c with t' smoothed. torch's gradient is softmax * sum(w t') - w t';
 * TF's is softmax - t' (the two agree when the targets sum to 1). Index targets follow torch:
 * (1 - ls) w_y nll + ls/C sum_c w_c (-log p_c).
 */
function softmaxCrossEntropy(x: Float64Array, t: Float64Array, rows: number, cols: number, grad: Float64Array | null, scale: number, sparse: boolean, smoothing: number, weight: Float64Array | null, keras: boolean, ignoreIndex: number | null): number {
  let sum = 0;
  for (let r = 0; r < rows; r++) {
    const offset = r * cols;
    if (sparse && t[r] === ignoreIndex) {
      if (grad) grad.fill(0, offset, offset + cols);
      continue;
    }
    let max = -Infinity;
    for (let c = 0; c < cols; c++) max = Math.max(max, x[offset + c]!);
    let total = 0;
    for (let c = 0; c < cols; c++) total += Math.exp(x[offset + c]! - max);
    const logTotal = Math.log(total);
    let weightedTargets = 0;
    for (let c = 0; c < cols; c++) {
      const coefficient = targetCoefficient(t, offset, r, c, cols, sparse, smoothing, weight);
      // torch skips the non-target classes of an index target when there is no smoothing.
      if (!sparse || coefficient !== 0) sum -= coefficient * (x[offset + c]! - max - logTotal);
      weightedTargets += coefficient;
    }
    if (grad) {
      const mass = keras ? 1 : weightedTargets;
      for (let c = 0; c < cols; c++) {
        const coefficient = targetCoefficient(t, offset, r, c, cols, sparse, smoothing, weight);
        grad[offset + c] = (Math.exp(x[offset + c]! - max - logTotal) * mass - coefficient) * scale;
      }
    }
  }
  return sum;
}

/** The factor of -log p_c in a cross-entropy row: w_c t'_c, or for an index target torch's (1-ls) w_y [c = y] + ls/C w_c. */
function targetCoefficient(t: Float64Array, offset: number, row: number, c: number, cols: number, sparse: boolean, smoothing: number, weight: Float64Array | null): number {
  const share = smoothing / cols;
  const w = weight ? weight[c]! : 1;
  if (!sparse) return w * (t[offset + c]! * (1 - smoothing) + share);
  return (c === t[row] ? w * (1 - smoothing) : 0) + w * share;
}

/** torch cross-entropy with from_logits false: log p stands in for log_softmax (no clipping); d/dp = -coefficient / p. */
function logProbabilityCrossEntropy(p: Float64Array, t: Float64Array, rows: number, cols: number, grad: Float64Array | null, scale: number, sparse: boolean, smoothing: number, weight: Float64Array | null, ignoreIndex: number | null): number {
  let sum = 0;
  for (let r = 0; r < rows; r++) {
    const offset = r * cols;
    if (sparse && t[r] === ignoreIndex) {
      if (grad) grad.fill(0, offset, offset + cols);
      continue;
    }
    for (let c = 0; c < cols; c++) {
      const coefficient = targetCoefficient(t, offset, r, c, cols, sparse, smoothing, weight);
      const pc = p[offset + c]!;
      if (!sparse || coefficient !== 0) sum -= coefficient * Math.log(pc);
      if (grad) grad[offset + c] = (-coefficient * scale) / pc;
    }
  }
  return sum;
}

/**
 * Keras / TF.js categorical cross-entropy on probabilities: each row renormalized to sum 1, clipped to
 * [eps, 1-eps], then -sum t log q. The gradient goes back through the clip (zero outside) and the renormalization.
 */
function crossEntropyClipped(p: Float64Array, t: Float64Array, rows: number, cols: number, grad: Float64Array | null, scale: number, smoothing: number, lower: number, upper: number): number {
  let sum = 0;
  const share = smoothing / cols;
  for (let r = 0; r < rows; r++) {
    const offset = r * cols;
    let total = 0;
    for (let c = 0; c < cols; c++) total += p[offset + c]!;
    // First pass: the loss and sum_k g_k q_k, where g_k = d loss / d q_k.
    let gq = 0;
    for (let c = 0; c < cols; c++) {
      const q = p[offset + c]! / total;
      const qc = clip(q, lower, upper);
      const target = t[offset + c]! * (1 - smoothing) + share;
      sum -= target * Math.log(qc);
      const g = (-target / qc) * clipPasses(q, lower, upper);
      gq += g * q;
      if (grad) grad[offset + c] = g;
    }
    if (grad) {
      for (let c = 0; c < cols; c++) grad[offset + c] = ((grad[offset + c]! - gq) / total) * scale;
    }
  }
  return sum;
}

/**
 * Keras / TF.js sparse cross-entropy on probabilities. Keras clips p, then takes softmax cross-entropy of
 * log p (which renormalizes): log(sum c) - log c_y. TF.js clips, renormalizes, and clips again before the log.
 */
function sparseCrossEntropyClipped(p: Float64Array, t: Float64Array, rows: number, cols: number, grad: Float64Array | null, scale: number, lower: number, upper: number, tfjs: boolean): number {
  let sum = 0;
  for (let r = 0; r < rows; r++) {
    const offset = r * cols;
    const label = t[r]!;
    let total = 0;
    for (let c = 0; c < cols; c++) total += clip(p[offset + c]!, lower, upper);
    const clippedLabel = clip(p[offset + label]!, lower, upper);
    if (tfjs) {
      const q = clippedLabel / total;
      const q2 = clip(q, lower, upper);
      sum -= Math.log(q2);
      if (grad) {
        const gq = (-1 / q2) * clipPasses(q, lower, upper);
        for (let c = 0; c < cols; c++) grad[offset + c] = (((c === label ? gq : 0) - gq * q) / total) * clipPasses(p[offset + c]!, lower, upper) * scale;
      }
    } else {
      sum += Math.log(total) - Math.log(clippedLabel);
      if (grad) {
        for (let c = 0; c < cols; c++) {
          const cc = clip(p[offset + c]!, lower, upper);
          grad[offset + c] = ((cc / total - (c === label ? 1 : 0)) / cc) * clipPasses(p[offset + c]!, lower, upper) * scale;
        }
      }
    }
  }
  return sum;
}

/** torch nll_loss on log-probabilities with class-index targets (optionally class-weighted; ignore_index rows count nothing). */
function nll(x: Float64Array, t: Float64Array, rows: number, cols: number, grad: Float64Array | null, scale: number, weight: Float64Array | null, ignoreIndex: number | null): number {
  let sum = 0;
  for (let r = 0; r < rows; r++) {
    const label = t[r]!;
    if (label === ignoreIndex) {
      if (grad) grad.fill(0, r * cols, (r + 1) * cols);
      continue;
    }
    const w = weight ? weight[label]! : 1;
    sum -= w * x[r * cols + label]!;
    if (grad) {
      for (let c = 0; c < cols; c++) grad[r * cols + c] = c === label ? -w * scale : 0;
    }
  }
  return sum;
}
