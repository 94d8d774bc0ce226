/**
 * The Training tab's form: data (built-in sets or imported data), model, loss and optimizer, as controls over
 * the configuration in the user format. Every control changes the configuration through the tab (`form`),
 * which validates it, persists it and decides between restarting the run and a live change.
 */
import * as l10n from '@vscode/l10n';
import { CATALOG, getEntry } from '../src/core/catalog/registry';
import { FRAMEWORKS, type Framework } from '../src/core/catalog/types';
import { DATASET_NAMES, type DatasetName } from '../src/core/train/datasets';
import { TRAINING_LOSS_IDS } from '../src/core/train/losses';
import { OPTIMIZER_NAMES } from '../src/core/train/optimizers';
import type { JsonObject, TrainingPanelState } from '../src/protocol/trainingPanel';
import { hiddenLayers, nameOf, withDataset, withDuration, withFramework, withHiddenLayers, withLoss, withNumber, withOptimizer, withOutputActivation } from '../src/protocol/trainingState';
import { button, el, labelled, select, uniqueId } from './dom';
import { frameworkLabel } from './functionRows';
import { postToHost } from './hostBridge';

/** Hidden layers the editor offers at most, and units per layer. */
const MAX_LAYERS = 8;
const MAX_UNITS = 128;
/** The learning-rate slider spans 10^-5 to 10^1. */
const LR_LOG_RANGE: readonly [number, number] = [-5, 1];

/** What the form needs from its tab. */
export interface TrainingForm {
  /** The data source picked but not imported yet ('file' or 'selection' until the data arrive). */
  pendingSource(): 'file' | 'selection' | null;
  /** The import panel, shown under a file or selection source. */
  readonly importView: HTMLElement;
  /** Changes the configuration; `inPlace` when the control already shows the value (a dragged slider). */
  setConfig(change: (config: JsonObject) => JsonObject, inPlace?: boolean): void;
  /** Switches the data source (built-in data at once; a file or selection once its data are imported). */
  chooseSource(kind: 'builtin' | 'file' | 'selection'): void;
}

function datasetLabel(name: DatasetName): string {
  switch (name) {
    case 'circle': return l10n.t('Circle');
    case 'xor': return l10n.t('XOR');
    case 'gauss': return l10n.t('Two Gaussians');
    case 'spiral': return l10n.t('Spiral');
    case 'moons': return l10n.t('Two moons');
    case 'blobs': return l10n.t('Blobs (several classes)');
    case 'plane': return l10n.t('Plane (regression)');
    case 'gaussian': return l10n.t('Gaussian bumps (regression)');
    case 'sine': return l10n.t('Sine (1-D regression)');
  }
}

function titleOf(id: string): string {
  return id === 'linear' ? l10n.t('Linear (none)') : getEntry(id)?.title ?? id;
}

/** Catalog activations usable in hidden layers (elementwise ones). */
function hiddenActivationIds(): string[] {
  return ['linear', ...CATALOG.filter((entry) => entry.kind === 'activation' && entry.kernel).map((entry) => entry.id)];
}

/** Activations usable on the output layer: the elementwise ones and the row-wise softmax / log-softmax. */
function outputActivationIds(): string[] {
  return [...hiddenActivationIds(), 'softmax', 'log_softmax'];
}

/** A sub-object of the configuration ({} when absent). */
export function section(config: JsonObject, key: string): JsonObject {
  const value = config[key];
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : {};
}

/** The number at a path of the configuration, or null. */
export function numberAt(config: JsonObject, path: readonly string[]): number | null {
  let value: unknown = config;
  for (const key of path) value = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject)[key] : undefined;
  return typeof value === 'number' ? value : null;
}

/** Options of a number input. */
interface NumberOptions {
  readonly min?: number;
  readonly max?: number;
  readonly step?: number | 'any';
  readonly integer?: boolean;
  /** A blank field commits null (e.g. "full batch"). */
  readonly blank?: string;
  readonly focusKey: string;
}

/** A labelled number input that commits valid values on change. */
function numberField(label: string, value: number | null, options: NumberOptions, onCommit: (value: number | null) => void): HTMLElement {
  const input = el('input', { type: 'number', step: options.step ?? 'any', min: options.min, max: options.max, 'data-focus-key': options.focusKey, placeholder: options.blank });
  if (value !== null) input.value = String(value);
  input.addEventListener('change', () => {
    if (input.value.trim() === '' && options.blank !== undefined) {
      input.setAttribute('aria-invalid', 'false');
      onCommit(null);
      return;
    }
    const parsed = input.valueAsNumber;
    const ok = Number.isFinite(parsed) && (options.min === undefined || parsed >= options.min) && (options.max === undefined || parsed <= options.max) && (!options.integer || Number.isInteger(parsed));
    input.setAttribute('aria-invalid', String(!ok));
    if (ok) onCommit(parsed);
  });
  return labelled(label, input);
}

/** A labelled slider with its value shown; `onInput` fires while dragging. */
function sliderField(label: string, value: number, min: number, max: number, step: number, format: (value: number) => string, focusKey: string, onInput: (value: number) => void): HTMLElement {
  const id = uniqueId('slider');
  const output = el('output', { for: id }, format(value));
  const input = el('input', { type: 'range', id, min, max, step, 'data-focus-key': focusKey });
  input.value = String(value);
  input.addEventListener('input', () => {
    output.textContent = format(input.valueAsNumber);
    onInput(input.valueAsNumber);
  });
  return el('div', { class: 'field slider' }, el('label', { for: id }, label), input, output);
}

/** The whole form: data, model, loss and optimizer. */
export function trainingControls(state: TrainingPanelState, form: TrainingForm): HTMLElement {
const config = state.config;
const framework = (typeof config['framework'] === 'string' && (FRAMEWORKS as readonly string[]).includes(config['framework']) ? config['framework'] : 'torch') as Framework;
return el('div', {}, dataControls(state, form), modelControls(config, form), lossControls(config, framework, form), optimizerControls(config, form));
}

function dataControls(state: TrainingPanelState, form: TrainingForm): HTMLElement {
  const config = state.config;
  const data = section(config, 'data');
  const kind = form.pendingSource() ?? state.source.kind;
  const source = select([
    { value: 'builtin', label: l10n.t('Built-in data set') },
    { value: 'file', label: l10n.t('CSV or JSON file from the workspace') },
    { value: 'selection', label: l10n.t('Array literal selected in the editor') },
  ], kind, { 'data-focus-key': 'data-source', 'aria-label': l10n.t('Data source'), 'data-testid': 'data-source' });
  source.addEventListener('change', () => form.chooseSource(source.value as 'builtin' | 'file' | 'selection'));
  const rows: (Node | null)[] = [el('div', { class: 'field' }, source)];
  if (kind === 'builtin') {
    const name = typeof data['name'] === 'string' ? data['name'] : 'spiral';
    const dataset = select(DATASET_NAMES.map((value) => ({ value, label: datasetLabel(value) })), name, { 'data-focus-key': 'dataset', 'data-testid': 'dataset' });
    dataset.addEventListener('change', () => form.setConfig((c) => withDataset(c, dataset.value as DatasetName)));
    rows.push(labelled(l10n.t('Data set'), dataset));
    if (name === 'blobs') {
      rows.push(numberField(l10n.t('Classes'), numberAt(config, ['data', 'classes']), { min: 2, max: 10, step: 1, integer: true, focusKey: 'classes' }, (value) => form.setConfig((c) => withNumber(c, ['data', 'classes'], value))));
    }
    rows.push(
      sliderField(l10n.t('Noise'), numberAt(config, ['data', 'noise']) ?? 0, 0, 0.5, 0.01, (v) => `${Math.round(v * 100)}%`, 'noise', (value) => form.setConfig((c) => withNumber(c, ['data', 'noise'], value), true)),
      numberField(l10n.t('Points'), numberAt(config, ['data', 'samples']), { min: 10, max: 20_000, step: 1, integer: true, focusKey: 'samples' }, (value) => form.setConfig((c) => withNumber(c, ['data', 'samples'], value))),
    );
  } else if (state.source.kind === kind) {
    rows.push(el('p', { class: 'hint' }, l10n.t('Using {0}: {1} points.', state.source.name, Array.isArray(data['points']) ? data['points'].length : 0)));
  }
  if (kind === 'file') rows.push(button(l10n.t('Choose a file…'), () => postToHost({ type: 'requestData', source: 'file' }), { class: 'secondary', 'data-focus-key': 'choose-file', 'data-testid': 'choose-file' }));
  if (kind === 'selection') rows.push(button(l10n.t('Use the editor selection'), () => postToHost({ type: 'requestData', source: 'selection' }), { class: 'secondary', 'data-focus-key': 'use-selection', 'data-testid': 'use-selection' }));
  if (kind !== 'builtin') rows.push(form.importView);
  rows.push(
    sliderField(l10n.t('Test share'), numberAt(config, ['data', 'test_fraction']) ?? 0, 0, 0.9, 0.05, (v) => `${Math.round(v * 100)}%`, 'test-fraction', (value) => form.setConfig((c) => withNumber(c, ['data', 'test_fraction'], value), true)),
    button(l10n.t('New data seed'), () => form.setConfig((c) => withNumber(c, ['data', 'seed'], Math.floor(Math.random() * 2 ** 31))), { class: 'link', 'data-focus-key': 'data-seed', title: l10n.t('Draw other points and another train/test split') }),
  );
  return el('fieldset', {}, el('legend', {}, l10n.t('Data')), ...rows);
}

function modelControls(config: JsonObject, form: TrainingForm): HTMLElement {
  const layers = hiddenLayers(config);
  const activations = hiddenActivationIds();
  const rows = layers.map((layer, index) => {
    const units = el('input', { type: 'number', min: 1, max: MAX_UNITS, step: 1, 'data-focus-key': `layer-${index}-units`, 'aria-label': l10n.t('Units of hidden layer {0}', index + 1) });
    units.value = String(layer.units);
    units.addEventListener('change', () => {
      const value = units.valueAsNumber;
      const ok = Number.isInteger(value) && value >= 1 && value <= MAX_UNITS;
      units.setAttribute('aria-invalid', String(!ok));
      if (ok) form.setConfig((c) => withHiddenLayers(c, hiddenLayers(c).map((item, i) => (i === index ? { ...item, units: value } : item))));
    });
    const activation = select(activations.map((id) => ({ value: id, label: titleOf(id) })), layer.activation, { 'data-focus-key': `layer-${index}-activation`, 'aria-label': l10n.t('Activation of hidden layer {0}', index + 1), 'data-testid': `layer-${index}-activation` });
    activation.addEventListener('change', () => form.setConfig((c) => withHiddenLayers(c, hiddenLayers(c).map((item, i) => (i === index ? { ...item, activation: activation.value } : item)))));
    const remove = button('×', () => form.setConfig((c) => withHiddenLayers(c, hiddenLayers(c).filter((_, i) => i !== index))), { class: 'icon', 'aria-label': l10n.t('Remove hidden layer {0}', index + 1), 'data-focus-key': `layer-${index}-remove` });
    return el('div', { class: 'layer-row' }, el('span', { class: 'hint' }, String(index + 1)), units, activation, remove);
  });
  const add = button(l10n.t('Add a layer'), () => form.setConfig((c) => {
    const current = hiddenLayers(c);
    return withHiddenLayers(c, [...current, { units: current.at(-1)?.units ?? 8, activation: current.at(-1)?.activation ?? 'relu' }]);
  }), { class: 'link', 'data-focus-key': 'add-layer', disabled: layers.length >= MAX_LAYERS });
  const output = nameOf(section(config, 'model')['output_activation']) ?? 'linear';
  const outputSelect = select(outputActivationIds().map((id) => ({ value: id, label: titleOf(id) })), output, { 'data-focus-key': 'output-activation' });
  outputSelect.addEventListener('change', () => form.setConfig((c) => withOutputActivation(c, outputSelect.value)));
  return el('fieldset', {}, el('legend', {}, l10n.t('Model')),
    el('p', { class: 'hint' }, l10n.t('Hidden layers (units, activation):')),
    el('div', { class: 'layer-rows' }, ...rows),
    add,
    labelled(l10n.t('Output activation'), outputSelect),
    button(l10n.t('New initial weights'), () => form.setConfig((c) => withNumber(c, ['seed'], Math.floor(Math.random() * 2 ** 31))), { class: 'link', 'data-focus-key': 'init-seed', title: l10n.t('Draw other initial weights (another seed)') }));
}

function lossControls(config: JsonObject, framework: Framework, form: TrainingForm): HTMLElement {
  const frameworkSelect = select(FRAMEWORKS.map((value) => ({ value, label: frameworkLabel(value) })), framework, { 'data-focus-key': 'train-framework' });
  frameworkSelect.addEventListener('change', () => form.setConfig((c) => withFramework(c, frameworkSelect.value as Framework)));
  const lossId = nameOf(config['loss']) ?? 'mse';
  const loss = select(Object.keys(TRAINING_LOSS_IDS).map((id) => ({ value: id, label: titleOf(id) })), lossId, { 'data-focus-key': 'loss', 'data-testid': 'loss' });
  loss.addEventListener('change', () => form.setConfig((c) => withLoss(c, loss.value)));
  return el('fieldset', {}, el('legend', {}, l10n.t('Loss')),
    labelled(l10n.t('Semantics'), frameworkSelect, l10n.t('Defaults and edge cases follow this framework.')),
    labelled(l10n.t('Loss'), loss));
}

function optimizerControls(config: JsonObject, form: TrainingForm): HTMLElement {
  const optimizer = section(config, 'optimizer');
  const name = typeof optimizer['name'] === 'string' ? optimizer['name'] : 'sgd';
  const optimizerSelect = select(OPTIMIZER_NAMES.map((value) => ({ value, label: value === 'sgd' ? 'SGD' : value === 'adamw' ? 'AdamW' : value === 'rmsprop' ? 'RMSprop' : value === 'adagrad' ? 'Adagrad' : 'Adam' })), name, { 'data-focus-key': 'optimizer' });
  optimizerSelect.addEventListener('change', () => form.setConfig((c) => withOptimizer(c, optimizerSelect.value)));
  const lr = numberAt(config, ['optimizer', 'lr']) ?? 0.01;
  const lrInput = el('input', { type: 'number', min: 0, step: 'any', 'data-focus-key': 'lr', 'data-testid': 'learning-rate', id: uniqueId('lr') });
  lrInput.value = String(lr);
  const lrSlider = el('input', { type: 'range', min: LR_LOG_RANGE[0], max: LR_LOG_RANGE[1], step: 0.05, 'data-focus-key': 'lr-slider', 'aria-label': l10n.t('Learning rate (log scale)') });
  lrSlider.value = String(Math.log10(Math.max(lr, 10 ** LR_LOG_RANGE[0])));
  const commitLr = (value: number) => form.setConfig((c) => withNumber(c, ['optimizer', 'lr'], value), true);
  lrSlider.addEventListener('input', () => {
    const value = Number.parseFloat((10 ** lrSlider.valueAsNumber).toPrecision(3));
    lrInput.value = String(value);
    commitLr(value);
  });
  lrInput.addEventListener('change', () => {
    const value = lrInput.valueAsNumber;
    const ok = Number.isFinite(value) && value >= 0;
    lrInput.setAttribute('aria-invalid', String(!ok));
    if (!ok) return;
    lrSlider.value = String(Math.log10(Math.max(value, 10 ** LR_LOG_RANGE[0])));
    commitLr(value);
  });
  const regularization = (key: 'l1' | 'l2', label: string) => numberField(label, numberAt(config, ['regularization', key]) ?? 0, { min: 0, focusKey: `reg-${key}` }, (value) => form.setConfig((c) => withNumber(c, ['regularization', key], value ?? 0), true));
  const unit = config['steps'] !== undefined ? 'steps' : 'epochs';
  const duration = numberAt(config, [unit]) ?? 0;
  const unitSelect = select([{ value: 'epochs', label: l10n.t('epochs') }, { value: 'steps', label: l10n.t('steps') }], unit, { 'data-focus-key': 'duration-unit', 'aria-label': l10n.t('Unit of the training length') });
  const durationInput = el('input', { type: 'number', min: 1, step: 1, 'data-focus-key': 'duration', 'aria-label': l10n.t('Training length') });
  durationInput.value = String(duration);
  const commitDuration = () => {
    const value = durationInput.valueAsNumber;
    const ok = Number.isInteger(value) && value >= 1;
    durationInput.setAttribute('aria-invalid', String(!ok));
    if (ok) form.setConfig((c) => withDuration(c, unitSelect.value as 'epochs' | 'steps', value));
  };
  durationInput.addEventListener('change', commitDuration);
  unitSelect.addEventListener('change', commitDuration);
  return el('fieldset', {}, el('legend', {}, l10n.t('Optimizer')),
    labelled(l10n.t('Optimizer'), optimizerSelect),
    el('div', { class: 'field' }, el('label', { for: lrInput.id }, l10n.t('Learning rate')), lrInput, lrSlider, el('span', { class: 'hint' }, l10n.t('changes apply while training'))),
    regularization('l1', l10n.t('L1 penalty')),
    regularization('l2', l10n.t('L2 penalty')),
    numberField(l10n.t('Batch size'), numberAt(config, ['batch_size']), { min: 1, step: 1, integer: true, blank: l10n.t('full batch'), focusKey: 'batch-size' }, (value) => form.setConfig((c) => withNumber(c, ['batch_size'], value))),
    el('div', { class: 'field' }, el('label', {}, l10n.t('Train for')), durationInput, unitSelect));
}
