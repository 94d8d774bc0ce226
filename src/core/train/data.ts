/**
 * Turns a data configuration into training and test splits: flat Float64Array inputs and targets
 * laid out the way the loss reads them (values, 0/1 columns, one-hot rows or class indices).
 */
import type { TrainingConfig } from './config';
import { datasetInfo, generateDataset } from './datasets';
import type { TrainingLoss } from './losses';
import { createRandom, deriveSeed } from './random';

/** One split of the data. */
export interface DataSplit {
  readonly rows: number;
  /** [rows, inputSize] row-major. */
  readonly inputs: Float64Array;
  /** [rows, targetWidth] row-major. */
  readonly targets: Float64Array;
}

/** Data ready for the trainer. */
export interface PreparedData {
  readonly inputSize: number;
  /** Values per target row: the output units for column targets, 1 for class indices. */
  readonly targetWidth: number;
  readonly targetLayout: 'columns' | 'class_index';
  /** 0 for real-valued labels, else the number of classes (accuracy is reported when > 0). */
  readonly classes: number;
  readonly train: DataSplit;
  readonly test: DataSplit | null;
  /** The region to draw: [xMin, xMax, yMin, yMax] (the data set's own domain, or the points' bounds with a margin). */
  readonly domain: readonly [number, number, number, number];
}

function split(inputs: Float64Array, targets: Float64Array, inputSize: number, targetWidth: number, order: ArrayLike<number>, from: number, to: number): DataSplit {
  const rows = to - from;
  const splitInputs = new Float64Array(rows * inputSize);
  const splitTargets = new Float64Array(rows * targetWidth);
  for (let r = 0; r < rows; r++) {
    const source = order[from + r]!;
    splitInputs.set(inputs.subarray(source * inputSize, (source + 1) * inputSize), r * inputSize);
    splitTargets.set(targets.subarray(source * targetWidth, (source + 1) * targetWidth), r * targetWidth);
  }
  return { rows, inputs: splitInputs, targets: splitTargets };
}

function flattenRows(rows: readonly (number | readonly number[])[]): Float64Array {
  const values: number[] = [];
  for (const row of rows) {
    if (typeof row === 'number') values.push(row);
    else values.push(...row);
  }
  return Float64Array.from(values);
}

/** Points' bounding box with a 10% margin (a unit box around a single point). */
function boundsOf(inputs: Float64Array, inputSize: number): [number, number, number, number] {
  let xMin = Infinity, xMax = -Infinity, yMin = Infinity, yMax = -Infinity;
  for (let i = 0; i < inputs.length; i += inputSize) {
    xMin = Math.min(xMin, inputs[i]!);
    xMax = Math.max(xMax, inputs[i]!);
    const y = inputSize > 1 ? inputs[i + 1]! : 0;
    yMin = Math.min(yMin, y);
    yMax = Math.max(yMax, y);
  }
  const pad = (low: number, high: number): [number, number] => {
    const margin = high > low ? (high - low) * 0.1 : 1;
    return [low - margin, high + margin];
  };
  return [...pad(xMin, xMax), ...pad(yMin, yMax)];
}

/** Maps 0/1 class targets to -1/1 in place (hinge losses read signs). */
function toSigns(split: DataSplit): DataSplit {
  for (let i = 0; i < split.targets.length; i++) split.targets[i] = 2 * split.targets[i]! - 1;
  return split;
}

/** Generates or reads the data of a validated configuration and splits it (seeded); `signedTargets` turns 0/1 labels into -1/1. */
export function prepareData(config: TrainingConfig, loss: TrainingLoss, signedTargets = false): PreparedData {
  const prepared = prepareSplits(config, loss);
  if (!signedTargets || prepared.classes === 0) return prepared;
  return { ...prepared, train: toSigns(prepared.train), test: prepared.test ? toSigns(prepared.test) : null };
}

function prepareSplits(config: TrainingConfig, loss: TrainingLoss): PreparedData {
  const data = config.data;
  const outputUnits = config.model.outputUnits;
  const targetLayout = loss.targetLayout;
  const targetWidth = targetLayout === 'class_index' ? 1 : outputUnits;
  const splitRandom = createRandom(deriveSeed(data.seed, 'split'));

  if (data.kind === 'builtin') {
    const generated = generateDataset(data.name, { samples: data.samples, noise: data.noise, classes: data.classes }, createRandom(data.seed));
    const rows = generated.labels.length;
    const targets = new Float64Array(rows * targetWidth);
    for (let r = 0; r < rows; r++) {
      const label = generated.labels[r]!;
      // Class labels become one-hot rows when the loss reads columns over several classes.
      if (targetWidth > 1) targets[r * targetWidth + label] = 1;
      else targets[r] = label;
    }
    // The Playground shuffles, then keeps the first share for training.
    const order = Array.from({ length: rows }, (_, i) => i);
    splitRandom.shuffle(order);
    const trainRows = rows - Math.floor(rows * data.testFraction);
    const info = datasetInfo(data.name, data.classes);
    return {
      inputSize: generated.inputSize,
      targetWidth,
      targetLayout,
      classes: generated.classes,
      train: split(generated.inputs, targets, generated.inputSize, targetWidth, order, 0, trainRows),
      test: trainRows < rows ? split(generated.inputs, targets, generated.inputSize, targetWidth, order, trainRows, rows) : null,
      domain: info.domain,
    };
  }

  const inputSize = data.points[0]!.length;
  const inputs = flattenRows(data.points.flat());
  const targets = flattenRows(data.labels);
  const rows = data.points.length;
  let train: DataSplit;
  let test: DataSplit | null = null;
  if (data.testPoints && data.testLabels) {
    const identity = Array.from({ length: rows }, (_, i) => i);
    train = split(inputs, targets, inputSize, targetWidth, identity, 0, rows);
    const testOrder = Array.from({ length: data.testPoints.length }, (_, i) => i);
    test = split(flattenRows(data.testPoints.flat()), flattenRows(data.testLabels), inputSize, targetWidth, testOrder, 0, data.testPoints.length);
  } else {
    const order = Array.from({ length: rows }, (_, i) => i);
    // Given points keep their order unless some are held out.
    if (data.testFraction > 0) splitRandom.shuffle(order);
    const trainRows = rows - Math.floor(rows * data.testFraction);
    train = split(inputs, targets, inputSize, targetWidth, order, 0, trainRows);
    if (trainRows < rows) test = split(inputs, targets, inputSize, targetWidth, order, trainRows, rows);
  }
  return { inputSize, targetWidth, targetLayout, classes: data.classes, train, test, domain: boundsOf(inputs, inputSize) };
}
