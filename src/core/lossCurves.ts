/**
 * Loss curves for the Playground's loss explorer: a loss and its gradient as one prediction sweeps a range,
 * for a fixed target, with the framework's own semantics (Keras clips probabilities to [1e-7, 1-1e-7],
 * torch clamps log terms at -100). Optionally the sweep variable is a logit z that goes through an output
 * activation first, which shows why cross-entropy keeps the gradient alive where MSE on a sigmoid stalls.
 * Losses of several predictions sweep the one quantity they compare (see pairedSweeps.ts).
 */
import type { ActivationEntry, Framework, InputComparison, LossEntry, Reduction, ResolvedParams, TargetKind } from './catalog/types';
import { tensor, type Tensor } from './tensor';
import { isElementwiseActivation } from './curves';
import { defaultPairedRange, isPairedProblem, pairedComparison, pairedPoint, type PairedTarget } from './pairedSweeps';

/** What a loss's prediction input holds. */
export type PredictionKind = LossEntry['predictionKind'];

/**
 * The target side of a sweep. The pair problems sweep a quantity of several predictions: the score
 * difference x1 − x2 or the cosine of two embeddings for a ±1 label, or the anchor–positive distance of a
 * triplet whose anchor–negative distance is fixed.
 */
export type SweepTarget =
  | { readonly problem: 'binary'; readonly label: 0 | 1 }
  | { readonly problem: 'categorical'; readonly classCount: number; readonly trueClass: number }
  | { readonly problem: 'regression'; readonly value: number }
  | { readonly problem: 'rankingPair'; readonly sign: 1 | -1 }
  | { readonly problem: 'embeddingPair'; readonly sign: 1 | -1 }
  | { readonly problem: 'triplet'; readonly negativeDistance: number };

/** The problems whose x is one prediction. */
type SinglePredictionTarget = Exclude<SweepTarget, PairedTarget>;

/** A loss as the sweep sees it: catalog entries and custom formulas both adapt to this. */
export interface SweepLoss {
  /** What y_pred must hold (a `from_logits` parameter turns probabilities into logits). */
  readonly expects: PredictionKind;
  readonly targetKind: TargetKind;
  /** How a loss of several predictions compares them; absent for a loss of one prediction. */
  readonly inputComparison?: InputComparison;
  /**
   * Loss value (all elements summed when unreduced) and d loss / d each prediction (y_pred, then y_pred2 and
   * y_pred3 for multi-input losses). y_true is null for losses without a target. Throws on invalid input.
   */
  evaluate(yTrue: Tensor | null, predictions: readonly Tensor[], reduction: Reduction): { readonly value: number; readonly grads: readonly Float64Array[] };
}

/** An output activation between the swept logit and the loss. */
export interface OutputActivation {
  readonly entry: ActivationEntry;
  readonly framework: Framework;
  readonly params: ResolvedParams;
}

/** Why a loss cannot be drawn for a problem, or `undefined` when it can. */
export type SweepIncompatibility = 'target' | 'inputs' | 'logProbabilitiesThroughActivation';

/** One loss's sweep: values and d loss / d x along the sweep; NaN where the loss rejected the input. */
export interface LossSweep {
  readonly values: Float64Array;
  readonly gradients: Float64Array;
  /** The first error the loss raised, when it rejected every point. */
  readonly error?: Error;
}

/** Target kinds each single-prediction problem can express. `signs` takes the binary label as ±1. */
const TARGETS_BY_PROBLEM: Readonly<Record<SinglePredictionTarget['problem'], readonly TargetKind[]>> = {
  binary: ['binary', 'probabilities', 'values', 'signs'],
  categorical: ['one_hot', 'class_indices', 'class_index_lists', 'probabilities', 'values'],
  regression: ['values'],
};

/**
 * What y_pred holds under resolved parameters: a `from_logits` parameter decides between logits and
 * probabilities (torch cross-entropy defaults to logits, Keras to probabilities); otherwise the entry's kind.
 */
export function effectivePredictionKind(kind: PredictionKind, params: ResolvedParams): PredictionKind {
  const fromLogits = params['from_logits'];
  if (typeof fromLogits !== 'boolean') return kind;
  if (fromLogits) return 'logits';
  return kind === 'logits' ? 'probabilities' : kind;
}

/** Adapts a catalog loss under a framework and resolved parameters. */
export function catalogSweepLoss(entry: LossEntry, framework: Framework, params: ResolvedParams): SweepLoss {
  const expects = effectivePredictionKind(entry.predictionKind, params);
  return {
    expects,
    targetKind: entry.targetKind,
    inputComparison: entry.inputComparison,
    evaluate(yTrue, [yPred, yPred2, yPred3], reduction) {
      const result = entry.evaluate({ yTrue, yPred: yPred!, yPred2, yPred3 }, { framework, params, reduction });
      let value = 0;
      for (let i = 0; i < result.value.data.length; i++) value += result.value.data[i]!;
      const grads = [result.grad.data];
      for (const [input, grad] of [[yPred2, result.gradExtra?.y_pred2], [yPred3, result.gradExtra?.y_pred3]] as const) {
        if (!input) break;
        if (!grad) throw new Error(`${entry.id} returned no gradient for one of its inputs.`);
        grads.push(grad.data);
      }
      return { value, grads };
    },
  };
}

/**
 * Why a loss cannot be swept for a problem, or undefined when it can: a pair problem draws the losses
 * that compare their inputs its way; the other problems need one prediction input, a target they can
 * express and no log-probability input behind an output activation.
 */
export function sweepIncompatibility(
  loss: { readonly predictionInputs: number; readonly targetKind: TargetKind; readonly expects: PredictionKind; readonly inputComparison?: InputComparison },
  problem: SweepTarget['problem'],
  throughActivation: boolean,
): SweepIncompatibility | undefined {
  if (isPairedProblem(problem)) return loss.inputComparison === pairedComparison(problem) ? undefined : 'inputs';
  if (loss.predictionInputs !== 1 || loss.inputComparison !== undefined) return 'inputs';
  if (!TARGETS_BY_PROBLEM[problem].includes(loss.targetKind)) return 'target';
  if (throughActivation && loss.expects === 'log_probabilities') return 'logProbabilitiesThroughActivation';
  return undefined;
}

/** A sensible sweep range for a prediction kind (the logit axis when an output activation is used). */
export function defaultSweepRange(target: SweepTarget, expects: PredictionKind, throughActivation: boolean): readonly [number, number] {
  if (isPairedTarget(target)) return defaultPairedRange(target);
  if (throughActivation || expects === 'logits') return [-10, 10];
  if (expects === 'log_probabilities') return [-10, 0];
  if (target.problem === 'regression') return [target.value - 3, target.value + 3];
  if (expects === 'probabilities') return [0, 1];
  return target.problem === 'binary' ? [-1, 2] : [0, 1];
}

function isPairedTarget(target: SweepTarget): target is PairedTarget {
  return isPairedProblem(target.problem);
}

/** The y_true tensor of a single-sample batch. */
export function targetTensor(target: SinglePredictionTarget, targetKind: TargetKind): Tensor {
  switch (target.problem) {
    case 'binary':
      return tensor(Float64Array.of(targetKind === 'signs' ? 2 * target.label - 1 : target.label), [1]);
    case 'regression':
      return tensor(Float64Array.of(target.value), [1]);
    case 'categorical': {
      if (targetKind === 'class_indices') return tensor(Float64Array.of(target.trueClass), [1]);
      if (targetKind === 'class_index_lists') {
        // The true class is the one listed label; −1 ends the list.
        const list = new Float64Array(target.classCount).fill(-1);
        list[0] = target.trueClass;
        return tensor(list, [1, target.classCount]);
      }
      const oneHot = new Float64Array(target.classCount);
      oneHot[target.trueClass] = 1;
      return tensor(oneHot, [1, target.classCount]);
    }
  }
}

/**
 * Writes the prediction vector for sweep position x and its derivative d y_pred / d x.
 * Categorical sweeps move the true class: probabilities share the rest equally, logits keep the
 * other classes at 0, log-probabilities share the remaining mass equally.
 */
function directPrediction(target: SinglePredictionTarget, expects: PredictionKind, x: number, prediction: Float64Array, slope: Float64Array): void {
  if (target.problem !== 'categorical') {
    prediction[0] = x;
    slope[0] = 1;
    return;
  }
  const others = target.classCount - 1;
  for (let j = 0; j < target.classCount; j++) {
    if (j === target.trueClass) {
      prediction[j] = x;
      slope[j] = 1;
    } else if (expects === 'logits') {
      prediction[j] = 0;
      slope[j] = 0;
    } else if (expects === 'log_probabilities') {
      // log((1 - e^x) / (C - 1)) and its derivative -e^x / (1 - e^x).
      prediction[j] = Math.log(-Math.expm1(x)) - Math.log(others);
      slope[j] = -Math.exp(x) / -Math.expm1(x);
    } else {
      prediction[j] = (1 - x) / others;
      slope[j] = -1 / others;
    }
  }
}

/** Runs `pointAt` (which writes value and gradient) at every x; NaN where it throws, and the error when all threw. */
function sweepPoints(xs: Float64Array, pointAt: (x: number, out: Float64Array) => void): LossSweep {
  const values = new Float64Array(xs.length);
  const gradients = new Float64Array(xs.length);
  const out = new Float64Array(2);
  let failures = 0;
  let firstError: Error | undefined;
  for (let i = 0; i < xs.length; i++) {
    try {
      pointAt(xs[i]!, out);
      values[i] = out[0]!;
      gradients[i] = out[1]!;
    } catch (error) {
      failures++;
      firstError ??= error instanceof Error ? error : new Error(String(error));
      values[i] = NaN;
      gradients[i] = NaN;
    }
  }
  return failures === xs.length && firstError ? { values, gradients, error: firstError } : { values, gradients };
}

/**
 * Evaluates a loss of one prediction at sweep positions. Without an output activation x is the prediction
 * itself (in the loss's own input space). With one, x is a logit z: losses that take logits get z, the others
 * get activation(z), and the gradient is d loss / d z by the chain rule through the activation.
 */
function predictionPoint(loss: SweepLoss, target: SinglePredictionTarget, reduction: Reduction, activation?: OutputActivation): (x: number, out: Float64Array) => void {
  const width = target.problem === 'categorical' ? target.classCount : 1;
  const shape = target.problem === 'categorical' ? [1, width] : [1];
  const yTrue = targetTensor(target, loss.targetKind);
  const logits = new Float64Array(width);
  const slope = new Float64Array(width);
  const applyActivation = activation !== undefined && loss.expects !== 'logits';
  if (applyActivation && loss.expects === 'log_probabilities') {
    throw new Error('A loss on log-probabilities cannot take an activation output; check sweepIncompatibility first.');
  }
  const elementwise = activation ? isElementwiseActivation(activation.entry, activation.framework, activation.params) : true;
  return (x, out) => {
    if (!applyActivation) {
      // Logit sweeps feed z to logit losses like a direct sweep over logits.
      directPrediction(target, activation ? 'logits' : loss.expects, x, logits, slope);
      const result = loss.evaluate(yTrue, [tensor(logits.slice(), shape)], reduction);
      const grad = result.grads[0]!;
      out[0] = result.value;
      // Starting from the first term (not 0) keeps the sign of a zero gradient, as the frameworks report it.
      let gradient = grad[0]! * slope[0]!;
      for (let j = 1; j < width; j++) gradient += grad[j]! * slope[j]!;
      out[1] = gradient;
      return;
    }
    directPrediction(target, 'logits', x, logits, slope);
    const options = { framework: activation!.framework, params: activation!.params };
    const activated = activation!.entry.evaluate(tensor(logits.slice(), shape), options);
    const result = loss.evaluate(yTrue, [tensor(activated.value.data.slice(), shape)], reduction);
    const grad = result.grads[0]!;
    out[0] = result.value;
    const moving = target.problem === 'categorical' ? target.trueClass : 0;
    if (elementwise) {
      out[1] = grad[moving]! * activated.grad.data[moving]!;
    } else {
      // Vector activations (softmax) give upstream^T J; its component for the moving logit is d loss / d z.
      const vjp = activation!.entry.evaluate(tensor(logits.slice(), shape), { ...options, upstream: tensor(Float64Array.from(grad), shape) });
      out[1] = vjp.grad.data[moving]!;
    }
  };
}

/**
 * Sweeps one loss over `xs`: a prediction (or a logit z through `activation`) for the binary, categorical and
 * regression problems, the compared quantity for the pair problems (which take no activation).
 */
export function sweepLoss(loss: SweepLoss, target: SweepTarget, reduction: Reduction, xs: Float64Array, activation?: OutputActivation): LossSweep {
  if (!isPairedTarget(target)) return sweepPoints(xs, predictionPoint(loss, target, reduction, activation));
  if (activation) throw new Error('Pair problems sweep a compared quantity, not a logit; they take no output activation.');
  return sweepPoints(xs, pairedPoint(loss, target, reduction));
}
