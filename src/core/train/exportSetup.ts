/** What both code exporters need from a configuration: the data as trained on, the sizes, the weights to embed, the schedule. */
import type { LinearParams, TrainingConfig } from './config';
import type { DataSplit } from './data';
import { rowsOf } from './python';
import { Trainer } from './trainer';
import { parseTrainingConfig } from './validate';
import type { WeightsJson } from './weights';

/** Weights an exporter can embed: the weights JSON or plain per-layer parameters. */
export type ExportWeights = WeightsJson | readonly LinearParams[];

/** The facts an exporter writes down. */
export interface ExportSetup {
  readonly config: TrainingConfig;
  readonly trainer: Trainer;
  /** Layer widths: inputs, hidden layers, outputs. */
  readonly sizes: readonly number[];
  /** Parameters to embed (given weights, else the configuration's initial ones), or null to draw them. */
  readonly params: readonly LinearParams[] | null;
  /** Optimizer steps of the configured run. */
  readonly totalSteps: number;
  readonly batchSize: number;
  /** Class indices as targets (long tensors / integer arrays). */
  readonly indexTargets: boolean;
}

/** Validates the configuration and gathers what the exporters need. */
export function exportSetup(rawConfig: unknown, weights?: ExportWeights): ExportSetup {
  const config = parseTrainingConfig(rawConfig);
  const trainer = new Trainer(config);
  const model = config.model;
  const given = weights ? ('layers' in weights ? weights.layers : weights) : null;
  return {
    config,
    trainer,
    sizes: [model.inputSize, ...model.layers.map((layer) => layer.units), model.outputUnits],
    params: given ? given.map((layer) => ({ weight: layer.weight, bias: layer.bias })) : model.initialParams,
    totalSteps: config.steps ?? (config.epochs ?? 0) * trainer.stepsPerEpoch,
    batchSize: trainer.batchSize,
    indexTargets: trainer.data.targetLayout === 'class_index',
  };
}

/** A split's inputs as rows and its targets as values (one per sample) or rows. */
export function splitRows(setup: ExportSetup, split: DataSplit): { inputs: (number | number[])[]; targets: (number | number[])[] } {
  const data = setup.trainer.data;
  return {
    inputs: rowsOf(split.inputs, data.inputSize, false),
    targets: rowsOf(split.targets, data.targetWidth, setup.indexTargets),
  };
}

/** One-line description of where the data come from. */
export function dataDescription(config: TrainingConfig, trainRows: number, testRows: number): string {
  const data = config.data;
  const split = `${trainRows} training and ${testRows} test points`;
  if (data.kind === 'explicit') return `the points of the configuration (${split})`;
  const classes = data.name === 'blobs' ? `, ${data.classes} classes` : '';
  return `built-in data set "${data.name}" (noise ${data.noise}${classes}, seed ${data.seed}: ${split})`;
}
