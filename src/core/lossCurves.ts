/**
 * Loss curves for the Playground's loss explorer: a loss and its gradient as one prediction sweeps a range,
 * for a fixed target, with the framework's own semantics (Keras clips probabilities to [1e-7, 1-1e-7],
 * torch clamps log terms at -100). Optionally the sweep variable is a logit z that goes through an output
 * activation first, which shows why cross-entropy keeps the gradient alive where MSE on a sigmoid stalls.
 */
import type { ActivationEntry, Framework, LossEntry, Reduction, ResolvedParams, TargetKind } from './catalog/types';
import { tensor, type Tensor } from './tensor';
import { isElementwiseActivation } from './curves';

/** What a loss's prediction input holds. */
export type PredictionKind = LossEntry['predictionKind'];

/** The target side of a sweep. */
export type SweepTarget =
  | { readonly problem: 'binary'; readonly label: 0 | 1 }
  | { readonly problem: 'categorical'; readonly classCount: number; readonly trueClass: number }
  | { readonly problem: 'regression'; readonly value: number };

/** A loss as the sweep sees it: catalog entries and custom formulas both adapt to this. */
export interface SweepLoss {
  /** What y_pred must hold (a `from_logits` parameter turns probabilities into logits). */
  readonly expects: PredictionKind;
  readonly targetKind: TargetKind;
  /** Loss value (all elements summed when unreduced) and d loss / d y_pred. Throws on invalid input. */
  evaluate(yTrue: Tensor, yPred: Tensor, reduction: Reduction): { readonly value: number; readonly grad: Float64Array };
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

/** Target kinds each problem can express. `signs` takes the binary label as ±1. */
const TARGETS_BY_PROBLEM: Readonly<Record<SweepTarget['problem'], readonly TargetKind[]>> = {
  binary: ['binary', 'probabilities', 'values', 'signs'],
  categorical: ['one_hot', 'class_indices', 'probabilities', 'values'],
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
    evaluate(yTrue, yPred, reduction) {
      const result = entry.evaluate({ yTrue, yPred }, { framework, params, reduction });
      let value = 0;
      for (let i = 0; i < result.value.data.length; i++) value += result.value.data[i]!;
      return { value, grad: result.grad.data };
    },
  };
}

/**
 * Why a loss cannot be swept for a problem (one prediction input, a target the problem can express,
 * and no log-probability input behind an output activation), or undefined when it can.
 */
export function sweepIncompatibility(
  loss: { readonly predictionInputs: number; readonly targetKind: TargetKind; readonly expects: PredictionKind },
  problem: SweepTarget['problem'],
  throughActivation: boolean,
): SweepIncompatibility | undefined {
  if (loss.predictionInputs !== 1) return 'inputs';
  if (!TARGETS_BY_PROBLEM[problem].includes(loss.targetKind)) return 'target';
  if (throughActivation && loss.expects === 'log_probabilities') return 'logProbabilitiesThroughActivation';
  return undefined;
}

/** A sensible sweep range for a prediction kind (the logit axis when an output activation is used). */
export function defaultSweepRange(target: SweepTarget, expects: PredictionKind, throughActivation: boolean): readonly [number, number] {
  if (throughActivation || expects === 'logits') return [-10, 10];
  if (expects === 'log_probabilities') return [-10, 0];
  if (target.problem === 'regression') return [target.value - 3, target.value + 3];
  if (expects === 'probabilities') return [0, 1];
  return target.problem === 'binary' ? [-1, 2] : [0, 1];
}

/** The y_true tensor of a single-sample batch. */
export function targetTensor(target: SweepTarget, targetKind: TargetKind): Tensor {
  switch (target.problem) {
    case 'binary':
      return tensor(Float64Array.of(targetKind === 'signs' ? 2 * target.label - 1 : target.label), [1]);
    case 'regression':
      return tensor(Float64Array.of(target.value), [1]);
    case 'categorical': {
      if (targetKind === 'class_indices') return tensor(Float64Array.of(target.trueClass), [1]);
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
function directPrediction(target: SweepTarget, expects: PredictionKind, x: number, prediction: Float64Array, slope: Float64Array): void {
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

/**
 * Sweeps one loss over `xs`. Without an output activation x is the prediction itself (in the loss's own
 * input space). With one, x is a logit z: losses that take logits get z, the others get activation(z),
 * and the gradient is d loss / d z by the chain rule through the activation.
 */
export function sweepLoss(loss: SweepLoss, target: SweepTarget, reduction: Reduction, xs: Float64Array, activation?: OutputActivation): LossSweep {
  const width = target.problem === 'categorical' ? target.classCount : 1;
  const shape = target.problem === 'categorical' ? [1, width] : [1];
  const yTrue = targetTensor(target, loss.targetKind);
  const logits = new Float64Array(width);
  const slope = new Float64Array(width);
  const values = new Float64Array(xs.length);
  const gradients = new Float64Array(xs.length);
  const applyActivation = activation !== undefined && loss.expects !== 'logits';
  if (applyActivation && loss.expects === 'log_probabilities') {
    throw new Error('A loss on log-probabilities cannot take an activation output; check sweepIncompatibility first.');
  }
  const elementwise = activation ? isElementwiseActivation(activation.entry, activation.framework, activation.params) : true;
  let failures = 0;
  let firstError: Error | undefined;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    try {
      if (!applyActivation) {
        // Logit sweeps feed z to logit losses like a direct sweep over logits.
        directPrediction(target, activation ? 'logits' : loss.expects, x, logits, slope);
        const result = loss.evaluate(yTrue, tensor(logits.slice(), shape), reduction);
        values[i] = result.value;
        // Starting from the first term (not 0) keeps the sign of a zero gradient, as the frameworks report it.
        let gradient = result.grad[0]! * slope[0]!;
        for (let j = 1; j < width; j++) gradient += result.grad[j]! * slope[j]!;
        gradients[i] = gradient;
        continue;
      }
      directPrediction(target, 'logits', x, logits, slope);
      const options = { framework: activation!.framework, params: activation!.params };
      const activated = activation!.entry.evaluate(tensor(logits.slice(), shape), options);
      const result = loss.evaluate(yTrue, tensor(activated.value.data.slice(), shape), reduction);
      values[i] = result.value;
      const moving = target.problem === 'categorical' ? target.trueClass : 0;
      if (elementwise) {
        gradients[i] = result.grad[moving]! * activated.grad.data[moving]!;
      } else {
        // Vector activations (softmax) give upstream^T J; its component for the moving logit is d loss / d z.
        const vjp = activation!.entry.evaluate(tensor(logits.slice(), shape), { ...options, upstream: tensor(Float64Array.from(result.grad), shape) });
        gradients[i] = vjp.grad.data[moving]!;
      }
    } catch (error) {
      failures++;
      firstError ??= error instanceof Error ? error : new Error(String(error));
      values[i] = NaN;
      gradients[i] = NaN;
    }
  }
  return failures === xs.length && firstError ? { values, gradients, error: firstError } : { values, gradients };
}
