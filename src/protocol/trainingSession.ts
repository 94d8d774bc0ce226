/**
 * The training worker's logic, free of any worker API so it runs (and is tested) anywhere: it takes the
 * page's requests, trains in slices of a few milliseconds (the worker yields between slices so pause and
 * live changes arrive at once), paces steps to the chosen speed, and reports progress at most ~30 times a
 * second with the metrics, per-layer diagnostics and the prediction field of that moment.
 */
import { FormulaLensError, type LocalizedText } from '../core/l10n';
import { exportKeras, exportPyTorch, predictCurve, predictGrid, Trainer, type WeightsJson } from '../core/train/index';
import type { DataSplit } from '../core/train/index';
import { writeTrainingConfig } from '../core/trainfile/write';
import { RateMeter, StepPacer, Throttle } from './pacing';
import {
  type CompareReport,
  type CompareRequest,
  type DataView,
  type ExportRequest,
  type FieldView,
  type LoadRequest,
  type ProgressReport,
  type RunState,
  type TextWithArgs,
  type TrainingReport,
  type TrainingRequest,
} from './training';
import { trainingMessages } from './trainingMessages';

/** Longest slice of training before the worker yields to its message queue. */
export const SLICE_MS = 12;
/** Samples per comparison curve. */
export const COMPARE_SAMPLES = 200;
/** Points of the fitted curve of a 1-D input. */
const CURVE_POINTS = 200;

/** A failure as the page shows it: a core error's own text, or the unexpected error's message. */
export function errorReport(error: unknown): TextWithArgs {
  if (error instanceof FormulaLensError) return { text: error.text, args: error.args };
  return { text: trainingMessages.unexpected, args: { detail: error instanceof Error ? error.message : String(error) } };
}

/** The class index (or value) each row of a split stands for, as the data view colours it. */
function displayLabels(trainer: Trainer, split: DataSplit): Float64Array {
  const data = trainer.data;
  const width = data.targetWidth;
  const labels = new Float64Array(split.rows);
  const binaryThreshold = trainer.objective.signedTargets ? 0 : 0.5;
  for (let r = 0; r < split.rows; r++) {
    const offset = r * width;
    if (data.classes === 0 || data.targetLayout === 'class_index') labels[r] = split.targets[offset]!;
    else if (width > 1) {
      let best = 0;
      for (let c = 1; c < width; c++) if (split.targets[offset + c]! > split.targets[offset + best]!) best = c;
      labels[r] = best;
    } else labels[r] = split.targets[offset]! >= binaryThreshold ? 1 : 0;
  }
  return labels;
}

/** The first two inputs of each row ([rows * 2], y = 0 for 1-D inputs). */
function planePoints(trainer: Trainer, split: DataSplit): Float64Array {
  const inputSize = trainer.data.inputSize;
  const points = new Float64Array(split.rows * 2);
  for (let r = 0; r < split.rows; r++) {
    points[2 * r] = split.inputs[r * inputSize]!;
    points[2 * r + 1] = inputSize > 1 ? split.inputs[r * inputSize + 1]! : 0;
  }
  return points;
}

/** What the data view draws. */
function dataViewOf(trainer: Trainer): DataView {
  const { train, test, classes, inputSize, domain } = trainer.data;
  const trainLabels = displayLabels(trainer, train);
  const testLabels = test ? displayLabels(trainer, test) : new Float64Array(0);
  let low = Infinity;
  let high = -Infinity;
  for (const labels of [trainLabels, testLabels]) {
    for (const label of labels) {
      low = Math.min(low, label);
      high = Math.max(high, label);
    }
  }
  return {
    inputSize,
    classes,
    domain: [domain[0], domain[1], domain[2], domain[3]],
    trainPoints: planePoints(trainer, train),
    trainLabels,
    testPoints: test ? planePoints(trainer, test) : new Float64Array(0),
    testLabels,
    labelRange: Number.isFinite(low) ? [low, high] : [0, 0],
  };
}

/** Steps of a configuration's run. */
function configuredSteps(trainer: Trainer): number {
  return trainer.config.steps ?? (trainer.config.epochs ?? 0) * trainer.stepsPerEpoch;
}

/** One training run: its trainer, state, pacing and what has been reported. */
interface RunJob {
  readonly kind: 'run';
  readonly id: number;
  readonly trainer: Trainer;
  /** The parameters before the first step: exported code starts from them to reproduce the run. */
  readonly initialWeights: WeightsJson;
  readonly gridResolution: number;
  readonly pacer: StepPacer;
  readonly throttle: Throttle;
  readonly rate: RateMeter;
  state: RunState;
  /** The run stops (finished) at this step; Infinity after the user continues past the configured steps. */
  limit: number;
  /** True when the state changed or a step was taken since the last report. */
  dirty: boolean;
  /** The L1/L2 penalties in force (the configuration's until tuned). */
  regularization: { l1: number; l2: number };
}

/** One variant of a comparison. */
interface Variant {
  readonly trainer: Trainer | null;
  done: boolean;
  divergence: LocalizedText | null;
  steps: number[];
  trainLoss: number[];
  testLoss: (number | null)[];
  trainAccuracy: (number | null)[];
  testAccuracy: (number | null)[];
  /** True when `done` has been reported. */
  reportedDone: boolean;
}

/** A comparison: variants trained in turn for the same number of steps. */
interface CompareJob {
  readonly kind: 'compare';
  readonly id: number;
  readonly steps: number;
  readonly sampleEvery: number;
  readonly variants: Variant[];
  readonly throttle: Throttle;
  next: number;
}

/** The worker's side of the training protocol. `emit` posts a report; `now` is a millisecond clock. */
export class TrainingSession {
  private job: RunJob | CompareJob | null = null;

  constructor(private readonly emit: (report: TrainingReport) => void, private readonly now: () => number) {}

  /** The id of the current job (0 when there is none). */
  get jobId(): number {
    return this.job?.id ?? 0;
  }

  /** Applies a request. Requests for another job than the current one are stale and ignored (a new job's `load` or `compare` replaces it). */
  handle(request: TrainingRequest): void {
    if (request.type === 'load') return this.load(request);
    if (request.type === 'compare') return this.compare(request);
    const job = this.job;
    if (!job || job.id !== request.jobId) return;
    if (request.type === 'cancel') {
      this.job = null;
      return;
    }
    if (job.kind !== 'run') return;
    switch (request.type) {
      case 'run':
        if (job.state === 'diverged' || job.state === 'running') return;
        if (job.state === 'finished') job.limit = Infinity;
        job.state = 'running';
        job.pacer.restart(this.now());
        job.rate.reset();
        job.dirty = true;
        return;
      case 'pause':
        if (job.state !== 'running') return;
        job.state = 'paused';
        job.rate.reset();
        this.report(job, true);
        return;
      case 'step':
        if (job.state === 'running' || job.state === 'diverged') return;
        if (job.state === 'finished') job.limit = Infinity;
        this.advance(job, 1);
        if (job.state === 'idle') job.state = 'paused';
        this.report(job, true);
        return;
      case 'tune':
        if (request.learningRate !== undefined) job.trainer.setLearningRate(request.learningRate);
        if (request.l1 !== undefined || request.l2 !== undefined) {
          job.regularization = { l1: request.l1 ?? job.regularization.l1, l2: request.l2 ?? job.regularization.l2 };
          job.trainer.setRegularization(job.regularization.l1, job.regularization.l2);
        }
        if (request.speed !== undefined) job.pacer.setSpeed(request.speed);
        return;
      case 'export':
        this.export(job, request);
        return;
      default: {
        const unhandled: never = request;
        void unhandled;
      }
    }
  }

  /**
   * Does one slice of work. Returns the milliseconds to wait before the next slice, or null when there is
   * nothing to do until the next request.
   */
  work(): number | null {
    const job = this.job;
    if (!job) return null;
    return job.kind === 'run' ? this.workRun(job) : this.workCompare(job);
  }

  private load(request: LoadRequest): void {
    this.job = null;
    let trainer: Trainer;
    try {
      trainer = new Trainer(request.config);
    } catch (error) {
      this.emit({ type: 'failed', jobId: request.jobId, requestId: null, variant: null, error: errorReport(error) });
      return;
    }
    const totalSteps = configuredSteps(trainer);
    const job: RunJob = {
      kind: 'run',
      id: request.jobId,
      trainer,
      initialWeights: trainer.weights(),
      gridResolution: request.gridResolution,
      pacer: new StepPacer(request.speed),
      throttle: new Throttle(),
      rate: new RateMeter(),
      state: 'idle',
      limit: totalSteps,
      dirty: true,
      regularization: { ...trainer.config.regularization },
    };
    this.job = job;
    this.emit({
      type: 'loaded',
      jobId: job.id,
      data: dataViewOf(trainer),
      layers: [...trainer.config.model.layers.map((layer) => ({ units: layer.units, activation: layer.activation.id })), { units: trainer.config.model.outputUnits, activation: trainer.config.model.outputActivation.id }],
      batchSize: trainer.batchSize,
      stepsPerEpoch: trainer.stepsPerEpoch,
      totalSteps,
      warnings: trainer.config.warnings.map((warning) => ({ text: warning.text, args: warning.args })),
    });
    if (request.run && totalSteps > 0) {
      job.state = 'running';
      job.pacer.restart(this.now());
    }
    this.report(job, true);
  }

  private workRun(job: RunJob): number | null {
    if (job.state !== 'running') return null;
    const start = this.now();
    const allowance = job.pacer.allowance(start);
    let taken = 0;
    while (taken < allowance && job.state === 'running' && this.now() - start < SLICE_MS) {
      this.advance(job, 1);
      taken++;
    }
    job.pacer.spend(taken);
    if (taken > 0) job.rate.record(this.now(), job.trainer.steps);
    const ended = job.state !== 'running';
    if (ended || job.throttle.wait(this.now()) === 0) this.report(job, ended);
    if (ended) return null;
    // Unlimited speed yields at once; a paced run sleeps until its next step, or its next report when one is owed.
    if (job.pacer.unlimited) return 0;
    const untilStep = job.pacer.delay();
    return job.dirty ? Math.min(untilStep, job.throttle.wait(this.now())) : untilStep;
  }

  /** Takes up to `steps` steps, stopping at the configured end or a divergence. */
  private advance(job: RunJob, steps: number): void {
    const trainer = job.trainer;
    for (let i = 0; i < steps; i++) {
      if (trainer.steps >= job.limit) {
        job.state = 'finished';
        break;
      }
      trainer.step();
      job.dirty = true;
      if (trainer.divergence) {
        job.state = 'diverged';
        break;
      }
      if (trainer.steps >= job.limit) job.state = 'finished';
    }
  }

  /** Posts the run's progress now (`force`) or when the throttle allows and something changed. */
  private report(job: RunJob, force: boolean): void {
    const now = this.now();
    if (!force && (!job.dirty || !job.throttle.take(now))) return;
    if (force) job.throttle.take(now);
    const started = this.now();
    const trainer = job.trainer;
    const metrics = trainer.evaluate();
    const diagnostics = trainer.diagnostics();
    const divergence = trainer.divergence;
    const field = this.field(job);
    const running = job.state === 'running';
    const stepsPerSecond = running ? job.rate.rate() : 0;
    const report: ProgressReport = {
      type: 'progress',
      jobId: job.id,
      state: job.state,
      step: trainer.steps,
      epoch: trainer.epochs,
      batchLoss: diagnostics.loss,
      train: metrics.train,
      test: metrics.test,
      diagnostics: {
        gradientNorms: diagnostics.gradientNorms,
        weightNorms: diagnostics.weightNorms,
        deadFraction: diagnostics.deadFraction,
        saturatedFraction: diagnostics.saturatedFraction,
      },
      stepsPerSecond,
      samplesPerSecond: stepsPerSecond * trainer.batchSize,
      field,
      divergence: divergence ? { step: divergence.step, text: divergence.message } : null,
    };
    job.throttle.adapt(this.now() - started);
    job.dirty = false;
    this.emit(report);
  }

  /** The predictions over the input plane (a copy the report can transfer). */
  private field(job: RunJob): FieldView {
    const trainer = job.trainer;
    const [xMin, xMax, yMin, yMax] = trainer.data.domain;
    const outputs = trainer.network.outputSize;
    if (trainer.data.inputSize === 1) {
      const curve = predictCurve(trainer, [xMin, xMax], CURVE_POINTS);
      const values = new Float64Array(CURVE_POINTS);
      for (let i = 0; i < CURVE_POINTS; i++) values[i] = curve[i * outputs]!;
      return { kind: 'curve', resolution: CURVE_POINTS, values };
    }
    const resolution = job.gridResolution;
    const values = predictGrid(trainer, [xMin, xMax], [yMin, yMax], resolution).slice();
    const { threshold, scale } = this.decisionScale(trainer);
    return { kind: 'grid', resolution, outputs, values, threshold, scale };
  }

  /** Where a single-output prediction changes class and how far from it counts as certain (regressions: 0 and the label range). */
  private decisionScale(trainer: Trainer): { threshold: number; scale: number } {
    const objective = trainer.objective;
    if (trainer.data.classes === 0) {
      let largest = 0;
      for (const split of [trainer.data.train, trainer.data.test]) {
        if (split) for (const value of split.targets) largest = Math.max(largest, Math.abs(value));
      }
      return { threshold: 0, scale: largest > 0 ? largest : 1 };
    }
    // Predictions are probabilities after a sigmoid transform; hinge scores and logits decide at 0.
    const threshold = objective.transform === 'sigmoid' ? 0.5 : objective.rawThreshold;
    return { threshold, scale: threshold === 0.5 ? 0.5 : 1 };
  }

  private export(job: RunJob, request: ExportRequest): void {
    try {
      let text: string;
      switch (request.target) {
        case 'keras':
          text = exportKeras(request.config, request.from === 'initial' ? job.initialWeights : job.trainer.weights());
          break;
        case 'pytorch':
          text = exportPyTorch(request.config, request.from === 'initial' ? job.initialWeights : job.trainer.weights());
          break;
        case 'weights':
          text = `${JSON.stringify(job.trainer.weights(), null, 2)}\n`;
          break;
        case 'config-yaml':
        case 'config-json':
          text = writeTrainingConfig(request.config as Readonly<Record<string, unknown>>, request.target === 'config-yaml' ? 'yaml' : 'json');
          break;
      }
      this.emit({ type: 'exported', jobId: job.id, requestId: request.requestId, target: request.target, text });
    } catch (error) {
      this.emit({ type: 'failed', jobId: job.id, requestId: request.requestId, variant: null, error: errorReport(error) });
    }
  }

  private compare(request: CompareRequest): void {
    const sampleEvery = Math.max(1, Math.ceil(request.steps / COMPARE_SAMPLES));
    const variants: Variant[] = request.variants.map((variant, index) => {
      let trainer: Trainer | null = null;
      try {
        trainer = new Trainer(variant.config);
      } catch (error) {
        this.emit({ type: 'failed', jobId: request.jobId, requestId: null, variant: index, error: errorReport(error) });
      }
      return { trainer, done: trainer === null, divergence: null, steps: [], trainLoss: [], testLoss: [], trainAccuracy: [], testAccuracy: [], reportedDone: trainer === null };
    });
    const job: CompareJob = { kind: 'compare', id: request.jobId, steps: request.steps, sampleEvery, variants, throttle: new Throttle(), next: 0 };
    for (const variant of variants) if (variant.trainer) this.sample(variant);
    this.job = job;
  }

  /** Records the variant's metrics at its current step. */
  private sample(variant: Variant): void {
    const trainer = variant.trainer!;
    const metrics = trainer.evaluate();
    variant.steps.push(trainer.steps);
    variant.trainLoss.push(metrics.train.loss);
    variant.testLoss.push(metrics.test?.loss ?? null);
    variant.trainAccuracy.push(metrics.train.accuracy);
    variant.testAccuracy.push(metrics.test?.accuracy ?? null);
  }

  private workCompare(job: CompareJob): number | null {
    const start = this.now();
    const active = job.variants.filter((variant) => !variant.done);
    // Round robin in chunks of one sample interval, so every curve grows at the same pace.
    while (active.some((variant) => !variant.done) && this.now() - start < SLICE_MS) {
      const variant = job.variants[job.next % job.variants.length]!;
      job.next++;
      if (variant.done) continue;
      const trainer = variant.trainer!;
      const target = Math.min(job.steps, trainer.steps + job.sampleEvery);
      while (trainer.steps < target && !trainer.divergence) trainer.step();
      if (trainer.divergence) {
        variant.divergence = trainer.divergence.message;
        variant.done = true;
      } else {
        this.sample(variant);
        if (trainer.steps >= job.steps) variant.done = true;
      }
    }
    const finished = job.variants.every((variant) => variant.done);
    if (finished || job.throttle.take(this.now())) this.flushCompare(job);
    if (finished) {
      this.job = null;
      return null;
    }
    return 0;
  }

  /** Posts every variant's new samples (and its end, once). */
  private flushCompare(job: CompareJob): void {
    job.variants.forEach((variant, index) => {
      if (variant.steps.length === 0 && (variant.reportedDone || !variant.done)) return;
      const report: CompareReport = {
        type: 'compareProgress',
        jobId: job.id,
        variant: index,
        steps: variant.steps,
        trainLoss: variant.trainLoss,
        testLoss: variant.testLoss,
        trainAccuracy: variant.trainAccuracy,
        testAccuracy: variant.testAccuracy,
        done: variant.done,
        divergence: variant.done ? variant.divergence : null,
      };
      variant.steps = [];
      variant.trainLoss = [];
      variant.testLoss = [];
      variant.trainAccuracy = [];
      variant.testAccuracy = [];
      if (variant.done) variant.reportedDone = true;
      this.emit(report);
    });
  }
}
