import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { join } from 'node:path';
import { catalogMessages } from '../../src/core/catalog/messages';
import { FRAMEWORKS } from '../../src/core/catalog/types';
import { evaluateActivation, evaluateLoss } from '../../src/core/evaluate';
import { configMessages, isEvaluationConfigFile, problemMessage, readEvaluationConfig, readForeignConfig, runEvaluation, type ConfigProblem, type EvaluationConfig, type ForeignFinding } from '../../src/core/config/index';
import { parseMessages } from '../../src/core/parse/index';
import { packLargeArrays, PACK_MIN_LENGTH } from '../../src/core/config/packing';

/** The text a range covers. */
function slice(text: string, range: { start: number; end: number }): string {
  return text.slice(range.start, range.end);
}

/** The one problem with this code (fails when there are none or several). */
function only(config: EvaluationConfig | { problems: readonly ConfigProblem[] }, code: ConfigProblem['code']): ConfigProblem {
  const matching = config.problems.filter((problem) => problem.code === code);
  assert.equal(matching.length, 1, `expected one ${code}, got: ${config.problems.map((p) => `${p.code}: ${problemMessage(p)}`).join(' | ')}`);
  return matching[0]!;
}

function readExample(name: string): string {
  return readFileSync(join(process.cwd(), 'examples', name), 'utf8');
}

test('isEvaluationConfigFile recognizes our files only', () => {
  assert.ok(isEvaluationConfigFile('metrics.formulalens.json'));
  assert.ok(isEvaluationConfigFile('/a/b/checks.FormulaLens.yaml'));
  assert.ok(isEvaluationConfigFile('x.formulalens.yml'));
  assert.ok(!isEvaluationConfigFile('formulalens.json.bak'));
  assert.ok(!isEvaluationConfigFile('train.yaml'));
});

test('a JSON evaluation file: entries, exact entry/name/field ranges, frameworks', () => {
  const text = `{
  // defaults for every entry
  "framework": "keras",
  "evaluations": [
    { "activation": "relu", "x": [-1, 0, 2] },
    { "loss": "mse", "framework": "torch", "reduction": "sum", "y_true": [1, 2], "y_pred": [1.5, 2], },
  ],
}`;
  const config = readEvaluationConfig(text, { fileName: 'a.formulalens.json' });
  assert.deepEqual(config.problems, []);
  assert.equal(config.format, 'json');
  assert.equal(config.framework, 'keras');
  assert.equal(config.entries.length, 2);
  const [activation, loss] = config.entries;
  assert.ok(activation?.kind === 'activation' && loss?.kind === 'loss');
  assert.equal(slice(text, activation.range), '{ "activation": "relu", "x": [-1, 0, 2] }');
  assert.equal(slice(text, activation.nameRange), '"relu"');
  assert.equal(activation.id, 'relu');
  assert.equal(activation.framework, 'keras');
  assert.equal(activation.frameworkFrom, 'file');
  assert.deepEqual(Array.from(activation.x.data), [-1, 0, 2]);
  assert.equal(slice(text, activation.fields.x!.key), '"x"');
  assert.equal(slice(text, activation.fields.x!.value), '[-1, 0, 2]');
  assert.equal(loss.framework, 'torch');
  assert.equal(loss.frameworkFrom, 'entry');
  assert.equal(loss.reduction, 'sum');
  assert.deepEqual(loss.yTrue?.shape, [2]);
  assert.equal(slice(text, loss.fields.reduction!.value), '"sum"');
  assert.deepEqual(config.entryRanges.map((range) => slice(text, range)), [slice(text, activation.range), slice(text, loss.range)]);
});

test('a YAML evaluation file: ranges, .nan/.inf, default framework from the options', () => {
  const text = 'evaluations:\n  - activation: leaky_relu\n    params: { negative_slope: 0.2 }\n    x: [-.inf, -1, .nan, 2]\n  - loss: binary_crossentropy\n    y_true: [1, 0]\n    y_pred: [0.9, 0.2]\n';
  const config = readEvaluationConfig(text, { fileName: 'b.formulalens.yaml', defaultFramework: 'tfjs' });
  assert.deepEqual(config.problems, []);
  assert.equal(config.format, 'yaml');
  const [activation, loss] = config.entries;
  assert.ok(activation?.kind === 'activation' && loss?.kind === 'loss');
  assert.equal(slice(text, activation.nameRange), 'leaky_relu');
  assert.equal(activation.framework, 'tfjs');
  assert.equal(activation.frameworkFrom, 'default');
  assert.deepEqual(activation.params, { negative_slope: 0.2 });
  assert.deepEqual(Array.from(activation.x.data), [-Infinity, -1, NaN, 2]);
  assert.equal(slice(text, activation.fields.params!.value), '{ negative_slope: 0.2 }');
  assert.ok(slice(text, activation.range).startsWith('activation: leaky_relu'));
  assert.equal(slice(text, loss.fields.y_pred!.value), '[0.9, 0.2]');
});

test('tensors: NaN strings, booleans, 0-D numbers and literals in strings', () => {
  const text = JSON.stringify({
    evaluations: [
      { activation: 'relu', x: ['NaN', 'Infinity', '-Infinity', true, 0] },
      { activation: 'relu', x: 2.5 },
      { activation: 'relu', x: 'np.array([[1, np.nan], [-np.inf, 3]], dtype=np.float32)' },
      { activation: 'relu', x: 'torch.tensor([1., -2.])' },
    ],
  });
  const config = readEvaluationConfig(text, { format: 'json' });
  assert.deepEqual(config.problems, []);
  const xs = config.entries.map((entry) => (entry.kind === 'activation' ? entry.x : undefined));
  assert.deepEqual(Array.from(xs[0]!.data), [NaN, Infinity, -Infinity, 1, 0]);
  assert.deepEqual(xs[1]!.shape, []);
  assert.deepEqual(xs[2]!.shape, [2, 2]);
  assert.deepEqual(Array.from(xs[2]!.data), [1, NaN, -Infinity, 3]);
  assert.deepEqual(Array.from(xs[3]!.data), [1, -2]);
});

test('the example evaluation files read without problems and every entry runs', () => {
  for (const name of ['evaluations.formulalens.yaml', 'metrics.formulalens.json']) {
    const text = readExample(name);
    const config = readEvaluationConfig(text, { fileName: name });
    assert.deepEqual(config.problems.map((p) => problemMessage(p)), [], name);
    assert.equal(config.entries.length, config.entryRanges.length);
    for (const entry of config.entries) {
      const run = runEvaluation(entry);
      assert.equal(run.entry, entry);
      assert.ok(run.result.value.data.length > 0);
    }
  }
});

test('runEvaluation gives the same numbers as the evaluate functions', () => {
  const text = '{"evaluations": [{"activation": "gelu", "framework": "torch", "x": [-1, 0.5, 2]}, {"loss": "huber", "framework": "keras", "params": {"delta": 0.5}, "reduction": "sum", "y_true": [0, 1], "y_pred": [0.3, 2]}]}';
  const [activation, loss] = readEvaluationConfig(text, { format: 'json' }).entries;
  assert.ok(activation?.kind === 'activation' && loss?.kind === 'loss');
  const activationRun = runEvaluation(activation);
  const direct = evaluateActivation('gelu', activation.x, { framework: 'torch' });
  assert.deepEqual(Array.from(activationRun.result.value.data), Array.from(direct.value.data));
  assert.deepEqual(Array.from(activationRun.result.grad.data), Array.from(direct.grad.data));
  const lossRun = runEvaluation(loss);
  assert.ok(lossRun.kind === 'loss');
  assert.equal(lossRun.result.reduction, 'sum');
  const directLoss = evaluateLoss('huber', { yTrue: loss.yTrue, yPred: loss.yPred }, { framework: 'keras', params: { delta: 0.5 }, reduction: 'sum' });
  assert.deepEqual(Array.from(lossRun.result.value.data), Array.from(directLoss.value.data));
});

test('syntax errors are reported with their ranges, in JSON and YAML', () => {
  const json = '{"evaluations": [{"activation": "relu" "x": [1]}]}';
  const jsonProblem = readEvaluationConfig(json, { format: 'json' }).problems.find((p) => p.code === 'syntax');
  assert.ok(jsonProblem);
  assert.equal(jsonProblem.text, configMessages.CommaExpected);
  assert.equal(slice(json, jsonProblem.range), '"x"');
  const yaml = 'evaluations:\n  - activation: relu\n    x: [1, 2\n';
  const yamlProblems = readEvaluationConfig(yaml, { format: 'yaml' }).problems.filter((p) => p.code === 'syntax');
  assert.ok(yamlProblems.length > 0);
  assert.equal(yamlProblems[0]!.text, configMessages.yamlSyntax);
  assert.ok(yamlProblems.every((p) => p.range.start >= 0 && p.range.end <= yaml.length));
  assert.match(problemMessage(yamlProblems[0]!, 'zh-cn'), /^YAML 语法错误/);
  const duplicate = 'evaluations: []\nevaluations: []\n';
  assert.ok(readEvaluationConfig(duplicate, { format: 'yaml' }).problems.some((p) => p.code === 'syntax' && p.range.start === duplicate.lastIndexOf('evaluations')));
});

test('file structure problems: root, missing or non-list evaluations, non-object entries, unknown top-level fields', () => {
  assert.equal(only(readEvaluationConfig('[1, 2]', { format: 'json' }), 'rootNotObject').range.start, 0);
  assert.ok(only(readEvaluationConfig('', { format: 'json' }), 'missingEvaluations'));
  const missing = '{"framework": "torch"}';
  assert.equal(slice(missing, only(readEvaluationConfig(missing, { format: 'json' }), 'missingEvaluations').range), '"framework"');
  const notList = '{"evaluations": {"activation": "relu"}}';
  assert.equal(slice(notList, only(readEvaluationConfig(notList, { format: 'json' }), 'evaluationsNotArray').range), '{"activation": "relu"}');
  const entry = '{"evaluations": [3, {"activation": "relu", "x": 1}]}';
  const config = readEvaluationConfig(entry, { format: 'json' });
  assert.equal(slice(entry, only(config, 'entryNotObject').range), '3');
  assert.equal(only(config, 'entryNotObject').entryIndex, 0);
  assert.equal(config.entries.length, 1);
  assert.equal(config.entries[0]!.index, 1);
  const extra = '{"evaluation": [], "evaluations": []}';
  const unknown = only(readEvaluationConfig(extra, { format: 'json' }), 'unknownField');
  assert.equal(unknown.severity, 'warning');
  assert.deepEqual(unknown.suggestions, ['evaluations']);
  assert.equal(slice(extra, unknown.range), '"evaluation"');
  const badFramework = '{"framework": "jax", "evaluations": []}';
  assert.equal(slice(badFramework, only(readEvaluationConfig(badFramework, { format: 'json' }), 'badFramework').range), '"jax"');
});

test('names: unknown function with suggestions, wrong kind, both kinds, missing kind, non-string', () => {
  const text = `{"evaluations": [
    {"activation": "relux", "x": [1]},
    {"activation": "mse", "x": [1]},
    {"loss": "gelu", "y_true": [1], "y_pred": [1]},
    {"activation": "relu", "loss": "mse", "x": [1]},
    {"x": [1]},
    {"activation": 3, "x": [1]},
    {"activation": "qqqqqqqqqqqqqqqq", "x": [1]}
  ]}`;
  const config = readEvaluationConfig(text, { format: 'json' });
  assert.equal(config.entries.length, 0);
  const unknown = config.problems.filter((p) => p.code === 'unknownFunction');
  assert.equal(unknown.length, 2);
  assert.equal(slice(text, unknown[0]!.range), '"relux"');
  assert.equal(unknown[0]!.text, catalogMessages.unknownFunction);
  assert.ok(unknown[0]!.suggestions?.includes('relu'));
  assert.equal(unknown[1]!.text, catalogMessages.unknownFunctionNoSuggestion);
  const wrong = config.problems.filter((p) => p.code === 'wrongKind');
  assert.deepEqual(wrong.map((p) => [slice(text, p.range), p.text]), [['"mse"', configMessages.activationIsLoss], ['"gelu"', configMessages.lossIsActivation]]);
  assert.equal(slice(text, only(config, 'bothKinds').range), '"loss"');
  assert.equal(only(config, 'missingKind').entryIndex, 4);
  assert.equal(slice(text, only(config, 'missingKind').range), '"x"');
  assert.equal(slice(text, only(config, 'nameNotString').range), '3');
});

test('parameters: bad values and unknown names point at the value or key', () => {
  const text = '{"evaluations": [{"activation": "leaky_relu", "params": {"negative_slope": "abc", "slope": 0.1, "alpha": 0.2, "n": {"a": 1}}, "x": [1]}]}';
  const config = readEvaluationConfig(text, { format: 'json' });
  assert.equal(config.entries.length, 0);
  const badValues = config.problems.filter((p) => p.code === 'badParamValue');
  assert.deepEqual(badValues.map((p) => slice(text, p.range)), ['"abc"', '{"a": 1}']);
  assert.equal(badValues[0]!.text, catalogMessages.paramNotNumber);
  const unknown = config.problems.filter((p) => p.code === 'unknownParam');
  assert.deepEqual(unknown.map((p) => slice(text, p.range)), ['"slope"']);
  assert.deepEqual(unknown[0]!.suggestions, ['negative_slope']);
  const notObject = '{"evaluations": [{"activation": "relu", "params": [1], "x": [1]}]}';
  assert.equal(slice(notObject, only(readEvaluationConfig(notObject, { format: 'json' }), 'badParams').range), '[1]');
  const good = '{"evaluations": [{"activation": "leaky_relu", "framework": "tfjs", "params": {"alpha": 0.25}, "x": [-4]}]}';
  const [entry] = readEvaluationConfig(good, { format: 'json' }).entries;
  assert.ok(entry);
  assert.deepEqual(Array.from(runEvaluation(entry).result.value.data), [-1]);
});

test('reductions: invalid values, reductions the loss lacks, reduction on an activation', () => {
  const text = `{"evaluations": [
    {"loss": "mse", "reduction": "average", "y_true": [1], "y_pred": [1]},
    {"loss": "mse", "reduction": "batchmean", "y_true": [1], "y_pred": [1]},
    {"activation": "relu", "reduction": "sum", "x": [1]}
  ]}`;
  const config = readEvaluationConfig(text, { format: 'json' });
  const bad = config.problems.filter((p) => p.code === 'badReduction');
  assert.deepEqual(bad.map((p) => [slice(text, p.range), p.text]), [['"average"', configMessages.reductionInvalid], ['"batchmean"', catalogMessages.unknownReduction]]);
  assert.equal(slice(text, only(config, 'fieldWrongKind').range), '"reduction"');
});

test('fields: missing inputs, inputs of the other kind, unused inputs, unknown fields with suggestions', () => {
  const text = `{"evaluations": [
    {"activation": "relu"},
    {"loss": "mse", "y_pred": [1]},
    {"loss": "mse", "x": [1], "y_true": [1], "y_pred": [1]},
    {"loss": "mse", "y_true": [1], "y_pred": [1], "y_pred2": [1]},
    {"activation": "relu", "x": [1], "yTrue": [1], "paramz": {}}
  ]}`;
  const config = readEvaluationConfig(text, { format: 'json' });
  const missing = config.problems.filter((p) => p.code === 'missingField');
  assert.deepEqual(missing.map((p) => [p.entryIndex, p.text, slice(text, p.range)]), [[0, configMessages.missingX, '"relu"'], [1, configMessages.missingLossField, '"mse"']]);
  assert.deepEqual(missing[1]!.args, { function: 'mse', field: 'y_true' });
  assert.equal(slice(text, only(config, 'fieldWrongKind').range), '"x"');
  const unused = only(config, 'fieldUnused');
  assert.equal(unused.severity, 'warning');
  assert.equal(slice(text, unused.range), '"y_pred2"');
  const unknown = config.problems.filter((p) => p.code === 'unknownField');
  assert.deepEqual(unknown.map((p) => p.suggestions), [['y_true'], ['params']]);
  // Warnings alone keep an entry runnable: entries 3 and 4 have only warnings.
  assert.deepEqual(config.entries.map((entry) => entry.index), [3, 4]);
});

test('losses with a second and third input, and without a target', () => {
  const text = `{"evaluations": [
    {"loss": "margin_ranking_loss", "y_true": [1, -1], "y_pred": [0.5, 0.2], "y_pred2": [0.1, 0.9]},
    {"loss": "margin_ranking_loss", "y_true": [1], "y_pred": [0.5]},
    {"loss": "triplet_margin_loss", "y_pred": [[0, 1]], "y_pred2": [[0, 1]], "y_pred3": [[1, 0]]},
    {"loss": "triplet_margin_loss", "y_true": null, "y_pred": [[0, 1]], "y_pred2": [[0, 1]], "y_pred3": [[1, 0]]},
    {"loss": "mse", "y_true": null, "y_pred": [1]}
  ]}`;
  const config = readEvaluationConfig(text, { format: 'json' });
  assert.deepEqual(config.entries.map((entry) => entry.index), [0, 2, 3]);
  const triplet = config.entries[1]!;
  assert.ok(triplet.kind === 'loss');
  assert.equal(triplet.yTrue, null);
  assert.ok(triplet.yPred3);
  assert.equal(only(config, 'missingField').entryIndex, 1);
  assert.deepEqual(only(config, 'missingField').args, { function: 'margin_ranking_loss', field: 'y_pred2' });
  const targetNull = only(config, 'badTensor');
  assert.equal(targetNull.text, configMessages.targetNull);
  assert.equal(targetNull.entryIndex, 4);
  assert.ok(!config.problems.some((p) => p.code === 'evaluationFailed'), config.problems.map((p) => problemMessage(p)).join(' | '));
});

test('tensor problems have exact ranges, also inside literals held in strings', () => {
  const json = `{"evaluations": [
    {"activation": "relu", "x": [[1, 2], [3]]},
    {"activation": "relu", "x": [[[1]]]},
    {"activation": "relu", "x": [1, "a"]},
    {"activation": "relu", "x": "np.array([1, foo])"},
    {"activation": "relu", "x": {"a": 1}},
    {"activation": "relu", "x": [1, null]}
  ]}`;
  const config = readEvaluationConfig(json, { format: 'json' });
  assert.equal(config.entries.length, 0);
  const problems = config.problems.filter((p) => p.code === 'badTensor');
  assert.deepEqual(problems.map((p) => [p.entryIndex, p.text, slice(json, p.range)]), [
    [0, parseMessages.raggedRows, '[3]'],
    [1, parseMessages.tooManyDimensions, '[1]'],
    [2, parseMessages.stringNotNumber, '"a"'],
    [3, parseMessages.identifierNotNumber, 'foo'],
    [4, configMessages.notATensor, '{"a": 1}'],
    [5, parseMessages.identifierNotNumber, 'null'],
  ]);
  const yaml = 'evaluations:\n  - activation: relu\n    x: |\n      [1, 2,\n       bar]\n  - activation: relu\n    x: torch.tensor([1, 2)\n';
  const yamlProblems = readEvaluationConfig(yaml, { format: 'yaml' }).problems.filter((p) => p.code === 'badTensor');
  assert.deepEqual(yamlProblems.map((p) => slice(yaml, p.range)), ['bar', ')']);
});

test('each valid entry is evaluated once while reading; failures point at the function name', () => {
  const text = '{"evaluations": [{"loss": "mse", "y_true": [1, 2], "y_pred": [1, 2, 3]}]}';
  const config = readEvaluationConfig(text, { format: 'json' });
  const failed = only(config, 'evaluationFailed');
  assert.equal(slice(text, failed.range), '"mse"');
  assert.match(problemMessage(failed), /shape/);
  assert.equal(config.entries.length, 1, 'the entry stays runnable so running shows the error too');
  assert.deepEqual(readEvaluationConfig(text, { format: 'json', checkByEvaluating: false }).problems, []);
});

test('reading is total: truncated files never throw', () => {
  const text = readExample('metrics.formulalens.json');
  const yaml = readExample('evaluations.formulalens.yaml');
  for (let cut = 0; cut <= text.length; cut += 7) readEvaluationConfig(text.slice(0, cut), { format: 'json', checkByEvaluating: false });
  for (let cut = 0; cut <= yaml.length; cut += 7) readEvaluationConfig(yaml.slice(0, cut), { format: 'yaml', checkByEvaluating: false });
});

function findingSummary(text: string, findings: readonly ForeignFinding[]): unknown[] {
  return findings.map((f) => [f.kind, f.id, slice(text, f.range), f.params]);
}

test('foreign: a Keras 3 model JSON with layer activations, activation layers and the compile loss', () => {
  const text = JSON.stringify({
    module: 'keras', class_name: 'Sequential',
    config: {
      name: 'sequential', trainable: true, dtype: { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' }, registered_name: null },
      layers: [
        { module: 'keras.layers', class_name: 'InputLayer', config: { batch_shape: [null, 4], dtype: 'float32', name: 'input_layer' }, registered_name: null },
        { module: 'keras.layers', class_name: 'Dense', config: { name: 'dense', units: 8, activation: 'gelu', use_bias: true, kernel_initializer: { module: 'keras.initializers', class_name: 'GlorotUniform', config: { seed: null } } }, registered_name: null },
        { module: 'keras.layers', class_name: 'LeakyReLU', config: { name: 'leaky_re_lu', trainable: true, negative_slope: 0.3 }, registered_name: null },
        { module: 'keras.layers', class_name: 'Dense', config: { name: 'dense_1', units: 3, activation: { module: 'keras.activations', class_name: 'function', config: 'tanh', registered_name: 'function' } } },
        { module: 'keras.layers', class_name: 'Activation', config: { name: 'activation', activation: 'softmax' } },
      ],
    },
    compile_config: {
      optimizer: 'adam',
      loss: { module: 'keras.losses', class_name: 'CategoricalCrossentropy', config: { name: 'categorical_crossentropy', reduction: 'sum_over_batch_size', from_logits: false, label_smoothing: 0.1, axis: -1 }, registered_name: null },
      metrics: ['accuracy'],
    },
  }, null, 2);
  const config = readForeignConfig(text, 'model.json');
  assert.equal(config.kind, 'keras-model');
  assert.equal(config.framework, 'keras');
  assert.deepEqual(config.problems, []);
  assert.deepEqual(findingSummary(text, config.findings), [
    ['activation', 'gelu', '"gelu"', {}],
    ['activation', 'leaky_relu', '"LeakyReLU"', { negative_slope: 0.3 }],
    ['activation', 'tanh', '"tanh"', {}],
    ['activation', 'softmax', '"softmax"', {}],
    ['loss', 'categorical_crossentropy', '"CategoricalCrossentropy"', { from_logits: false, label_smoothing: 0.1 }],
  ]);
  const loss = config.findings[4]!;
  assert.equal(loss.reduction, 'mean');
  assert.ok(loss.otherKeys.includes('axis') || 'axis' in loss.params);
  assert.equal(loss.path, 'compile_config.loss');
  assert.equal(config.findings[1]!.path, 'config.layers[2]');
  assert.ok(slice(text, config.findings[1]!.valueRange).startsWith('{'));
});

test('foreign: Keras 2 training_config and a TF.js model.json', () => {
  const keras2 = '{"class_name": "Sequential", "config": {"layers": [{"class_name": "Dense", "config": {"activation": "relu"}}]}, "keras_version": "2.15.0", "backend": "tensorflow", "training_config": {"loss": "binary_crossentropy", "metrics": ["acc"]}}';
  const read2 = readForeignConfig(keras2, 'model_config.json');
  assert.equal(read2.kind, 'keras-model');
  assert.deepEqual(findingSummary(keras2, read2.findings), [['activation', 'relu', '"relu"', {}], ['loss', 'binary_crossentropy', '"binary_crossentropy"', {}]]);
  const tfjs = JSON.stringify({
    format: 'layers-model', generatedBy: 'TensorFlow.js tfjs-layers v4.22.0',
    modelTopology: { class_name: 'Sequential', config: { layers: [{ class_name: 'Dense', config: { units: 4, activation: 'relu' } }, { class_name: 'LeakyReLU', config: { alpha: 0.2, name: 'lr' } }] }, keras_version: 'tfjs-layers 4.22.0', backend: 'tensor_flow.js' },
    trainingConfig: { loss: 'categoricalCrossentropy', metrics: ['accuracy'] },
    weightsManifest: [],
  });
  const readTfjs = readForeignConfig(tfjs, 'model.json');
  assert.equal(readTfjs.framework, 'tfjs');
  assert.equal(readTfjs.kind, 'keras-model');
  assert.deepEqual(findingSummary(tfjs, readTfjs.findings), [['activation', 'relu', '"relu"', {}], ['activation', 'leaky_relu', '"LeakyReLU"', { alpha: 0.2 }], ['loss', 'categorical_crossentropy', '"categoricalCrossentropy"', {}]]);
  assert.ok(readTfjs.findings.every((f) => f.framework === 'tfjs'));
});

test('foreign: training YAML in plain, Hydra and Lightning styles', () => {
  const text = [
    'framework: torch',
    'model:',
    '  hidden_act: gelu',
    '  activation: leaky_relu',
    '  activation_params: {negative_slope: 0.1}',
    '  layers:',
    '    - _target_: torch.nn.Linear',
    '      in_features: 4',
    '    - _target_: torch.nn.GELU',
    '      approximate: tanh',
    '  encoder:',
    '    class_path: my_project.Encoder',
    '    init_args:',
    '      loss_fn:',
    '        class_path: torch.nn.CrossEntropyLoss',
    '        init_args: {label_smoothing: 0.05, bogus: 1}',
    'loss:',
    '  name: cross_entropy',
    '  label_smoothing: 0.1',
    '  reduction: sum',
    'criterion: nn.MSELoss',
    'optimizer: {_target_: torch.optim.AdamW, lr: 0.001}',
    'metrics: {val_loss: 0.3}',
    'output_activation: null',
    'aux_losses:',
    '  - {name: my_custom_loss, weight: 0.5}',
  ].join('\n');
  const config = readForeignConfig(text, 'train.yaml');
  assert.equal(config.format, 'yaml');
  assert.equal(config.kind, 'training-config');
  assert.equal(config.framework, 'torch');
  assert.deepEqual(config.problems, []);
  assert.deepEqual(findingSummary(text, config.findings), [
    ['activation', 'gelu', 'gelu', {}],
    ['activation', 'leaky_relu', 'leaky_relu', { negative_slope: 0.1 }],
    ['activation', 'gelu', 'torch.nn.GELU', { approximate: 'tanh' }],
    ['loss', 'sparse_categorical_crossentropy', 'torch.nn.CrossEntropyLoss', { label_smoothing: 0.05 }],
    ['loss', 'sparse_categorical_crossentropy', 'cross_entropy', { label_smoothing: 0.1 }],
    ['loss', 'mse', 'nn.MSELoss', {}],
    ['loss', undefined, 'my_custom_loss', {}],
  ]);
  const lightning = config.findings[3]!;
  assert.deepEqual(lightning.otherKeys, ['bogus']);
  assert.equal(lightning.path, 'model.encoder.init_args.loss_fn');
  assert.equal(config.findings[4]!.reduction, 'sum');
  assert.equal(config.findings[2]!.framework, 'torch');
  assert.deepEqual(config.findings[6]!.otherKeys, ['weight']);
});

test('foreign: the example training configs', () => {
  const json = readExample('configs/train.json');
  const fromJson = readForeignConfig(json, 'train.json');
  assert.equal(fromJson.framework, 'keras');
  assert.deepEqual(fromJson.findings.map((f) => [f.kind, f.name, f.path]), [
    ['activation', 'swish', 'model.layers[0].activation'],
    ['activation', 'hard_sigmoid', 'model.layers[1].activation'],
    ['activation', 'linear', 'model.layers[2].activation'],
    ['loss', 'huber', 'loss'],
  ]);
  assert.deepEqual(fromJson.findings[3]!.params, { delta: 1 });
  const yaml = readExample('configs/train.yaml');
  const fromYaml = readForeignConfig(yaml, 'train.yaml');
  assert.deepEqual(fromYaml.findings.map((f) => [f.kind, f.id, slice(yaml, f.range)]), [
    ['activation', 'gelu', 'gelu'],
    ['activation', 'log_softmax', 'log_softmax'],
    ['loss', 'nll_loss', 'nll_loss'],
    ['loss', 'smooth_l1', 'smooth_l1_loss'],
    ['loss', 'kl_divergence', 'kl_div'],
  ]);
  assert.deepEqual(fromYaml.findings[0]!.params, { approximate: 'tanh' });
});

test('foreign: syntax errors are problems, and broken files never throw', () => {
  const broken = '{"loss": "mse", "activation": }';
  const config = readForeignConfig(broken, 'x.json');
  assert.ok(config.problems.some((p) => p.code === 'syntax'));
  assert.deepEqual(config.findings.map((f) => f.name), ['mse']);
  const yaml = readExample('configs/train.yaml');
  for (let cut = 0; cut <= yaml.length; cut += 5) readForeignConfig(yaml.slice(0, cut), 'train.yaml');
});

test('the JSON schema is draft-07 and agrees with the reader', () => {
  const schema = JSON.parse(readFileSync(join(process.cwd(), 'schemas', 'formulalens.schema.json'), 'utf8')) as {
    $schema: string; required: string[]; properties: Record<string, unknown>;
    definitions: { framework: { enum: string[] }; reduction: { enum: string[] }; activationEntry: { properties: Record<string, unknown>; required: string[] }; lossEntry: { properties: Record<string, unknown>; required: string[] } };
  };
  assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
  assert.deepEqual(schema.definitions.framework.enum, [...FRAMEWORKS]);
  assert.deepEqual(schema.definitions.reduction.enum, ['mean', 'sum', 'none', 'batchmean']);
  assert.deepEqual(schema.required, ['evaluations']);
  // Every field the schema allows is one the reader accepts without an unknown-field warning.
  const activationFields = Object.keys(schema.definitions.activationEntry.properties);
  const lossFields = Object.keys(schema.definitions.lossEntry.properties);
  const sample = { evaluations: [Object.fromEntries(activationFields.map((f) => [f, f === 'activation' ? 'relu' : f === 'framework' ? 'torch' : f === 'params' ? {} : f.startsWith('$') || f === 'description' ? 'text' : [1]]))] };
  const lossSample = { evaluations: [Object.fromEntries(lossFields.map((f) => [f, f === 'loss' ? 'mse' : f === 'framework' ? 'torch' : f === 'reduction' ? 'sum' : f === 'params' ? {} : f.startsWith('$') || f === 'description' ? 'text' : [1]]))] };
  assert.ok(!readEvaluationConfig(JSON.stringify(sample), { format: 'json' }).problems.some((p) => p.code === 'unknownField'));
  assert.ok(!readEvaluationConfig(JSON.stringify(lossSample), { format: 'json' }).problems.some((p) => p.code === 'unknownField'));
  for (const name of ['metrics.formulalens.json']) {
    const file = JSON.parse(readExample(name)) as Record<string, unknown> & { evaluations: Record<string, unknown>[] };
    for (const key of Object.keys(file)) assert.ok(key in schema.properties, key);
    for (const entry of file.evaluations) {
      const allowed = 'activation' in entry ? activationFields : lossFields;
      for (const key of Object.keys(entry)) assert.ok(allowed.includes(key), `${name}: ${key}`);
    }
  }
});

test('large arrays: read fast, with exact ranges around and after them', () => {
  const big = Array.from({ length: 20_000 }, (_, i) => Math.sin(i));
  const bigText = `[${big.join(', ')}]`;
  const json = `{"evaluations": [\n  {"activation": "relu", "x": ${bigText}, "upstream": ${bigText}},\n  {"activation": "relux", "x": [1]}\n]}`;
  const started = performance.now();
  const config = readEvaluationConfig(json, { format: 'json', checkByEvaluating: false });
  assert.ok(performance.now() - started < 2000);
  const entry = config.entries[0]!;
  assert.ok(entry.kind === 'activation');
  assert.equal(entry.x.data.length, 20_000);
  assert.ok(entry.x.data.every((value, i) => value === big[i]));
  assert.equal(slice(json, entry.fields.x!.value), bigText);
  assert.equal(slice(json, entry.fields.upstream!.key), '"upstream"');
  assert.equal(slice(json, entry.fields.upstream!.value), bigText);
  assert.equal(slice(json, only(config, 'unknownFunction').range), '"relux"');
  const yaml = `evaluations:\n  - activation: relu\n    x: ${bigText}\n  - loss: msee\n    y_true: [[1, 2]]\n    y_pred: [[1, 2]]\n`;
  const fromYaml = readEvaluationConfig(yaml, { format: 'yaml', checkByEvaluating: false });
  assert.equal(fromYaml.entries.length, 1);
  assert.equal(slice(yaml, fromYaml.entries[0]!.fields.x!.value), bigText);
  assert.equal(slice(yaml, only(fromYaml, 'unknownFunction').range), 'msee');
});

test('large arrays: 2-D, malformed, and inside strings or comments read like any other text', () => {
  const rows = Array.from({ length: 300 }, (_, r) => `[${r}, ${r + 0.5}, ${-r}]`);
  const matrix = `[${rows.join(', ')}]`;
  const ragged = `[${rows.join(', ')}, [1, 2]]`;
  const json = `{"evaluations": [{"activation": "softmax", "x": ${matrix}}, {"activation": "relu", "x": ${ragged}}, {"activation": "relu", "description": "${matrix}", "x": "${matrix}"}]}  // ${matrix}`;
  const config = readEvaluationConfig(json, { format: 'json', checkByEvaluating: false });
  const x0 = config.entries.find((e) => e.index === 0);
  assert.ok(x0?.kind === 'activation');
  assert.deepEqual(x0.x.shape, [300, 3]);
  const raggedProblem = only(config, 'badTensor');
  assert.equal(raggedProblem.text, parseMessages.raggedRows);
  assert.equal(slice(json, raggedProblem.range), '[1, 2]');
  const fromString = config.entries.find((e) => e.index === 2);
  assert.ok(fromString?.kind === 'activation');
  assert.deepEqual(fromString.x.shape, [300, 3]);
  assert.equal(fromString.description, matrix);
});

test('packLargeArrays cuts only large plain numeric lists and maps offsets back exactly', () => {
  const rows = Array.from({ length: 400 }, (_, r) => `[${r}, ${-r}.25, 1e-3]`);
  const matrix = `[${rows.join(',\n ')}]`;
  const vector = `[${Array.from({ length: 2000 }, (_, i) => i).join(',')}]`;
  assert.ok(matrix.length >= PACK_MIN_LENGTH && vector.length >= PACK_MIN_LENGTH);
  const text = `{"a": ${matrix}, "small": [1, 2], "b": ${vector}, "s": ["x", ${vector}], "c": 1}`;
  const packed = packLargeArrays(text);
  assert.equal(packed.arrays.size, 3);
  assert.equal(packed.masked, '{"a": [], "small": [1, 2], "b": [], "s": ["x", []], "c": 1}');
  assert.deepEqual(packed.arrays.get(text.indexOf(matrix))?.tensor.shape, [400, 3]);
  for (const needle of ['"a"', '"small"', '"b"', '"s"', '"c"', '1}']) {
    assert.equal(packed.toOriginal(packed.masked.indexOf(needle)), text.indexOf(needle), needle);
  }
  const bStart = packed.masked.indexOf('[]', packed.masked.indexOf('"b"'));
  assert.equal(packed.toOriginal(bStart), text.indexOf(vector));
  assert.equal(packed.toOriginal(bStart + 2), text.indexOf(vector) + vector.length);
  const config = readEvaluationConfig(`{"evaluations": [{"activation": "relu", "x": ${matrix}, "framework": "keras"}]}`, { format: 'json', checkByEvaluating: false });
  assert.deepEqual(config.problems, []);
  assert.ok(config.entries[0]?.kind === 'activation');
  assert.deepEqual(config.entries[0].x.shape, [400, 3]);
  assert.equal(config.entries[0].framework, 'keras');
});

test('readers are total on random JSON/YAML-like text, with problem ranges inside the text', { timeout: 60_000 }, () => {
  const pieces = fc.constantFrom('{', '}', '[', ']', ':', ',', ' ', '\n', '  ', '- ', '"', "'", '#', '//', '/*', '*/', 'evaluations', 'activation', 'loss', 'x', 'y_true',
    'y_pred', 'params', 'framework', 'reduction', 'relu', 'mse', 'torch', 'sum', '1', '-2.5', 'NaN', '.nan', '"np.array([1, 2])"', '&a', '*a', '!!str', '|', '? ');
  fc.assert(
    fc.property(fc.string({ unit: pieces, maxLength: 40 }), fc.constantFrom<'json' | 'yaml'>('json', 'yaml'), (text, format) => {
      const config = readEvaluationConfig(text, { format });
      const foreign = readForeignConfig(text, format === 'json' ? 'x.json' : 'x.yaml');
      for (const problem of [...config.problems, ...foreign.problems]) {
        assert.ok(problem.range.start >= 0 && problem.range.start <= problem.range.end && problem.range.end <= text.length, `${problem.code} ${JSON.stringify(problem.range)} in ${text.length}`);
        assert.ok(problemMessage(problem, 'en').length > 0 && problemMessage(problem, 'zh-cn').length > 0);
      }
      for (const entry of config.entries) assert.ok(entry.range.end <= text.length && entry.nameRange.end <= text.length);
      for (const finding of foreign.findings) assert.ok(finding.range.end <= text.length);
    }),
    { numRuns: 1500 },
  );
});
