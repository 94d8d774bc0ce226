/**
 * The training worker's logic with a fake clock: jobs load, run in slices, pause, step and resume; stale
 * requests are ignored; live learning-rate and regularization changes reach the trainer; progress goes out
 * at most ~30 times a second however fast training runs; divergence stops the run with the core's message
 * and keeps the last good parameters; comparisons train every variant for the same steps; exports work.
 * The pacing helpers (throttle, pacer, rate meter) are tested on their own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { localize } from '../../src/core/l10n';
import { parseTrainingConfig, runTraining, Trainer, trainMessages } from '../../src/core/train/index';
import { RateMeter, StepPacer, Throttle, UPDATE_INTERVAL_MS } from '../../src/protocol/pacing';
import { isTrainingReport, type ProgressReport, type TrainingReport } from '../../src/protocol/training';
import { SLICE_MS, TrainingSession } from '../../src/protocol/trainingSession';

const SPIRAL = { seed: 3, data: { name: 'spiral', noise: 0.1, samples: 200, test_fraction: 0.5 }, model: { layers: [{ units: 6, activation: 'relu' }] }, loss: 'binary_crossentropy', optimizer: { name: 'adam', lr: 0.02 }, batch_size: 20, epochs: 20 };

/** A session with a clock the test moves; every step costs `stepCost` ms of fake time. */
function harness(stepCost = 0.05) {
  let time = 0;
  const reports: TrainingReport[] = [];
  const session = new TrainingSession((report) => {
    assert.ok(isTrainingReport(report), `the session sent a report its guard rejects: ${report.type}`);
    reports.push(report);
  }, () => {
    time += stepCost / 4;
    return time;
  });
  return {
    session,
    reports,
    advance(ms: number) {
      time += ms;
    },
    get time() {
      return time;
    },
    progress(): ProgressReport[] {
      return reports.filter((report): report is ProgressReport => report.type === 'progress');
    },
    /** Runs slices (waiting as asked) until the session is idle or `limit` ms of fake time passed. */
    drain(limit = 60_000) {
      const end = time + limit;
      for (;;) {
        const wait = session.work();
        if (wait === null || time > end) return;
        time += wait;
      }
    },
  };
}

test('pacing: the throttle lets one update through per interval and stretches with the cost of an update', () => {
  const throttle = new Throttle();
  assert.equal(throttle.take(0), true);
  assert.equal(throttle.take(10), false);
  assert.ok(Math.abs(throttle.wait(10) - (UPDATE_INTERVAL_MS - 10)) < 1e-9);
  assert.equal(throttle.take(UPDATE_INTERVAL_MS), true);
  throttle.adapt(50);
  assert.equal(throttle.take(UPDATE_INTERVAL_MS + 100), false, 'a 50 ms update may go out only every 200 ms');
  assert.equal(throttle.take(UPDATE_INTERVAL_MS + 200), true);
  throttle.reset();
  assert.equal(throttle.take(UPDATE_INTERVAL_MS + 201), true);
  // Over any stretch of time, at most one update per interval gets through.
  const fresh = new Throttle();
  let passed = 0;
  for (let t = 0; t < 1000; t += 0.5) if (fresh.take(t)) passed++;
  assert.ok(passed <= 31 && passed >= 29, `${passed} updates in one second`);
});

test('pacing: the pacer allows steps at the chosen speed, caps the backlog and has no limit at speed 0', () => {
  const pacer = new StepPacer(20);
  pacer.restart(0);
  assert.equal(pacer.allowance(0), 0);
  assert.equal(pacer.delay(), 50);
  assert.equal(pacer.allowance(100), 2);
  pacer.spend(2);
  assert.equal(pacer.allowance(10_000), 2, 'a long gap earns at most a tenth of a second of steps');
  pacer.setSpeed(0);
  assert.equal(pacer.allowance(10_001), Infinity);
  assert.equal(pacer.delay(), 0);
  const slow = new StepPacer(1);
  slow.restart(0);
  assert.equal(slow.allowance(999), 0);
  assert.equal(slow.allowance(1000), 1);
});

test('pacing: the rate meter measures over its window and forgets on reset', () => {
  const meter = new RateMeter(1000);
  assert.equal(meter.rate(), 0);
  for (let t = 0; t <= 3000; t += 100) meter.record(t, t * 2);
  assert.equal(meter.rate(), 2000);
  meter.reset();
  assert.equal(meter.rate(), 0);
});

test('a loaded job reports its data and layers, then progress; it runs to the configured end', () => {
  const h = harness();
  h.session.handle({ type: 'load', jobId: 1, config: SPIRAL, run: false, speed: 0, gridResolution: 20 });
  const loaded = h.reports[0];
  assert.ok(loaded?.type === 'loaded');
  assert.equal(loaded.data.trainLabels.length, 100);
  assert.equal(loaded.data.testLabels.length, 100);
  assert.deepEqual([...new Set(loaded.data.trainLabels)].sort(), [0, 1]);
  assert.deepEqual(loaded.layers, [{ units: 6, activation: 'relu' }, { units: 1, activation: 'sigmoid' }]);
  assert.equal(loaded.totalSteps, 100);
  const first = h.progress()[0]!;
  assert.equal(first.state, 'idle');
  assert.equal(first.step, 0);
  assert.ok(first.field?.kind === 'grid' && first.field.values.length === 400 && first.field.threshold === 0.5);
  assert.equal(h.session.work(), null, 'an idle job does nothing');
  h.session.handle({ type: 'run', jobId: 1 });
  h.drain();
  const last = h.progress().at(-1)!;
  assert.equal(last.state, 'finished');
  assert.equal(last.step, 100);
  // The same numbers as a whole run of the core.
  const reference = runTraining(SPIRAL);
  assert.ok(Math.abs(last.train.loss - reference.train.loss) < 1e-12, `${last.train.loss} vs ${reference.train.loss}`);
  assert.ok(last.train.loss < first.train.loss, 'the loss fell');
});

test('progress goes out at most ~30 times a second while running flat out, with the measured rate', () => {
  const h = harness(0.02);
  h.session.handle({ type: 'load', jobId: 1, config: { ...SPIRAL, epochs: 100_000 }, run: true, speed: 0, gridResolution: 10 });
  const start = h.time;
  h.drain(2000);
  const elapsed = h.time - start;
  const updates = h.progress().length - 1;
  assert.ok(updates <= Math.ceil(elapsed / UPDATE_INTERVAL_MS) + 1, `${updates} updates in ${elapsed.toFixed(0)} ms`);
  assert.ok(updates >= 20, `only ${updates} updates in ${elapsed.toFixed(0)} ms`);
  const last = h.progress().at(-1)!;
  assert.ok(last.stepsPerSecond > 0 && last.samplesPerSecond === last.stepsPerSecond * 20);
  // Every slice yields within its time budget so requests are handled promptly.
  const before = h.time;
  h.session.work();
  assert.ok(h.time - before < SLICE_MS + 5);
});

test('a paced run takes about `speed` steps per second', () => {
  const h = harness();
  h.session.handle({ type: 'load', jobId: 1, config: { ...SPIRAL, epochs: 100_000 }, run: true, speed: 20, gridResolution: 10 });
  h.drain(3000);
  const last = h.progress().at(-1)!;
  assert.ok(last.step >= 55 && last.step <= 65, `${last.step} steps in 3 s at 20 steps/s`);
});

test('pause, single step, resume; requests for another job are ignored', () => {
  const h = harness();
  h.session.handle({ type: 'load', jobId: 5, config: { ...SPIRAL, epochs: 1000 }, run: true, speed: 0, gridResolution: 10 });
  h.session.work();
  h.session.handle({ type: 'pause', jobId: 5 });
  const paused = h.progress().at(-1)!;
  assert.equal(paused.state, 'paused');
  assert.equal(h.session.work(), null);
  h.session.handle({ type: 'step', jobId: 5 });
  assert.equal(h.progress().at(-1)!.step, paused.step + 1);
  h.session.handle({ type: 'step', jobId: 4 });
  h.session.handle({ type: 'run', jobId: 4 });
  assert.equal(h.progress().at(-1)!.step, paused.step + 1, 'a stale job id changes nothing');
  assert.equal(h.session.work(), null);
  h.session.handle({ type: 'run', jobId: 5 });
  h.session.work();
  h.session.handle({ type: 'pause', jobId: 5 });
  assert.ok(h.progress().at(-1)!.step > paused.step + 1);
  // A new job replaces the old one: the old id is stale from then on.
  h.session.handle({ type: 'load', jobId: 6, config: SPIRAL, run: false, speed: 0, gridResolution: 10 });
  h.session.handle({ type: 'step', jobId: 5 });
  assert.equal(h.progress().at(-1)!.step, 0);
  assert.equal(h.session.jobId, 6);
});

test('a single step from idle is the first step; after the end, run and step continue past it', () => {
  const h = harness();
  h.session.handle({ type: 'load', jobId: 1, config: { ...SPIRAL, epochs: undefined, steps: 3 }, run: false, speed: 0, gridResolution: 10 });
  h.session.handle({ type: 'step', jobId: 1 });
  assert.deepEqual([h.progress().at(-1)!.state, h.progress().at(-1)!.step], ['paused', 1]);
  h.session.handle({ type: 'run', jobId: 1 });
  h.drain();
  assert.deepEqual([h.progress().at(-1)!.state, h.progress().at(-1)!.step], ['finished', 3]);
  h.session.handle({ type: 'step', jobId: 1 });
  assert.equal(h.progress().at(-1)!.step, 4);
});

test('live learning-rate and regularization changes reach the trainer and keep its state', () => {
  const h = harness();
  const config = { ...SPIRAL, optimizer: { name: 'sgd', lr: 0.1 }, batch_size: null, epochs: 1000 };
  h.session.handle({ type: 'load', jobId: 1, config, run: false, speed: 0, gridResolution: 10 });
  h.session.handle({ type: 'step', jobId: 1 });
  h.session.handle({ type: 'tune', jobId: 1, learningRate: 0, l2: 0.5 });
  h.session.handle({ type: 'step', jobId: 1 });
  const afterTune = h.progress().at(-1)!;
  h.session.handle({ type: 'step', jobId: 1 });
  const frozen = h.progress().at(-1)!;
  // With lr 0 the parameters stay: the data loss is unchanged, and the batch loss now includes the L2 penalty.
  assert.equal(frozen.train.loss, afterTune.train.loss);
  const trainer = new Trainer(config);
  trainer.step();
  const weightSquares = trainer.network.layers.reduce((sum, layer) => sum + layer.weight.reduce((s, w) => s + w * w, 0), 0);
  assert.ok(Math.abs(frozen.batchLoss - (frozen.train.loss + 0.5 * weightSquares)) < 1e-9, `${frozen.batchLoss} vs ${frozen.train.loss} + ${0.5 * weightSquares}`);
  // l1 alone leaves the tuned l2 in force.
  h.session.handle({ type: 'tune', jobId: 1, l1: 0 });
  h.session.handle({ type: 'step', jobId: 1 });
  assert.ok(Math.abs(h.progress().at(-1)!.batchLoss - frozen.batchLoss) < 1e-12);
});

test('divergence stops the run with the core message naming the step, and the last good state stays', () => {
  const h = harness();
  const config = { seed: 1, data: { name: 'plane', samples: 100 }, model: { layers: [8] }, loss: 'mse', optimizer: { name: 'sgd', lr: 1e6 }, batch_size: null, steps: 50 };
  h.session.handle({ type: 'load', jobId: 1, config, run: true, speed: 0, gridResolution: 10 });
  h.drain();
  const last = h.progress().at(-1)!;
  assert.equal(last.state, 'diverged');
  assert.ok(last.divergence);
  assert.equal(localize(last.divergence.text, undefined, 'en'), localize(trainMessages.diverged, { step: last.divergence.step, value: last.batchLoss === -Infinity ? '-Infinity' : String(last.batchLoss), lr: 1e6 }, 'en'));
  assert.match(localize(last.divergence.text, undefined, 'en'), /step \d+.*smaller learning rate/);
  assert.ok(Number.isFinite(last.train.loss), 'the metrics are those of the last good parameters');
  assert.ok(last.field?.kind === 'grid' && last.field.values.every(Number.isFinite));
  h.session.handle({ type: 'run', jobId: 1 });
  assert.equal(h.session.work(), null, 'a diverged run does not resume');
});

test('an invalid configuration fails with the validator message; an export of the run reproduces it', () => {
  const h = harness();
  h.session.handle({ type: 'load', jobId: 1, config: { ...SPIRAL, model: { layers: [{ units: 4, activation: 'rleu' }] } }, run: true, speed: 0, gridResolution: 10 });
  const failed = h.reports[0];
  assert.ok(failed?.type === 'failed');
  assert.match(localize(failed.error.text, failed.error.args, 'en'), /model\.layers\[0\]\.activation: unknown activation "rleu" \(did you mean relu\?\)/);
  h.session.handle({ type: 'load', jobId: 2, config: SPIRAL, run: false, speed: 0, gridResolution: 10 });
  h.session.handle({ type: 'step', jobId: 2 });
  h.session.handle({ type: 'export', jobId: 2, requestId: 1, target: 'keras', from: 'initial', config: SPIRAL });
  h.session.handle({ type: 'export', jobId: 2, requestId: 2, target: 'pytorch', from: 'initial', config: SPIRAL });
  h.session.handle({ type: 'export', jobId: 2, requestId: 3, target: 'weights', from: 'current', config: SPIRAL });
  h.session.handle({ type: 'export', jobId: 2, requestId: 5, target: 'pytorch', from: 'current', config: SPIRAL });
  h.session.handle({ type: 'export', jobId: 2, requestId: 6, target: 'config-yaml', from: 'current', config: SPIRAL });
  const exports = h.reports.filter((report) => report.type === 'exported');
  assert.deepEqual(exports.map((report) => report.type === 'exported' && report.requestId), [1, 2, 3, 5, 6]);
  const [keras, torch, weights, trainedTorch, yaml] = exports.map((report) => (report.type === 'exported' ? report.text : ''));
  assert.match(keras!, /keras\.Sequential/);
  assert.match(keras!, /INITIAL_PARAMS = /, 'the code starts from the run\'s initial parameters');
  assert.match(torch!, /import torch/);
  const fresh = new Trainer(SPIRAL).weights();
  assert.ok(keras!.includes(JSON.stringify(fresh.layers[0]!.weight).slice(0, 30)), 'the embedded parameters are the initial ones');
  const document = JSON.parse(weights!) as { format: string; layers: { weight: number[][] }[] };
  assert.equal(document.format, 'formula-lens-weights');
  assert.notDeepEqual(document.layers[0]!.weight, fresh.layers[0]!.weight, 'the weights are the trained ones');
  assert.ok(trainedTorch!.includes(JSON.stringify(document.layers[0]!.weight[0]).slice(0, 20)), 'code from the current weights embeds the trained ones');
  assert.match(yaml!, /^# Formula Lens training configuration/);
  assert.match(yaml!, /name: spiral/);
  h.session.handle({ type: 'export', jobId: 2, requestId: 4, target: 'keras', from: 'initial', config: { loss: 'nothing' } });
  assert.equal(h.reports.at(-1)!.type, 'failed');
});

test('a comparison trains every variant for the same steps, sampled evenly, and reports each end once', () => {
  const h = harness();
  const base = { ...SPIRAL, epochs: undefined, steps: 60 };
  const relu = { ...base, model: { layers: [{ units: 6, activation: 'relu' }] } };
  const sigmoid = { ...base, model: { layers: [{ units: 6, activation: 'sigmoid' }] } };
  h.session.handle({ type: 'compare', jobId: 9, variants: [{ label: 'relu', config: relu }, { label: 'sigmoid', config: sigmoid }, { label: 'bad', config: { loss: 'nope' } }], steps: 60 });
  h.drain();
  const failed = h.reports.filter((report) => report.type === 'failed');
  assert.deepEqual(failed.map((report) => report.type === 'failed' && report.variant), [2]);
  for (const variant of [0, 1]) {
    const reports = h.reports.filter((report) => report.type === 'compareProgress' && report.variant === variant);
    const steps = reports.flatMap((report) => (report.type === 'compareProgress' ? report.steps : []));
    assert.deepEqual(steps, Array.from({ length: 61 }, (_, i) => i));
    assert.equal(reports.filter((report) => report.type === 'compareProgress' && report.done).length, 1);
    const losses = reports.flatMap((report) => (report.type === 'compareProgress' ? report.trainLoss : []));
    const reference = runTraining(parseTrainingConfig(variant === 0 ? relu : sigmoid));
    assert.ok(Math.abs(losses.at(-1)! - reference.train.loss) < 1e-12);
  }
  assert.equal(h.session.work(), null, 'the comparison ended');
});

test('a cancelled comparison stops; a new load replaces it', () => {
  const h = harness();
  h.session.handle({ type: 'compare', jobId: 1, variants: [{ label: 'a', config: { ...SPIRAL, epochs: 10_000 } }], steps: 100_000 });
  h.session.work();
  h.session.handle({ type: 'cancel', jobId: 1 });
  assert.equal(h.session.work(), null);
  assert.equal(h.session.jobId, 0);
});

test('1-D inputs get a fitted curve instead of a grid', () => {
  const h = harness();
  h.session.handle({ type: 'load', jobId: 1, config: { data: { name: 'sine', samples: 50 }, loss: 'mse', model: { layers: [8] }, steps: 5 }, run: false, speed: 0, gridResolution: 10 });
  const field = h.progress()[0]!.field;
  assert.ok(field?.kind === 'curve' && field.values.length === 200);
  const loaded = h.reports[0];
  assert.ok(loaded?.type === 'loaded' && loaded.data.inputSize === 1 && loaded.data.classes === 0);
});
