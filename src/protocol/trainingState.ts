/**
 * Edits of the Training tab's configuration, pure so unit tests cover them. The tab keeps the configuration
 * in the user format; each control changes one part and drops what depended on the old value (a new loss
 * drops its parameters and the output layer it implied, a new data set the input and output sizes), so the
 * validator fills in what fits. `canonicalConfig` then writes every default out, which is also what a saved
 * config file holds.
 */
import type { Framework } from '../core/catalog/types';
import { FormulaLensError } from '../core/l10n';
// The training modules are imported one by one: the index also brings the config-text reader (and its YAML
// parser), which the page does not need.
import type { TrainingConfig } from '../core/train/config';
import { DATASET_NAMES, datasetInfo, type DatasetName } from '../core/train/datasets';
import { taskOf, TRAINING_LOSS_IDS, type Task } from '../core/train/losses';
import { toRawConfig } from '../core/train/serialize';
import { parseTrainingConfig } from '../core/train/validate';
import type { CompareDimension, CompareSettings, JsonObject, JsonValue, TrainingDataSource, TrainingPanelState } from './trainingPanel';

/** The configuration a new Training tab starts from: the spiral, two ReLU layers, binary cross-entropy, Adam. */
export const DEFAULT_TRAINING_CONFIG: JsonObject = {
  seed: 1,
  data: { name: 'spiral', noise: 0.1, test_fraction: 0.5 },
  model: { layers: [{ units: 8, activation: 'relu' }, { units: 8, activation: 'relu' }] },
  loss: 'binary_crossentropy',
  optimizer: { name: 'adam', lr: 0.01 },
  batch_size: 16,
  epochs: 500,
};

/** Activations a comparison offers first (any elementwise catalog activation works). */
export const COMPARE_ACTIVATIONS: readonly string[] = ['relu', 'sigmoid', 'tanh', 'leaky_relu', 'elu', 'gelu', 'silu', 'softplus'];

/** The comparison a new tab suggests: sigmoid against ReLU hidden layers, MSE against cross-entropy. */
export const DEFAULT_COMPARE: CompareSettings = { dimension: 'activation', activations: ['relu', 'sigmoid'], losses: ['binary_crossentropy', 'mse'], steps: 1000 };

/** A configuration validated and written back with every default, or why it is invalid. */
export type CanonicalResult =
  | { readonly ok: true; readonly config: JsonObject; readonly validated: TrainingConfig }
  | { readonly ok: false; readonly error: FormulaLensError };

/** Plain JSON (typed arrays and readonly markers dropped): what `toRawConfig` gives, as the state stores it. */
function toJson(value: unknown): JsonObject {
  return JSON.parse(JSON.stringify(value)) as JsonObject;
}

/** Validates a configuration and writes it in the full user format (every default explicit). */
export function canonicalConfig(config: JsonObject): CanonicalResult {
  try {
    const validated = parseTrainingConfig(config);
    return { ok: true, config: toJson(toRawConfig(validated)), validated };
  } catch (error) {
    if (error instanceof FormulaLensError) return { ok: false, error };
    throw error;
  }
}

/** The state of a new Training tab. */
export function defaultTrainingState(): TrainingPanelState {
  const canonical = canonicalConfig(DEFAULT_TRAINING_CONFIG);
  return {
    config: canonical.ok ? canonical.config : DEFAULT_TRAINING_CONFIG,
    source: { kind: 'builtin' },
    speed: 500,
    logScale: true,
    compare: DEFAULT_COMPARE,
  };
}

/** A sub-object of a configuration ({} when absent or not an object). */
function section(config: JsonObject, key: string): JsonObject {
  const value = config[key];
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : {};
}

/** An object without some keys. */
function without(object: JsonObject, ...keys: string[]): JsonObject {
  const copy: Record<string, JsonValue> = { ...object };
  for (const key of keys) delete copy[key];
  return copy;
}

/** The name of an activation or loss field, whether written as a string or as `{name: ...}`. */
export function nameOf(value: JsonValue | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as JsonObject)['name'] === 'string') return (value as JsonObject)['name'] as string;
  return undefined;
}

/** The task a training loss id trains for (undefined for ids training does not support). */
export function lossTask(id: string): Task | undefined {
  const kind = TRAINING_LOSS_IDS[id];
  return kind ? taskOf(kind) : undefined;
}

/** The task the labels of a data set (or of imported class labels) call for. */
function dataTask(classes: number): Task {
  return classes === 0 ? 'regression' : classes === 2 ? 'binary' : 'multiclass';
}

/** Keeps a loss that suits the task (a regression loss also fits 0/1 labels), else the usual one for it. */
export function suitableLoss(current: string | undefined, task: Task): string {
  const currentTask = current ? lossTask(current) : undefined;
  if (currentTask === task || (currentTask === 'regression' && task === 'binary')) return current!;
  return task === 'regression' ? 'mse' : task === 'binary' ? 'binary_crossentropy' : 'categorical_crossentropy';
}

/** The model without the sizes the data imply, so the validator derives them again. */
function modelForNewData(config: JsonObject): JsonObject {
  return without(section(config, 'model'), 'input_size', 'output_units');
}

/** The loss field with a new name: its parameters and fusing (specific to the old loss) go. */
function lossNamed(config: JsonObject, id: string): JsonObject {
  const loss = section(config, 'loss');
  return { ...without(loss, 'params', 'fuse', 'name'), name: id };
}

/** Uses a built-in data set (noise, test share and seed kept; the sample count goes back to the set's default). */
export function withDataset(config: JsonObject, name: DatasetName): JsonObject {
  const data = section(config, 'data');
  const kept: Record<string, JsonValue> = { name };
  for (const key of ['noise', 'test_fraction', 'seed']) if (data[key] !== undefined) kept[key] = data[key]!;
  const task = dataTask(datasetInfo(name).classes);
  const currentLoss = nameOf(config['loss']);
  const loss = suitableLoss(currentLoss, task);
  const model = modelForNewData(config);
  return {
    ...config,
    data: kept,
    model: loss === currentLoss ? model : without(model, 'output_activation'),
    loss: loss === currentLoss ? config['loss']! : lossNamed(config, loss),
  };
}

/**
 * Uses imported points and labels. Text labels arrive as class indices with their names; numeric labels
 * decide the task themselves (integers 0..k-1 are classes, anything else values).
 */
export function withExplicitData(config: JsonObject, points: readonly (readonly number[])[], labels: readonly number[], classNames: readonly string[] | null): JsonObject {
  const data = section(config, 'data');
  const integers = labels.every((label) => Number.isInteger(label) && label >= 0);
  const classes = classNames ? Math.max(2, classNames.length) : integers ? Math.max(2, ...labels.map((label) => label + 1)) : 0;
  const signed = !classNames && labels.every((label) => label === -1 || label === 1);
  const task = signed ? 'binary' : dataTask(classes);
  const currentLoss = nameOf(config['loss']);
  const loss = suitableLoss(currentLoss, task);
  const nextData: Record<string, JsonValue> = {
    points: points.map((point) => [...point]),
    labels: [...labels],
    test_fraction: typeof data['test_fraction'] === 'number' ? data['test_fraction'] : 0.2,
  };
  if (typeof data['seed'] === 'number') nextData['seed'] = data['seed'];
  if (classNames && task === 'multiclass') nextData['classes'] = classes;
  const model = modelForNewData(config);
  return {
    ...config,
    data: nextData,
    model: loss === currentLoss ? model : without(model, 'output_activation'),
    loss: loss === currentLoss ? config['loss']! : lossNamed(config, loss),
  };
}

/** Uses another loss; the output activation goes back to the one the loss expects. */
export function withLoss(config: JsonObject, id: string): JsonObject {
  return { ...config, loss: lossNamed(config, id), model: without(section(config, 'model'), 'output_activation', 'output_units') };
}

/** Uses another loss but keeps the output activation (a comparison of MSE and cross-entropy on the same sigmoid output). */
export function withLossKeepingOutput(config: JsonObject, id: string): JsonObject {
  return { ...config, loss: lossNamed(config, id), model: without(section(config, 'model'), 'output_units') };
}

/** The hidden layers as (units, activation id) pairs, read from the canonical `layers` list. */
export function hiddenLayers(config: JsonObject): { units: number; activation: string }[] {
  const layers = section(config, 'model')['layers'];
  if (!Array.isArray(layers)) return [];
  return layers.map((layer) => {
    if (typeof layer === 'number') return { units: layer, activation: 'relu' };
    const object = (typeof layer === 'object' && layer !== null && !Array.isArray(layer) ? layer : {}) as JsonObject;
    return { units: typeof object['units'] === 'number' ? object['units'] : 1, activation: nameOf(object['activation']) ?? 'relu' };
  });
}

/** Replaces the hidden layers (activation parameters go back to their defaults). */
export function withHiddenLayers(config: JsonObject, layers: readonly { readonly units: number; readonly activation: string }[]): JsonObject {
  const model = without(section(config, 'model'), 'hidden_sizes', 'activation', 'activation_params', 'initial_params');
  return { ...config, model: { ...model, layers: layers.map((layer) => ({ units: layer.units, activation: { name: layer.activation } })) } };
}

/** Every hidden layer with the same activation (a comparison's variant). */
export function withHiddenActivation(config: JsonObject, id: string): JsonObject {
  return withHiddenLayers(config, hiddenLayers(config).map((layer) => ({ units: layer.units, activation: id })));
}

/** Uses another output activation. */
export function withOutputActivation(config: JsonObject, id: string): JsonObject {
  const model = section(config, 'model');
  return { ...config, model: { ...without(model, 'output_activation_params'), output_activation: { name: id } }, loss: without(section(config, 'loss'), 'fuse') };
}

/** Uses another optimizer with its defaults, keeping the learning rate. */
export function withOptimizer(config: JsonObject, name: string): JsonObject {
  const lr = section(config, 'optimizer')['lr'];
  return { ...config, optimizer: typeof lr === 'number' ? { name, lr } : { name } };
}

/** Switches framework semantics: every activation and loss parameter goes back to the new framework's defaults. */
export function withFramework(config: JsonObject, framework: Framework): JsonObject {
  const model = section(config, 'model');
  const output = nameOf(model['output_activation']);
  const next = withHiddenLayers(config, hiddenLayers(config));
  const nextModel = section(next, 'model');
  return {
    ...next,
    framework,
    model: output ? { ...without(nextModel, 'output_activation_params'), output_activation: { name: output } } : nextModel,
    loss: { ...without(section(config, 'loss'), 'params', 'framework', 'fuse'), name: nameOf(config['loss']) ?? 'mse' },
  };
}

/** Sets a number (or removes it with null) at a path such as ['optimizer', 'lr'] or ['data', 'noise']. */
export function withNumber(config: JsonObject, path: readonly string[], value: number | null): JsonObject {
  const [head, ...rest] = path;
  if (head === undefined) return config;
  if (rest.length === 0) return value === null ? without(config, head) : { ...config, [head]: value };
  return { ...config, [head]: withNumber(section(config, head), rest, value) };
}

/** Trains for a number of epochs or of steps (the other one goes). */
export function withDuration(config: JsonObject, unit: 'epochs' | 'steps', count: number): JsonObject {
  return { ...without(config, 'epochs', 'steps'), [unit]: count };
}

/** Where the data of a configuration loaded from a file come from: a built-in set, or the points written in that file. */
export function sourceOfConfig(config: JsonObject, fileName: string): TrainingDataSource {
  const data = section(config, 'data');
  const builtin = typeof data['name'] === 'string' && (DATASET_NAMES as readonly string[]).includes(data['name']);
  return builtin ? { kind: 'builtin' } : { kind: 'file', name: fileName || 'config', classNames: null };
}

/** One run of a comparison: a label and its configuration. */
export interface CompareVariantConfig {
  readonly label: string;
  readonly config: JsonObject;
}

/**
 * The configurations a comparison trains: the current setup with each chosen hidden activation, or each
 * chosen loss (keeping the output activation when that validates, else the loss's own output).
 */
export function compareVariants(config: JsonObject, dimension: CompareDimension, choices: readonly string[]): CompareVariantConfig[] {
  return choices.map((id) => {
    if (dimension === 'activation') return { label: id, config: withHiddenActivation(config, id) };
    const kept = withLossKeepingOutput(config, id);
    return { label: id, config: canonicalConfig(kept).ok ? kept : withLoss(config, id) };
  });
}
