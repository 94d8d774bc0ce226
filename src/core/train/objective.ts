/**
 * Where the network meets the loss: the loss reads the output activation's values (composed path,
 * exactly as torch computes `loss_fn(sigmoid(z), t)`) or the logits (fused sigmoid/softmax + cross-entropy,
 * and any loss that takes logits), and the gradient arrives as d loss / d z of the last layer.
 */
import { backpropActivation, type LayerActivation } from './activation';
import type { LossConfig } from './config';
import { createTrainingLoss, type TrainingLoss } from './losses';
import type { Workspace } from './network';

/** How raw outputs become what the user sees (probabilities for classifiers that output logits). */
export type OutputTransform = 'none' | 'sigmoid' | 'softmax' | 'exp';

/** The loss bound to the output layer. */
export class Objective {
  readonly loss: TrainingLoss;
  /** The loss reads the last pre-activation (logits) rather than the activation. */
  readonly readsLogits: boolean;
  /** What turns the network's outputs into displayed predictions. */
  readonly transform: OutputTransform;
  /** Binary decision threshold on the raw outputs: 0 for logits and hinge scores, else 0.5. */
  readonly rawThreshold: number;
  /** The loss reads class labels as -1/1 (hinge losses, unless their label_encoding is 0/1). */
  readonly signedTargets: boolean;

  constructor(config: LossConfig, readonly output: LayerActivation) {
    this.loss = createTrainingLoss(config.kind, config.params, config.framework, config.reduction, config.fused ? true : undefined);
    this.readsLogits = config.fused;
    const logitsOut = this.loss.input === 'logits' && output.kind === 'identity';
    this.transform = logitsOut ? (this.loss.task === 'multiclass' ? 'softmax' : 'sigmoid') : output.kind === 'log_softmax' ? 'exp' : 'none';
    const hingeLoss = config.kind === 'hinge' || config.kind === 'squared_hinge';
    this.rawThreshold = this.transform === 'sigmoid' || hingeLoss ? 0 : 0.5;
    this.signedTargets = hingeLoss && config.params['label_encoding'] !== '0/1';
  }

  /** The divisor of a reduced loss over these rows. */
  denominator(targets: Float64Array, rows: number, cols: number): number {
    return this.loss.denominator(targets, rows, cols);
  }

  /**
   * The summed loss of the `rows` samples of the last forward pass. With `withGradient`, writes
   * gradScale * d(sum)/d z_last into `workspace.delta[last]` (and f'(z) into its derivative buffer).
   */
  accumulate(workspace: Workspace, targets: Float64Array, rows: number, cols: number, withGradient: boolean, gradScale: number): number {
    const last = workspace.z.length - 1;
    const input = this.readsLogits ? workspace.z[last]!.full : workspace.a[last]!.full;
    const delta = withGradient ? workspace.delta[last]!.full : null;
    const sum = this.loss.accumulate(input, targets, rows, cols, delta, gradScale);
    if (withGradient && !this.readsLogits) {
      const n = rows * cols;
      backpropActivation(this.output, workspace.z[last]!.view(n), workspace.a[last]!.view(n), workspace.delta[last]!.view(n), workspace.derivative[last]!.view(n), rows, cols);
    }
    return sum;
  }
}

/** Applies an output transform in place to `rows` rows of `cols` values. */
export function transformOutputs(transform: OutputTransform, values: Float64Array, rows: number, cols: number): void {
  const n = rows * cols;
  switch (transform) {
    case 'none':
      return;
    case 'sigmoid':
      for (let i = 0; i < n; i++) values[i] = 1 / (1 + Math.exp(-values[i]!));
      return;
    case 'exp':
      for (let i = 0; i < n; i++) values[i] = Math.exp(values[i]!);
      return;
    case 'softmax':
      for (let r = 0; r < rows; r++) {
        const offset = r * cols;
        let max = -Infinity;
        for (let c = 0; c < cols; c++) max = Math.max(max, values[offset + c]!);
        let total = 0;
        for (let c = 0; c < cols; c++) {
          const e = Math.exp(values[offset + c]! - max);
          values[offset + c] = e;
          total += e;
        }
        for (let c = 0; c < cols; c++) values[offset + c] = values[offset + c]! / total;
      }
      return;
  }
}

/**
 * Counts correct predictions among `rows` samples: argmax against the class for several outputs over
 * classes, else each output against its 0/1 (or -1/1) target with the thresholds (on raw outputs: 0 for logits).
 * Returns the number of correct decisions and writes the number of decisions into `counts[0]`.
 */
export function countCorrect(outputs: Float64Array, targets: Float64Array, rows: number, cols: number, targetLayout: 'columns' | 'class_index', rawThreshold: number, targetThreshold: number, multiclass: boolean, counts: Float64Array): number {
  let correct = 0;
  if (multiclass) {
    for (let r = 0; r < rows; r++) {
      const offset = r * cols;
      let best = 0;
      for (let c = 1; c < cols; c++) if (outputs[offset + c]! > outputs[offset + best]!) best = c;
      let label: number;
      if (targetLayout === 'class_index') label = targets[r]!;
      else {
        label = 0;
        for (let c = 1; c < cols; c++) if (targets[offset + c]! > targets[offset + label]!) label = c;
      }
      if (best === label) correct++;
    }
    counts[0] = rows;
    return correct;
  }
  const n = rows * cols;
  for (let i = 0; i < n; i++) {
    const predicted = outputs[i]! > rawThreshold;
    const actual = targets[i]! >= targetThreshold;
    if (predicted === actual) correct++;
  }
  counts[0] = n;
  return correct;
}
