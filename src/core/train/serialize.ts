/**
 * A validated configuration written back in the form users write (canonical snake_case fields,
 * torch hyperparameter names), so the playground can save what it runs: validating the result
 * gives the same configuration again.
 */
import type { ActivationConfig, RawTrainingConfig, TrainingConfig } from './config';
import type { InitializerSpec } from './initializers';
import type { OptimizerSettings } from './optimizers';

function activation(config: ActivationConfig): { name: string; params: Record<string, unknown> } {
  return { name: config.id, params: { ...config.params } };
}

function initializer(spec: InitializerSpec): Record<string, unknown> {
  const { name, ...settings } = spec;
  return { name, ...settings };
}

function optimizer(settings: OptimizerSettings): Record<string, unknown> {
  const common = { name: settings.name, lr: settings.lr, weight_decay: settings.weightDecay, maximize: settings.maximize };
  switch (settings.name) {
    case 'sgd':
      return { ...common, momentum: settings.momentum, dampening: settings.dampening, nesterov: settings.nesterov };
    case 'adam':
    case 'adamw':
      return { ...common, betas: [settings.beta1, settings.beta2], eps: settings.eps, amsgrad: settings.amsgrad };
    case 'rmsprop':
      return { ...common, alpha: settings.alpha, eps: settings.eps, momentum: settings.momentum, centered: settings.centered };
    case 'adagrad':
      return { ...common, lr_decay: settings.lrDecay, initial_accumulator_value: settings.initialAccumulatorValue, eps: settings.eps };
  }
}

/** The configuration as a plain JSON object in the user-facing format (`parseTrainingConfig` accepts it). */
export function toRawConfig(config: TrainingConfig): RawTrainingConfig {
  const data = config.data;
  const model = config.model;
  return {
    framework: config.framework,
    seed: config.seed,
    data: data.kind === 'builtin'
      ? { name: data.name, samples: data.samples, noise: data.noise, ...(data.name === 'blobs' ? { classes: data.classes } : {}), test_fraction: data.testFraction, seed: data.seed }
      : {
        points: data.points,
        labels: data.labels,
        ...(data.testPoints && data.testLabels ? { test_points: data.testPoints, test_labels: data.testLabels } : { test_fraction: data.testFraction }),
        ...(data.classes > 0 ? { classes: data.classes } : {}),
        seed: data.seed,
      },
    model: {
      input_size: model.inputSize,
      layers: model.layers.map((layer) => ({ units: layer.units, activation: activation(layer.activation) })),
      output_units: model.outputUnits,
      output_activation: activation(model.outputActivation),
      kernel_initializer: initializer(model.weightInitializer),
      bias_initializer: initializer(model.biasInitializer),
      ...(model.initialParams ? { initial_params: model.initialParams } : {}),
    },
    loss: { name: config.loss.id, params: { ...config.loss.params }, framework: config.loss.framework, reduction: config.loss.reduction, fuse: config.loss.fused },
    optimizer: optimizer(config.optimizer),
    regularization: { ...config.regularization },
    batch_size: config.batchSize,
    ...(config.steps !== null ? { steps: config.steps } : { epochs: config.epochs }),
    shuffle: config.shuffle,
    drop_last: config.dropLast,
  };
}
