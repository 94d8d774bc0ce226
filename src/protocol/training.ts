/**
 * Messages between the Playground page and its training worker, with runtime guards for both directions.
 * Every message carries the job id it belongs to: the worker ignores requests for another job and the
 * page drops reports of a job it has replaced, so a slow message never lands in the wrong run. Data travel
 * as plain JSON; the large arrays (points, the prediction grid) are Float64Arrays whose buffers are transferred.
 */
import type { LocalizedText } from '../core/l10n';
import { hasExactKeys, isArrayOf, isBoundedString, isFiniteNumber, isIntegerIn, isOneOf, isRecord } from './validate';

/** Bounds that keep a malformed message from costing memory or time. */
export const TRAINING_LIMITS = {
  /** Job and request ids count up from 1. */
  id: 2 ** 31 - 1,
  /** Runs compared at once. */
  variants: 8,
  /** Cells per side of the prediction grid (100 by default). */
  gridResolution: 200,
  /** Outputs per grid cell (classes of the widest classifier). */
  outputs: 64,
  /** Layers of a network, hidden and output. */
  layers: 64,
  /** Points shown on the data view. */
  points: 200_000,
  /** Steps of one comparison run. */
  compareSteps: 1_000_000,
  /** Samples of one comparison curve. */
  compareSamples: 2000,
  /** Steps per second of the speed control (0 runs as fast as possible). */
  speed: 100_000,
  /** A variant's label or an activation id. */
  name: 100,
  /** Localized texts (error messages, warnings). */
  text: 4000,
  /** Generated code and weights documents. */
  exportText: 32 * 1024 * 1024,
  /** Warnings of one configuration. */
  warnings: 32,
} as const;

/** Steps per second the speed control offers, slowest first; 0 trains as fast as the worker can. */
export const TRAINING_SPEEDS: readonly number[] = [1, 5, 20, 100, 500, 0];

/** Where a run is. */
export type RunState = 'idle' | 'running' | 'paused' | 'finished' | 'diverged';
/** Every run state. */
export const RUN_STATES: readonly RunState[] = ['idle', 'running', 'paused', 'finished', 'diverged'];

/** What an export produces: Keras or PyTorch code, the trained weights as JSON, or the configuration as a config file. */
export type ExportTarget = 'keras' | 'pytorch' | 'weights' | 'config-yaml' | 'config-json';
/** Every export the worker makes. */
export const EXPORT_TARGETS: readonly ExportTarget[] = ['keras', 'pytorch', 'weights', 'config-yaml', 'config-json'];

/** A localized text with its arguments, as core errors and warnings carry them. */
export interface TextWithArgs {
  readonly text: LocalizedText;
  readonly args: Readonly<Record<string, string | number>>;
}

/** Page → worker: build a trainer for a configuration (the job's first message); `run` starts it at once. */
export interface LoadRequest {
  readonly type: 'load';
  readonly jobId: number;
  /** The configuration as users write it; the worker validates it. */
  readonly config: unknown;
  readonly run: boolean;
  /** Steps per second (0: as fast as possible). */
  readonly speed: number;
  readonly gridResolution: number;
}
/** Page → worker: start or resume, pause, or take exactly one step while paused. */
export interface ControlRequest {
  readonly type: 'run' | 'pause' | 'step';
  readonly jobId: number;
}
/** Page → worker: live changes that keep the run going (optimizer state and parameters stay). */
export interface TuneRequest {
  readonly type: 'tune';
  readonly jobId: number;
  readonly learningRate?: number;
  readonly l1?: number;
  readonly l2?: number;
  readonly speed?: number;
}
/** Page → worker: generated code, the current weights, or the configuration as a config file. */
export interface ExportRequest {
  readonly type: 'export';
  readonly jobId: number;
  readonly requestId: number;
  readonly target: ExportTarget;
  /** Code starts from the run's initial parameters (it reproduces the run) or from the current, trained ones. */
  readonly from: 'initial' | 'current';
  /** The configuration as the page holds it now (live learning-rate changes included). */
  readonly config: unknown;
}
/** One run of a comparison. */
export interface CompareVariant {
  readonly label: string;
  readonly config: unknown;
}
/** Page → worker: train several variants of a setup for the same number of steps (a comparison job). */
export interface CompareRequest {
  readonly type: 'compare';
  readonly jobId: number;
  readonly variants: readonly CompareVariant[];
  readonly steps: number;
}
/** Page → worker: stop the job (a comparison the user cancelled). */
export interface CancelRequest {
  readonly type: 'cancel';
  readonly jobId: number;
}
/** Every message the page sends to the worker. */
export type TrainingRequest = LoadRequest | ControlRequest | TuneRequest | ExportRequest | CompareRequest | CancelRequest;

/** A layer as the views label it. */
export interface LayerInfo {
  readonly units: number;
  readonly activation: string;
}

/** The data as the views draw them: the first two inputs of every point and its label. */
export interface DataView {
  readonly inputSize: number;
  /** 0 for real-valued labels, else the number of classes. */
  readonly classes: number;
  /** [xMin, xMax, yMin, yMax] of the input plane. */
  readonly domain: readonly [number, number, number, number];
  /** [rows * 2]: x and y (0 for 1-D inputs) of each training point. */
  readonly trainPoints: Float64Array;
  /** Class index or value of each training point. */
  readonly trainLabels: Float64Array;
  readonly testPoints: Float64Array;
  readonly testLabels: Float64Array;
  /** Smallest and largest label (for the colour scale of regressions). */
  readonly labelRange: readonly [number, number];
}

/** Worker → page: the job's trainer is built. */
export interface LoadedReport {
  readonly type: 'loaded';
  readonly jobId: number;
  readonly data: DataView;
  /** Hidden layers, then the output layer. */
  readonly layers: readonly LayerInfo[];
  readonly batchSize: number;
  readonly stepsPerEpoch: number;
  /** Steps of the configured run (epochs times steps per epoch, or the configured steps). */
  readonly totalSteps: number;
  readonly warnings: readonly TextWithArgs[];
}

/** Predictions over the input plane: a grid of cells, or a curve for 1-D inputs. */
export type FieldView =
  | {
    readonly kind: 'grid';
    readonly resolution: number;
    readonly outputs: number;
    /** `resolution^2 * outputs` predictions; cell (i, j) at `(j * resolution + i) * outputs`, x grows with i and y with j. */
    readonly values: Float64Array;
    /** Binary decisions: the prediction at the boundary and the distance that counts as certain. */
    readonly threshold: number;
    readonly scale: number;
  }
  | { readonly kind: 'curve'; readonly resolution: number; readonly values: Float64Array };

/** Loss and accuracy over one split. */
export interface SplitReport {
  readonly loss: number;
  readonly accuracy: number | null;
}

/** Per-layer health of the last step: gradient norms and the share of dead and saturated units. */
export interface LayerDiagnostics {
  readonly gradientNorms: readonly number[];
  readonly weightNorms: readonly number[];
  readonly deadFraction: readonly number[];
  readonly saturatedFraction: readonly number[];
}

/** Worker → page: where the run is (sent at most ~30 times a second while running, and on every state change). */
export interface ProgressReport {
  readonly type: 'progress';
  readonly jobId: number;
  readonly state: RunState;
  readonly step: number;
  readonly epoch: number;
  /** Loss of the last batch, before its update. */
  readonly batchLoss: number;
  readonly train: SplitReport;
  readonly test: SplitReport | null;
  readonly diagnostics: LayerDiagnostics;
  /** Measured over the last second of running. */
  readonly stepsPerSecond: number;
  readonly samplesPerSecond: number;
  readonly field: FieldView | null;
  /** Why the run stopped on a non-finite loss (the parameters before that step are kept). */
  readonly divergence: { readonly step: number; readonly text: LocalizedText } | null;
}

/** Worker → page: an export is ready. */
export interface ExportedReport {
  readonly type: 'exported';
  readonly jobId: number;
  readonly requestId: number;
  readonly target: ExportTarget;
  readonly text: string;
}

/** Worker → page: new samples of one comparison run. */
export interface CompareReport {
  readonly type: 'compareProgress';
  readonly jobId: number;
  readonly variant: number;
  /** Steps of the new samples, with their losses and accuracies (equally long; test values null without a test split). */
  readonly steps: readonly number[];
  readonly trainLoss: readonly number[];
  readonly testLoss: readonly (number | null)[];
  readonly trainAccuracy: readonly (number | null)[];
  readonly testAccuracy: readonly (number | null)[];
  readonly done: boolean;
  readonly divergence: LocalizedText | null;
}

/** Worker → page: a request failed (an invalid configuration, a failed export). */
export interface FailedReport {
  readonly type: 'failed';
  readonly jobId: number;
  /** The export request that failed, or null for the job itself. */
  readonly requestId: number | null;
  /** For comparisons: the variant whose configuration failed. */
  readonly variant: number | null;
  readonly error: TextWithArgs;
}

/** Every message the worker sends to the page. */
export type TrainingReport = LoadedReport | ProgressReport | ExportedReport | CompareReport | FailedReport;

function isId(value: unknown): value is number {
  return isIntegerIn(value, 1, TRAINING_LIMITS.id);
}

function isSpeed(value: unknown): value is number {
  return isFiniteNumber(value, 0, TRAINING_LIMITS.speed);
}

/** A localized text: English and Chinese strings of bounded length. */
export function isLocalizedText(value: unknown): value is LocalizedText {
  return isRecord(value) && hasExactKeys(value, ['en', 'zh-cn']) && isBoundedString(value.en, TRAINING_LIMITS.text) && isBoundedString(value['zh-cn'], TRAINING_LIMITS.text);
}

function isTextArgs(value: unknown): value is Readonly<Record<string, string | number>> {
  if (!isRecord(value)) return false;
  const entries = Object.entries(value);
  return entries.length <= 32 && entries.every(([key, item]) => isBoundedString(key, 100, 1) && (typeof item === 'number' || isBoundedString(item, TRAINING_LIMITS.text)));
}

/** A text with its arguments. */
export function isTextWithArgs(value: unknown): value is TextWithArgs {
  return isRecord(value) && hasExactKeys(value, ['text', 'args']) && isLocalizedText(value.text) && isTextArgs(value.args);
}

function isAnyNumber(value: unknown): value is number {
  return typeof value === 'number';
}

function isNumberList(value: unknown, maxLength: number): value is number[] {
  return isArrayOf(value, maxLength, isAnyNumber);
}

function isOptionalNumberList(value: unknown, maxLength: number): value is (number | null)[] {
  return isArrayOf(value, maxLength, (item): item is number | null => item === null || typeof item === 'number');
}

function isFloats(value: unknown, maxLength: number): value is Float64Array {
  return value instanceof Float64Array && value.length <= maxLength;
}

function isGridResolution(value: unknown): value is number {
  return isIntegerIn(value, 2, TRAINING_LIMITS.gridResolution);
}

/** Checks a message the page sent to the worker. */
export function isTrainingRequest(value: unknown): value is TrainingRequest {
  if (!isRecord(value) || !isId(value.jobId)) return false;
  switch (value.type) {
    case 'load':
      return hasExactKeys(value, ['type', 'jobId', 'config', 'run', 'speed', 'gridResolution']) && isRecord(value.config) && typeof value.run === 'boolean' && isSpeed(value.speed) && isGridResolution(value.gridResolution);
    case 'run':
    case 'pause':
    case 'step':
    case 'cancel':
      return hasExactKeys(value, ['type', 'jobId']);
    case 'tune':
      return hasExactKeys(value, ['type', 'jobId'], ['learningRate', 'l1', 'l2', 'speed'])
        && (value.learningRate === undefined || isFiniteNumber(value.learningRate, 0))
        && (value.l1 === undefined || isFiniteNumber(value.l1, 0))
        && (value.l2 === undefined || isFiniteNumber(value.l2, 0))
        && (value.speed === undefined || isSpeed(value.speed));
    case 'export':
      return hasExactKeys(value, ['type', 'jobId', 'requestId', 'target', 'from', 'config']) && isId(value.requestId) && isOneOf(value.target, EXPORT_TARGETS) && (value.from === 'initial' || value.from === 'current') && isRecord(value.config);
    case 'compare':
      return hasExactKeys(value, ['type', 'jobId', 'variants', 'steps'])
        && isIntegerIn(value.steps, 1, TRAINING_LIMITS.compareSteps)
        && isArrayOf(value.variants, TRAINING_LIMITS.variants, (item): item is CompareVariant => isRecord(item) && hasExactKeys(item, ['label', 'config']) && isBoundedString(item.label, TRAINING_LIMITS.name, 1) && isRecord(item.config))
        && value.variants.length > 0;
    default:
      return false;
  }
}

function isDomain(value: unknown): value is [number, number, number, number] {
  return Array.isArray(value) && value.length === 4 && value.every((item) => isFiniteNumber(item)) && value[0] < value[1] && value[2] < value[3];
}

function isDataView(value: unknown): value is DataView {
  if (!isRecord(value) || !hasExactKeys(value, ['inputSize', 'classes', 'domain', 'trainPoints', 'trainLabels', 'testPoints', 'testLabels', 'labelRange'])) return false;
  const points = TRAINING_LIMITS.points;
  return isIntegerIn(value.inputSize, 1, 4096) && isIntegerIn(value.classes, 0, 1000) && isDomain(value.domain)
    && isFloats(value.trainPoints, 2 * points) && isFloats(value.trainLabels, points) && value.trainPoints.length === 2 * value.trainLabels.length
    && isFloats(value.testPoints, 2 * points) && isFloats(value.testLabels, points) && value.testPoints.length === 2 * value.testLabels.length
    && Array.isArray(value.labelRange) && value.labelRange.length === 2 && value.labelRange.every((item) => isFiniteNumber(item)) && value.labelRange[0] <= value.labelRange[1];
}

function isLayerInfo(value: unknown): value is LayerInfo {
  return isRecord(value) && hasExactKeys(value, ['units', 'activation']) && isIntegerIn(value.units, 1, 4096) && isBoundedString(value.activation, TRAINING_LIMITS.name, 1);
}

function isSplitReport(value: unknown): value is SplitReport {
  return isRecord(value) && hasExactKeys(value, ['loss', 'accuracy']) && isAnyNumber(value.loss) && (value.accuracy === null || isFiniteNumber(value.accuracy, 0, 1));
}

function isLayerDiagnostics(value: unknown): value is LayerDiagnostics {
  if (!isRecord(value) || !hasExactKeys(value, ['gradientNorms', 'weightNorms', 'deadFraction', 'saturatedFraction'])) return false;
  const max = TRAINING_LIMITS.layers;
  const lists = [value.gradientNorms, value.weightNorms, value.deadFraction, value.saturatedFraction];
  return lists.every((list) => isNumberList(list, max)) && lists.every((list) => (list as number[]).length === (value.gradientNorms as number[]).length);
}

function isFieldView(value: unknown): value is FieldView {
  if (!isRecord(value)) return false;
  if (value.kind === 'grid') {
    return hasExactKeys(value, ['kind', 'resolution', 'outputs', 'values', 'threshold', 'scale']) && isGridResolution(value.resolution) && isIntegerIn(value.outputs, 1, TRAINING_LIMITS.outputs)
      && isFloats(value.values, TRAINING_LIMITS.gridResolution ** 2 * TRAINING_LIMITS.outputs) && value.values.length === value.resolution ** 2 * value.outputs
      && isFiniteNumber(value.threshold) && isFiniteNumber(value.scale) && value.scale > 0;
  }
  if (value.kind === 'curve') {
    return hasExactKeys(value, ['kind', 'resolution', 'values']) && isIntegerIn(value.resolution, 2, TRAINING_LIMITS.gridResolution ** 2) && isFloats(value.values, TRAINING_LIMITS.gridResolution ** 2) && value.values.length === value.resolution;
  }
  return false;
}

function isProgressReport(value: Record<string, unknown>): boolean {
  return hasExactKeys(value, ['type', 'jobId', 'state', 'step', 'epoch', 'batchLoss', 'train', 'test', 'diagnostics', 'stepsPerSecond', 'samplesPerSecond', 'field', 'divergence'])
    && isOneOf(value.state, RUN_STATES)
    && isIntegerIn(value.step, 0, Number.MAX_SAFE_INTEGER) && isIntegerIn(value.epoch, 0, Number.MAX_SAFE_INTEGER)
    && isAnyNumber(value.batchLoss)
    && isSplitReport(value.train) && (value.test === null || isSplitReport(value.test))
    && isLayerDiagnostics(value.diagnostics)
    && isFiniteNumber(value.stepsPerSecond, 0) && isFiniteNumber(value.samplesPerSecond, 0)
    && (value.field === null || isFieldView(value.field))
    && (value.divergence === null || (isRecord(value.divergence) && hasExactKeys(value.divergence, ['step', 'text']) && isIntegerIn(value.divergence.step, 0, Number.MAX_SAFE_INTEGER) && isLocalizedText(value.divergence.text)));
}

function isCompareReport(value: Record<string, unknown>): boolean {
  const max = TRAINING_LIMITS.compareSamples;
  if (!hasExactKeys(value, ['type', 'jobId', 'variant', 'steps', 'trainLoss', 'testLoss', 'trainAccuracy', 'testAccuracy', 'done', 'divergence'])) return false;
  if (!isIntegerIn(value.variant, 0, TRAINING_LIMITS.variants - 1) || !isNumberList(value.steps, max) || typeof value.done !== 'boolean') return false;
  const length = value.steps.length;
  return isNumberList(value.trainLoss, max) && value.trainLoss.length === length
    && isOptionalNumberList(value.testLoss, max) && value.testLoss.length === length
    && isOptionalNumberList(value.trainAccuracy, max) && value.trainAccuracy.length === length
    && isOptionalNumberList(value.testAccuracy, max) && value.testAccuracy.length === length
    && (value.divergence === null || isLocalizedText(value.divergence));
}

/** Checks a message the worker sent to the page. */
export function isTrainingReport(value: unknown): value is TrainingReport {
  if (!isRecord(value) || !isId(value.jobId)) return false;
  switch (value.type) {
    case 'loaded':
      return hasExactKeys(value, ['type', 'jobId', 'data', 'layers', 'batchSize', 'stepsPerEpoch', 'totalSteps', 'warnings'])
        && isDataView(value.data)
        && isArrayOf(value.layers, TRAINING_LIMITS.layers, isLayerInfo) && value.layers.length > 0
        && isIntegerIn(value.batchSize, 1, Number.MAX_SAFE_INTEGER) && isIntegerIn(value.stepsPerEpoch, 1, Number.MAX_SAFE_INTEGER) && isIntegerIn(value.totalSteps, 0, Number.MAX_SAFE_INTEGER)
        && isArrayOf(value.warnings, TRAINING_LIMITS.warnings, isTextWithArgs);
    case 'progress':
      return isProgressReport(value);
    case 'exported':
      return hasExactKeys(value, ['type', 'jobId', 'requestId', 'target', 'text']) && isId(value.requestId) && isOneOf(value.target, EXPORT_TARGETS) && isBoundedString(value.text, TRAINING_LIMITS.exportText, 1);
    case 'compareProgress':
      return isCompareReport(value);
    case 'failed':
      return hasExactKeys(value, ['type', 'jobId', 'requestId', 'variant', 'error'])
        && (value.requestId === null || isId(value.requestId))
        && (value.variant === null || isIntegerIn(value.variant, 0, TRAINING_LIMITS.variants - 1))
        && isTextWithArgs(value.error);
    default:
      return false;
  }
}

/** The buffers of a report that can be transferred instead of copied. */
export function transferablesOf(report: TrainingReport): ArrayBuffer[] {
  if (report.type === 'loaded') return [report.data.trainPoints, report.data.trainLabels, report.data.testPoints, report.data.testLabels].map((array) => array.buffer as ArrayBuffer);
  if (report.type === 'progress' && report.field) return [report.field.values.buffer as ArrayBuffer];
  return [];
}
