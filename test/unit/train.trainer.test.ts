/**
 * The training loop around the numbers: divergence stops a run with a localized message and keeps
 * the last good parameters, the decision-boundary grid, per-layer diagnostics (gradient norms,
 * dead and saturated units), epochs and mini-batches, and runTraining's report.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { localize } from '../../src/core/l10n';
import { forward, predictCurve, predictGrid, runTraining, Trainer, trainMessages, Workspace, type RunProgress } from '../../src/core/train/index';

const line = { points: [[1], [2], [3], [-1]], labels: [2, 4, 6, -2] };

test('a loss that blows up stops training at that step, keeps the last finite parameters and says so in both languages', () => {
  const config = { data: line, model: { layers: [] }, loss: 'mse', optimizer: { name: 'sgd', lr: 5 }, batch_size: null, steps: 400 };
  const trainer = new Trainer(config);
  const losses: number[] = [];
  let lastFinite = Float64Array.from(trainer.network.params);
  while (!trainer.divergence && losses.length < 400) {
    const before = Float64Array.from(trainer.network.params);
    const loss = trainer.step();
    losses.push(loss);
    if (Number.isFinite(loss)) lastFinite = before;
  }
  const divergence = trainer.divergence;
  assert.ok(divergence, 'SGD with lr 5 on this line must diverge');
  assert.equal(divergence.step, losses.length);
  assert.ok(!Number.isFinite(divergence.loss));
  assert.equal(divergence.learningRate, 5);
  assert.equal(trainer.steps, losses.length - 1);
  // The parameters are those of the last step whose loss was finite.
  assert.deepEqual(trainer.network.params, lastFinite);
  assert.ok([...trainer.network.params].every(Number.isFinite));
  assert.match(divergence.message.en, new RegExp(`^Training diverged at step ${divergence.step}: the loss became (Infinity|NaN)\\..*smaller learning rate \\(now 5\\)`));
  assert.match(divergence.message['zh-cn'], new RegExp(`第 ${divergence.step} 步发散.*更小的学习率`));
  // Training stays stopped.
  assert.ok(Number.isNaN(trainer.step()));
  assert.deepEqual(trainer.network.params, lastFinite);

  const result = runTraining(config);
  assert.deepEqual(result.divergence, divergence);
  assert.equal(result.losses.length, divergence.step);
  assert.ok(result.losses.slice(0, -1).every(Number.isFinite));
  assert.ok(Number.isFinite(result.train.loss));
});

test('a non-finite loss at the initial parameters is reported as such', () => {
  const trainer = new Trainer({ data: line, model: { layers: [], initial_params: [{ weight: [[1e300]], bias: [0] }] }, loss: 'mse', batch_size: null, steps: 3 });
  assert.equal(trainer.step(), Infinity);
  const divergence = trainer.divergence!;
  assert.equal(divergence.step, 1);
  assert.equal(divergence.message.en, localize(trainMessages.divergedAtStart, { value: 'Infinity' }, 'en'));
  assert.equal(trainer.network.params[0], 1e300);
});

const classifier = {
  seed: 2,
  data: { name: 'circle', samples: 120, noise: 0.05 },
  model: { hidden_sizes: [8, 8], activation: 'tanh' },
  loss: 'bce_with_logits',
  optimizer: { name: 'adam', lr: 0.03 },
  batch_size: 10,
  epochs: 30,
};

test('predictGrid: probabilities on a row-major grid, the same numbers as a forward pass, no new buffer per call', () => {
  const trainer = new Trainer(classifier);
  for (let i = 0; i < 60; i++) trainer.step();
  const grid = predictGrid(trainer, [-6, 6], [-4, 4], 25);
  assert.equal(grid.length, 625);
  assert.ok(grid.every((p) => p > 0 && p < 1));
  // Cell (i, j) is x = -6 + 12 i / 24, y = -4 + 8 j / 24; check a few against an independent forward pass.
  const workspace = new Workspace(trainer.network, 1, false);
  for (const [i, j] of [[0, 0], [24, 0], [3, 17], [12, 12], [24, 24]] as const) {
    forward(trainer.network, workspace, Float64Array.of(-6 + (12 * i) / 24, -4 + (8 * j) / 24), 1);
    const probability = 1 / (1 + Math.exp(-workspace.output[0]!));
    assert.ok(Math.abs(grid[j * 25 + i]! - probability) < 1e-15, `cell ${i}, ${j}`);
  }
  const again = predictGrid(trainer, [-6, 6], [-4, 4], 25);
  assert.equal(again, grid, 'the cached buffer is reused');
  const out = new Float64Array(625);
  assert.equal(predictGrid(trainer, [-6, 6], [-4, 4], 25, out), out);
  assert.deepEqual(out, grid);
  assert.equal(predictGrid(trainer, [-6, 6], [-6, 6], 100).length, 10000);
});

test('predictGrid gives one probability per class for softmax models; predictCurve follows a 1-D fit', () => {
  const multi = new Trainer({ data: { name: 'blobs', classes: 4, samples: 40 }, model: { hidden_sizes: [5] }, loss: 'nn.CrossEntropyLoss', epochs: 1 });
  const grid = predictGrid(multi, [-6, 6], [-6, 6], 10);
  assert.equal(grid.length, 400);
  for (let cell = 0; cell < 100; cell++) {
    const total = grid[4 * cell]! + grid[4 * cell + 1]! + grid[4 * cell + 2]! + grid[4 * cell + 3]!;
    assert.ok(Math.abs(total - 1) < 1e-12);
  }
  const sine = new Trainer({ data: { name: 'sine', samples: 100, test_fraction: 0 }, model: { hidden_sizes: [16], activation: 'tanh' }, loss: 'mse', optimizer: { name: 'adam', lr: 0.02 }, batch_size: 10, epochs: 200 });
  while (sine.epochs < 200) sine.runEpoch();
  const curve = predictCurve(sine, [-5, 5], 11);
  assert.equal(curve.length, 11);
  for (let k = 0; k < 11; k++) assert.ok(Math.abs(curve[k]! - Math.sin(-5 + k)) < 0.2, `x = ${-5 + k}: ${curve[k]}`);
});

test('diagnostics: gradient norms per layer, dead ReLU units and saturated sigmoid units', () => {
  const points = [[1, 0], [0, 1], [1, 1], [0.5, 0.5]];
  const trainer = new Trainer({
    data: { points, labels: [1, 0, 1, 0] },
    model: {
      layers: [{ units: 3, activation: 'relu' }, { units: 2, activation: 'sigmoid' }],
      // Unit 0 of layer 1 never fires (bias -10); units 1 and 2 do. Layer 2: unit 0 saturated (z = 20 + ...), unit 1 not.
      initial_params: [
        { weight: [[0.1, 0.1], [1, 1], [0.5, -0.2]], bias: [-10, 0.1, 1] },
        { weight: [[0, 0, 0], [0.3, -0.2, 0.1]], bias: [20, 0] },
        { weight: [[1, -1]], bias: [0] },
      ],
    },
    loss: 'bce_with_logits',
    optimizer: { name: 'sgd', lr: 0.1 },
    batch_size: null,
    steps: 1,
  });
  trainer.step();
  const diagnostics = trainer.diagnostics();
  assert.equal(diagnostics.step, 1);
  assert.equal(diagnostics.gradientNorms.length, 3);
  assert.ok(diagnostics.gradientNorms.every((n) => Number.isFinite(n) && n >= 0));
  assert.ok(Math.abs(diagnostics.deadFraction[0]! - 1 / 3) < 1e-15);
  assert.equal(diagnostics.saturatedFraction[0], 0);
  assert.equal(diagnostics.deadFraction[1], 0);
  assert.equal(diagnostics.saturatedFraction[1], 0.5);
  // The output layer reads logits: no activation derivative to judge.
  assert.equal(diagnostics.deadFraction[2], 0);
  // A dead unit gets no gradient: its weights' gradient is exactly zero.
  const first = trainer.network.layers[0]!;
  assert.equal(first.weightGrad[0], 0);
  assert.equal(first.weightGrad[1], 0);
  assert.equal(first.biasGrad[0], 0);
  assert.ok(diagnostics.weightNorms.every((n) => n > 0));
});

test('epochs, mini-batches and drop_last: steps per epoch and the partial last batch', () => {
  const data = { name: 'xor', samples: 25, test_fraction: 0 };
  const keep = new Trainer({ data, loss: 'mse', batch_size: 10, epochs: 1 });
  assert.equal(keep.stepsPerEpoch, 3);
  keep.runEpoch();
  assert.equal(keep.epochs, 1);
  assert.equal(keep.steps, 3);
  assert.equal(keep.lastOutputs().length, 5, 'the last batch holds the 5 remaining points');
  const drop = new Trainer({ data, loss: 'mse', batch_size: 10, epochs: 1, drop_last: true });
  assert.equal(drop.stepsPerEpoch, 2);
  drop.runEpoch();
  assert.equal(drop.lastOutputs().length, 10);
  const full = new Trainer({ data, loss: 'mse', epochs: 1 });
  assert.equal(full.batchSize, 25);
  assert.equal(full.stepsPerEpoch, 1);
});

test('runTraining: overrides, progress after every epoch, per-step losses, final weights, train/test metrics', () => {
  const progress: RunProgress[] = [];
  const result = runTraining(classifier, { epochs: 4, onProgress: (p) => progress.push(p) });
  const stepsPerEpoch = Math.ceil(60 / 10);
  assert.equal(result.steps, 4 * stepsPerEpoch);
  assert.equal(result.epochs, 4);
  assert.equal(result.losses.length, 4 * stepsPerEpoch);
  assert.deepEqual(progress.map((p) => p.epoch), [1, 2, 3, 4]);
  assert.ok(progress[3]!.final && !progress[2]!.final);
  assert.equal(result.weights.layers.length, 3);
  assert.deepEqual(result.weights.layers.map((l) => [l.weight.length, l.weight[0]!.length]), [[8, 2], [8, 8], [1, 8]]);
  assert.ok(result.test && result.test.accuracy !== null && result.test.accuracy >= 0 && result.test.accuracy <= 1);
  const longer = runTraining(classifier, { steps: 200 });
  assert.equal(longer.steps, 200);
  assert.ok(longer.train.loss < result.losses[0]!, 'training lowers the loss');
  assert.ok(longer.train.accuracy! > 0.9, `circle accuracy ${longer.train.accuracy}`);
  const regression = runTraining({ data: { name: 'plane', samples: 40 }, loss: 'mse', optimizer: { name: 'sgd', lr: 0.03 }, epochs: 2 });
  assert.equal(regression.train.accuracy, null);
});

test('the learning rate can change between steps and the optimizer keeps its state', () => {
  const a = new Trainer({ ...classifier, optimizer: { name: 'sgd', lr: 0.1, momentum: 0.9 } });
  const b = new Trainer({ ...classifier, optimizer: { name: 'sgd', lr: 0.1, momentum: 0.9 } });
  for (let i = 0; i < 5; i++) {
    a.step();
    b.step();
  }
  a.setLearningRate(0.01);
  assert.equal(a.optimizer.settings.lr, 0.01);
  a.step();
  b.step();
  assert.notDeepEqual(a.network.params, b.network.params);
  assert.equal(a.optimizer.stepCount, 6);
});
