/**
 * Validation of training configurations (JSON/YAML objects): every field is checked with an error
 * that starts with the path to it (`model.layers[1].activation: unknown activation "rleu" (did you
 * mean relu?)`), names resolve through the catalog, and every default is filled in.
 */
import { parseFramework, resolveName, suggestNames } from '../catalog/registry';
import { findParamSpec, resolveParams } from '../catalog/params';
import type { CatalogEntry, Framework, ParamValue, ResolvedParams } from '../catalog/types';
import { FormulaLensError } from '../l10n';
import { knownNames, FIELDS, OPTIMIZER_FIELDS } from './configFields';
import { closestName, describe, fail, Fields, formatPath, normalizeKey, optional, readArray, readBoolean, readMatrix, readNumber, readNumberRow, readString, rethrowAt, type NumberRule, type PathSegment } from './configReader';
import { IDENTITY_IDS } from './activation';
import type { ActivationConfig, ConfigWarning, DataConfig, LayerConfig, LinearParams, LossConfig, ModelConfig, TrainingConfig } from './config';
import { DATASET_ALIASES, DATASET_NAMES, datasetInfo, type DatasetName } from './datasets';
import { INITIALIZER_ALIASES, INITIALIZER_NAMES, type InitializerName, type InitializerSpec } from './initializers';
import { lossTakesLogits, taskOf, TRAINING_LOSS_IDS, type Task, type TrainingLossKind } from './losses';
import { trainMessages } from './messages';
import { OPTIMIZER_DEFAULTS, OPTIMIZER_NAMES, type OptimizerName, type OptimizerSettings } from './optimizers';
import { deriveSeed } from './random';
import { toRawConfig } from './serialize';

const validated = new WeakSet<object>();

/** True for objects shaped like a validated configuration (a copy of one). */
function hasValidatedShape(value: unknown): value is TrainingConfig {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Record<keyof TrainingConfig, unknown>>;
  const data = candidate.data as { kind?: unknown } | undefined;
  const model = candidate.model as { inputSize?: unknown } | undefined;
  return typeof candidate.task === 'string' && Array.isArray(candidate.warnings) && typeof data?.kind === 'string' && typeof model?.inputSize === 'number';
}

/** True for objects returned by `parseTrainingConfig`. */
export function isValidatedConfig(value: unknown): value is TrainingConfig {
  return typeof value === 'object' && value !== null && validated.has(value);
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
    const nameField = fields.take(...FIELDS.activation.name);
    if (!nameField) fail([...path, 'name'], trainMessages.missingField);
    name = readString(nameField.value, nameField.path);
    namePath = nameField.path;
    explicitParams = fields.take(...FIELDS.activation.params) ?? paramsField;
  }
  if (IDENTITY_IDS.includes(name.toLowerCase())) {
    fields?.done(knownNames(FIELDS.activation));
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
  fields?.done(knownNames(FIELDS.activation));
  const rowwise = entry.id === 'softmax' || entry.id === 'log_softmax';
  if (role === 'hidden' && !entry.kernel) fail(namePath, trainMessages.hiddenNotElementwise, { name: entry.id });
  if (role === 'output' && !entry.kernel && !rowwise) fail(namePath, trainMessages.outputNotSupported, { name: entry.id });
  return { id: entry.id, params };
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
    const nameField = fields.take(...FIELDS.loss.name);
    if (!nameField) fail([...path, 'name'], trainMessages.missingField);
    name = readString(nameField.value, nameField.path);
    namePath = nameField.path;
  }
  const frameworkField = fields?.take(...FIELDS.loss.framework);
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
  const reductionField = fields?.take(...FIELDS.loss.reduction);
  let reduction: 'mean' | 'sum' = 'mean';
  if (reductionField) {
    const text = readString(reductionField.value, reductionField.path);
    const normalized = text === 'sum_over_batch_size' || text === 'auto' ? 'mean' : text;
    if (normalized !== 'mean' && normalized !== 'sum') fail(reductionField.path, trainMessages.unknownChoice, { choices: 'mean, sum', actual: describe(text) });
    reduction = normalized;
  }
  const fuseField = fields?.take(...FIELDS.loss.fuse);
  const fuse = fuseField ? readBoolean(fuseField.value, fuseField.path) : undefined;
  const params = readParams(entry, fields, fields?.take(...FIELDS.loss.params), lossFramework, path);
  fields?.done(knownNames(FIELDS.loss));
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
  const nameField = fields.take(...FIELDS.builtinData.name);
  const seedField = fields.take(...FIELDS.builtinData.seed);
  const dataSeed = optional(seedField, (v, p) => readNumber(v, p, { integer: true }), deriveSeed(seed, 'data'));
  if (nameField) {
    const name = datasetName(readString(nameField.value, nameField.path), nameField.path);
    const classesField = fields.take(...FIELDS.builtinData.classes);
    if (classesField && name !== 'blobs') fail(classesField.path, trainMessages.classesOnlyBlobs);
    const classes = optional(classesField, (v, p) => readNumber(v, p, { integer: true, min: 2, max: 10 }), 3);
    const info = datasetInfo(name, classes);
    const samples = optional(fields.take(...FIELDS.builtinData.samples), (v, p) => readNumber(v, p, { integer: true, min: 2, max: 100000 }), info.defaultSamples);
    const noise = optional(fields.take(...FIELDS.builtinData.noise), (v, p) => readNumber(v, p, { min: 0, max: 1 }), 0);
    const testField = fields.take(...FIELDS.builtinData.testFraction);
    const testFraction = optional(testField, (v, p) => readNumber(v, p, { min: 0, max: 1, exclusiveMax: true }), 0.5);
    if (samples - Math.floor(samples * testFraction) < 1) fail(testField?.path ?? path, trainMessages.trainEmpty, { points: samples });
    fields.done(knownNames(FIELDS.builtinData));
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
  const pointsField = fields.take(...FIELDS.explicitData.points);
  const labelsField = fields.take(...FIELDS.explicitData.labels);
  if (!pointsField || !labelsField) fail(path, trainMessages.dataSource, { choices: DATASET_NAMES.join(', ') });
  const points = readMatrix(pointsField.value, pointsField.path);
  if (points.length === 0) fail(pointsField.path, trainMessages.emptyData);
  const inputSize = points[0]!.length;
  if (inputSize === 0) fail([...pointsField.path, 0], trainMessages.emptyData);
  const testPointsField = fields.take(...FIELDS.explicitData.testPoints);
  const testLabelsField = fields.take(...FIELDS.explicitData.testLabels);
  if (!!testPointsField !== !!testLabelsField) fail(testPointsField?.path ?? testLabelsField!.path, trainMessages.testPair);
  const classesField = fields.take(...FIELDS.explicitData.classes);
  const declaredClasses = optional(classesField, (v, p) => readNumber(v, p, { integer: true, min: 2, max: 1000 }), 0);
  const testField = fields.take(...FIELDS.explicitData.testFraction);
  const testFraction = testPointsField ? 0 : optional(testField, (v, p) => readNumber(v, p, { min: 0, max: 1, exclusiveMax: true }), 0);
  if (points.length - Math.floor(points.length * testFraction) < 1) fail(testField?.path ?? path, trainMessages.trainEmpty, { points: points.length });
  fields.done(knownNames(FIELDS.explicitData));

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
    const nameField = fields.take(...FIELDS.initializer.name);
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
  const gain = fields.take(...FIELDS.initializer.gain);
  if (gain) spec.gain = readNumber(gain.value, gain.path, { min: 0 });
  const low = fields.take(...FIELDS.initializer.low);
  if (low) spec.low = readNumber(low.value, low.path);
  const high = fields.take(...FIELDS.initializer.high);
  if (high) spec.high = readNumber(high.value, high.path);
  const mean = fields.take(...FIELDS.initializer.mean);
  if (mean) spec.mean = readNumber(mean.value, mean.path);
  const std = fields.take(...FIELDS.initializer.std);
  if (std) spec.std = readNumber(std.value, std.path, { min: 0 });
  const constant = fields.take(...FIELDS.initializer.value);
  if (constant) spec.value = readNumber(constant.value, constant.path);
  fields.done(knownNames(FIELDS.initializer));
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
      const layers = outer.take(...FIELDS.weightsDocument.layers)!;
      for (const meta of [FIELDS.weightsDocument.format, FIELDS.weightsDocument.version, FIELDS.weightsDocument.layout, FIELDS.weightsDocument.inputSize]) outer.take(...meta);
      outer.done(knownNames(FIELDS.weightsDocument));
      listValue = layers.value;
      listPath = layers.path;
    }
    const list = readArray(listValue, listPath);
    if (list.length !== layerCount) fail(listPath, trainMessages.paramCount, { expected: layerCount, actual: list.length });
    entries = list.map((item, i) => {
      const fields = Fields.of(item, [...listPath, i]);
      const weight = fields.take(...FIELDS.linearParams.weight);
      const bias = fields.take(...FIELDS.linearParams.bias);
      fields.take(...FIELDS.linearParams.activation);
      fields.take(...FIELDS.linearParams.units);
      fields.done(knownNames(FIELDS.linearParams));
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
  const inputField = fields.take(...FIELDS.model.inputSize);
  const inputSize = optional(inputField, (v, p) => readNumber(v, p, { integer: true, min: 1, max: 4096 }), data.inputSize);
  if (inputSize !== data.inputSize) fail(inputField!.path, trainMessages.inputSizeMismatch, { expected: inputSize, actual: data.inputSize });

  const defaultActivationField = fields.take(...FIELDS.model.activation);
  const defaultParamsField = fields.take(...FIELDS.model.activationParams);
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
  const layersField = fields.take(...FIELDS.model.layers);
  const sizesField = fields.take(...FIELDS.model.hiddenSizes);
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
      const unitsField = layer.take(...FIELDS.layer.units);
      if (!unitsField) fail([...layerPath, 'units'], trainMessages.missingField);
      const units = readNumber(unitsField.value, unitsField.path, { integer: true, min: 1, max: 4096 });
      const typeField = layer.take(...FIELDS.layer.type);
      if (typeField) {
        const type = readString(typeField.value, typeField.path);
        if (!['dense', 'linear', 'nn.linear'].includes(type.toLowerCase())) fail(typeField.path, trainMessages.unknownChoice, { choices: 'Dense, Linear', actual: describe(type) });
      }
      const activationField = layer.take(...FIELDS.layer.activation);
      const paramsField = layer.take(...FIELDS.layer.activationParams);
      const activation = activationField
        ? resolveActivation(activationField.value, activationField.path, framework, 'hidden', paramsField)
        : paramsField
          ? resolveActivation(sharedActivation().id, paramsField.path, framework, 'hidden', paramsField)
          : sharedActivation();
      layer.done(knownNames(FIELDS.layer));
      layers.push({ units, activation });
    });
  }

  let outputSection: Fields | undefined;
  const outputField = fields.take(...FIELDS.model.output);
  if (outputField) outputSection = Fields.of(outputField.value, outputField.path);
  const outputUnitsField = outputSection?.take(...FIELDS.output.units) ?? fields.take(...FIELDS.model.outputUnits);
  const outputUnits = optional(outputUnitsField, (v, p) => readNumber(v, p, { integer: true, min: 1, max: 4096 }), data.outputUnits);
  if (outputUnits !== data.outputUnits) fail(outputUnitsField!.path, trainMessages.outputUnitsMismatch, { loss: loss.id, expected: data.outputUnits, actual: outputUnits });
  const takesLogits = lossTakesLogits(loss.kind, loss.params, loss.framework);
  const outputActivationField = outputSection?.take(...FIELDS.output.activation) ?? fields.take(...FIELDS.model.outputActivation);
  const outputParamsField = outputSection?.take(...FIELDS.output.activationParams) ?? fields.take(...FIELDS.model.outputActivationParams);
  const outputActivation = outputActivationField
    ? resolveActivation(outputActivationField.value, outputActivationField.path, framework, 'output', outputParamsField)
    : resolveActivation(defaultOutputActivation(loss.kind, takesLogits), outputParamsField?.path ?? [...path, 'output_activation'], framework, 'output', outputParamsField);
  outputSection?.done(knownNames(FIELDS.output));
  const outputPath = outputActivationField?.path ?? [...path, 'output_activation'];
  const rowwise = outputActivation.id === 'softmax' || outputActivation.id === 'log_softmax';
  if (rowwise && outputUnits === 1) fail(outputPath, trainMessages.softmaxSingle, { name: outputActivation.id });

  const weightInitField = fields.take(...FIELDS.model.kernelInitializer);
  const biasInitField = fields.take(...FIELDS.model.biasInitializer);
  const torchLike = framework === 'torch';
  const weightInitializer = optional(weightInitField, parseInitializer, { name: torchLike ? 'torch_default' : 'glorot_uniform' } as InitializerSpec);
  const biasInitializer = optional(biasInitField, parseInitializer, { name: torchLike ? 'torch_default' : 'zeros' } as InitializerSpec);
  const sizes = [inputSize, ...layers.map((l) => l.units), outputUnits];
  const initialParams = optional(fields.take(...FIELDS.model.initialParams), (v, p) => parseInitialParams(v, p, sizes), null);
  fields.done(knownNames(FIELDS.model));

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
  checkLossWeights(loss, outputUnits, takesLogits || fused);
  return {
    model: { inputSize, layers, outputUnits, outputActivation, weightInitializer, biasInitializer, initialParams },
    fused,
  };
}

/** torch weight vectors must fit the outputs: one per class for cross-entropy, one or one per output for BCE. */
function checkLossWeights(loss: ParsedLoss, outputUnits: number, logits: boolean): void {
  const lengthOf = (name: string): number | null => {
    const value = loss.params[name];
    if (value === null || value === undefined) return null;
    return Array.isArray(value) ? (value as readonly (number | readonly number[])[]).flat().length : 1;
  };
  const path = (name: string): PathSegment[] => [...loss.path, 'params', name];
  const perClass = loss.kind === 'cce' || loss.kind === 'sparse_cce' || loss.kind === 'nll';
  for (const name of ['weight', 'pos_weight']) {
    const length = lengthOf(name);
    if (length === null) continue;
    if (name === 'pos_weight' && loss.kind === 'bce' && loss.framework === 'torch' && !logits) fail(path(name), trainMessages.needsLogits, { param: name });
    const fits = perClass ? length === outputUnits : length === 1 || length === outputUnits;
    if (!fits) fail(path(name), trainMessages.rowLength, { expected: outputUnits, actual: length });
  }
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
    const nameField = fields.take(...FIELDS.optimizer.name);
    if (!nameField) fail([...path, 'name'], trainMessages.missingField);
    name = optimizerName(readString(nameField.value, nameField.path), nameField.path);
  }
  const defaults = OPTIMIZER_DEFAULTS[name];
  type Key = keyof typeof FIELDS.optimizer;
  const field = (key: Key) => fields?.take(...FIELDS.optimizer[key]);
  const number = (key: Key, fallback: number, rule: NumberRule = { min: 0 }) => optional(field(key), (v, p) => readNumber(v, p, rule), fallback);
  const bool = (key: Key, fallback: boolean) => optional(field(key), readBoolean, fallback);
  // torch flags that choose an implementation, not the numbers.
  for (const flag of ['foreach', 'capturable', 'differentiable', 'fused'] as const) {
    const given = field(flag);
    if (given && given.value !== null) readBoolean(given.value, given.path);
  }
  const lr = number('lr', defaults.lr);
  const weightDecay = number('weightDecay', defaults.weightDecay);
  const maximize = bool('maximize', false);
  const done = () => fields?.done(knownNames(FIELDS.optimizer, [...OPTIMIZER_FIELDS.common, ...OPTIMIZER_FIELDS[name]]));
  switch (name) {
    case 'sgd': {
      const momentum = number('momentum', 0);
      const dampening = number('dampening', 0, {});
      const nesterovField = field('nesterov');
      const nesterov = optional(nesterovField, readBoolean, false);
      if (nesterov && (momentum <= 0 || dampening !== 0)) fail(nesterovField!.path, trainMessages.nesterov);
      done();
      return { name, lr, momentum, dampening, weightDecay, nesterov, maximize };
    }
    case 'adam':
    case 'adamw': {
      const d = OPTIMIZER_DEFAULTS.adam;
      const unit = { min: 0, max: 1, exclusiveMax: true };
      const betasField = field('betas');
      let beta1 = d.beta1;
      let beta2 = d.beta2;
      if (betasField) {
        const betas = readNumberRow(betasField.value, betasField.path, 2);
        beta1 = readNumber(betas[0], [...betasField.path, 0], unit);
        beta2 = readNumber(betas[1], [...betasField.path, 1], unit);
      }
      beta1 = number('beta1', beta1, unit);
      beta2 = number('beta2', beta2, unit);
      const eps = number('eps', d.eps);
      const amsgrad = bool('amsgrad', false);
      done();
      return { name, lr, beta1, beta2, eps, weightDecay, amsgrad, maximize };
    }
    case 'rmsprop': {
      const d = OPTIMIZER_DEFAULTS.rmsprop;
      const alpha = number('alpha', d.alpha);
      const eps = number('eps', d.eps);
      const momentum = number('momentum', d.momentum);
      const centered = bool('centered', false);
      done();
      return { name, lr, alpha, eps, weightDecay, momentum, centered, maximize };
    }
    case 'adagrad': {
      const d = OPTIMIZER_DEFAULTS.adagrad;
      const lrDecay = number('lrDecay', d.lrDecay);
      const initialAccumulatorValue = number('initialAccumulatorValue', d.initialAccumulatorValue);
      const eps = number('eps', d.eps);
      done();
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
  // A validated configuration that lost its identity (structured-cloned to a worker): validate its user form.
  if (hasValidatedShape(raw)) return parseTrainingConfig(toRawConfig(raw));
  const root = Fields.of(raw, []);
  for (const meta of [FIELDS.root.schema, FIELDS.root.name, FIELDS.root.description, FIELDS.root.experiment]) root.take(...meta);
  const frameworkField = root.take(...FIELDS.root.framework);
  let framework: Framework = 'torch';
  if (frameworkField) {
    try {
      framework = parseFramework(readString(frameworkField.value, frameworkField.path));
    } catch (error) {
      rethrowAt(frameworkField.path, error);
    }
  }
  const seed = optional(root.take(...FIELDS.root.seed), (v, p) => readNumber(v, p, { integer: true }), 0);
  const lossField = root.take(...FIELDS.root.loss);
  if (!lossField) fail(['loss'], trainMessages.missingField);
  const loss = parseLoss(lossField.value, lossField.path, framework);
  const dataField = root.take(...FIELDS.root.data);
  if (!dataField) fail(['data'], trainMessages.missingField);
  const data = parseData(dataField.value, dataField.path, loss, seed);
  const warnings: ConfigWarning[] = [];
  const modelField = root.take(...FIELDS.root.model);
  const { model, fused } = parseModel(modelField?.value ?? {}, modelField?.path ?? ['model'], framework, loss, data, warnings);
  const optimizer = optional(root.take(...FIELDS.root.optimizer), parseOptimizer, OPTIMIZER_DEFAULTS.sgd);

  const regularizationField = root.take(...FIELDS.root.regularization);
  let regularization = { l1: 0, l2: 0 };
  if (regularizationField) {
    const fields = Fields.of(regularizationField.value, regularizationField.path);
    const l1 = optional(fields.take(...FIELDS.regularization.l1), (v, p) => readNumber(v, p, { min: 0 }), 0);
    const l2 = optional(fields.take(...FIELDS.regularization.l2), (v, p) => readNumber(v, p, { min: 0 }), 0);
    fields.done(knownNames(FIELDS.regularization));
    regularization = { l1, l2 };
  }
  const batchField = root.take(...FIELDS.root.batchSize);
  const batchSize = batchField && batchField.value !== null && batchField.value !== 'full' ? readNumber(batchField.value, batchField.path, { integer: true, min: 1, max: 1_000_000 }) : null;
  const epochsField = root.take(...FIELDS.root.epochs);
  const stepsField = root.take(...FIELDS.root.steps);
  if (epochsField && stepsField) fail(stepsField.path, trainMessages.stepsAndEpochs);
  const epochs = optional(epochsField, (v, p) => readNumber(v, p, { integer: true, min: 0, max: 10_000_000 }), stepsField ? null : 100);
  const steps = optional(stepsField, (v, p) => readNumber(v, p, { integer: true, min: 0, max: 100_000_000 }), null);
  const shuffle = optional(root.take(...FIELDS.root.shuffle), readBoolean, true);
  const dropLast = optional(root.take(...FIELDS.root.dropLast), readBoolean, false);
  root.done(knownNames(FIELDS.root));

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
