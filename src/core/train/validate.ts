/**
 * Validation of training configurations (JSON/YAML objects): every field is checked with an error
 * that starts with the path to it (`model.layers[1].activation: unknown activation "rleu" (did you
 * mean relu?)`), names resolve through the catalog, and every default is filled in.
 */
import { parseFramework, resolveName, suggestNames } from '../catalog/registry';
import { findParamSpec, resolveParams } from '../catalog/params';
import type { ActivationEntry, CatalogEntry, Framework, ParamValue, ResolvedParams } from '../catalog/types';
import { FormulaLensError, localize, type LocalizedText, type TextPosition } from '../l10n';
import { IDENTITY_IDS } from './activation';
import type { ActivationConfig, ConfigWarning, DataConfig, LayerConfig, LinearParams, LossConfig, ModelConfig, TrainingConfig } from './config';
import { DATASET_ALIASES, DATASET_NAMES, datasetInfo, type DatasetName } from './datasets';
import { INITIALIZER_ALIASES, INITIALIZER_NAMES, type InitializerName, type InitializerSpec } from './initializers';
import { lossTakesLogits, taskOf, TRAINING_LOSS_IDS, type Task, type TrainingLossKind } from './losses';
import { trainMessages } from './messages';
import { OPTIMIZER_DEFAULTS, OPTIMIZER_NAMES, type OptimizerName, type OptimizerSettings } from './optimizers';
import { deriveSeed } from './random';

/** One step of a path into the configuration: an object key or a list index. */
export type PathSegment = string | number;

/** Formats `['model', 'layers', 1, 'activation']` as `model.layers[1].activation`. */
export function formatPath(segments: readonly PathSegment[]): string {
  let text = '';
  for (const segment of segments) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? segment : `.${segment}`;
  }
  return text;
}

/** A configuration error that knows which field it is about. */
export class TrainingConfigError extends FormulaLensError {
  /** The path as text (`optimizer.lr`); empty for the whole configuration. */
  readonly path: string;
  constructor(readonly segments: readonly PathSegment[], text: LocalizedText, args: Readonly<Record<string, string | number>> = {}, position?: TextPosition, endPosition?: TextPosition) {
    const path = formatPath(segments);
    super(text, { ...args, path: path || localize(trainMessages.rootPath, undefined, 'en') }, position, endPosition);
    this.path = path;
  }

  /** The same error pointing at a place in the configuration text. */
  at(position: TextPosition, endPosition?: TextPosition): TrainingConfigError {
    return new TrainingConfigError(this.segments, this.text, this.args, position, endPosition);
  }
}

const validated = new WeakSet<object>();

/** True for objects returned by `parseTrainingConfig`. */
export function isValidatedConfig(value: unknown): value is TrainingConfig {
  return typeof value === 'object' && value !== null && validated.has(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return `"${value}"`;
  if (Array.isArray(value)) return value.length > 6 ? `a list of ${value.length}` : JSON.stringify(value);
  if (typeof value === 'object' && value !== null) return 'an object';
  return String(value);
}

function fail(path: readonly PathSegment[], text: LocalizedText, args: Readonly<Record<string, string | number>> = {}): never {
  throw new TrainingConfigError(path, text, args);
}

/** Re-raises a catalog error (parameter checks, framework names) under a path, in both languages. */
function rethrowAt(path: readonly PathSegment[], error: unknown): never {
  if (error instanceof FormulaLensError && !(error instanceof TrainingConfigError)) {
    const text: LocalizedText = {
      en: `{path}: ${localize(error.text, error.args, 'en')}`,
      'zh-cn': `{path}：${localize(error.text, error.args, 'zh-cn')}`,
    };
    throw new TrainingConfigError(path, text);
  }
  throw error;
}

/** Field names are matched case- and style-insensitively: `batchSize`, `batch-size` and `batch_size` meet. */
function normalizeKey(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/-/g, '_').toLowerCase();
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The candidate nearest to a misspelled name, when it is near enough to be a plausible typo. */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  const wanted = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(wanted.length / 3)) ? best : undefined;
}

/** An object's fields, read once each; whatever is left unread is an unknown field. */
class Fields {
  private readonly keys = new Map<string, string>();
  private readonly read = new Set<string>();
  constructor(readonly source: Readonly<Record<string, unknown>>, readonly path: readonly PathSegment[]) {
    for (const key of Object.keys(source)) this.keys.set(normalizeKey(key), key);
  }

  static of(value: unknown, path: readonly PathSegment[]): Fields {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, trainMessages.notObject, { actual: describe(value) });
    return new Fields(value as Record<string, unknown>, path);
  }

  /** The value under the first of `names` present (canonical name first), with its path. */
  take(...names: string[]): { value: unknown; path: PathSegment[] } | undefined {
    let found: { key: string; value: unknown } | undefined;
    for (const name of names) {
      const key = this.keys.get(name);
      if (key === undefined) continue;
      this.read.add(key);
      if (found) fail([...this.path, key], trainMessages.duplicateField, { other: found.key });
      found = { key, value: this.source[key] };
    }
    return found && found.value !== undefined ? { value: found.value, path: [...this.path, found.key] } : undefined;
  }

  /** Whether any of `names` is present. */
  has(...names: string[]): boolean {
    return names.some((name) => this.keys.has(name));
  }

  /** Keys not read yet. */
  rest(): string[] {
    return [...this.keys.values()].filter((key) => !this.read.has(key));
  }

  /** Marks a key as read. */
  consume(key: string): void {
    this.read.add(key);
  }

  /** Rejects fields that were never read, suggesting the nearest known one. */
  done(known: readonly string[]): void {
    const unknown = this.rest();
    if (unknown.length === 0) return;
    const key = unknown[0]!;
    const suggestion = closestName(normalizeKey(key), known);
    if (suggestion) fail([...this.path, key], trainMessages.unknownFieldSuggest, { suggestion });
    fail([...this.path, key], trainMessages.unknownField);
  }
}

interface NumberRule {
  readonly min?: number;
  readonly max?: number;
  readonly exclusiveMin?: boolean;
  readonly exclusiveMax?: boolean;
  readonly integer?: boolean;
}

function readNumber(value: unknown, path: readonly PathSegment[], rule: NumberRule = {}): number {
  let numeric = value;
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) numeric = Number(value);
  if (typeof numeric !== 'number' || Number.isNaN(numeric)) fail(path, trainMessages.notNumber, { actual: describe(value) });
  if (!Number.isFinite(numeric)) fail(path, trainMessages.notFinite, { actual: describe(value) });
  if (rule.integer && !Number.isInteger(numeric)) fail(path, trainMessages.notInteger, { actual: describe(value) });
  if (rule.min !== undefined && (rule.exclusiveMin ? numeric <= rule.min : numeric < rule.min)) {
    fail(path, rule.exclusiveMin ? trainMessages.notAboveMin : trainMessages.belowMin, { min: rule.min, actual: numeric });
  }
  if (rule.max !== undefined && (rule.exclusiveMax ? numeric >= rule.max : numeric > rule.max)) {
    fail(path, rule.exclusiveMax ? trainMessages.notBelowMax : trainMessages.aboveMax, { max: rule.max, actual: numeric });
  }
  return numeric;
}

function readBoolean(value: unknown, path: readonly PathSegment[]): boolean {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'True') return true;
  if (value === 'false' || value === 'False') return false;
  return fail(path, trainMessages.notBoolean, { actual: describe(value) });
}

function readString(value: unknown, path: readonly PathSegment[]): string {
  if (typeof value !== 'string' || value.trim() === '') fail(path, trainMessages.notString, { actual: describe(value) });
  return value.trim();
}

function readArray(value: unknown, path: readonly PathSegment[]): readonly unknown[] {
  if (!Array.isArray(value)) fail(path, trainMessages.notArray, { actual: describe(value) });
  return value;
}

function readNumberRow(value: unknown, path: readonly PathSegment[], length?: number): number[] {
  const row = readArray(value, path).map((item, i) => readNumber(item, [...path, i]));
  if (length !== undefined && row.length !== length) fail(path, trainMessages.rowLength, { expected: length, actual: row.length });
  return row;
}

function readMatrix(value: unknown, path: readonly PathSegment[], rows?: number, cols?: number): number[][] {
  const list = readArray(value, path);
  if (rows !== undefined && list.length !== rows) fail(path, trainMessages.rowLength, { expected: rows, actual: list.length });
  const matrix: number[][] = [];
  list.forEach((row, i) => matrix.push(readNumberRow(row, [...path, i], cols ?? matrix[0]?.length)));
  return matrix;
}

function optional<T>(field: { value: unknown; path: PathSegment[] } | undefined, read: (value: unknown, path: PathSegment[]) => T, fallback: T): T {
  return field ? read(field.value, field.path) : fallback;
}

/** Parameters written as an object (`params:`), plus loose keys that name a parameter of the entry. */
function readParams(entry: CatalogEntry, fields: Fields | undefined, explicit: { value: unknown; path: PathSegment[] } | undefined, framework: Framework, path: readonly PathSegment[]): ResolvedParams {
  const given: Record<string, ParamValue> = {};
  let paramsPath: readonly PathSegment[] = path;
  if (explicit) {
    paramsPath = explicit.path;
    const object = Fields.of(explicit.value, explicit.path);
    for (const key of Object.keys(object.source)) given[key] = object.source[key] as ParamValue;
  }
  if (fields) {
    for (const key of fields.rest()) {
      if (findParamSpec(entry, key)) {
        fields.consume(key);
        given[key] = fields.source[key] as ParamValue;
      }
    }
  }
  try {
    return resolveParams(entry, framework, given);
  } catch (error) {
    const param = error instanceof FormulaLensError ? error.args.param : undefined;
    const key = typeof param === 'string' ? Object.keys(given).find((k) => findParamSpec(entry, k)?.name === param || k === param) : undefined;
    return rethrowAt(key ? [...paramsPath, key] : paramsPath, error);
  }
}

/** Where an activation is used decides what it may be. */
type ActivationRole = 'hidden' | 'output';

function resolveActivation(value: unknown, path: readonly PathSegment[], framework: Framework, role: ActivationRole, paramsField?: { value: unknown; path: PathSegment[] }): ActivationConfig {
  let name: string;
  let fields: Fields | undefined;
  let explicitParams = paramsField;
  let namePath = path;
  if (value === null) name = 'linear';
  else if (typeof value === 'string') name = value.trim();
  else {
    fields = Fields.of(value, path);
    const nameField = fields.take('name', 'type', 'id', 'activation');
    if (!nameField) fail([...path, 'name'], trainMessages.missingField);
    name = readString(nameField.value, nameField.path);
    namePath = nameField.path;
    explicitParams = fields.take('params', 'kwargs', 'config') ?? paramsField;
  }
  if (IDENTITY_IDS.includes(name.toLowerCase())) {
    fields?.done(['name', 'params']);
    return { id: 'linear', params: {} };
  }
  const entry = resolveName(name);
  if (!entry) {
    const suggestion = suggestNames(name, 'activation', 1)[0];
    if (suggestion) fail(namePath, trainMessages.unknownActivationSuggest, { name, suggestion });
    fail(namePath, trainMessages.unknownActivation, { name });
  }
  if (entry.kind !== 'activation') fail(namePath, trainMessages.notAnActivation, { name });
  const params = readParams(entry, fields, explicitParams, framework, path);
  fields?.done(['name', 'params']);
  const rowwise = entry.id === 'softmax' || entry.id === 'log_softmax';
  if (role === 'hidden' && !entry.kernel) fail(namePath, trainMessages.hiddenNotElementwise, { name: entry.id });
  if (role === 'output' && !entry.kernel && !rowwise) fail(namePath, trainMessages.outputNotSupported, { name: entry.id });
  return { id: entry.id, params };
}

/** The kernel of an activation config (undefined for the identity and row-wise activations). */
export function activationEntry(config: ActivationConfig): ActivationEntry | undefined {
  if (config.id === 'linear') return undefined;
  const entry = resolveName(config.id);
  return entry?.kind === 'activation' ? entry : undefined;
}

interface ParsedLoss {
  readonly id: string;
  readonly kind: TrainingLossKind;
  readonly params: ResolvedParams;
  readonly framework: Framework;
  readonly reduction: 'mean' | 'sum';
  readonly fuse: boolean | undefined;
  readonly path: readonly PathSegment[];
  readonly fusePath: readonly PathSegment[];
}

function parseLoss(value: unknown, path: readonly PathSegment[], framework: Framework): ParsedLoss {
  let name: string;
  let fields: Fields | undefined;
  let namePath = path;
  if (typeof value === 'string') name = value.trim();
  else {
    fields = Fields.of(value, path);
    const nameField = fields.take('name', 'type', 'id', 'loss');
    if (!nameField) fail([...path, 'name'], trainMessages.missingField);
    name = readString(nameField.value, nameField.path);
    namePath = nameField.path;
  }
  const frameworkField = fields?.take('framework');
  let lossFramework = framework;
  if (frameworkField) {
    try {
      lossFramework = parseFramework(readString(frameworkField.value, frameworkField.path));
    } catch (error) {
      rethrowAt(frameworkField.path, error);
    }
  }
  const entry = resolveName(name);
  if (!entry) {
    const suggestion = suggestNames(name, 'loss', 1)[0];
    if (suggestion) fail(namePath, trainMessages.unknownLossSuggest, { name, suggestion });
    fail(namePath, trainMessages.unknownLoss, { name });
  }
  if (entry.kind !== 'loss') fail(namePath, trainMessages.notALoss, { name });
  const kind = TRAINING_LOSS_IDS[entry.id];
  if (!kind) fail(namePath, trainMessages.lossNotTrainable, { name: entry.id, supported: Object.keys(TRAINING_LOSS_IDS).join(', ') });
  const reductionField = fields?.take('reduction');
  let reduction: 'mean' | 'sum' = 'mean';
  if (reductionField) {
    const text = readString(reductionField.value, reductionField.path);
    const normalized = text === 'sum_over_batch_size' || text === 'auto' ? 'mean' : text;
    if (normalized !== 'mean' && normalized !== 'sum') fail(reductionField.path, trainMessages.unknownChoice, { choices: 'mean, sum', actual: describe(text) });
    reduction = normalized;
  }
  const fuseField = fields?.take('fuse', 'fused', 'fuse_output_activation');
  const fuse = fuseField ? readBoolean(fuseField.value, fuseField.path) : undefined;
  const params = readParams(entry, fields, fields?.take('params', 'kwargs', 'config'), lossFramework, path);
  fields?.done(['name', 'params', 'framework', 'reduction', 'fuse']);
  return { id: entry.id, kind, params, framework: lossFramework, reduction, fuse, path, fusePath: fuseField?.path ?? [...path, 'fuse'] };
}

/** Labels and sizes the data imply, before the model is read. */
interface DataShape {
  readonly config: DataConfig;
  readonly inputSize: number;
  /** Columns of the targets the loss sees (one-hot width for class labels under column losses). */
  readonly outputUnits: number;
  /** 0 for real-valued labels, else the class count. */
  readonly classes: number;
  readonly name: string;
}

function datasetName(text: string, path: readonly PathSegment[]): DatasetName {
  const key = normalizeKey(text);
  if ((DATASET_NAMES as readonly string[]).includes(key)) return key as DatasetName;
  const alias = DATASET_ALIASES[key];
  if (alias) return alias;
  const suggestion = closestName(key, [...DATASET_NAMES, ...Object.keys(DATASET_ALIASES)]);
  if (suggestion) fail(path, trainMessages.unknownDatasetSuggest, { name: text, suggestion });
  return fail(path, trainMessages.unknownDataset, { name: text, choices: DATASET_NAMES.join(', ') });
}

function parseData(value: unknown, path: readonly PathSegment[], loss: ParsedLoss, seed: number): DataShape {
  const fields = Fields.of(value, path);
  const task = taskOf(loss.kind);
  const nameField = fields.take('name', 'dataset', 'type');
  const seedField = fields.take('seed');
  const dataSeed = optional(seedField, (v, p) => readNumber(v, p, { integer: true }), deriveSeed(seed, 'data'));
  if (nameField) {
    const name = datasetName(readString(nameField.value, nameField.path), nameField.path);
    const classesField = fields.take('classes', 'num_classes', 'n_classes', 'centers');
    if (classesField && name !== 'blobs') fail(classesField.path, trainMessages.classesOnlyBlobs);
    const classes = optional(classesField, (v, p) => readNumber(v, p, { integer: true, min: 2, max: 10 }), 3);
    const info = datasetInfo(name, classes);
    const samples = optional(fields.take('samples', 'num_samples', 'n_samples', 'size'), (v, p) => readNumber(v, p, { integer: true, min: 2, max: 100000 }), info.defaultSamples);
    const noise = optional(fields.take('noise'), (v, p) => readNumber(v, p, { min: 0, max: 1 }), 0);
    const testField = fields.take('test_fraction', 'test_ratio', 'test_split', 'validation_split');
    const testFraction = optional(testField, (v, p) => readNumber(v, p, { min: 0, max: 1, exclusiveMax: true }), 0.5);
    if (samples - Math.floor(samples * testFraction) < 1) fail(testField?.path ?? path, trainMessages.trainEmpty, { points: samples });
    fields.done(['name', 'samples', 'noise', 'classes', 'test_fraction', 'seed']);
    if (info.classes === 0 && task !== 'regression') fail([...loss.path], trainMessages.needsClasses, { loss: loss.id, data: name });
    if (info.classes > 2 && task === 'binary') fail([...loss.path], trainMessages.binaryOnMulticlass, { loss: loss.id, data: name, classes: info.classes });
    const outputUnits = info.classes === 0 ? 1 : info.classes === 2 && task !== 'multiclass' ? 1 : info.classes;
    return {
      config: { kind: 'builtin', name, samples, noise, classes: info.classes, testFraction, seed: dataSeed },
      inputSize: info.inputSize,
      outputUnits,
      classes: info.classes,
      name,
    };
  }
  const pointsField = fields.take('points', 'x', 'inputs', 'features');
  const labelsField = fields.take('labels', 'y', 'targets');
  if (!pointsField || !labelsField) fail(path, trainMessages.dataSource, { choices: DATASET_NAMES.join(', ') });
  const points = readMatrix(pointsField.value, pointsField.path);
  if (points.length === 0) fail(pointsField.path, trainMessages.emptyData);
  const inputSize = points[0]!.length;
  if (inputSize === 0) fail([...pointsField.path, 0], trainMessages.emptyData);
  const testPointsField = fields.take('test_points', 'x_test', 'test_inputs');
  const testLabelsField = fields.take('test_labels', 'y_test', 'test_targets');
  if (!!testPointsField !== !!testLabelsField) fail(testPointsField?.path ?? testLabelsField!.path, trainMessages.testPair);
  const classesField = fields.take('classes', 'num_classes', 'n_classes');
  const declaredClasses = optional(classesField, (v, p) => readNumber(v, p, { integer: true, min: 2, max: 1000 }), 0);
  const testField = fields.take('test_fraction', 'test_ratio', 'test_split', 'validation_split');
  const testFraction = testPointsField ? 0 : optional(testField, (v, p) => readNumber(v, p, { min: 0, max: 1, exclusiveMax: true }), 0);
  if (points.length - Math.floor(points.length * testFraction) < 1) fail(testField?.path ?? path, trainMessages.trainEmpty, { points: points.length });
  fields.done(['points', 'labels', 'test_points', 'test_labels', 'test_fraction', 'classes', 'seed']);

  const labels = readArray(labelsField.value, labelsField.path);
  if (labels.length !== points.length) fail(labelsField.path, trainMessages.labelCount, { labels: labels.length, points: points.length });
  const testPoints = testPointsField ? readMatrix(testPointsField.value, testPointsField.path, undefined, inputSize) : null;
  const testLabels = testLabelsField ? readArray(testLabelsField.value, testLabelsField.path) : null;
  if (testPoints && testLabels && testLabels.length !== testPoints.length) fail(testLabelsField!.path, trainMessages.labelCount, { labels: testLabels.length, points: testPoints.length });

  const allLabels = [...labels.map((label, i) => ({ label, path: [...labelsField.path, i] })), ...(testLabels ?? []).map((label, i) => ({ label, path: [...testLabelsField!.path, i] }))];
  const shape = labelShape(allLabels, loss, task, declaredClasses, classesField?.path ?? labelsField.path);
  const convert = (list: readonly unknown[], base: readonly PathSegment[]) => list.map((label, i) => shape.convert(label, [...base, i]));
  return {
    config: {
      kind: 'explicit',
      points,
      labels: convert(labels, labelsField.path),
      testPoints,
      testLabels: testLabels ? convert(testLabels, testLabelsField!.path) : null,
      testFraction,
      classes: shape.classes,
      seed: dataSeed,
    },
    inputSize,
    outputUnits: shape.outputUnits,
    classes: shape.classes,
    name: 'points',
  };
}

interface LabelShape {
  readonly classes: number;
  readonly outputUnits: number;
  convert(label: unknown, path: readonly PathSegment[]): number | number[];
}

/** Works out what explicit labels are (class indices, 0/1 labels, values) and how wide the targets are. */
function labelShape(labels: readonly { label: unknown; path: PathSegment[] }[], loss: ParsedLoss, task: Task, declaredClasses: number, classesPath: readonly PathSegment[]): LabelShape {
  const rows = labels.map(({ label, path }) => (Array.isArray(label) ? readNumberRow(label, path) : readNumber(label, path)));
  const width = Array.isArray(rows[0]) ? rows[0].length : 0;
  rows.forEach((row, i) => {
    const rowWidth = Array.isArray(row) ? row.length : 0;
    if (rowWidth !== width) fail(labels[i]!.path, trainMessages.rowLength, { expected: Math.max(width, 1), actual: Math.max(rowWidth, 1) });
  });
  if (task === 'multiclass') {
    const indexTargets = loss.kind === 'sparse_cce' || loss.kind === 'nll';
    let classes = declaredClasses || width;
    if (!classes) for (const row of rows) classes = Math.max(classes, (row as number) + 1);
    classes = Math.max(classes, 2);
    if (width && declaredClasses && width !== declaredClasses) fail(classesPath, trainMessages.rowLength, { expected: width, actual: declaredClasses });
    return {
      classes,
      outputUnits: classes,
      convert(label, path) {
        if (Array.isArray(label)) {
          const row = label as number[];
          if (!indexTargets) return row;
          const hot = row.findIndex((v) => v === 1);
          if (hot < 0 || row.some((v, c) => c !== hot && v !== 0)) fail(path, trainMessages.oneHotRow, { loss: loss.id, actual: describe(row) });
          return hot;
        }
        const index = label as number;
        if (!Number.isInteger(index) || index < 0 || index >= classes) fail(path, trainMessages.classIndex, { loss: loss.id, max: classes - 1, actual: index });
        if (indexTargets) return index;
        return Array.from({ length: classes }, (_, c) => (c === index ? 1 : 0));
      },
    };
  }
  if (task === 'binary') {
    const flat = rows.flat();
    // -1/1 labels stand for the two classes (the Playground's encoding); they become 0/1.
    const signed = flat.every((v) => v === -1 || v === 1) && flat.includes(-1);
    return {
      classes: 2,
      outputUnits: Math.max(width, 1),
      convert(label, path) {
        const map = (v: number, p: readonly PathSegment[]) => {
          const value = signed ? (v + 1) / 2 : v;
          if (!(value >= 0 && value <= 1)) fail(p, trainMessages.binaryLabel, { loss: loss.id, actual: v });
          return value;
        };
        return Array.isArray(label) ? (label as number[]).map((v, c) => map(v, [...path, c])) : map(label as number, path);
      },
    };
  }
  return {
    classes: 0,
    outputUnits: Math.max(width, 1),
    convert: (label) => (Array.isArray(label) ? (label as number[]) : (label as number)),
  };
}

function parseInitializer(value: unknown, path: readonly PathSegment[]): InitializerSpec {
  let fields: Fields | undefined;
  let nameValue = value;
  let namePath = path;
  if (typeof value !== 'string') {
    fields = Fields.of(value, path);
    const nameField = fields.take('name', 'type', 'class_name');
    if (!nameField) fail([...path, 'name'], trainMessages.missingField);
    nameValue = nameField.value;
    namePath = nameField.path;
  }
  const text = readString(nameValue, namePath);
  const key = normalizeKey(text).replace(/_$/, '');
  const name: InitializerName | undefined = (INITIALIZER_NAMES as readonly string[]).includes(key) ? (key as InitializerName) : INITIALIZER_ALIASES[key];
  if (!name) {
    const suggestion = closestName(key, [...INITIALIZER_NAMES, ...Object.keys(INITIALIZER_ALIASES)]);
    if (suggestion) fail(namePath, trainMessages.unknownInitializerSuggest, { name: text, suggestion });
    fail(namePath, trainMessages.unknownInitializer, { name: text, choices: INITIALIZER_NAMES.join(', ') });
  }
  if (!fields) return { name };
  const spec: { -readonly [K in keyof InitializerSpec]: InitializerSpec[K] } = { name };
  const gain = fields.take('gain', 'scale');
  if (gain) spec.gain = readNumber(gain.value, gain.path, { min: 0 });
  const low = fields.take('low', 'a', 'minval', 'min');
  if (low) spec.low = readNumber(low.value, low.path);
  const high = fields.take('high', 'b', 'maxval', 'max');
  if (high) spec.high = readNumber(high.value, high.path);
  const mean = fields.take('mean');
  if (mean) spec.mean = readNumber(mean.value, mean.path);
  const std = fields.take('std', 'stddev');
  if (std) spec.std = readNumber(std.value, std.path, { min: 0 });
  const constant = fields.take('value', 'val');
  if (constant) spec.value = readNumber(constant.value, constant.path);
  fields.done(['name', 'gain', 'low', 'high', 'mean', 'std', 'value']);
  return spec;
}

/** Reads initial parameters: a list of {weight, bias}, the weights JSON ({layers: [...]}), or {W1, b1, W2, b2, ...}. */
function parseInitialParams(value: unknown, path: readonly PathSegment[], sizes: readonly number[]): LinearParams[] {
  const layerCount = sizes.length - 1;
  let entries: { weight: { value: unknown; path: PathSegment[] }; bias: { value: unknown; path: PathSegment[] } }[];
  if (Array.isArray(value) || (typeof value === 'object' && value !== null && 'layers' in value)) {
    let listValue: unknown = value;
    let listPath: readonly PathSegment[] = path;
    if (!Array.isArray(value)) {
      const outer = Fields.of(value, path);
      const layers = outer.take('layers')!;
      for (const meta of ['format', 'version', 'layout', 'input_size']) outer.take(meta);
      outer.done(['layers', 'format', 'version', 'layout', 'input_size']);
      listValue = layers.value;
      listPath = layers.path;
    }
    const list = readArray(listValue, listPath);
    if (list.length !== layerCount) fail(listPath, trainMessages.paramCount, { expected: layerCount, actual: list.length });
    entries = list.map((item, i) => {
      const fields = Fields.of(item, [...listPath, i]);
      const weight = fields.take('weight', 'w', 'kernel');
      const bias = fields.take('bias', 'b');
      fields.take('activation');
      fields.take('units');
      fields.done(['weight', 'bias', 'activation', 'units']);
      if (!weight) fail([...listPath, i, 'weight'], trainMessages.missingField);
      if (!bias) fail([...listPath, i, 'bias'], trainMessages.missingField);
      return { weight, bias };
    });
  } else {
    const fields = Fields.of(value, path);
    entries = [];
    for (let l = 1; l <= layerCount; l++) {
      const weight = fields.take(`w${l}`, `weight${l}`);
      const bias = fields.take(`b${l}`, `bias${l}`);
      if (!weight) fail([...path, `W${l}`], trainMessages.missingField);
      if (!bias) fail([...path, `b${l}`], trainMessages.missingField);
      entries.push({ weight, bias });
    }
    fields.done(entries.flatMap((_, i) => [`W${i + 1}`, `b${i + 1}`]));
  }
  return entries.map(({ weight, bias }, l) => {
    const inputs = sizes[l]!;
    const units = sizes[l + 1]!;
    const rows = readArray(weight.value, weight.path);
    if (rows.length !== units || rows.some((row) => !Array.isArray(row) || row.length !== inputs)) {
      const actualCols = Array.isArray(rows[0]) ? (rows[0] as unknown[]).length : 0;
      fail(weight.path, trainMessages.paramShape, { expected: `[${units}, ${inputs}]`, actual: `[${rows.length}, ${actualCols}]` });
    }
    const biasRow = readArray(bias.value, bias.path);
    if (biasRow.length !== units) fail(bias.path, trainMessages.paramShape, { expected: `[${units}]`, actual: `[${biasRow.length}]` });
    return { weight: readMatrix(weight.value, weight.path, units, inputs), bias: readNumberRow(bias.value, bias.path, units) };
  });
}

/** The output activation a loss expects when none is given. */
function defaultOutputActivation(kind: TrainingLossKind, takesLogits: boolean): string {
  if (takesLogits) return 'linear';
  switch (kind) {
    case 'bce': case 'focal':
      return 'sigmoid';
    case 'cce': case 'sparse_cce':
      return 'softmax';
    case 'nll':
      return 'log_softmax';
    default:
      return 'linear';
  }
}

function parseModel(value: unknown, path: readonly PathSegment[], framework: Framework, loss: ParsedLoss, data: DataShape, warnings: ConfigWarning[]): { model: ModelConfig; fused: boolean } {
  const fields = Fields.of(value, path);
  const inputField = fields.take('input_size', 'input_dim', 'inputs', 'in_features', 'input_features');
  const inputSize = optional(inputField, (v, p) => readNumber(v, p, { integer: true, min: 1, max: 4096 }), data.inputSize);
  if (inputSize !== data.inputSize) fail(inputField!.path, trainMessages.inputSizeMismatch, { expected: inputSize, actual: data.inputSize });

  const defaultActivationField = fields.take('activation', 'hidden_activation');
  const defaultParamsField = fields.take('activation_params');
  // Hidden layers without an activation of their own use the model's (relu when none is given).
  let shared: ActivationConfig | undefined;
  const sharedActivation = (): ActivationConfig => {
    shared ??= defaultActivationField
      ? resolveActivation(defaultActivationField.value, defaultActivationField.path, framework, 'hidden', defaultParamsField)
      : resolveActivation('relu', defaultParamsField?.path ?? [...path, 'activation'], framework, 'hidden', defaultParamsField);
    return shared;
  };
  if (defaultActivationField || defaultParamsField) sharedActivation();

  const layers: LayerConfig[] = [];
  const layersField = fields.take('layers', 'hidden_layers');
  const sizesField = fields.take('hidden_sizes', 'hidden_units', 'hidden');
  if (layersField && sizesField) fail(sizesField.path, trainMessages.duplicateField, { other: String(layersField.path[layersField.path.length - 1]) });
  if (sizesField) {
    readArray(sizesField.value, sizesField.path).forEach((units, i) => {
      layers.push({ units: readNumber(units, [...sizesField.path, i], { integer: true, min: 1, max: 4096 }), activation: sharedActivation() });
    });
  }
  if (layersField) {
    readArray(layersField.value, layersField.path).forEach((item, i) => {
      const layerPath = [...layersField.path, i];
      if (typeof item === 'number') {
        layers.push({ units: readNumber(item, layerPath, { integer: true, min: 1, max: 4096 }), activation: sharedActivation() });
        return;
      }
      const layer = Fields.of(item, layerPath);
      const unitsField = layer.take('units', 'out_features', 'size', 'neurons', 'width');
      if (!unitsField) fail([...layerPath, 'units'], trainMessages.missingField);
      const units = readNumber(unitsField.value, unitsField.path, { integer: true, min: 1, max: 4096 });
      const typeField = layer.take('type', 'kind', 'class_name');
      if (typeField) {
        const type = readString(typeField.value, typeField.path);
        if (!['dense', 'linear', 'nn.linear'].includes(type.toLowerCase())) fail(typeField.path, trainMessages.unknownChoice, { choices: 'Dense, Linear', actual: describe(type) });
      }
      const activationField = layer.take('activation');
      const paramsField = layer.take('activation_params', 'params');
      const activation = activationField
        ? resolveActivation(activationField.value, activationField.path, framework, 'hidden', paramsField)
        : paramsField
          ? resolveActivation(sharedActivation().id, paramsField.path, framework, 'hidden', paramsField)
          : sharedActivation();
      layer.done(['units', 'activation', 'activation_params', 'type']);
      layers.push({ units, activation });
    });
  }

  let outputSection: Fields | undefined;
  const outputField = fields.take('output', 'output_layer');
  if (outputField) outputSection = Fields.of(outputField.value, outputField.path);
  const outputUnitsField = outputSection?.take('units', 'out_features', 'size') ?? fields.take('output_units', 'outputs', 'output_size', 'out_features', 'num_outputs');
  const outputUnits = optional(outputUnitsField, (v, p) => readNumber(v, p, { integer: true, min: 1, max: 4096 }), data.outputUnits);
  if (outputUnits !== data.outputUnits) fail(outputUnitsField!.path, trainMessages.outputUnitsMismatch, { loss: loss.id, expected: data.outputUnits, actual: outputUnits });
  const takesLogits = lossTakesLogits(loss.kind, loss.params, loss.framework);
  const outputActivationField = outputSection?.take('activation') ?? fields.take('output_activation', 'final_activation');
  const outputParamsField = outputSection?.take('activation_params', 'params') ?? fields.take('output_activation_params');
  const outputActivation = outputActivationField
    ? resolveActivation(outputActivationField.value, outputActivationField.path, framework, 'output', outputParamsField)
    : resolveActivation(defaultOutputActivation(loss.kind, takesLogits), outputParamsField?.path ?? [...path, 'output_activation'], framework, 'output', outputParamsField);
  outputSection?.done(['units', 'activation', 'activation_params']);
  const outputPath = outputActivationField?.path ?? [...path, 'output_activation'];
  const rowwise = outputActivation.id === 'softmax' || outputActivation.id === 'log_softmax';
  if (rowwise && outputUnits === 1) fail(outputPath, trainMessages.softmaxSingle, { name: outputActivation.id });

  const weightInitField = fields.take('kernel_initializer', 'weight_initializer', 'weight_init', 'init', 'initializer');
  const biasInitField = fields.take('bias_initializer', 'bias_init');
  const torchLike = framework === 'torch';
  const weightInitializer = optional(weightInitField, parseInitializer, { name: torchLike ? 'torch_default' : 'glorot_uniform' } as InitializerSpec);
  const biasInitializer = optional(biasInitField, parseInitializer, { name: torchLike ? 'torch_default' : 'zeros' } as InitializerSpec);
  const sizes = [inputSize, ...layers.map((l) => l.units), outputUnits];
  const initialParams = optional(fields.take('initial_params', 'initial_weights', 'weights', 'params', 'parameters'), (v, p) => parseInitialParams(v, p, sizes), null);
  fields.done(['input_size', 'layers', 'hidden_sizes', 'activation', 'activation_params', 'output_units', 'output_activation', 'output_activation_params', 'output', 'kernel_initializer', 'bias_initializer', 'initial_params']);

  // How the output activation meets the loss.
  const fusable = !takesLogits && ((outputActivation.id === 'sigmoid' && loss.kind === 'bce') || (outputActivation.id === 'softmax' && (loss.kind === 'cce' || loss.kind === 'sparse_cce')));
  if (loss.fuse === true && !fusable) fail(loss.fusePath, trainMessages.cannotFuse);
  const fused = loss.fuse ?? (fusable && loss.framework === 'keras');
  const squashes = outputActivation.id === 'sigmoid' || outputActivation.id === 'softmax';
  if (takesLogits && squashes) {
    warnings.push({ path: formatPath(outputPath), text: trainMessages.doubleSquash, args: { path: formatPath(outputPath), activation: outputActivation.id, loss: loss.id } });
  }
  const probabilityLoss = !takesLogits && (loss.kind === 'bce' || loss.kind === 'focal' || loss.kind === 'cce' || loss.kind === 'sparse_cce');
  if (probabilityLoss && !['sigmoid', 'softmax', 'hard_sigmoid'].includes(outputActivation.id)) {
    warnings.push({ path: formatPath(outputPath), text: trainMessages.notProbabilities, args: { path: formatPath(outputPath), activation: outputActivation.id, loss: loss.id } });
  }
  return {
    model: { inputSize, layers, outputUnits, outputActivation, weightInitializer, biasInitializer, initialParams },
    fused,
  };
}

function optimizerName(text: string, path: readonly PathSegment[]): OptimizerName {
  const key = normalizeKey(text.split('.').pop() ?? text).replace(/_/g, '');
  if ((OPTIMIZER_NAMES as readonly string[]).includes(key)) return key as OptimizerName;
  const suggestion = closestName(key, OPTIMIZER_NAMES);
  if (suggestion) fail(path, trainMessages.unknownOptimizerSuggest, { name: text, suggestion });
  return fail(path, trainMessages.unknownOptimizer, { name: text, choices: OPTIMIZER_NAMES.join(', ') });
}

function parseOptimizer(value: unknown, path: readonly PathSegment[]): OptimizerSettings {
  let fields: Fields | undefined;
  let name: OptimizerName;
  if (typeof value === 'string') name = optimizerName(value, path);
  else {
    fields = Fields.of(value, path);
    const nameField = fields.take('name', 'type', 'optimizer', 'class_name');
    if (!nameField) fail([...path, 'name'], trainMessages.missingField);
    name = optimizerName(readString(nameField.value, nameField.path), nameField.path);
  }
  const defaults = OPTIMIZER_DEFAULTS[name];
  const nonNegative = (names: string[], fallback: number, rule: NumberRule = { min: 0 }) => optional(fields?.take(...names), (v, p) => readNumber(v, p, rule), fallback);
  const bool = (names: string[], fallback: boolean) => optional(fields?.take(...names), readBoolean, fallback);
  // torch flags that choose an implementation, not the numbers.
  for (const flag of ['foreach', 'capturable', 'differentiable', 'fused']) {
    const field = fields?.take(flag);
    if (field && field.value !== null) readBoolean(field.value, field.path);
  }
  const lr = nonNegative(['lr', 'learning_rate'], defaults.lr);
  const weightDecay = nonNegative(['weight_decay', 'decay'], defaults.weightDecay);
  const maximize = bool(['maximize'], false);
  const common = ['name', 'lr', 'weight_decay', 'maximize', 'foreach', 'capturable', 'differentiable', 'fused'];
  switch (name) {
    case 'sgd': {
      const momentumField = fields?.take('momentum');
      const momentum = optional(momentumField, (v, p) => readNumber(v, p, { min: 0 }), 0);
      const dampening = nonNegative(['dampening'], 0, {});
      const nesterovField = fields?.take('nesterov');
      const nesterov = optional(nesterovField, readBoolean, false);
      if (nesterov && (momentum <= 0 || dampening !== 0)) fail(nesterovField!.path, trainMessages.nesterov);
      fields?.done([...common, 'momentum', 'dampening', 'nesterov']);
      return { name, lr, momentum, dampening, weightDecay, nesterov, maximize };
    }
    case 'adam':
    case 'adamw': {
      const d = OPTIMIZER_DEFAULTS.adam;
      const betasField = fields?.take('betas');
      let beta1 = d.beta1;
      let beta2 = d.beta2;
      if (betasField) {
        const betas = readNumberRow(betasField.value, betasField.path, 2);
        beta1 = readNumber(betas[0], [...betasField.path, 0], { min: 0, max: 1, exclusiveMax: true });
        beta2 = readNumber(betas[1], [...betasField.path, 1], { min: 0, max: 1, exclusiveMax: true });
      }
      beta1 = nonNegative(['beta1', 'beta_1'], beta1, { min: 0, max: 1, exclusiveMax: true });
      beta2 = nonNegative(['beta2', 'beta_2'], beta2, { min: 0, max: 1, exclusiveMax: true });
      const eps = nonNegative(['eps', 'epsilon'], d.eps);
      const amsgrad = bool(['amsgrad'], false);
      fields?.done([...common, 'betas', 'beta1', 'beta2', 'eps', 'amsgrad']);
      return { name, lr, beta1, beta2, eps, weightDecay, amsgrad, maximize };
    }
    case 'rmsprop': {
      const d = OPTIMIZER_DEFAULTS.rmsprop;
      const alpha = nonNegative(['alpha', 'rho'], d.alpha);
      const eps = nonNegative(['eps', 'epsilon'], d.eps);
      const momentum = nonNegative(['momentum'], d.momentum);
      const centered = bool(['centered'], false);
      fields?.done([...common, 'alpha', 'eps', 'momentum', 'centered']);
      return { name, lr, alpha, eps, weightDecay, momentum, centered, maximize };
    }
    case 'adagrad': {
      const d = OPTIMIZER_DEFAULTS.adagrad;
      const lrDecay = nonNegative(['lr_decay'], d.lrDecay);
      const initialAccumulatorValue = nonNegative(['initial_accumulator_value'], d.initialAccumulatorValue);
      const eps = nonNegative(['eps', 'epsilon'], d.eps);
      fields?.done([...common, 'lr_decay', 'initial_accumulator_value', 'eps']);
      return { name, lr, lrDecay, weightDecay, initialAccumulatorValue, eps, maximize };
    }
  }
}

/**
 * Validates a training configuration written by a user (a JSON/YAML object) and fills in every default.
 * Throws a `TrainingConfigError` whose message starts with the path of the offending field.
 */
export function parseTrainingConfig(raw: unknown): TrainingConfig {
  if (isValidatedConfig(raw)) return raw;
  const root = Fields.of(raw, []);
  for (const meta of ['$schema', 'name', 'description', 'experiment']) root.take(meta);
  const frameworkField = root.take('framework');
  let framework: Framework = 'torch';
  if (frameworkField) {
    try {
      framework = parseFramework(readString(frameworkField.value, frameworkField.path));
    } catch (error) {
      rethrowAt(frameworkField.path, error);
    }
  }
  const seed = optional(root.take('seed'), (v, p) => readNumber(v, p, { integer: true }), 0);
  const lossField = root.take('loss', 'loss_fn', 'criterion');
  if (!lossField) fail(['loss'], trainMessages.missingField);
  const loss = parseLoss(lossField.value, lossField.path, framework);
  const dataField = root.take('data', 'dataset');
  if (!dataField) fail(['data'], trainMessages.missingField);
  const data = parseData(dataField.value, dataField.path, loss, seed);
  const warnings: ConfigWarning[] = [];
  const modelField = root.take('model');
  const { model, fused } = parseModel(modelField?.value ?? {}, modelField?.path ?? ['model'], framework, loss, data, warnings);
  const optimizer = optional(root.take('optimizer', 'optim'), parseOptimizer, OPTIMIZER_DEFAULTS.sgd);

  const regularizationField = root.take('regularization', 'regularizer');
  let regularization = { l1: 0, l2: 0 };
  if (regularizationField) {
    const fields = Fields.of(regularizationField.value, regularizationField.path);
    const l1 = optional(fields.take('l1'), (v, p) => readNumber(v, p, { min: 0 }), 0);
    const l2 = optional(fields.take('l2'), (v, p) => readNumber(v, p, { min: 0 }), 0);
    fields.done(['l1', 'l2']);
    regularization = { l1, l2 };
  }
  const batchField = root.take('batch_size', 'batch');
  const batchSize = batchField && batchField.value !== null && batchField.value !== 'full' ? readNumber(batchField.value, batchField.path, { integer: true, min: 1, max: 1_000_000 }) : null;
  const epochsField = root.take('epochs', 'num_epochs');
  const stepsField = root.take('steps', 'max_steps', 'iterations');
  if (epochsField && stepsField) fail(stepsField.path, trainMessages.stepsAndEpochs);
  const epochs = optional(epochsField, (v, p) => readNumber(v, p, { integer: true, min: 0, max: 10_000_000 }), stepsField ? null : 100);
  const steps = optional(stepsField, (v, p) => readNumber(v, p, { integer: true, min: 0, max: 100_000_000 }), null);
  const shuffle = optional(root.take('shuffle'), readBoolean, true);
  const dropLast = optional(root.take('drop_last'), readBoolean, false);
  root.done(['framework', 'seed', 'data', 'model', 'loss', 'optimizer', 'regularization', 'batch_size', 'epochs', 'steps', 'shuffle', 'drop_last']);

  const lossConfig: LossConfig = { id: loss.id, kind: loss.kind, params: loss.params, framework: loss.framework, reduction: loss.reduction, fused };
  const config: TrainingConfig = {
    framework,
    seed,
    task: taskOf(loss.kind),
    data: data.config,
    model,
    loss: lossConfig,
    optimizer,
    regularization,
    batchSize,
    epochs,
    steps,
    shuffle,
    dropLast,
    warnings,
  };
  validated.add(config);
  return config;
}
