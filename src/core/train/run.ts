/**
 * A whole training run in one call, for the CLI (`formula-lens train`) and tests: validates the
 * configuration, trains for the configured (or overridden) steps or epochs, and reports.
 */
import type { TrainingConfig } from './config';
import { Trainer, type Divergence, type Metrics, type SplitMetrics } from './trainer';
import type { WeightsJson } from './weights';

/** Overrides and callbacks of a run. */
export interface RunOptions {
  /** Optimizer steps to take (overrides the configuration's steps/epochs). */
  readonly steps?: number;
  /** Passes over the training data (overrides the configuration's steps/epochs; ignored when `steps` is given). */
  readonly epochs?: number;
  /** Called after every epoch and once at the end (`final: true`). */
  readonly onProgress?: (progress: RunProgress) => void;
}

/** Where a run is. */
export interface RunProgress {
  readonly step: number;
  readonly epoch: number;
  readonly totalSteps: number;
  /** Loss of the last batch (before its update). */
  readonly loss: number;
  readonly metrics: Metrics;
  readonly final: boolean;
}

/** What a run produced. */
export interface RunResult {
  readonly config: TrainingConfig;
  /** Batch loss of every step, computed before that step's update (losses[0] is at the initial parameters). */
  readonly losses: number[];
  readonly steps: number;
  readonly epochs: number;
  /** Final parameters (the last finite ones when training diverged). */
  readonly weights: WeightsJson;
  readonly train: SplitMetrics;
  readonly test: SplitMetrics | null;
  readonly divergence: Divergence | null;
}

/** Trains a configuration (raw or validated) and returns per-step losses, final weights and metrics. */
export function runTraining(config: unknown, options: RunOptions = {}): RunResult {
  const trainer = new Trainer(config);
  const validated = trainer.config;
  const totalSteps = options.steps ?? (options.epochs !== undefined ? options.epochs * trainer.stepsPerEpoch : validated.steps ?? (validated.epochs ?? 0) * trainer.stepsPerEpoch);
  const losses: number[] = [];
  for (let i = 0; i < totalSteps; i++) {
    losses.push(trainer.step());
    if (trainer.divergence) break;
    if (options.onProgress && trainer.atEpochStart && i < totalSteps - 1) {
      options.onProgress({ step: trainer.steps, epoch: trainer.epochs, totalSteps, loss: losses[losses.length - 1]!, metrics: trainer.evaluate(), final: false });
    }
  }
  const metrics = trainer.evaluate();
  options.onProgress?.({ step: trainer.steps, epoch: trainer.epochs, totalSteps, loss: losses[losses.length - 1] ?? NaN, metrics, final: true });
  return {
    config: validated,
    losses,
    steps: trainer.steps,
    epochs: trainer.epochs,
    weights: trainer.weights(),
    train: metrics.train,
    test: metrics.test,
    divergence: trainer.divergence,
  };
}
