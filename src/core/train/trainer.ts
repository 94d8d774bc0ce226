/**
 * The training loop: seeded mini-batches, forward, loss, backward, regularization, optimizer update,
 * per-step diagnostics and divergence handling. Every buffer is allocated in the constructor, so
 * `step()` allocates nothing.
 */
import type { LocalizedText } from '../l10n';
import { localize } from '../l10n';
import type { TrainingConfig } from './config';
import { prepareData, type DataSplit, type PreparedData } from './data';
import { trainMessages } from './messages';
import { createNetwork, initializeNetwork, readParams } from './model';
import { backward, forward, Network, Workspace } from './network';
import { countCorrect, Objective, transformOutputs } from './objective';
import { createOptimizer, type Optimizer } from './optimizers';
import { createRandom, deriveSeed, type Random } from './random';
import { parseTrainingConfig } from './validate';
import { toWeightsJson, type WeightsJson } from './weights';

/** Rows evaluated at once when measuring whole splits. */
const EVALUATION_ROWS = 256;
/** |f'(z)| below this for a whole batch marks a unit as saturated. */
export const SATURATION_THRESHOLD = 1e-3;

/** Loss and accuracy over a split. */
export interface SplitMetrics {
  readonly loss: number;
  /** Fraction of correct decisions; null for real-valued labels. */
  readonly accuracy: number | null;
}

/** Loss and accuracy on the training and test splits. */
export interface Metrics {
  readonly train: SplitMetrics;
  readonly test: SplitMetrics | null;
}

/** What the live views show for the last step, per layer (hidden layers, then the output layer). */
export interface StepDiagnostics {
  readonly step: number;
  readonly epoch: number;
  /** Loss of the last batch, before its update (data loss plus the regularization penalty). */
  readonly loss: number;
  /** L2 norm of each layer's weight and bias gradients. */
  readonly gradientNorms: readonly number[];
  /** L2 norm of each layer's weights. */
  readonly weightNorms: readonly number[];
  /** Share of units whose output and derivative were exactly 0 for every sample of the batch (dead ReLUs). */
  readonly deadFraction: readonly number[];
  /** Share of units, not dead, whose |f'(z)| stayed below 1e-3 for every sample of the batch (saturated sigmoid/tanh). */
  readonly saturatedFraction: readonly number[];
}

/** Why and where training stopped on a non-finite loss. */
export interface Divergence {
  /** The 1-based step whose loss was NaN or infinite (its update was not applied). */
  readonly step: number;
  readonly loss: number;
  readonly learningRate: number;
  /** The explanation in every shipped language. */
  readonly message: LocalizedText;
}

/** Trains one configuration step by step. */
export class Trainer {
  readonly config: TrainingConfig;
  readonly data: PreparedData;
  readonly network: Network;
  readonly objective: Objective;
  readonly optimizer: Optimizer;
  /** Samples per step. */
  readonly batchSize: number;
  /** Optimizer steps per pass over the training split. */
  readonly stepsPerEpoch: number;

  private readonly workspace: Workspace;
  private readonly evaluation: Workspace;
  private readonly batchInputs: Float64Array;
  private readonly batchTargets: Float64Array;
  private readonly evalInputs: Float64Array;
  private readonly evalTargets: Float64Array;
  private readonly order: Int32Array;
  private readonly shuffleRandom: Random;
  private readonly snapshot: Float64Array;
  private readonly counts = new Float64Array(1);
  private readonly gradientNorms: Float64Array;
  private readonly deadFraction: Float64Array;
  private readonly saturatedFraction: Float64Array;
  private readonly derivativeValid: boolean[];
  private stepCount = 0;
  private epochCount = 0;
  private batchIndex = 0;
  private lastRows = 0;
  private lastLoss = NaN;
  private divergenceInfo: Divergence | null = null;
  /** The penalties in force: the configuration's, until the playground changes them live. */
  private regularization: { readonly l1: number; readonly l2: number };

  /** Validates (if needed) and builds everything a run needs: data, network, optimizer, buffers. */
  constructor(config: unknown) {
    this.config = parseTrainingConfig(config);
    const model = this.config.model;
    this.network = createNetwork(model, this.config.framework);
    this.objective = new Objective(this.config.loss, this.network.layers[this.network.layers.length - 1]!.activation);
    this.data = prepareData(this.config, this.objective.loss, this.objective.signedTargets);
    initializeNetwork(this.network, this.config);
    this.optimizer = createOptimizer(this.config.optimizer, this.network.params.length);
    this.regularization = this.config.regularization;

    const trainRows = this.data.train.rows;
    this.batchSize = Math.min(this.config.batchSize ?? trainRows, trainRows);
    this.stepsPerEpoch = this.config.dropLast ? Math.max(1, Math.floor(trainRows / this.batchSize)) : Math.ceil(trainRows / this.batchSize);
    this.workspace = new Workspace(this.network, this.batchSize, true);
    const evalRows = Math.min(EVALUATION_ROWS, Math.max(trainRows, this.data.test?.rows ?? 0));
    this.evaluation = new Workspace(this.network, evalRows, false);
    this.batchInputs = new Float64Array(this.batchSize * this.data.inputSize);
    this.batchTargets = new Float64Array(this.batchSize * this.data.targetWidth);
    this.evalInputs = new Float64Array(evalRows * this.data.inputSize);
    this.evalTargets = new Float64Array(evalRows * this.data.targetWidth);
    this.order = Int32Array.from({ length: trainRows }, (_, i) => i);
    this.shuffleRandom = createRandom(deriveSeed(this.config.seed, 'shuffle'));
    this.snapshot = new Float64Array(this.network.params.length);
    const layerCount = this.network.layers.length;
    this.gradientNorms = new Float64Array(layerCount);
    this.deadFraction = new Float64Array(layerCount);
    this.saturatedFraction = new Float64Array(layerCount);
    // The output layer's derivative is only computed when the loss reads its activation.
    this.derivativeValid = this.network.layers.map((layer, l) => layer.activation.kind === 'elementwise' && (l < layerCount - 1 || !this.objective.readsLogits));
  }

  /** Optimizer steps taken. */
  get steps(): number {
    return this.stepCount;
  }

  /** Completed passes over the training split. */
  get epochs(): number {
    return this.epochCount;
  }

  /** Whether the next step starts a new epoch. */
  get atEpochStart(): boolean {
    return this.batchIndex === 0;
  }

  /** The divergence that stopped training, or null. */
  get divergence(): Divergence | null {
    return this.divergenceInfo;
  }

  /**
   * One optimizer step on the next mini-batch. Returns the batch loss before the update
   * (data loss plus regularization penalty). On a NaN or infinite loss the update is skipped, the
   * parameters go back to the last ones with a finite loss, `divergence` is set and the loss is
   * returned; later calls do nothing and return NaN.
   */
  step(): number {
    if (this.divergenceInfo) return NaN;
    const train = this.data.train;
    // A full batch is the same set in any order; keep the data order then (outputs line up with the points).
    if (this.batchIndex === 0 && this.config.shuffle && this.stepsPerEpoch > 1) this.shuffleRandom.shuffle(this.order);
    const start = this.batchIndex * this.batchSize;
    const rows = Math.min(this.batchSize, train.rows - start);
    this.gather(train, this.order, start, rows, this.batchInputs, this.batchTargets);
    const loss = this.forwardBackward(this.batchInputs, this.batchTargets, rows);
    this.lastLoss = loss;
    if (!Number.isFinite(loss)) {
      this.diverge(loss);
      return loss;
    }
    this.measure(rows);
    this.snapshot.set(this.network.params);
    this.optimizer.step(this.network.params, this.network.grads);
    this.stepCount++;
    this.batchIndex++;
    if (this.batchIndex >= this.stepsPerEpoch) {
      this.batchIndex = 0;
      this.epochCount++;
    }
    return loss;
  }

  /** Runs steps until the current epoch ends (or training diverges). Returns the mean batch loss of the steps run. */
  runEpoch(): number {
    let total = 0;
    let count = 0;
    do {
      const loss = this.step();
      if (this.divergenceInfo) break;
      total += loss;
      count++;
    } while (this.batchIndex !== 0);
    return count > 0 ? total / count : NaN;
  }

  /**
   * Forward and backward pass on `rows` samples: fills the gradients and returns the loss
   * (data loss + penalty). Exposed for gradient checks; `step()` uses it.
   */
  forwardBackward(inputs: Float64Array, targets: Float64Array, rows: number): number {
    const network = this.network;
    const workspace = this.workspace;
    const cols = network.outputSize;
    forward(network, workspace, inputs, rows);
    this.lastRows = rows;
    const denominator = this.objective.denominator(targets, rows, cols);
    const sum = this.objective.accumulate(workspace, targets, rows, cols, true, 1 / denominator);
    backward(network, workspace, inputs, rows);
    return sum / denominator + this.applyRegularization();
  }

  /** Adds the L1/L2 penalty gradients to the weight gradients and returns the penalty. */
  private applyRegularization(): number {
    const { l1, l2 } = this.regularization;
    if (l1 === 0 && l2 === 0) return 0;
    let penalty = 0;
    const layers = this.network.layers;
    for (let l = 0; l < layers.length; l++) {
      const { weight, weightGrad } = layers[l]!;
      for (let i = 0; i < weight.length; i++) {
        const w = weight[i]!;
        penalty += l1 * Math.abs(w) + l2 * w * w;
        weightGrad[i] = weightGrad[i]! + l1 * (w > 0 ? 1 : w < 0 ? -1 : 0) + 2 * l2 * w;
      }
    }
    return penalty;
  }

  private diverge(loss: number): void {
    const lr = this.optimizer.settings.lr;
    const step = this.stepCount + 1;
    const value = String(loss);
    if (this.stepCount > 0) this.network.params.set(this.snapshot);
    const template = this.stepCount > 0 ? trainMessages.diverged : trainMessages.divergedAtStart;
    const args = { step, value, lr };
    this.divergenceInfo = {
      step,
      loss,
      learningRate: lr,
      message: { en: localize(template, args, 'en'), 'zh-cn': localize(template, args, 'zh-cn') },
    };
  }

  /** Copies `rows` samples picked by `order` from `start` into the batch buffers. */
  private gather(split: DataSplit, order: Int32Array | null, start: number, rows: number, inputs: Float64Array, targets: Float64Array): void {
    const inputSize = this.data.inputSize;
    const width = this.data.targetWidth;
    for (let r = 0; r < rows; r++) {
      const source = order ? order[start + r]! : start + r;
      const inOffset = source * inputSize;
      for (let i = 0; i < inputSize; i++) inputs[r * inputSize + i] = split.inputs[inOffset + i]!;
      const tOffset = source * width;
      for (let c = 0; c < width; c++) targets[r * width + c] = split.targets[tOffset + c]!;
    }
  }

  /** Gradient norms and dead/saturated units of the last batch. */
  private measure(rows: number): void {
    const layers = this.network.layers;
    for (let l = 0; l < layers.length; l++) {
      const layer = layers[l]!;
      let squares = 0;
      for (let i = 0; i < layer.weightGrad.length; i++) squares += layer.weightGrad[i]! * layer.weightGrad[i]!;
      for (let i = 0; i < layer.biasGrad.length; i++) squares += layer.biasGrad[i]! * layer.biasGrad[i]!;
      this.gradientNorms[l] = Math.sqrt(squares);
      if (!this.derivativeValid[l]) {
        this.deadFraction[l] = 0;
        this.saturatedFraction[l] = 0;
        continue;
      }
      const units = layer.units;
      const a = this.workspace.a[l]!.full;
      const d = this.workspace.derivative[l]!.full;
      let dead = 0;
      let saturated = 0;
      for (let o = 0; o < units; o++) {
        let allDead = true;
        let allSaturated = true;
        for (let r = 0; r < rows && (allDead || allSaturated); r++) {
          const i = r * units + o;
          const derivative = d[i]!;
          if (!(a[i] === 0 && derivative === 0)) allDead = false;
          if (!(Math.abs(derivative) < SATURATION_THRESHOLD)) allSaturated = false;
        }
        if (allDead) dead++;
        else if (allSaturated) saturated++;
      }
      this.deadFraction[l] = dead / units;
      this.saturatedFraction[l] = saturated / units;
    }
  }

  /** Diagnostics of the last step (a fresh object; call it when a view needs it). */
  diagnostics(): StepDiagnostics {
    return {
      step: this.stepCount,
      epoch: this.epochCount,
      loss: this.lastLoss,
      gradientNorms: Array.from(this.gradientNorms),
      weightNorms: this.network.layers.map((layer) => Math.sqrt(layer.weight.reduce((sum, w) => sum + w * w, 0))),
      deadFraction: Array.from(this.deadFraction),
      saturatedFraction: Array.from(this.saturatedFraction),
    };
  }

  /** The outputs of the last training forward pass (`step` or `forwardBackward`), after the output activation ([rows, outputs]). */
  lastOutputs(): number[][] {
    const cols = this.network.outputSize;
    const output = this.workspace.output;
    return Array.from({ length: this.lastRows }, (_, r) => Array.from(output.subarray(r * cols, (r + 1) * cols)));
  }

  /** Data loss (no penalty) and accuracy of the current parameters over one split. */
  evaluateSplit(split: DataSplit): SplitMetrics {
    const cols = this.network.outputSize;
    const workspace = this.evaluation;
    const multiclass = cols > 1 && (this.data.classes > 2 || this.objective.loss.task === 'multiclass');
    const rawThreshold = this.objective.rawThreshold;
    let sum = 0;
    let denominator = 0;
    let correct = 0;
    let decisions = 0;
    for (let start = 0; start < split.rows; start += workspace.maxRows) {
      const rows = Math.min(workspace.maxRows, split.rows - start);
      this.gather(split, null, start, rows, this.evalInputs, this.evalTargets);
      forward(this.network, workspace, this.evalInputs, rows);
      sum += this.objective.accumulate(workspace, this.evalTargets, rows, cols, false, 1);
      denominator += this.objective.denominator(this.evalTargets, rows, cols);
      if (this.data.classes > 0) {
        correct += countCorrect(workspace.output, this.evalTargets, rows, cols, this.data.targetLayout, rawThreshold, this.objective.signedTargets ? 0 : 0.5, multiclass, this.counts);
        decisions += this.counts[0]!;
      }
    }
    // A summed reduction divides every chunk by the same constant (1, or the columns under Keras).
    const loss = this.config.loss.reduction === 'mean' ? sum / denominator : sum / this.objective.denominator(this.evalTargets, 1, cols);
    return { loss, accuracy: this.data.classes > 0 ? correct / decisions : null };
  }

  /** The network's outputs (after the output activation) for every sample of a split, [rows, outputs] row-major. */
  outputsFor(split: DataSplit): Float64Array {
    const cols = this.network.outputSize;
    const workspace = this.evaluation;
    const result = new Float64Array(split.rows * cols);
    for (let start = 0; start < split.rows; start += workspace.maxRows) {
      const rows = Math.min(workspace.maxRows, split.rows - start);
      this.gather(split, null, start, rows, this.evalInputs, this.evalTargets);
      forward(this.network, workspace, this.evalInputs, rows);
      result.set(workspace.output.subarray(0, rows * cols), start * cols);
    }
    return result;
  }

  /** Loss and accuracy of the current parameters on the training and test splits. */
  evaluate(): Metrics {
    return { train: this.evaluateSplit(this.data.train), test: this.data.test ? this.evaluateSplit(this.data.test) : null };
  }

  /** Changes the learning rate for the next steps (the optimizer keeps its state). */
  setLearningRate(lr: number): void {
    this.optimizer.setLearningRate(lr);
  }

  /** Changes the L1/L2 penalties for the next steps (the parameters and optimizer state stay). */
  setRegularization(l1: number, l2: number): void {
    this.regularization = { l1, l2 };
  }

  /** The current parameters as the weights JSON document. */
  weights(): WeightsJson {
    return toWeightsJson(this.config, readParams(this.network));
  }

  /** Transforms raw outputs into displayed predictions in place (probabilities for logit outputs). */
  toPredictions(values: Float64Array, rows: number): void {
    transformOutputs(this.objective.transform, values, rows, this.network.outputSize);
  }
}
