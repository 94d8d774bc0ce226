/**
 * Further PyTorch runs (training-torch-runs.json, made by make-training-torch-runs.py with
 * torch 1.13 float64): deeper and wider MLPs, other activations, every training loss family,
 * every optimizer, sequential mini-batches and L1/L2 penalties, step by step to a relative 1e-9.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fixturePath, mismatch } from './helpers/golden';
import { Trainer } from '../../src/core/train/index';

interface TorchRun {
  id: string;
  description: string;
  config: Record<string, unknown>;
  losses: number[];
  first_step_grads: number[];
  final_params: number[];
  final_loss: number;
  final_outputs: number[];
}

const document = JSON.parse(readFileSync(fixturePath('training-torch-runs.json'), 'utf8')) as { runs: TorchRun[] };
const TOLERANCE = { rtol: 1e-9, atol: 1e-13 };

function check(label: string, actual: ArrayLike<number>, expected: number[]): void {
  const problem = mismatch(actual, expected, TOLERANCE);
  assert.equal(problem, null, `${label}: ${problem}`);
}

test('the fixture covers every optimizer and every loss family', () => {
  const optimizers = new Set(document.runs.map((run) => (run.config.optimizer as { name: string }).name));
  assert.deepEqual([...optimizers].sort(), ['adagrad', 'adam', 'adamw', 'rmsprop', 'sgd']);
  assert.ok(document.runs.length >= 10);
});

for (const run of document.runs) {
  test(`${run.id}: ${run.description}`, () => {
    const trainer = new Trainer(run.config);
    const losses: number[] = [];
    for (let i = 0; i < run.losses.length; i++) {
      losses.push(trainer.step());
      if (i === 0) check('first step gradients', trainer.network.grads, run.first_step_grads);
    }
    assert.equal(trainer.divergence, null);
    check('losses', losses, run.losses);
    check('final parameters', trainer.network.params, run.final_params);
    check('final loss', [trainer.evaluate().train.loss], [run.final_loss]);
    check('final outputs', trainer.outputsFor(trainer.data.train), run.final_outputs);
  });
}
