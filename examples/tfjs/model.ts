// A TensorFlow.js layers model trained in the browser or in Node.
// Hover an activation or loss string to see TF.js semantics (Keras 2 forms, e.g. hardSigmoid = clip(0.2x + 0.5)).
import * as tf from '@tensorflow/tfjs';

/** Builds a small classifier over `numFeatures` inputs and `numClasses` outputs. */
export function buildModel(numFeatures: number, numClasses: number): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.dense({ inputShape: [numFeatures], units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 32, activation: 'elu' }));
  model.add(tf.layers.leakyReLU({ alpha: 0.2 }));
  model.add(tf.layers.dense({ units: 16, activation: 'hardSigmoid' }));
  model.add(tf.layers.dense({ units: numClasses, activation: 'softmax' }));
  model.compile({
    optimizer: tf.train.adam(1e-3),
    // Misuse on purpose: TF.js names losses in camelCase ('categoricalCrossentropy');
    // the Python spelling fails at compile time with "Unknown loss".
    loss: 'categorical_crossentropy',
    metrics: ['accuracy'],
  });
  return model;
}

/** A regression head compiled with a loss function object instead of a name. */
export function buildRegressor(numFeatures: number): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.dense({ inputShape: [numFeatures], units: 16, activation: 'selu' }));
  model.add(tf.layers.dense({ units: 16, activation: 'softplus' }));
  model.add(tf.layers.dense({ units: 1, activation: 'linear' }));
  model.compile({ optimizer: 'sgd', loss: tf.losses.huberLoss, metrics: ['mae'] });
  return model;
}

/** Trains the classifier on random data and prints the loss per epoch. */
export async function train(): Promise<void> {
  const xs = tf.randomNormal([128, 8]);
  const labels = tf.oneHot(tf.randomUniform([128], 0, 3, 'int32') as tf.Tensor1D, 3);
  const model = buildModel(8, 3);
  await model.fit(xs, labels, {
    epochs: 5,
    batchSize: 16,
    callbacks: { onEpochEnd: (epoch, logs) => console.log(`epoch ${epoch}: loss ${logs?.loss.toFixed(4)}`) },
  });
  const probabilities = tf.sigmoid(tf.tensor1d([-2, 0, 2]));
  const bce = tf.metrics.binaryCrossentropy(tf.tensor1d([1, 0, 1]), probabilities);
  bce.print();
}
