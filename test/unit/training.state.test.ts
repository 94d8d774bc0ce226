/**
 * The Training tab's configuration edits and its round trip through config files: each edit gives a valid
 * configuration that changed only what it should; the panel's configuration written as YAML or JSON and
 * read back is the same configuration; config file problems land on the exact text they are about.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { localize } from '../../src/core/l10n';
import { parseTrainingConfigText, toRawConfig, DATASET_NAMES, TRAINING_LOSS_IDS } from '../../src/core/train/index';
import { checkTrainingConfigText, pathSegments, writeTrainingConfig } from '../../src/core/trainfile/index';
import type { JsonObject } from '../../src/protocol/trainingPanel';
import {
  canonicalConfig,
  compareVariants,
  DEFAULT_TRAINING_CONFIG,
  defaultTrainingState,
  hiddenLayers,
  lossTask,
  sourceOfConfig,
  suitableLoss,
  withDataset,
  withDuration,
  withExplicitData,
  withFramework,
  withHiddenActivation,
  withHiddenLayers,
  withLoss,
  withNumber,
  withOptimizer,
  withOutputActivation,
} from '../../src/protocol/trainingState';

function valid(config: JsonObject) {
  const result = canonicalConfig(config);
  assert.ok(result.ok, result.ok ? '' : result.error.message);
  return result;
}

test('the default configuration is valid and canonical (validating its canonical form changes nothing)', () => {
  const state = defaultTrainingState();
  const again = valid(state.config);
  assert.deepEqual(again.config, state.config);
  assert.equal(again.validated.data.kind === 'builtin' && again.validated.data.name, 'spiral');
  assert.deepEqual(hiddenLayers(state.config), [{ units: 8, activation: 'relu' }, { units: 8, activation: 'relu' }]);
});

test('every built-in data set gives a valid configuration, switching the loss only when the task needs it', () => {
  const base = defaultTrainingState().config;
  for (const name of DATASET_NAMES) {
    const result = valid(withDataset(base, name));
    const expected = name === 'blobs' ? 'multiclass' : ['plane', 'gaussian', 'sine'].includes(name) ? 'regression' : 'binary';
    assert.equal(result.validated.task, expected, name);
    if (expected === 'binary') assert.equal(result.validated.loss.id, 'binary_crossentropy', 'a suitable loss is kept');
  }
  // Noise, test share and seed survive a data set change; the sample count goes back to the set's default.
  const noisy = withNumber(withNumber(base, ['data', 'noise'], 0.3), ['data', 'samples'], 300);
  const moved = valid(withDataset(noisy, 'circle')).validated.data;
  assert.ok(moved.kind === 'builtin' && moved.noise === 0.3 && moved.samples === 500 && moved.testFraction === 0.5);
  // A regression loss on 0/1 labels is a choice the user may make: kept.
  assert.equal(valid(withDataset(withLoss(base, 'mse'), 'xor')).validated.loss.id, 'mse');
});

test('every training loss gives a valid configuration on a data set of its task, with the output it expects', () => {
  const base = defaultTrainingState().config;
  for (const id of Object.keys(TRAINING_LOSS_IDS)) {
    const task = lossTask(id)!;
    const data = task === 'multiclass' ? 'blobs' : task === 'binary' ? 'circle' : 'plane';
    const result = valid(withLoss(withDataset(base, data), id));
    assert.equal(result.validated.loss.id, id);
    assert.equal(result.validated.warnings.length, 0, `${id}: ${result.validated.warnings.map((w) => localize(w.text, w.args, 'en')).join('; ')}`);
  }
  assert.equal(suitableLoss('mse', 'binary'), 'mse');
  assert.equal(suitableLoss('hinge', 'multiclass'), 'categorical_crossentropy');
  assert.equal(suitableLoss(undefined, 'regression'), 'mse');
});

test('layers, activations, optimizer, framework, numbers and duration edits', () => {
  const base = defaultTrainingState().config;
  const layers = valid(withHiddenLayers(base, [{ units: 4, activation: 'tanh' }, { units: 3, activation: 'leaky_relu' }, { units: 2, activation: 'elu' }])).validated;
  assert.deepEqual(layers.model.layers.map((layer) => [layer.units, layer.activation.id]), [[4, 'tanh'], [3, 'leaky_relu'], [2, 'elu']]);
  assert.deepEqual(valid(withHiddenActivation(base, 'sigmoid')).validated.model.layers.map((layer) => layer.activation.id), ['sigmoid', 'sigmoid']);
  assert.equal(valid(withOutputActivation(withLoss(base, 'mse'), 'tanh')).validated.model.outputActivation.id, 'tanh');
  const sgd = valid(withOptimizer(withNumber(base, ['optimizer', 'lr'], 0.3), 'sgd')).validated.optimizer;
  assert.ok(sgd.name === 'sgd' && sgd.lr === 0.3 && sgd.momentum === 0);
  // Keras semantics: leaky ReLU's default slope is Keras's, not torch's left over.
  const leaky = withHiddenActivation(base, 'leaky_relu');
  assert.equal(valid(leaky).validated.model.layers[0]!.activation.params['negative_slope'], 0.01);
  const keras = valid(withFramework(valid(leaky).config, 'keras')).validated;
  assert.equal(keras.framework, 'keras');
  assert.equal(keras.loss.framework, 'keras');
  assert.equal(keras.model.layers[0]!.activation.params['negative_slope'], 0.2);
  assert.deepEqual(valid(withNumber(base, ['regularization', 'l2'], 0.01)).validated.regularization, { l1: 0, l2: 0.01 });
  const steps = valid(withDuration(base, 'steps', 250)).validated;
  assert.ok(steps.steps === 250 && steps.epochs === null);
  assert.equal(valid(withNumber(base, ['batch_size'], null)).validated.batchSize, null);
});

test('imported data: class names become a multi-class task, -1/1 labels binary, real labels a regression', () => {
  const base = defaultTrainingState().config;
  const points = [[0, 0], [1, 1], [2, 2], [3, 3], [4, 4]];
  const three = valid(withExplicitData(base, points, [0, 1, 2, 0, 1], ['a', 'b', 'c'])).validated;
  assert.ok(three.task === 'multiclass' && three.data.kind === 'explicit' && three.data.classes === 3 && three.model.outputUnits === 3);
  const signed = valid(withExplicitData(base, points, [-1, 1, 1, -1, 1], null)).validated;
  assert.equal(signed.task, 'binary');
  const values = valid(withExplicitData(base, points, [0.5, 1.5, 2.5, 3.5, 4.5], null)).validated;
  assert.ok(values.task === 'regression' && values.loss.id === 'mse');
  const oneD = valid(withExplicitData(base, [[0], [1], [2]], [0, 1, 0], null)).validated;
  assert.equal(oneD.model.inputSize, 1);
  assert.deepEqual(sourceOfConfig(toRawConfig(oneD) as JsonObject, 'data.fltrain.yaml'), { kind: 'file', name: 'data.fltrain.yaml', classNames: null });
  assert.deepEqual(sourceOfConfig(base, 'x'), { kind: 'builtin' });
});

test('comparison variants: every hidden activation, or every loss on the same output where that is valid', () => {
  const base = defaultTrainingState().config;
  const byActivation = compareVariants(base, 'activation', ['relu', 'sigmoid']);
  assert.deepEqual(byActivation.map((variant) => [variant.label, valid(variant.config).validated.model.layers.map((layer) => layer.activation.id).join()]), [['relu', 'relu,relu'], ['sigmoid', 'sigmoid,sigmoid']]);
  const byLoss = compareVariants(base, 'loss', ['binary_crossentropy', 'mse', 'hinge']);
  assert.deepEqual(byLoss.map((variant) => [variant.label, valid(variant.config).validated.model.outputActivation.id]), [['binary_crossentropy', 'sigmoid'], ['mse', 'sigmoid'], ['hinge', 'sigmoid']]);
});

test('round trip: the panel configuration saved as YAML or JSON reads back as the same configuration', () => {
  const configs: JsonObject[] = [
    defaultTrainingState().config,
    valid(withFramework(withDataset(defaultTrainingState().config, 'blobs'), 'keras')).config,
    valid(withNumber(withExplicitData(DEFAULT_TRAINING_CONFIG, [[0.125, -1e-7], [3, 4], [5e20, 6]], [0, 1, 1], null), ['regularization', 'l1'], 1e-4)).config,
  ];
  for (const config of configs) {
    for (const format of ['yaml', 'json'] as const) {
      const text = writeTrainingConfig(config, format);
      const read = parseTrainingConfigText(text, `run.fltrain.${format}`);
      assert.deepEqual(JSON.parse(JSON.stringify(toRawConfig(read))), config, `${format}:\n${text}`);
    }
  }
  const yaml = writeTrainingConfig(configs[2]!, 'yaml');
  assert.match(yaml, /^# Formula Lens training configuration/);
  assert.match(yaml, /- \[0\.125, -1e-7\]/, 'rows of numbers stay on one line');
  assert.match(writeTrainingConfig(configs[2]!, 'json'), /\[0\.125, -1e-7\]/);
});

test('config file problems: syntax errors, validation errors at the exact key or value, warnings at their field', () => {
  const text = 'data:\n  name: spiral\nmodel:\n  layers:\n    - units: 4\n      activation: rleu\nloss: binary_crossentropy\n';
  const check = checkTrainingConfigText(text, 'x.fltrain.yaml');
  assert.equal(check.config, null);
  assert.equal(check.problems.length, 1);
  const problem = check.problems[0]!;
  assert.equal(text.slice(problem.range.start, problem.range.end), 'rleu');
  assert.match(localize(problem.text, problem.args, 'en'), /did you mean relu/);
  const unknownKey = '{\n  "data": {"name": "spiral"},\n  "loss": "mse",\n  "optimiser": "adam"\n}\n';
  const keyProblem = checkTrainingConfigText(unknownKey, 'x.fltrain.json').problems[0]!;
  assert.equal(unknownKey.slice(keyProblem.range.start, keyProblem.range.end), '"optimiser"');
  const syntax = checkTrainingConfigText('{"data": {"name": "spiral"},, "loss": "mse"}', 'x.fltrain.json');
  assert.ok(syntax.problems.length >= 1 && syntax.problems.every((p) => p.severity === 'error') && syntax.config === null);
  const warning = 'data: { name: spiral }\nloss: { name: binary_crossentropy_with_logits }\nmodel:\n  output_activation: sigmoid\n';
  const warned = checkTrainingConfigText(warning, 'x.fltrain.yaml');
  assert.ok(warned.config);
  assert.equal(warned.problems.length, 1);
  assert.equal(warned.problems[0]!.severity, 'warning');
  assert.equal(warning.slice(warned.problems[0]!.range.start, warned.problems[0]!.range.end), 'sigmoid');
  assert.deepEqual(pathSegments('model.layers[1].activation'), ['model', 'layers', 1, 'activation']);
  assert.equal(checkTrainingConfigText(writeTrainingConfig(defaultTrainingState().config, 'yaml'), 'a.fltrain.yaml').problems.length, 0);
});
