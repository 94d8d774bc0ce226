/**
 * Fast forward passes for the live views: the decision-boundary heat map over a 2-D grid and the
 * fitted curve of a 1-D model. Buffers are cached per network and size, so repeated calls
 * (one per redraw) allocate nothing.
 */
import { forward, type Network, Workspace } from './network';
import { transformOutputs, type OutputTransform } from './objective';

/** What a prediction needs: the network and how its outputs become predictions (a Trainer fits). */
export interface PredictionModel {
  readonly network: Network;
  readonly objective: { readonly transform: OutputTransform };
}

/** Rows pushed through the network at once. */
const CHUNK_ROWS = 500;

interface GridCache {
  readonly workspace: Workspace;
  readonly inputs: Float64Array;
  output: Float64Array;
}

const caches = new WeakMap<Network, GridCache>();

function cacheFor(network: Network): GridCache {
  let cache = caches.get(network);
  if (!cache) {
    cache = { workspace: new Workspace(network, CHUNK_ROWS, false), inputs: new Float64Array(CHUNK_ROWS * network.inputSize), output: new Float64Array(0) };
    caches.set(network, cache);
  }
  return cache;
}

/** The cached output buffer for `cells` predictions, reallocated only when the size changes. */
function outputFor(cache: GridCache, network: Network, cells: number): Float64Array {
  if (cache.output.length !== cells * network.outputSize) cache.output = new Float64Array(cells * network.outputSize);
  return cache.output;
}

/** Evenly spaced coordinate `index` of `count` from low to high, both included. */
function coordinate(low: number, high: number, index: number, count: number): number {
  return count === 1 ? (low + high) / 2 : low + ((high - low) * index) / (count - 1);
}

/**
 * Runs `cells` points through the network in chunks and writes predictions into `out`. Cell c is
 * (x_i, y_j) with i = c mod columns, j = floor(c / columns); for a curve, columns = cells and y is unused.
 */
function run(model: PredictionModel, cells: number, columns: number, xLow: number, xHigh: number, yLow: number, yHigh: number, rowsOfGrid: number, out: Float64Array): void {
  const network = model.network;
  const { workspace, inputs } = cacheFor(network);
  const inputSize = network.inputSize;
  const outputs = network.outputSize;
  inputs.fill(0);
  for (let start = 0; start < cells; start += CHUNK_ROWS) {
    const rows = Math.min(CHUNK_ROWS, cells - start);
    for (let r = 0; r < rows; r++) {
      const cell = start + r;
      const i = cell % columns;
      inputs[r * inputSize] = coordinate(xLow, xHigh, i, columns);
      if (inputSize > 1) inputs[r * inputSize + 1] = coordinate(yLow, yHigh, (cell - i) / columns, rowsOfGrid);
    }
    forward(network, workspace, inputs, rows);
    const result = workspace.output;
    transformOutputs(model.objective.transform, result, rows, outputs);
    const n = rows * outputs;
    const offset = start * outputs;
    for (let k = 0; k < n; k++) out[offset + k] = result[k]!;
  }
}

/**
 * Predictions on a `resolution` x `resolution` grid over xRange x yRange (endpoints included):
 * value k of cell (i, j) is at `((j * resolution) + i) * outputs + k`, with x growing with i and y with j.
 * Classifiers give probabilities, regressors values. The first two inputs get x and y, any others 0.
 * Without `out`, returns a buffer owned by the network's cache (overwritten by the next call).
 */
export function predictGrid(model: PredictionModel, xRange: readonly [number, number], yRange: readonly [number, number], resolution: number, out?: Float64Array): Float64Array {
  const cells = resolution * resolution;
  const target = out ?? outputFor(cacheFor(model.network), model.network, cells);
  run(model, cells, resolution, xRange[0], xRange[1], yRange[0], yRange[1], resolution, target);
  return target;
}

/** Predictions at `resolution` evenly spaced x values (endpoints included), for 1-D regression curves; other inputs are 0. */
export function predictCurve(model: PredictionModel, xRange: readonly [number, number], resolution: number, out?: Float64Array): Float64Array {
  const target = out ?? outputFor(cacheFor(model.network), model.network, resolution);
  run(model, resolution, resolution, xRange[0], xRange[1], 0, 0, 1, target);
  return target;
}
