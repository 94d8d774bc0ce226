/**
 * The multi-layer perceptron: dense layers in torch nn.Linear layout (weight [out, in], y = x W^T + b)
 * whose parameters and gradients live in one flat Float64Array each (named_parameters order:
 * W1, b1, W2, b2, ...), plus preallocated per-layer buffers for forward and backward passes.
 */
import { applyActivation, backpropActivation, type LayerActivation } from './activation';

/** A dense layer's parameters and gradients (views into the network's flat vectors). */
export interface DenseLayer {
  readonly inputs: number;
  readonly units: number;
  readonly activation: LayerActivation;
  /** [units, inputs] row-major. */
  readonly weight: Float64Array;
  readonly bias: Float64Array;
  readonly weightGrad: Float64Array;
  readonly biasGrad: Float64Array;
}

/** A layer to build: its width and activation. */
export interface LayerSpec {
  readonly units: number;
  readonly activation: LayerActivation;
}

/** An MLP with flat parameter and gradient vectors. */
export class Network {
  readonly params: Float64Array;
  readonly grads: Float64Array;
  readonly layers: readonly DenseLayer[];

  constructor(readonly inputSize: number, specs: readonly LayerSpec[]) {
    let size = 0;
    let inputs = inputSize;
    for (const spec of specs) {
      size += spec.units * inputs + spec.units;
      inputs = spec.units;
    }
    this.params = new Float64Array(size);
    this.grads = new Float64Array(size);
    const layers: DenseLayer[] = [];
    let offset = 0;
    inputs = inputSize;
    for (const spec of specs) {
      const weightSize = spec.units * inputs;
      layers.push({
        inputs,
        units: spec.units,
        activation: spec.activation,
        weight: this.params.subarray(offset, offset + weightSize),
        bias: this.params.subarray(offset + weightSize, offset + weightSize + spec.units),
        weightGrad: this.grads.subarray(offset, offset + weightSize),
        biasGrad: this.grads.subarray(offset + weightSize, offset + weightSize + spec.units),
      });
      offset += weightSize + spec.units;
      inputs = spec.units;
    }
    this.layers = layers;
  }

  /** Number of outputs of the last layer. */
  get outputSize(): number {
    return this.layers[this.layers.length - 1]!.units;
  }
}

/** A buffer of fixed capacity with cached exact-length views (catalog kernels process whole arrays). */
export class SizedBuffer {
  private readonly views = new Map<number, Float64Array>();
  readonly full: Float64Array;
  constructor(capacity: number) {
    this.full = new Float64Array(capacity);
  }
  /** The first `length` values, as a view created once per length. */
  view(length: number): Float64Array {
    if (length === this.full.length) return this.full;
    let view = this.views.get(length);
    if (!view) {
      view = this.full.subarray(0, length);
      this.views.set(length, view);
    }
    return view;
  }
}

/** Per-layer buffers for up to `maxRows` samples: pre-activations, activations and, for training, deltas and derivatives. */
export class Workspace {
  readonly z: readonly SizedBuffer[];
  readonly a: readonly SizedBuffer[];
  readonly delta: readonly SizedBuffer[];
  readonly derivative: readonly SizedBuffer[];

  constructor(network: Network, readonly maxRows: number, backward: boolean) {
    const sized = (withData: boolean) => network.layers.map((layer) => new SizedBuffer(withData ? maxRows * layer.units : 0));
    this.z = sized(true);
    this.a = sized(true);
    this.delta = sized(backward);
    this.derivative = sized(backward);
  }

  /** The outputs of the last forward pass ([rows, outputs], valid for the rows it ran on). */
  get output(): Float64Array {
    return this.a[this.a.length - 1]!.full;
  }
}

/** Runs `rows` samples of `input` ([rows, inputSize]) through the network; results stay in the workspace. */
export function forward(network: Network, workspace: Workspace, input: Float64Array, rows: number): void {
  let x = input;
  const layers = network.layers;
  for (let l = 0; l < layers.length; l++) {
    const layer = layers[l]!;
    const { inputs, units, weight, bias } = layer;
    const z = workspace.z[l]!;
    const a = workspace.a[l]!;
    const zData = z.full;
    for (let r = 0; r < rows; r++) {
      const xOffset = r * inputs;
      const zOffset = r * units;
      for (let o = 0; o < units; o++) {
        const wOffset = o * inputs;
        let sum = 0;
        for (let i = 0; i < inputs; i++) sum += x[xOffset + i]! * weight[wOffset + i]!;
        zData[zOffset + o] = sum + bias[o]!;
      }
    }
    const n = rows * units;
    applyActivation(layer.activation, z.view(n), a.view(n), rows, units);
    x = a.full;
  }
}

/**
 * Backpropagates from d loss / d z of the last layer (already in `workspace.delta[last]`) and writes
 * every layer's gradients into `network.grads` (overwriting them).
 */
export function backward(network: Network, workspace: Workspace, input: Float64Array, rows: number): void {
  const layers = network.layers;
  for (let l = layers.length - 1; l >= 0; l--) {
    const layer = layers[l]!;
    const { inputs, units, weight, weightGrad, biasGrad } = layer;
    const delta = workspace.delta[l]!.full;
    const x = l === 0 ? input : workspace.a[l - 1]!.full;
    weightGrad.fill(0);
    biasGrad.fill(0);
    for (let r = 0; r < rows; r++) {
      const xOffset = r * inputs;
      const dOffset = r * units;
      for (let o = 0; o < units; o++) {
        const d = delta[dOffset + o]!;
        biasGrad[o] = biasGrad[o]! + d;
        const wOffset = o * inputs;
        for (let i = 0; i < inputs; i++) weightGrad[wOffset + i] = weightGrad[wOffset + i]! + d * x[xOffset + i]!;
      }
    }
    if (l === 0) break;
    // Upstream gradient d loss / d a of the layer below, then through its activation.
    const below = layers[l - 1]!;
    const upstream = workspace.delta[l - 1]!;
    const up = upstream.full;
    for (let r = 0; r < rows; r++) {
      const uOffset = r * inputs;
      const dOffset = r * units;
      for (let i = 0; i < inputs; i++) up[uOffset + i] = 0;
      for (let o = 0; o < units; o++) {
        const d = delta[dOffset + o]!;
        const wOffset = o * inputs;
        for (let i = 0; i < inputs; i++) up[uOffset + i] = up[uOffset + i]! + d * weight[wOffset + i]!;
      }
    }
    const n = rows * below.units;
    backpropActivation(below.activation, workspace.z[l - 1]!.view(n), workspace.a[l - 1]!.view(n), upstream.view(n), workspace.derivative[l - 1]!.view(n), rows, below.units);
  }
}
