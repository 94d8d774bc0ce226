/**
 * The peers people would use instead: TF.js (pure-JS cpu backend) ops and layers, and mathjs
 * expressions compiled once and evaluated per element. Loaded once, shared by the bench sections.
 */
import * as tf from '@tensorflow/tfjs';
import { create, all } from 'mathjs';

/** mathjs with every function, as a user of it would load it. */
export const math = create(all, {});

/** Silences TF.js's "install tfjs-node" banner and makes sure the cpu backend runs. */
export async function prepareTfjs(): Promise<typeof tf> {
  const log = console.log;
  const warn = console.warn;
  console.log = () => undefined;
  console.warn = () => undefined;
  try {
    await tf.setBackend('cpu');
    await tf.ready();
  } finally {
    console.log = log;
    console.warn = warn;
  }
  return tf;
}

type Unary = (x: tf.Tensor) => tf.Tensor;

function layerActivation(name: string): Unary {
  const layer = tf.layers.activation({ activation: name as 'relu' });
  return (x) => layer.apply(x) as tf.Tensor;
}

/** TF.js forward ops for the catalog activations TF.js has (torch-default parameters where they differ). */
export const TFJS_ACTIVATIONS: Readonly<Record<string, Unary>> = {
  sigmoid: (x) => tf.sigmoid(x),
  tanh: (x) => tf.tanh(x),
  relu: (x) => tf.relu(x),
  leaky_relu: (x) => tf.leakyRelu(x, 0.01),
  elu: (x) => tf.elu(x),
  selu: (x) => tf.selu(x),
  gelu: layerActivation('gelu_new'),
  silu: layerActivation('swish'),
  mish: layerActivation('mish'),
  softplus: (x) => tf.softplus(x),
  softsign: layerActivation('softsign'),
  // TF.js's own hardSigmoid is the Keras 2 form clip(0.2x+0.5); torch's relu6(x+3)/6 written in TF.js ops.
  hardsigmoid: (x) => tf.relu6(x.add(3)).div(6),
  relu6: (x) => tf.relu6(x),
  logsigmoid: (x) => tf.logSigmoid(x),
  exponential: (x) => tf.exp(x),
  linear: (x) => x.clone(),
};

/** Runs a TF.js op on data and reads the result back, as a caller of TF.js would. */
export function tfjsForward(op: Unary, data: Float32Array): () => Float32Array {
  return () => tf.tidy(() => op(tf.tensor1d(data)).dataSync() as Float32Array);
}

/** TF.js gradient of sum(op(x)) (the elementwise derivative), via tf.grad. */
export function tfjsGradient(op: Unary, data: Float32Array): () => Float32Array {
  const gradient = tf.grad((x: tf.Tensor) => op(x).sum());
  return () => tf.tidy(() => gradient(tf.tensor1d(data)).dataSync() as Float32Array);
}

/** mathjs expressions of the activations in x, the way a mathjs user would write them. */
export const MATHJS_ACTIVATIONS: Readonly<Record<string, string>> = {
  sigmoid: '1 / (1 + exp(-x))',
  tanh: 'tanh(x)',
  relu: 'max(x, 0)',
  leaky_relu: 'x > 0 ? x : 0.01 * x',
  elu: 'x > 0 ? x : exp(x) - 1',
  gelu: '0.5 * x * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 * x^3)))',
  silu: 'x / (1 + exp(-x))',
  softplus: 'log(1 + exp(x))',
  softsign: 'x / (1 + abs(x))',
  mish: 'x * tanh(log(1 + exp(x)))',
  exponential: 'exp(x)',
};

/** A mathjs expression compiled once, evaluated per element over a Float64Array. */
export function mathjsPerElement(expression: string, x: Float64Array, out: Float64Array): () => Float64Array {
  const compiled = math.compile(expression);
  const scope = { x: 0 };
  return () => {
    for (let i = 0; i < x.length; i++) {
      scope.x = x[i]!;
      out[i] = compiled.evaluate(scope) as number;
    }
    return out;
  };
}
