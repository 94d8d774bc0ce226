/**
 * Training configurations: bad ones are rejected with the path of the offending field (and its
 * position in YAML/JSON text), good ones get their defaults and survive a round trip, the JSON
 * Schema matches the validator, and the PyTorch/Keras exporters name the right layers, loss and optimizer.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FormulaLensError } from '../../src/core/l10n';
import { FIELDS } from '../../src/core/train/configFields';
import {
  DATASET_NAMES, exportKeras, exportPyTorch, OPTIMIZER_NAMES, parseTrainingConfig, parseTrainingConfigText, runTraining,
  toRawConfig, trainingConfigSchema, TrainingConfigError, type RawTrainingConfig,
} from '../../src/core/train/index';

const xorData = { points: [[0, 0], [0, 1], [1, 0], [1, 1]], labels: [0, 1, 1, 0] };

/** A valid configuration to break one field at a time. */
function base(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    data: { name: 'circle', samples: 40, noise: 0.1 },
    model: { layers: [{ units: 4, activation: 'tanh' }, { units: 3, activation: 'relu' }] },
    loss: 'bce_with_logits',
    optimizer: { name: 'sgd', lr: 0.1 },
    batch_size: 8,
    epochs: 2,
    ...overrides,
  };
}

function rejects(config: unknown, path: string, message: RegExp): TrainingConfigError {
  try {
    parseTrainingConfig(config);
  } catch (error) {
    assert.ok(error instanceof TrainingConfigError, `expected a TrainingConfigError, got ${String(error)}`);
    assert.equal(error.path, path);
    assert.match(error.message, message);
    assert.ok(error.message.startsWith(`${path}: `), error.message);
    return error;
  }
  assert.fail(`accepted a configuration that should fail at ${path}`);
}

test('an unknown activation is reported at its path with the nearest name', () => {
  const error = rejects(base({ model: { layers: [{ units: 4, activation: 'tanh' }, { units: 3, activation: 'rleu' }] } }), 'model.layers[1].activation', /unknown activation "rleu" \(did you mean relu\?\)/);
  assert.equal(error.message, 'model.layers[1].activation: unknown activation "rleu" (did you mean relu?)');
  assert.match(error.localizedMessage('zh-cn'), /^model\.layers\[1\]\.activation：未知激活函数 "rleu"/);
});

test('misspelled fields, names and out-of-range values are rejected at their paths', () => {
  rejects(base({ optimizer: { name: 'adam', learnin_rate: 0.1 } }), 'optimizer.learnin_rate', /unknown field \(did you mean learning_rate\?\)/);
  rejects(base({ optimizer: { name: 'adamm' } }), 'optimizer.name', /unknown optimizer "adamm" \(did you mean adam\?\)/);
  rejects(base({ optimizer: 'rmsprob' }), 'optimizer', /did you mean rmsprop/);
  rejects(base({ data: { name: 'cirle' } }), 'data.name', /unknown data set "cirle" \(did you mean circle\?\)/);
  rejects(base({ data: { name: 'circle', noise: 25 } }), 'data.noise', /at most 1/);
  rejects(base({ loss: 'binary_crossentropi' }), 'loss', /unknown loss "binary_crossentropi" \(did you mean binary_crossentropy\?\)/);
  rejects(base({ loss: { name: 'huber', params: { delta: -1 } }, data: { name: 'plane' } }), 'loss.params.delta', /delta/);
  rejects(base({ loss: 'relu' }), 'loss', /is an activation, not a loss/);
  rejects(base({ loss: 'kl_divergence' }), 'loss', /not available for training/);
  rejects(base({ model: { layers: [{ units: 0, activation: 'tanh' }] } }), 'model.layers[0].units', /at least 1/);
  rejects(base({ model: { layers: [{ units: 4, activation: 'softmax' }] } }), 'model.layers[0].activation', /not elementwise/);
  rejects(base({ model: { layers: [{ units: 4, activation: 'mse' }] } }), 'model.layers[0].activation', /is a loss, not an activation/);
  rejects(base({ model: { layers: [{ units: 4, activation: { name: 'leaky_relu', params: { negative_slop: 0.1 } } }] } }), 'model.layers[0].activation.params.negative_slop', /leaky_relu has no parameter "negative_slop"/);
  rejects(base({ model: { layers: [4], output_units: 2 } }), 'model.output_units', /needs 1 outputs, got 2/);
  rejects(base({ optimizer: { name: 'sgd', lr: 0.1, nesterov: true } }), 'optimizer.nesterov', /Nesterov momentum requires a momentum and zero dampening/);
  rejects(base({ optimizer: { name: 'adam', betas: [0.9, 1.5] } }), 'optimizer.betas[1]', /less than 1/);
  rejects(base({ steps: 10 }), 'steps', /either steps or epochs/);
  rejects(base({ batch_size: 2.5 }), 'batch_size', /integer/);
  rejects({ data: { name: 'circle' } }, 'loss', /required field is missing/);
  rejects(base({ loss: 'bce', data: { name: 'plane' } }), 'loss', /needs class labels, but the data set plane has real-valued labels/);
  rejects(base({ loss: 'hinge', data: { name: 'blobs', classes: 4 } }), 'loss', /separates two classes, but the data set blobs has 4/);
  rejects(base({ data: { name: 'circle', classes: 3 } }), 'data.classes', /only the blobs data set/);
});

test('explicit data: label counts, class indices, label values and initial parameter shapes are checked', () => {
  rejects(base({ data: { points: [[0, 0], [1, 1]], labels: [0] } }), 'data.labels', /1 labels for 2 points/);
  rejects(base({ data: { points: [[0, 0], [1]], labels: [0, 1] } }), 'data.points[1]', /expected 2 values, got 1/);
  rejects(base({ data: { points: [[0], [1], [2]], labels: [0, 1, 3], classes: 3 }, loss: 'nn.CrossEntropyLoss' }), 'data.labels[2]', /class index from 0 to 2, got 3/);
  rejects(base({ data: { points: [[0], [1]], labels: [0, 2] } }), 'data.labels[1]', /labels in \[0, 1\]/);
  rejects(base({ data: xorData, model: { layers: [{ units: 2, activation: 'tanh' }], initial_params: [{ weight: [[1, 2, 3], [4, 5, 6]], bias: [0, 0] }, { weight: [[1, 1]], bias: [0] }] } }), 'model.initial_params[0].weight', /expected shape \[2, 2\], got \[2, 3\]/);
  rejects(base({ data: xorData, model: { layers: [{ units: 2, activation: 'tanh' }], initial_params: { W1: [[1, 2], [3, 4]], b1: [0, 0], W2: [[1, 1]] } } }), 'model.initial_params.b2', /required field is missing/);
  rejects(base({ data: { ...xorData, test_points: [[0, 0]] } }), 'data.test_points', /together/);
  rejects(base({ data: xorData, model: { input_size: 3 } }), 'model.input_size', /have 2 inputs per point, not 3/);
  rejects(base({ data: { name: 'blobs', classes: 3 }, loss: { name: 'nn.CrossEntropyLoss', params: { weight: [1, 2] } } }), 'loss.params.weight', /expected 3 values, got 2/);
  rejects(base({ loss: { name: 'nn.BCELoss', params: { pos_weight: [2] } } }), 'loss.params.pos_weight', /applies to logits only/);
});

test('errors in YAML and JSON text point at the offending key or value', () => {
  const yaml = [
    'data:',
    '  name: xor',
    'model:',
    '  layers:',
    '    - units: 4',
    '      activation: tanh',
    '    - units: 3',
    '      activation: rleu',
    'loss: binary_crossentropy_with_logits',
  ].join('\n');
  assert.throws(() => parseTrainingConfigText(yaml, 'train.yaml'), (error: unknown) => {
    assert.ok(error instanceof TrainingConfigError);
    assert.equal(error.path, 'model.layers[1].activation');
    assert.equal(error.position?.line, 7);
    assert.equal(error.position?.column, 18);
    assert.equal(error.localizedMessage('en'), '8:19: model.layers[1].activation: unknown activation "rleu" (did you mean relu?)');
    return true;
  });
  const json = '{\n  "data": {"name": "xor"},\n  "loss": "mse",\n  "optimzer": "adam"\n}';
  assert.throws(() => parseTrainingConfigText(json), (error: unknown) => {
    assert.ok(error instanceof TrainingConfigError);
    assert.equal(error.path, 'optimzer');
    assert.equal(error.position?.line, 3);
    assert.equal(error.position?.column, 2);
    return true;
  });
  assert.throws(() => parseTrainingConfigText('data: [1, 2\nloss: mse', 'bad.yaml'), (error: unknown) => error instanceof FormulaLensError && error.position !== undefined);
  const parsed = parseTrainingConfigText('# comment\ndata: {name: gauss, samples: 20}\nloss: mse\noptimizer: {name: Adam, learningRate: 0.01}\nsteps: 3\n');
  assert.equal(parsed.optimizer.name, 'adam');
  assert.equal(parsed.optimizer.lr, 0.01);
  assert.equal(parsed.steps, 3);
});

test('defaults: torch initializers and output activations follow the framework and the loss', () => {
  const torch = parseTrainingConfig({ data: { name: 'spiral' }, loss: 'nn.BCELoss' });
  assert.equal(torch.framework, 'torch');
  assert.equal(torch.model.outputActivation.id, 'sigmoid');
  assert.equal(torch.model.weightInitializer.name, 'torch_default');
  assert.equal(torch.model.layers.length, 0);
  assert.equal(torch.loss.fused, false);
  assert.equal(torch.data.kind === 'builtin' && torch.data.samples, 500);
  assert.equal(torch.optimizer.name, 'sgd');
  assert.equal(torch.epochs, 100);
  const keras = parseTrainingConfig({ framework: 'keras', data: { name: 'blobs', classes: 5 }, model: { hidden_sizes: [8, 8], activation: 'leaky_relu' }, loss: 'categorical_crossentropy' });
  assert.equal(keras.model.outputActivation.id, 'softmax');
  assert.equal(keras.model.outputUnits, 5);
  assert.equal(keras.model.weightInitializer.name, 'glorot_uniform');
  assert.equal(keras.loss.fused, true);
  assert.equal(keras.model.layers[0]!.activation.params['negative_slope'], 0.2);
  const logits = parseTrainingConfig({ data: { name: 'blobs' }, loss: 'nn.CrossEntropyLoss' });
  assert.equal(logits.model.outputActivation.id, 'linear');
  assert.equal(logits.model.outputUnits, 3);
  assert.equal(logits.loss.id, 'sparse_categorical_crossentropy');
});

test('a softmax output before a loss that takes logits is accepted with a warning', () => {
  const config = parseTrainingConfig({ data: { name: 'blobs' }, model: { output_activation: 'softmax' }, loss: 'nn.CrossEntropyLoss' });
  assert.equal(config.warnings.length, 1);
  assert.equal(config.warnings[0]!.path, 'model.output_activation');
  assert.match(config.warnings[0]!.text.en, /applies \{activation\} twice/);
});

test('round trip: a validated configuration written back validates to the same configuration', () => {
  const configs: RawTrainingConfig[] = [
    base({ regularization: { l1: 0.001, l2: 0.01 }, shuffle: false }),
    { framework: 'keras', seed: 7, data: { name: 'blobs', classes: 4, samples: 60, test_fraction: 0.25 }, model: { hidden_sizes: [6], activation: { name: 'elu', params: { alpha: 0.5 } }, kernel_initializer: { name: 'he_normal', gain: 1.2 } }, loss: { name: 'categorical_crossentropy', params: { label_smoothing: 0.1 } }, optimizer: { name: 'adamw', lr: 0.01, betas: [0.8, 0.99] }, steps: 12 },
    { data: { ...xorData, test_points: [[0.5, 0.5]], test_labels: [1] }, model: { layers: [{ units: 2, activation: 'tanh' }], initial_params: { W1: [[1, 2], [3, 4]], b1: [0, 0], W2: [[1, -1]], b2: [0.5] } }, loss: 'nn.BCELoss', optimizer: { name: 'rmsprop', centered: true, momentum: 0.5 }, batch_size: 'full', epochs: 3 },
    { data: { points: [[0], [1], [2]], labels: [[1, 0, 0], [0, 1, 0], [0, 0, 1]] }, model: { output_activation: 'log_softmax' }, loss: { name: 'nll_loss', params: { weight: [1, 2, 3] } }, optimizer: { name: 'adagrad', lr_decay: 0.1 }, epochs: 1 },
  ];
  for (const raw of configs) {
    const config = parseTrainingConfig(raw);
    const written = JSON.parse(JSON.stringify(toRawConfig(config))) as RawTrainingConfig;
    assert.deepEqual(parseTrainingConfig(written), config);
    // Validating a validated configuration returns it as is; a copy of one (sent to a worker) validates to an equal one.
    assert.equal(parseTrainingConfig(config), config);
    assert.deepEqual(parseTrainingConfig(structuredClone(config)), config);
  }
});

test('the JSON schema is the committed schemas/training.schema.json and covers every field the validator reads', () => {
  const schema = trainingConfigSchema();
  const path = join(process.cwd(), 'schemas', 'training.schema.json');
  const expected = `${JSON.stringify(schema, null, 2)}\n`;
  if (process.env.UPDATE_TRAINING_SCHEMA === '1') writeFileSync(path, expected);
  assert.equal(readFileSync(path, 'utf8'), expected, 'schemas/training.schema.json is stale: run this test with UPDATE_TRAINING_SCHEMA=1');
  const text = JSON.stringify(schema);
  for (const section of Object.values(FIELDS)) {
    for (const names of Object.values(section)) for (const name of names) assert.ok(text.includes(`"${name}":`), `schema lacks ${name}`);
  }
  for (const name of [...OPTIMIZER_NAMES, ...DATASET_NAMES]) assert.ok(text.includes(`"${name}"`), `schema lacks ${name}`);
  const root = schema as { required: string[]; additionalProperties: boolean };
  assert.deepEqual(root.required, ['data', 'loss']);
  assert.equal(root.additionalProperties, false);
});

const referenceLike = {
  seed: 3,
  data: xorData,
  model: { layers: [{ units: 4, activation: 'tanh' }, { units: 3, activation: { name: 'leaky_relu', params: { negative_slope: 0.1 } } }], output_activation: 'sigmoid' },
  loss: 'nn.BCELoss',
  optimizer: { name: 'sgd', lr: 0.5, momentum: 0.9, nesterov: true, weight_decay: 1e-4 },
  regularization: { l2: 0.001 },
  batch_size: 2,
  epochs: 5,
};

test('PyTorch export names the layers, activations, loss, optimizer and hyperparameters', () => {
  const code = exportPyTorch(referenceLike);
  for (const expected of ['import torch', 'torch.set_default_dtype(torch.float64)', 'nn.Linear(2, 4)', 'nn.Tanh()', 'nn.Linear(4, 3)', 'nn.LeakyReLU(negative_slope=0.1)', 'nn.Linear(3, 1)', 'nn.Sigmoid()', 'loss_fn = nn.BCELoss(reduction="mean")', 'torch.optim.SGD(model.parameters(), lr=0.5, weight_decay=0.0001, momentum=0.9, dampening=0.0, nesterov=True)', 'L1, L2 = 0.0, 0.001', 'BATCH_SIZE = 2', 'STEPS = 10', 'SEED = 3']) {
    assert.ok(code.includes(expected), `missing ${expected}\n${code}`);
  }
  assert.match(code, /X_train = torch\.tensor\(\[\n {4}\[0\.0, 0\.0\],/);
  // Trained weights are embedded when given.
  const result = runTraining(referenceLike, { epochs: 1 });
  const withWeights = exportPyTorch(referenceLike, result.weights);
  assert.ok(withWeights.includes(JSON.stringify(result.weights.layers[0]!.weight)));
  assert.ok(withWeights.includes('linear.weight.copy_'));
});

test('PyTorch export folds a fused Keras sigmoid into BCEWithLogits and writes focal loss with torchvision', () => {
  const fused = exportPyTorch({ framework: 'keras', data: { name: 'xor', samples: 20 }, model: { layers: [{ units: 3, activation: 'relu' }], output_activation: 'sigmoid' }, loss: 'binary_crossentropy', optimizer: 'adam', epochs: 1 });
  assert.ok(fused.includes('nn.BCEWithLogitsLoss('));
  assert.ok(!fused.includes('nn.Sigmoid()'));
  const focal = exportPyTorch({ data: { name: 'xor', samples: 20 }, loss: { name: 'binary_focal_crossentropy', params: { gamma: 1.5 } }, optimizer: { name: 'adagrad', lr_decay: 0.01 }, epochs: 1 });
  assert.ok(focal.includes('from torchvision.ops import sigmoid_focal_loss'));
  assert.ok(focal.includes('sigmoid_focal_loss(outputs, targets, alpha=0.25, gamma=1.5, reduction="mean")'));
  assert.ok(focal.includes('torch.optim.Adagrad(model.parameters(), lr=0.01, weight_decay=0.0, lr_decay=0.01, initial_accumulator_value=0.0, eps=1e-10)'));
  const multi = exportPyTorch({ data: { name: 'blobs', classes: 4, samples: 40 }, model: { hidden_sizes: [5] }, loss: { name: 'nn.CrossEntropyLoss', params: { label_smoothing: 0.1 } }, optimizer: { name: 'rmsprop', centered: true }, epochs: 1 });
  assert.ok(multi.includes('nn.CrossEntropyLoss(label_smoothing=0.1, reduction="mean")'));
  assert.ok(multi.includes('dtype=torch.long'));
  assert.ok(multi.includes('torch.optim.RMSprop(model.parameters(), lr=0.01, weight_decay=0.0, alpha=0.99, eps=1e-8, momentum=0.0, centered=True)'));
  assert.ok(multi.includes('nn.ReLU()'));
});

test('Keras export names the Dense layers, activations, loss, optimizer, regularizers and fit schedule', () => {
  const code = exportKeras(referenceLike);
  for (const expected of ['import keras', 'keras.config.set_floatx("float64")', 'keras.Input(shape=(2,))', 'layers.Dense(4, activation="tanh"', 'layers.Dense(3, activation=lambda x: keras.activations.leaky_relu(x, negative_slope=0.1)', 'layers.Dense(1, activation="sigmoid"', 'keras.losses.BinaryCrossentropy(from_logits=False, label_smoothing=0.0)', 'keras.optimizers.SGD(learning_rate=0.5, momentum=0.9, nesterov=True)', 'keras.regularizers.L1L2(l1=0.0, l2=0.00105)', 'keras.regularizers.L2(0.00005)', 'batch_size=2, epochs=5']) {
    assert.ok(code.includes(expected), `missing ${expected}\n${code}`);
  }
  const adagrad = exportKeras({ data: { name: 'sine', samples: 20 }, model: { hidden_sizes: [4], activation: 'gelu' }, loss: { name: 'huber', params: { delta: 0.5 } }, optimizer: { name: 'adagrad', lr: 0.1, lr_decay: 0.5 }, steps: 7, batch_size: 5 });
  assert.ok(adagrad.includes('keras.optimizers.schedules.InverseTimeDecay(initial_learning_rate=0.1, decay_steps=1, decay_rate=0.5)'));
  assert.ok(adagrad.includes('keras.losses.Huber(delta=0.5)'));
  assert.ok(adagrad.includes('layers.Dense(4, activation="gelu"'));
  assert.ok(adagrad.includes('# 7 steps of Formula Lens are 4 epochs of 2 steps here.'));
  const multi = exportKeras({ framework: 'keras', data: { name: 'blobs', samples: 30 }, model: { hidden_sizes: [5], activation: 'selu' }, loss: { name: 'sparse_categorical_crossentropy' }, optimizer: { name: 'adamw', weight_decay: 0.05 }, epochs: 1 });
  assert.ok(multi.includes('keras.losses.SparseCategoricalCrossentropy(from_logits=False)'));
  assert.ok(multi.includes('keras.optimizers.AdamW(learning_rate=0.001, weight_decay=0.05, beta_1=0.9, beta_2=0.999, epsilon=1e-8, amsgrad=False)'));
  assert.ok(multi.includes('layers.Dense(3, activation="softmax"'));
  assert.ok(multi.includes('metrics=["accuracy"]'));
});
