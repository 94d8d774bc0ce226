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

/**
 * z = x W^T + b for `rows` rows: z[r, o] = sum_i x[r, i] W[o, i] + b[o]. Four outputs at a time, so each
 * input value is loaded once for four independent sums (the sums' order differs from BLAS only in rounding).
 */
export function linearForward(x: Float64Array, weight: Float64Array, bias: Float64Array, z: Float64Array, rows: number, inputs: number, units: number): void {
  let o = 0;
  for (; o + 3 < units; o += 4) {
    const w0 = o * inputs;
    const w1 = w0 + inputs;
    const w2 = w1 + inputs;
    const w3 = w2 + inputs;
    const b0 = bias[o]!, b1 = bias[o + 1]!, b2 = bias[o + 2]!, b3 = bias[o + 3]!;
    for (let r = 0; r < rows; r++) {
      const xOffset = r * inputs;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (let i = 0; i < inputs; i++) {
        const xv = x[xOffset + i]!;
        s0 += xv * weight[w0 + i]!;
        s1 += xv * weight[w1 + i]!;
        s2 += xv * weight[w2 + i]!;
        s3 += xv * weight[w3 + i]!;
      }
      const zOffset = r * units + o;
      z[zOffset] = s0 + b0;
      z[zOffset + 1] = s1 + b1;
      z[zOffset + 2] = s2 + b2;
      z[zOffset + 3] = s3 + b3;
    }
  }
  for (; o < units; o++) {
    const wOffset = o * inputs;
    const b = bias[o]!;
    for (let r = 0; r < rows; r++) {
      const xOffset = r * inputs;
      let sum = 0;
      for (let i = 0; i < inputs; i++) sum += x[xOffset + i]! * weight[wOffset + i]!;
      z[r * units + o] = sum + b;
    }
  }
}

/** dW[o, i] = sum_r delta[r, o] x[r, i] and db[o] = sum_r delta[r, o], overwriting both; four outputs at a time. */
export function linearWeightGradients(x: Float64Array, delta: Float64Array, weightGrad: Float64Array, biasGrad: Float64Array, rows: number, inputs: number, units: number): void {
  let o = 0;
  for (; o + 3 < units; o += 4) {
    const w0 = o * inputs;
    const w1 = w0 + inputs;
    const w2 = w1 + inputs;
    const w3 = w2 + inputs;
    for (let i = 0; i < inputs; i++) {
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (let r = 0; r < rows; r++) {
        const xv = x[r * inputs + i]!;
        const d = r * units + o;
        s0 += delta[d]! * xv;
        s1 += delta[d + 1]! * xv;
        s2 += delta[d + 2]! * xv;
        s3 += delta[d + 3]! * xv;
      }
      weightGrad[w0 + i] = s0;
      weightGrad[w1 + i] = s1;
      weightGrad[w2 + i] = s2;
      weightGrad[w3 + i] = s3;
    }
  }
  for (; o < units; o++) {
    const wOffset = o * inputs;
    for (let i = 0; i < inputs; i++) {
      let sum = 0;
      for (let r = 0; r < rows; r++) sum += delta[r * units + o]! * x[r * inputs + i]!;
      weightGrad[wOffset + i] = sum;
    }
  }
  for (let u = 0; u < units; u++) {
    let sum = 0;
    for (let r = 0; r < rows; r++) sum += delta[r * units + u]!;
    biasGrad[u] = sum;
  }
}

/** upstream[r, i] = sum_o delta[r, o] W[o, i] (d loss / d input of the layer); four inputs at a time. */
export function linearInputGradients(delta: Float64Array, weight: Float64Array, upstream: Float64Array, rows: number, inputs: number, units: number): void {
  for (let r = 0; r < rows; r++) {
    const dOffset = r * units;
    const uOffset = r * inputs;
    let i = 0;
    for (; i + 3 < inputs; i += 4) {
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (let o = 0; o < units; o++) {
        const d = delta[dOffset + o]!;
        const w = o * inputs + i;
        s0 += d * weight[w]!;
        s1 += d * weight[w + 1]!;
        s2 += d * weight[w + 2]!;
        s3 += d * weight[w + 3]!;
      }
      upstream[uOffset + i] = s0;
      upstream[uOffset + i + 1] = s1;
      upstream[uOffset + i + 2] = s2;
      upstream[uOffset + i + 3] = s3;
    }
    for (; i < inputs; i++) {
      let sum = 0;
      for (let o = 0; o < units; o++) sum += delta[dOffset + o]! * weight[o * inputs + i]!;
      upstream[uOffset + i] = sum;
    }
  }
}

/** Runs `rows` samples of `input` ([rows, inputSize]) through the network; results stay in the workspace. */
export function forward(network: Network, workspace: Workspace, input: Float64Array, rows: number): void {
  let x = input;
  const layers = network.layers;
  for (let l = 0; l < layers.length; l++) {
    const layer = layers[l]!;
    const z = workspace.z[l]!;
    const a = workspace.a[l]!;
    linearForward(x, layer.weight, layer.bias, z.full, rows, layer.inputs, layer.units);
    const n = rows * layer.units;
    applyActivation(layer.activation, z.view(n), a.view(n), rows, layer.units);
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
    const delta = workspace.delta[l]!.full;
    const x = l === 0 ? input : workspace.a[l - 1]!.full;
    linearWeightGradients(x, delta, layer.weightGrad, layer.biasGrad, rows, layer.inputs, layer.units);
    if (l === 0) break;
    // Upstream gradient d loss / d a of the layer below, then through its activation.
    const below = layers[l - 1]!;
    const upstream = workspace.delta[l - 1]!;
    linearInputGradients(delta, layer.weight, upstream.full, rows, layer.inputs, layer.units);
    const n = rows * below.units;
    backpropActivation(below.activation, workspace.z[l - 1]!.view(n), workspace.a[l - 1]!.view(n), upstream.view(n), workspace.derivative[l - 1]!.view(n), rows, below.units);
  }
}
