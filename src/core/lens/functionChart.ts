/**
 * The chart a hover shows for a function: an activation's curve and derivative with its dead and saturated
 * zones, or a loss against the prediction for the targets that matter (0 and 1, ±1, the true class, or a
 * regression target). Data only; `chartSvg.ts` draws it. Built from the Playground's sampling code, so the
 * hover and the Playground agree to the last digit.
 */
import type { ActivationEntry, CatalogEntry, Framework, LossEntry, ResolvedParams } from '../catalog/types';
import { activationCurve, findFlatRegions, isElementwiseActivation, linspace, sampleCurve, curveAt, SATURATION_THRESHOLD, type FlatRegion } from '../curves';
import type { LocalizedText } from '../l10n';
import { catalogSweepLoss, defaultSweepRange, sweepIncompatibility, sweepLoss, type PredictionKind, type SweepLoss, type SweepTarget } from '../lossCurves';
import { tensor } from '../tensor';
import { lensMessages } from './messages';

/** The x-interval of activation charts: wide enough to show sigmoid saturating (|x| > 6.9) and ReLU6 capping. */
export const ACTIVATION_RANGE: readonly [number, number] = [-8, 8];
/** Samples per curve: smooth at hover size, small as a data URI. */
export const CHART_SAMPLES = 161;
/** Classes of the categorical loss chart. */
const CLASS_COUNT = 3;

/** One plotted curve. `role` decides its colour and dash; `label` is math (not translated) or a localized text. */
export interface PlannedCurve {
  readonly role: 'value' | 'derivative' | 'loss';
  /** Index among the loss curves (0, 1), for colours. */
  readonly index: number;
  readonly label: string | LocalizedText;
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  /** Gradient along the curve (the derivative for activations, d loss / d prediction for losses). */
  readonly gradients: Float64Array;
  /** Where that gradient is 0 or vanishing. */
  readonly zones: readonly FlatRegion[];
}

/** A chart ready to draw. */
export interface FunctionChart {
  readonly curves: readonly PlannedCurve[];
  readonly xRange: readonly [number, number];
  /** The variable on the x axis: x, p (a probability), z (a logit), log p or ŷ. */
  readonly variable: string;
  readonly caption: LocalizedText;
  readonly captionArgs: Readonly<Record<string, string | number>>;
}

/** The chart of an entry under a framework and parameters, or undefined when it has no one-variable picture. */
export function planFunctionChart(entry: CatalogEntry, framework: Framework, params: ResolvedParams): FunctionChart | undefined {
  try {
    return entry.kind === 'activation' ? activationChart(entry, framework, params) : lossChart(entry, framework, params);
  } catch {
    // Parameters the kernel rejects (checked elsewhere and reported in the hover) leave the chart out.
    return undefined;
  }
}

function activationChart(entry: ActivationEntry, framework: Framework, params: ResolvedParams): FunctionChart {
  const [min, max] = ACTIVATION_RANGE;
  const xs = linspace(min, max, CHART_SAMPLES);
  const captionArgs = { min, max };
  if (isElementwiseActivation(entry, framework, params)) {
    const curve = activationCurve(entry, framework, params);
    const samples = sampleCurve(curve, xs);
    const zones = findFlatRegions(xs, samples.derivatives, SATURATION_THRESHOLD, (x) => curveAt(curve, x).derivative);
    return {
      curves: [
        { role: 'value', index: 0, label: 'f(x)', xs, ys: samples.values, gradients: samples.derivatives, zones },
        { role: 'derivative', index: 0, label: 'f′(x)', xs, ys: samples.derivatives, gradients: samples.derivatives, zones: [] },
      ],
      xRange: ACTIVATION_RANGE,
      variable: 'x',
      caption: lensMessages.captionActivation,
      captionArgs,
    };
  }
  const vector = vectorSampler(entry, framework, params);
  const samples = vector(xs);
  const zones = findFlatRegions(xs, samples.derivatives, SATURATION_THRESHOLD, (x) => vector(Float64Array.of(x)).derivatives[0]!);
  return {
    curves: [
      { role: 'value', index: 0, label: 'f([x, 0])₀', xs, ys: samples.values, gradients: samples.derivatives, zones },
      { role: 'derivative', index: 0, label: '∂/∂x', xs, ys: samples.derivatives, gradients: samples.derivatives, zones: [] },
    ],
    xRange: ACTIVATION_RANGE,
    variable: 'x',
    caption: lensMessages.captionVectorActivation,
    captionArgs,
  };
}

/**
 * Samples a vector function (softmax, log_softmax, glu) on rows [x, 0]: the first output and its partial
 * derivative in x, from the vector-Jacobian product with upstream (1, 0, ...).
 */
function vectorSampler(entry: ActivationEntry, framework: Framework, params: ResolvedParams): (xs: Float64Array) => { values: Float64Array; derivatives: Float64Array } {
  return (xs) => {
    const count = xs.length;
    const rows = new Float64Array(count * 2);
    for (let i = 0; i < count; i++) rows[2 * i] = xs[i]!;
    const forward = entry.evaluate(tensor(rows, [count, 2]), { framework, params });
    const width = forward.value.data.length / count;
    const upstream = new Float64Array(forward.value.data.length);
    for (let i = 0; i < count; i++) upstream[i * width] = 1;
    const backward = entry.evaluate(tensor(rows.slice(), [count, 2]), { framework, params, upstream: tensor(upstream, forward.value.shape) });
    const values = new Float64Array(count);
    const derivatives = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      values[i] = forward.value.data[i * width]!;
      derivatives[i] = backward.grad.data[2 * i]!;
    }
    return { values, derivatives };
  };
}

/** The symbol of the swept prediction. */
function variableFor(expects: PredictionKind): string {
  switch (expects) {
    case 'probabilities':
      return 'p';
    case 'logits':
      return 'z';
    case 'log_probabilities':
      return 'log p';
    case 'values':
      return 'ŷ';
  }
}

/** The targets a loss is drawn for: both binary labels, the true class of three, or y = 0 for regression. */
function targetsFor(entry: LossEntry, expects: PredictionKind): { readonly targets: readonly SweepTarget[]; readonly labels: readonly (string | LocalizedText)[] } {
  switch (entry.targetKind) {
    case 'one_hot':
    case 'class_indices':
      return { targets: [{ problem: 'categorical', classCount: CLASS_COUNT, trueClass: 0 }], labels: [lensMessages.legendTrueClass] };
    case 'signs':
      return { targets: [{ problem: 'binary', label: 0 }, { problem: 'binary', label: 1 }], labels: ['y = −1', 'y = 1'] };
    case 'values':
      if (expects !== 'probabilities' && expects !== 'logits') return { targets: [{ problem: 'regression', value: 0 }], labels: ['y = 0'] };
      return { targets: [{ problem: 'binary', label: 0 }, { problem: 'binary', label: 1 }], labels: ['y = 0', 'y = 1'] };
    default:
      return { targets: [{ problem: 'binary', label: 0 }, { problem: 'binary', label: 1 }], labels: ['y = 0', 'y = 1'] };
  }
}

/**
 * What y_pred holds under resolved parameters. `from_logits` is handled by the sweep's own adapter; an
 * `input_is_log_prob` parameter (torch KLDivLoss defaults to true) means log-probabilities.
 */
function sweepExpects(base: PredictionKind, params: ResolvedParams): PredictionKind {
  return params['input_is_log_prob'] === true ? 'log_probabilities' : base;
}

function lossChart(entry: LossEntry, framework: Framework, params: ResolvedParams): FunctionChart | undefined {
  const adapted = catalogSweepLoss(entry, framework, params);
  const loss: SweepLoss = { ...adapted, expects: sweepExpects(adapted.expects, params) };
  const { targets, labels } = targetsFor(entry, loss.expects);
  const first = targets[0]!;
  if (sweepIncompatibility({ predictionInputs: entry.predictionInputs, targetKind: entry.targetKind, expects: loss.expects }, first.problem, false)) return undefined;
  const [min, max] = defaultSweepRange(first, loss.expects, false);
  const xs = linspace(min, max, CHART_SAMPLES);
  const curves: PlannedCurve[] = [];
  targets.forEach((target, index) => {
    // One sample, summed: the chart shows the loss of that sample whatever the reduction (mean of one = sum).
    const sweep = sweepLoss(loss, target, 'sum', xs);
    if (sweep.error) return;
    const gradientAt = (x: number) => sweepLoss(loss, target, 'sum', Float64Array.of(x)).gradients[0]!;
    const zones = findFlatRegions(xs, sweep.gradients, SATURATION_THRESHOLD, gradientAt);
    curves.push({ role: 'loss', index, label: labels[index]!, xs, ys: sweep.values, gradients: sweep.gradients, zones });
  });
  if (curves.length === 0) return undefined;
  const variable = variableFor(loss.expects);
  const captionArgs = { variable, labels: targets.length > 1 ? labels.filter((l): l is string => typeof l === 'string').map((l) => l.replace('y = ', '')).join(', ') : '', classes: CLASS_COUNT, target: 0 };
  let caption: LocalizedText;
  if (first.problem === 'categorical') {
    caption = loss.expects === 'logits' ? lensMessages.captionCategoricalLogits : loss.expects === 'log_probabilities' ? lensMessages.captionCategoricalLogProbabilities : lensMessages.captionCategoricalProbabilities;
  } else if (first.problem === 'regression') caption = lensMessages.captionRegression;
  else caption = lensMessages.captionBinary;
  return { curves, xRange: [min, max], variable, caption, captionArgs };
}
