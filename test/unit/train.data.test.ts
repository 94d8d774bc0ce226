/**
 * Seeded data for training: the generator's determinism and distributions, the built-in data sets'
 * shapes, labels and class balance (TensorFlow Playground's four, moons, blobs, the regression
 * sets), train/test splits, explicit points, and the initializers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRandom, datasetInfo, DATASET_NAMES, deriveSeed, generateDataset, parseTrainingConfig, prepareData, Trainer } from '../../src/core/train/index';
import { initialize } from '../../src/core/train/initializers';

function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return sum / values.length;
}

function std(values: ArrayLike<number>): number {
  const m = mean(values);
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += (values[i]! - m) ** 2;
  return Math.sqrt(sum / values.length);
}

function counts(labels: ArrayLike<number>): Map<number, number> {
  const result = new Map<number, number>();
  for (let i = 0; i < labels.length; i++) result.set(labels[i]!, (result.get(labels[i]!) ?? 0) + 1);
  return result;
}

test('the generator repeats its sequence for a seed, differs across seeds, and derives independent streams', () => {
  const a = createRandom(42);
  const b = createRandom(42);
  const c = createRandom(43);
  const first = Array.from({ length: 5 }, () => a.next());
  assert.deepEqual(Array.from({ length: 5 }, () => b.next()), first);
  assert.notDeepEqual(Array.from({ length: 5 }, () => c.next()), first);
  assert.ok(first.every((v) => v >= 0 && v < 1));
  assert.equal(deriveSeed(1, 'data'), deriveSeed(1, 'data'));
  assert.notEqual(deriveSeed(1, 'data'), deriveSeed(1, 'init'));
  assert.notEqual(deriveSeed(1, 'data'), deriveSeed(2, 'data'));
});

test('uniform and normal draws have the requested moments; shuffles are permutations', () => {
  const random = createRandom(7);
  const uniform = Float64Array.from({ length: 20000 }, () => random.uniform(-2, 4));
  assert.ok(Math.abs(mean(uniform) - 1) < 0.05);
  assert.ok(uniform.every((v) => v >= -2 && v < 4));
  const normal = Float64Array.from({ length: 20000 }, () => random.normal(3, 0.5));
  assert.ok(Math.abs(mean(normal) - 3) < 0.02);
  assert.ok(Math.abs(std(normal) - 0.5) < 0.02);
  const order = Int32Array.from({ length: 50 }, (_, i) => i);
  random.shuffle(order);
  assert.deepEqual([...order].sort((x, y) => x - y), Array.from({ length: 50 }, (_, i) => i));
  assert.notDeepEqual([...order], Array.from({ length: 50 }, (_, i) => i));
});

test('every built-in data set: seeded, with the expected input size, sample count and label kind', () => {
  for (const name of DATASET_NAMES) {
    const info = datasetInfo(name, 4);
    const options = { samples: 200, noise: 0.2, classes: 4 };
    const one = generateDataset(name, options, createRandom(5));
    const two = generateDataset(name, options, createRandom(5));
    const other = generateDataset(name, options, createRandom(6));
    assert.deepEqual(one, two, name);
    assert.notDeepEqual(one.inputs, other.inputs, name);
    assert.equal(one.inputSize, info.inputSize, name);
    assert.equal(one.labels.length, 200, name);
    assert.equal(one.inputs.length, 200 * info.inputSize, name);
    assert.ok(one.inputs.every(Number.isFinite) && one.labels.every(Number.isFinite), name);
    if (info.classes > 0) {
      for (const label of one.labels) assert.ok(Number.isInteger(label) && label >= 0 && label < info.classes, `${name} label ${label}`);
    }
  }
});

test('classification sets are balanced: exact halves (circle, gauss, spiral, moons), near halves (xor), equal blobs', () => {
  for (const name of ['circle', 'gauss', 'spiral', 'moons'] as const) {
    const data = generateDataset(name, { samples: 300, noise: 0 }, createRandom(1));
    assert.deepEqual([...counts(data.labels).entries()].sort(), [[0, 150], [1, 150]], name);
  }
  const xor = counts(generateDataset('xor', { samples: 1000, noise: 0 }, createRandom(2)).labels);
  assert.ok(Math.abs(xor.get(1)! - 500) < 60, `xor ${xor.get(1)}`);
  for (const classes of [3, 4, 5]) {
    const blobs = counts(generateDataset('blobs', { samples: 302, noise: 0.1, classes }, createRandom(3)).labels);
    assert.equal(blobs.size, classes);
    const sizes = [...blobs.values()];
    assert.ok(Math.max(...sizes) - Math.min(...sizes) <= 1, `blobs ${sizes}`);
  }
});

test('the Playground shapes: circle radii, xor quadrants, spiral arms, gauss centres', () => {
  const circle = generateDataset('circle', { samples: 400, noise: 0 }, createRandom(4));
  for (let i = 0; i < 400; i++) {
    const r = Math.hypot(circle.inputs[2 * i]!, circle.inputs[2 * i + 1]!);
    if (circle.labels[i] === 1) assert.ok(r <= 2.5 + 1e-12);
    else assert.ok(r >= 3.5 - 1e-12 && r <= 5 + 1e-12);
  }
  const xor = generateDataset('xor', { samples: 400, noise: 0 }, createRandom(4));
  for (let i = 0; i < 400; i++) {
    const x = xor.inputs[2 * i]!;
    const y = xor.inputs[2 * i + 1]!;
    assert.ok(Math.abs(x) >= 0.3 && Math.abs(y) >= 0.3 && Math.abs(x) <= 5.3 && Math.abs(y) <= 5.3);
    assert.equal(xor.labels[i], x * y >= 0 ? 1 : 0);
  }
  const spiral = generateDataset('spiral', { samples: 200, noise: 0 }, createRandom(4));
  // Point i of each arm lies at radius 5 i / n.
  for (let i = 0; i < 100; i++) assert.ok(Math.abs(Math.hypot(spiral.inputs[2 * i]!, spiral.inputs[2 * i + 1]!) - (5 * i) / 100) < 1e-12);
  const gauss = generateDataset('gauss', { samples: 2000, noise: 0 }, createRandom(4));
  const positives = gauss.inputs.filter((_, k) => gauss.labels[Math.floor(k / 2)] === 1 && k % 2 === 0);
  assert.ok(Math.abs(mean(positives) - 2) < 0.1);
  assert.ok(Math.abs(std(positives) - Math.sqrt(0.5)) < 0.05);
});

test('regression sets: plane is (x + y) / 10, the bumps stay in [-1, 1], sine is a 1-D sin(x)', () => {
  const plane = generateDataset('plane', { samples: 300, noise: 0 }, createRandom(8));
  for (let i = 0; i < 300; i++) assert.ok(Math.abs(plane.labels[i]! - (plane.inputs[2 * i]! + plane.inputs[2 * i + 1]!) / 10) < 1e-15);
  const bumps = generateDataset('gaussian', { samples: 500, noise: 0 }, createRandom(8));
  assert.ok(bumps.labels.every((v) => v >= -1 && v <= 1));
  assert.ok(bumps.labels.some((v) => v > 0.5) && bumps.labels.some((v) => v < -0.5));
  const sine = generateDataset('sine', { samples: 100, noise: 0 }, createRandom(8));
  assert.equal(sine.inputSize, 1);
  for (let i = 0; i < 100; i++) assert.equal(sine.labels[i], Math.sin(sine.inputs[i]!));
});

test('train/test split: the Playground share, seeded, disjoint, every point used once', () => {
  const config = parseTrainingConfig({ data: { name: 'circle', samples: 101, test_fraction: 0.3, seed: 9 }, loss: 'bce_with_logits' });
  const trainer = new Trainer(config);
  const { train, test } = trainer.data;
  assert.equal(train.rows, 101 - Math.floor(101 * 0.3));
  assert.equal(test!.rows, Math.floor(101 * 0.3));
  const again = new Trainer(config).data;
  assert.deepEqual(again.train.inputs, train.inputs);
  const generated = generateDataset('circle', { samples: 101, noise: 0 }, createRandom(9));
  const key = (inputs: Float64Array, i: number) => `${inputs[2 * i]},${inputs[2 * i + 1]}`;
  const all = new Set(Array.from({ length: 101 }, (_, i) => key(generated.inputs, i)));
  const seen = [...Array.from({ length: train.rows }, (_, i) => key(train.inputs, i)), ...Array.from({ length: test!.rows }, (_, i) => key(test!.inputs, i))];
  assert.equal(new Set(seen).size, 101);
  assert.ok(seen.every((k) => all.has(k)));
  const noTest = new Trainer({ data: { name: 'plane', samples: 20, test_fraction: 0 }, loss: 'mse' }).data;
  assert.equal(noTest.test, null);
});

test('targets follow the loss: 0/1 columns, one-hot rows, class indices, -1/1 for hinge', () => {
  const data = { points: [[0, 0], [1, 0], [0, 1], [1, 1]], labels: [0, 2, 1, 2] };
  const indices = new Trainer({ data, loss: 'nn.CrossEntropyLoss' }).data;
  assert.equal(indices.targetLayout, 'class_index');
  assert.deepEqual([...indices.train.targets], [0, 2, 1, 2]);
  const oneHot = new Trainer({ data, loss: { name: 'categorical_crossentropy' } }).data;
  assert.equal(oneHot.targetWidth, 3);
  assert.deepEqual([...oneHot.train.targets], [1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1]);
  const signed = new Trainer({ framework: 'keras', data: { points: data.points, labels: [-1, 1, 1, -1] }, loss: 'hinge' }).data;
  assert.deepEqual([...signed.train.targets], [-1, 1, 1, -1]);
  const binary = new Trainer({ data: { points: data.points, labels: [-1, 1, 1, -1] }, loss: 'bce_with_logits' }).data;
  assert.deepEqual([...binary.train.targets], [0, 1, 1, 0]);
  const explicitTest = new Trainer({ data: { ...data, labels: [0, 1, 1, 0], test_points: [[2, 2]], test_labels: [1] }, loss: 'bce_with_logits' }).data;
  assert.deepEqual([...explicitTest.test!.inputs], [2, 2]);
  assert.deepEqual(explicitTest.domain.length, 4);
  const config = parseTrainingConfig({ data: { name: 'blobs', classes: 4, samples: 40 }, loss: 'mse' });
  const regressionOnClasses = prepareData(config, new Trainer(config).objective.loss);
  assert.equal(regressionOnClasses.targetWidth, 4);
});

test('initializers: glorot/he bounds and spreads, torch default bound, zeros and constants', () => {
  const random = createRandom(11);
  const weights = new Float64Array(20000);
  initialize({ name: 'glorot_uniform' }, weights, 30, 50, random);
  const limit = Math.sqrt(6 / 80);
  assert.ok(weights.every((w) => Math.abs(w) <= limit));
  assert.ok(Math.abs(std(weights) - limit / Math.sqrt(3)) < 0.01 * limit);
  initialize({ name: 'he_normal' }, weights, 30, 50, random);
  assert.ok(Math.abs(std(weights) - Math.sqrt(2 / 30)) < 0.01);
  initialize({ name: 'glorot_normal', gain: 2 }, weights, 30, 50, random);
  assert.ok(Math.abs(std(weights) - 2 * Math.sqrt(2 / 80)) < 0.01);
  initialize({ name: 'he_uniform' }, weights, 12, 3, random);
  assert.ok(weights.every((w) => Math.abs(w) <= Math.sqrt(6 / 12)));
  initialize({ name: 'torch_default' }, weights, 16, 3, random);
  assert.ok(weights.every((w) => Math.abs(w) <= 0.25) && weights.some((w) => Math.abs(w) > 0.24));
  initialize({ name: 'uniform', low: 1, high: 2 }, weights, 1, 1, random);
  assert.ok(weights.every((w) => w >= 1 && w < 2));
  initialize({ name: 'zeros' }, weights, 3, 3, random);
  assert.ok(weights.every((w) => w === 0));
  initialize({ name: 'constant', value: 0.5 }, weights, 3, 3, random);
  assert.ok(weights.every((w) => w === 0.5));
});

test('a seed reproduces a whole run; another seed changes the data, the weights and the batch order', () => {
  const config = { seed: 4, data: { name: 'spiral', samples: 80, noise: 0.1 }, model: { hidden_sizes: [6, 6], activation: 'tanh' }, loss: 'bce_with_logits', optimizer: { name: 'adam', lr: 0.01 }, batch_size: 8, epochs: 3 };
  const losses = (seed: number) => {
    const trainer = new Trainer({ ...config, seed });
    return Array.from({ length: 20 }, () => trainer.step());
  };
  assert.deepEqual(losses(4), losses(4));
  assert.notDeepEqual(losses(4), losses(5));
  // The same data and weights with a different batch order give different losses after the first epoch's first batch.
  const shuffled = new Trainer(config);
  const ordered = new Trainer({ ...config, shuffle: false });
  assert.deepEqual(shuffled.network.params, ordered.network.params);
  const a = Array.from({ length: 10 }, () => shuffled.step());
  const b = Array.from({ length: 10 }, () => ordered.step());
  assert.notDeepEqual(a, b);
});
