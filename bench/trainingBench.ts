/**
 * Section 3: training throughput in samples per second: the core trainer, TF.js layers
 * (`trainOnBatch`) and a tight loop written for each exact shape; plus the 100x100 heat-map forward pass.
 */
import * as tf from '@tensorflow/tfjs';
import { predictGrid, Trainer, type DatasetName } from '../src/core/train/index';
import type { Comparison } from './harness';
import { tightReluAdam, tightTanhSgd } from './tightTraining';

/** One training comparison. */
export interface TrainingCase {
  readonly label: string;
  readonly dataset: DatasetName;
  readonly classes?: number;
  readonly hidden: readonly number[];
  readonly activation: string;
  readonly optimizer: { readonly name: 'sgd' | 'adam'; readonly lr: number };
  readonly loss: string;
  readonly tight: (lr: number, initial?: readonly Float64Array[]) => { epoch(inputs: Float64Array, labels: Float64Array, batch: number): number };
}

/** Data set size and batch of the benchmark issue. */
export const SAMPLES = 500;
export const BATCH = 10;

/** The training cases of the benchmark issue (exported for the honesty test). */
export const TRAINING_CASES: readonly TrainingCase[] = [
  { label: '2-8-8-1 tanh, spiral 500, batch 10, SGD', dataset: 'spiral', hidden: [8, 8], activation: 'tanh', optimizer: { name: 'sgd', lr: 0.03 }, loss: 'binary_crossentropy_with_logits', tight: tightTanhSgd },
  { label: '2-16-16-3 relu softmax, blobs 500, batch 10, Adam', dataset: 'blobs', classes: 3, hidden: [16, 16], activation: 'relu', optimizer: { name: 'adam', lr: 0.01 }, loss: 'sparse_categorical_crossentropy', tight: tightReluAdam },
];

/** The core trainer's config for a case (exported for the honesty test). */
export function coreConfig(c: TrainingCase): Record<string, unknown> {
  return {
    data: { name: c.dataset, samples: SAMPLES, noise: 0.1, test_fraction: 0, ...(c.classes ? { classes: c.classes } : {}) },
    model: { layers: c.hidden.map((units) => ({ units, activation: c.activation })) },
    loss: c.loss,
    optimizer: c.optimizer,
    batch_size: BATCH,
    shuffle: false,
    seed: 7,
  };
}

function tfjsModel(c: TrainingCase, outputs: number): tf.LayersModel {
  const model = tf.sequential();
  c.hidden.forEach((units, i) => model.add(tf.layers.dense({ units, activation: c.activation as 'relu', ...(i === 0 ? { inputShape: [2] } : {}) })));
  model.add(tf.layers.dense({ units: outputs, activation: outputs === 1 ? 'sigmoid' : 'softmax' }));
  model.compile({ optimizer: c.optimizer.name === 'sgd' ? tf.train.sgd(c.optimizer.lr) : tf.train.adam(c.optimizer.lr), loss: outputs === 1 ? 'binaryCrossentropy' : 'sparseCategoricalCrossentropy' });
  return model;
}

/** Builds the training comparisons (units: samples, one epoch of 500 per call). */
export function trainingComparisons(): Comparison[] {
  const comparisons: Comparison[] = [];
  for (const c of TRAINING_CASES) {
    const trainer = new Trainer(coreConfig(c));
    // Every implementation trains on the core's own data split, in the same order.
    const data = { inputs: trainer.data.train.inputs, labels: trainer.data.train.targets };
    const tight = c.tight(c.optimizer.lr);
    const outputs = c.classes ?? 1;
    const model = tfjsModel(c, outputs);
    const batches: { x: tf.Tensor; y: tf.Tensor }[] = [];
    for (let start = 0; start < SAMPLES; start += BATCH) {
      batches.push({
        x: tf.tensor2d(Array.from(data.inputs.subarray(2 * start, 2 * (start + BATCH))), [BATCH, 2]),
        y: tf.tensor2d(Array.from(data.labels.subarray(start, start + BATCH)), [BATCH, 1]),
      });
    }
    comparisons.push({
      group: 'training', name: c.label, unit: 'sample', units: SAMPLES, baseline: 'tight loop', subject: 'formula-lens', target: 1.8, fasterThan: ['tfjs'],
      implementations: [
        { name: 'formula-lens', run: () => trainer.runEpoch() },
        { name: 'tight loop', run: () => tight.epoch(data.inputs, data.labels, BATCH) },
        { name: 'tfjs', run: async () => { let last = 0; for (const b of batches) last = (await model.trainOnBatch(b.x, b.y)) as number; return last; } },
      ],
    });
  }
  // The decision-boundary heat map: 100x100 forward passes of the 2-8-8-1 network.
  const heatTrainer = new Trainer(coreConfig(TRAINING_CASES[0]!));
  const grid = new Float64Array(100 * 100);
  const tfModel = tfjsModel(TRAINING_CASES[0]!, 1);
  const gridPoints = new Float32Array(2 * 100 * 100);
  for (let i = 0; i < 100; i++) for (let j = 0; j < 100; j++) { gridPoints[2 * (i * 100 + j)] = -6 + (12 * j) / 99; gridPoints[2 * (i * 100 + j) + 1] = -6 + (12 * i) / 99; }
  comparisons.push({
    group: 'training', name: 'heat map 100x100 forward (2-8-8-1)', unit: 'point', units: 100 * 100, baseline: 'formula-lens', subject: 'formula-lens', fasterThan: ['tfjs'],
    implementations: [
      { name: 'formula-lens', run: () => predictGrid(heatTrainer, [-6, 6], [-6, 6], 100, grid) },
      { name: 'tfjs', run: () => tf.tidy(() => (tfModel.predict(tf.tensor2d(gridPoints, [10000, 2])) as tf.Tensor).dataSync()) },
    ],
  });
  return comparisons;
}
