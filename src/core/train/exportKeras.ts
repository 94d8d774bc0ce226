/**
 * A training configuration as a runnable Keras 3 script: Sequential Dense layers with their
 * activations, initializers and regularizers, the loss with its parameters, the optimizer with its
 * hyperparameters, and `fit` on the data Formula Lens trains on. Where Keras computes something
 * differently from the configuration (torch's coupled weight decay, epsilon placement...), the
 * script says so next to the line, or maps it exactly (weight decay as L2 regularizers).
 */
import type { ResolvedParams } from '../catalog/types';
import type { TrainingConfig } from './config';
import { kerasActivation } from './exportActivations';
import { dataDescription, exportSetup, splitRows, type ExportSetup, type ExportWeights } from './exportSetup';
import type { InitializerSpec } from './initializers';
import { lossTakesLogits } from './losses';
import { code, keywordArguments, pythonArray, pythonInt, pythonLiteral as L } from './python';

function num(params: ResolvedParams, name: string, fallback: number): number {
  const value = params[name];
  return typeof value === 'number' ? value : fallback;
}

/** The loss object and any remarks about where its semantics differ from the configuration's. */
function kerasLoss(config: TrainingConfig): { expression: string; notes: string[] } {
  const { kind, params, reduction, framework } = config.loss;
  const logits = config.loss.fused ? false : lossTakesLogits(kind, params, framework);
  const r = reduction === 'sum' ? { reduction: 'sum' } : {};
  const notes: string[] = [];
  if (framework === 'torch' && (kind === 'bce' || kind === 'focal' || kind === 'cce' || kind === 'sparse_cce') && !logits) {
    notes.push('# Formula Lens trained this with torch semantics; Keras clips probabilities to [1e-7, 1 - 1e-7] (and fuses an output sigmoid/softmax on TensorFlow).');
  }
  for (const name of ['weight', 'pos_weight']) {
    if (params[name] !== null && params[name] !== undefined) notes.push(`# torch ${name} ${JSON.stringify(params[name])} has no Keras loss argument (class_weight in fit() rescales samples but divides by the batch size).`);
  }
  const smoothing = num(params, 'label_smoothing', 0);
  switch (kind) {
    case 'mse': return { expression: `keras.losses.MeanSquaredError(${keywordArguments(r)})`, notes };
    case 'mae': return { expression: `keras.losses.MeanAbsoluteError(${keywordArguments(r)})`, notes };
    case 'huber': return { expression: `keras.losses.Huber(${keywordArguments({ delta: num(params, 'delta', 1), ...r })})`, notes };
    case 'smooth_l1': {
      // torch SmoothL1Loss(beta) = Huber(delta=beta) / beta.
      const beta = num(params, 'beta', 1);
      return { expression: `lambda y_true, y_pred: keras.losses.huber(y_true, y_pred, delta=${L(beta)}) / ${L(beta)}`, notes };
    }
    case 'log_cosh': return { expression: `keras.losses.LogCosh(${keywordArguments(r)})`, notes };
    case 'hinge': return { expression: `keras.losses.Hinge(${keywordArguments(r)})`, notes };
    case 'squared_hinge': return { expression: `keras.losses.SquaredHinge(${keywordArguments(r)})`, notes };
    case 'bce':
    case 'bce_logits':
      return { expression: `keras.losses.BinaryCrossentropy(${keywordArguments({ from_logits: logits, label_smoothing: smoothing, ...r })})`, notes };
    case 'focal': {
      const balance = params['apply_class_balancing'] === true;
      return {
        expression: `keras.losses.BinaryFocalCrossentropy(${keywordArguments({ apply_class_balancing: balance, alpha: num(params, 'alpha', 0.25), gamma: num(params, 'gamma', 2), from_logits: logits, label_smoothing: smoothing, ...r })})`,
        notes,
      };
    }
    case 'cce': return { expression: `keras.losses.CategoricalCrossentropy(${keywordArguments({ from_logits: logits, label_smoothing: smoothing, ...r })})`, notes };
    case 'sparse_cce': {
      if (smoothing > 0) notes.push(`# torch label_smoothing ${smoothing} has no equivalent in Keras SparseCategoricalCrossentropy.`);
      return { expression: `keras.losses.SparseCategoricalCrossentropy(${keywordArguments({ from_logits: logits, ...r })})`, notes };
    }
    case 'nll':
      notes.push('# nll_loss on log_softmax outputs: softmax(log p) = p, so sparse cross-entropy from logits gives the same loss.');
      return { expression: `keras.losses.SparseCategoricalCrossentropy(${keywordArguments({ from_logits: true, ...r })})`, notes };
  }
}

/** The optimizer, the L2 coefficient that reproduces torch's coupled weight decay, and remarks. */
function kerasOptimizer(config: TrainingConfig): { expression: string; coupledL2: number; notes: string[] } {
  const o = config.optimizer;
  const notes: string[] = [];
  if (o.maximize) notes.push('# torch maximize=True: Keras optimizers only minimize; negate the loss to ascend.');
  // torch adds weight_decay * p to the gradient: an L2 penalty (weight_decay / 2) * p^2 on every parameter.
  const coupledL2 = o.name === 'adamw' ? 0 : o.weightDecay / 2;
  switch (o.name) {
    case 'sgd':
      if (o.dampening !== 0) notes.push(`# torch dampening ${o.dampening} has no Keras equivalent (Keras SGD matches torch for dampening 0).`);
      return { expression: `keras.optimizers.SGD(${keywordArguments({ learning_rate: o.lr, momentum: o.momentum, nesterov: o.nesterov })})`, coupledL2, notes };
    case 'adam':
    case 'adamw':
      notes.push('# Keras adds epsilon to sqrt(v) before bias correction; torch adds it after (they differ while v is tiny).');
      return {
        expression: `keras.optimizers.${o.name === 'adam' ? 'Adam' : 'AdamW'}(${keywordArguments({ learning_rate: o.lr, ...(o.name === 'adamw' ? { weight_decay: o.weightDecay } : {}), beta_1: o.beta1, beta_2: o.beta2, epsilon: o.eps, amsgrad: o.amsgrad })})`,
        coupledL2,
        notes,
      };
    case 'rmsprop':
      notes.push('# Keras RMSprop adds epsilon inside the square root; torch adds it outside.');
      return { expression: `keras.optimizers.RMSprop(${keywordArguments({ learning_rate: o.lr, rho: o.alpha, momentum: o.momentum, epsilon: o.eps, centered: o.centered })})`, coupledL2, notes };
    case 'adagrad': {
      notes.push('# Keras Adagrad adds epsilon inside the square root; torch adds it outside.');
      // torch's lr / (1 + (t - 1) lr_decay) is InverseTimeDecay over Keras's 0-based iterations.
      const learningRate = o.lrDecay > 0 ? code(`keras.optimizers.schedules.InverseTimeDecay(${keywordArguments({ initial_learning_rate: o.lr, decay_steps: code('1'), decay_rate: o.lrDecay })})`) : o.lr;
      return { expression: `keras.optimizers.Adagrad(${keywordArguments({ learning_rate: learningRate, initial_accumulator_value: o.initialAccumulatorValue, epsilon: o.eps })})`, coupledL2, notes };
    }
  }
}

/** A Keras initializer with the same distribution; biases get explicit bounds from their layer's fans. */
function kerasInitializer(spec: InitializerSpec, fanIn: number, fanOut: number, bias: boolean): string {
  const scaling = (scale: number, mode: string, distribution: string) => `keras.initializers.VarianceScaling(${keywordArguments({ scale, mode, distribution, seed: code('SEED') })})`;
  const uniform = (limit: number) => `keras.initializers.RandomUniform(${keywordArguments({ minval: -limit, maxval: limit, seed: code('SEED') })})`;
  const normal = (std: number) => `keras.initializers.RandomNormal(${keywordArguments({ mean: 0, stddev: std, seed: code('SEED') })})`;
  const gain = spec.gain;
  switch (spec.name) {
    case 'glorot_uniform': return bias ? uniform((gain ?? 1) * Math.sqrt(6 / (fanIn + fanOut))) : scaling((gain ?? 1) ** 2, 'fan_avg', 'uniform');
    case 'glorot_normal': return bias ? normal((gain ?? 1) * Math.sqrt(2 / (fanIn + fanOut))) : scaling((gain ?? 1) ** 2, 'fan_avg', 'untruncated_normal');
    case 'he_uniform': return bias ? uniform((gain ?? Math.SQRT2) * Math.sqrt(3 / fanIn)) : scaling((gain ?? Math.SQRT2) ** 2, 'fan_in', 'uniform');
    case 'he_normal': return bias ? normal((gain ?? Math.SQRT2) / Math.sqrt(fanIn)) : scaling((gain ?? Math.SQRT2) ** 2, 'fan_in', 'untruncated_normal');
    case 'uniform': return `keras.initializers.RandomUniform(${keywordArguments({ minval: spec.low ?? -0.05, maxval: spec.high ?? 0.05, seed: code('SEED') })})`;
    case 'normal': return `keras.initializers.RandomNormal(${keywordArguments({ mean: spec.mean ?? 0, stddev: spec.std ?? 0.05, seed: code('SEED') })})`;
    case 'zeros': return L('zeros');
    case 'constant': return `keras.initializers.Constant(${L(spec.value ?? 0)})`;
    case 'torch_default': return bias ? uniform(1 / Math.sqrt(fanIn)) : scaling(1 / 3, 'fan_in', 'uniform');
  }
}

function denseLayers(setup: ExportSetup, coupledL2: number): string[] {
  const { config, sizes } = setup;
  const model = config.model;
  const { l1, l2 } = config.regularization;
  const activations = [...model.layers.map((layer) => layer.activation), model.outputActivation];
  return activations.map((activation, l) => {
    const args: Record<string, unknown> = { activation: code(kerasActivation(activation)) };
    if (!setup.params) {
      args.kernel_initializer = code(kerasInitializer(model.weightInitializer, sizes[l]!, sizes[l + 1]!, false));
      args.bias_initializer = code(kerasInitializer(model.biasInitializer, sizes[l]!, sizes[l + 1]!, true));
    }
    if (l1 > 0 || l2 + coupledL2 > 0) args.kernel_regularizer = code(`keras.regularizers.L1L2(${keywordArguments({ l1, l2: l2 + coupledL2 })})`);
    if (coupledL2 > 0) args.bias_regularizer = code(`keras.regularizers.L2(${L(coupledL2)})`);
    return `    layers.Dense(${sizes[l + 1]}, ${keywordArguments(args)}),`;
  });
}

/**
 * Writes a runnable Keras 3 script for a configuration (raw or validated). With `weights`, the layers
 * start from them; otherwise from the configuration's initial parameters or initializers.
 */
export function exportKeras(rawConfig: unknown, weights?: ExportWeights): string {
  const setup = exportSetup(rawConfig, weights);
  const { config, trainer, sizes } = setup;
  const data = trainer.data;
  const loss = kerasLoss(config);
  const optimizer = kerasOptimizer(config);
  const train = splitRows(setup, data.train);
  const test = data.test ? splitRows(setup, data.test) : null;
  const multiclass = data.classes > 2 || config.task === 'multiclass';
  const targets = (rows: (number | number[])[]) => `np.array(${pythonArray(rows, '    ', setup.indexTargets)}${setup.indexTargets ? ', dtype="int64"' : ''})`;
  const epochs = config.steps !== null ? Math.ceil(config.steps / trainer.stepsPerEpoch) : config.epochs ?? 0;
  const activations = [...config.model.layers.map((layer) => layer.activation), config.model.outputActivation];
  const describeLayers = [String(sizes[0]), ...activations.map((a, l) => `${sizes[l + 1]} ${a.id}`)].join(' -> ');
  const lines: string[] = [
    '"""A Formula Lens training configuration as a Keras 3 script.',
    '',
    `Model:     ${describeLayers}`,
    `Loss:      ${config.loss.id} (${config.loss.framework} semantics, reduction ${config.loss.reduction})`,
    `Optimizer: ${config.optimizer.name}, ${epochs} epochs of batches of ${setup.batchSize}`,
    `Data:      ${dataDescription(config, data.train.rows, data.test?.rows ?? 0)}`,
    '',
    'Run it with python (Keras 3, any backend). Generated by Formula Lens.',
    '"""',
    'import numpy as np',
    'import keras',
    'from keras import layers',
    '',
    `SEED = ${config.seed}`,
    'keras.utils.set_random_seed(SEED)',
    'keras.config.set_floatx("float64")',
    '',
    `X_train = np.array(${pythonArray(train.inputs)})`,
    `y_train = ${targets(train.targets)}`,
    ...(test ? [`X_test = np.array(${pythonArray(test.inputs)})`, `y_test = ${targets(test.targets)}`] : []),
    '',
    'model = keras.Sequential([',
    `    keras.Input(shape=(${sizes[0]},)),`,
    ...denseLayers(setup, optimizer.coupledL2),
    '])',
  ];
  if (setup.params) {
    lines.push(
      '',
      '# Initial parameters, torch layout weight[out][in]; Keras kernels are [in][out].',
      `INITIAL_PARAMS = ${JSON.stringify(setup.params.map((p) => ({ weight: p.weight, bias: p.bias })))}`,
      'for layer, params in zip(model.layers, INITIAL_PARAMS):',
      '    layer.set_weights([np.array(params["weight"]).T, np.array(params["bias"])])',
    );
  }
  if (optimizer.coupledL2 > 0) lines.push('', `# torch weight_decay ${config.optimizer.weightDecay} (added to the gradient) is the L2 regularizers above: weight_decay / 2 * sum(w^2).`);
  lines.push('', ...loss.notes, ...optimizer.notes);
  if (data.classes > 0 && !multiclass) {
    const threshold = trainer.objective.rawThreshold;
    const targetThreshold = trainer.objective.signedTargets ? 0 : 0.5;
    lines.push(
      '',
      '',
      'def accuracy(y_true, y_pred):',
      `    return keras.ops.mean(keras.ops.cast(keras.ops.equal(y_pred > ${L(threshold)}, y_true >= ${L(targetThreshold)}), "float64"))`,
      '',
      '',
    );
  }
  const metrics = data.classes === 0 ? '[]' : multiclass ? '["accuracy"]' : '[accuracy]';
  lines.push(
    `model.compile(optimizer=${optimizer.expression}, loss=${loss.expression}, metrics=${metrics})`,
    ...(config.steps !== null ? [`# ${config.steps} steps of Formula Lens are ${epochs} epochs of ${trainer.stepsPerEpoch} steps here.`] : []),
    `history = model.fit(X_train, y_train, ${keywordArguments({ batch_size: code(pythonInt(setup.batchSize)), epochs: code(pythonInt(epochs)), shuffle: config.shuffle, verbose: code('2'), ...(test ? { validation_data: code('(X_test, y_test)') } : {}) })})`,
    'print("final train:", model.evaluate(X_train, y_train, verbose=0))',
    ...(test ? ['print("final test:", model.evaluate(X_test, y_test, verbose=0))'] : []),
  );
  return `${lines.join('\n')}\n`;
}
