/**
 * The canonical field names of a training configuration, section by section, with the other
 * spellings the validator accepts. The validator reads fields through these lists and the JSON
 * Schema is built from them, so the two cannot drift apart.
 */

/** A field: its canonical (snake_case) name first, then accepted aliases. */
export type FieldNames = readonly [string, ...string[]];

/** Every section's fields. */
export const FIELDS = {
  root: {
    schema: ['$schema'],
    name: ['name'],
    description: ['description'],
    experiment: ['experiment'],
    framework: ['framework'],
    seed: ['seed'],
    data: ['data', 'dataset'],
    model: ['model'],
    loss: ['loss', 'loss_fn', 'criterion'],
    optimizer: ['optimizer', 'optim'],
    regularization: ['regularization', 'regularizer'],
    batchSize: ['batch_size', 'batch'],
    epochs: ['epochs', 'num_epochs'],
    steps: ['steps', 'max_steps', 'iterations'],
    shuffle: ['shuffle'],
    dropLast: ['drop_last'],
  },
  builtinData: {
    name: ['name', 'dataset', 'type'],
    samples: ['samples', 'num_samples', 'n_samples', 'size'],
    noise: ['noise'],
    classes: ['classes', 'num_classes', 'n_classes', 'centers'],
    testFraction: ['test_fraction', 'test_ratio', 'test_split', 'validation_split'],
    seed: ['seed'],
  },
  explicitData: {
    points: ['points', 'x', 'inputs', 'features'],
    labels: ['labels', 'y', 'targets'],
    testPoints: ['test_points', 'x_test', 'test_inputs'],
    testLabels: ['test_labels', 'y_test', 'test_targets'],
    testFraction: ['test_fraction', 'test_ratio', 'test_split', 'validation_split'],
    classes: ['classes', 'num_classes', 'n_classes'],
    seed: ['seed'],
  },
  model: {
    inputSize: ['input_size', 'input_dim', 'inputs', 'in_features', 'input_features'],
    layers: ['layers', 'hidden_layers'],
    hiddenSizes: ['hidden_sizes', 'hidden_units', 'hidden'],
    activation: ['activation', 'hidden_activation'],
    activationParams: ['activation_params'],
    output: ['output', 'output_layer'],
    outputUnits: ['output_units', 'outputs', 'output_size', 'out_features', 'num_outputs'],
    outputActivation: ['output_activation', 'final_activation'],
    outputActivationParams: ['output_activation_params'],
    kernelInitializer: ['kernel_initializer', 'weight_initializer', 'weight_init', 'init', 'initializer'],
    biasInitializer: ['bias_initializer', 'bias_init'],
    initialParams: ['initial_params', 'initial_weights', 'weights', 'params', 'parameters'],
  },
  layer: {
    units: ['units', 'out_features', 'size', 'neurons', 'width'],
    activation: ['activation'],
    activationParams: ['activation_params', 'params'],
    type: ['type', 'kind', 'class_name'],
  },
  output: {
    units: ['units', 'out_features', 'size'],
    activation: ['activation'],
    activationParams: ['activation_params', 'params'],
  },
  activation: {
    name: ['name', 'type', 'id', 'activation'],
    params: ['params', 'kwargs', 'config'],
  },
  loss: {
    name: ['name', 'type', 'id', 'loss'],
    params: ['params', 'kwargs', 'config'],
    framework: ['framework'],
    reduction: ['reduction'],
    fuse: ['fuse', 'fused', 'fuse_output_activation'],
  },
  initializer: {
    name: ['name', 'type', 'class_name'],
    gain: ['gain', 'scale'],
    low: ['low', 'a', 'minval', 'min'],
    high: ['high', 'b', 'maxval', 'max'],
    mean: ['mean'],
    std: ['std', 'stddev'],
    value: ['value', 'val'],
  },
  linearParams: {
    weight: ['weight', 'w', 'kernel'],
    bias: ['bias', 'b'],
    activation: ['activation'],
    units: ['units'],
  },
  weightsDocument: {
    layers: ['layers'],
    format: ['format'],
    version: ['version'],
    layout: ['layout'],
    inputSize: ['input_size'],
  },
  regularization: {
    l1: ['l1'],
    l2: ['l2'],
  },
  optimizer: {
    name: ['name', 'type', 'optimizer', 'class_name'],
    lr: ['lr', 'learning_rate'],
    weightDecay: ['weight_decay', 'decay'],
    maximize: ['maximize'],
    foreach: ['foreach'],
    capturable: ['capturable'],
    differentiable: ['differentiable'],
    fused: ['fused'],
    momentum: ['momentum'],
    dampening: ['dampening'],
    nesterov: ['nesterov'],
    betas: ['betas'],
    beta1: ['beta1', 'beta_1'],
    beta2: ['beta2', 'beta_2'],
    eps: ['eps', 'epsilon'],
    amsgrad: ['amsgrad'],
    alpha: ['alpha', 'rho'],
    centered: ['centered'],
    lrDecay: ['lr_decay'],
    initialAccumulatorValue: ['initial_accumulator_value'],
  },
} as const satisfies Record<string, Record<string, FieldNames>>;

/** Every accepted name of a section's fields, canonical names first (for unknown-field suggestions). */
export function knownNames(section: Readonly<Record<string, FieldNames>>, keys?: readonly string[]): string[] {
  const entries = Object.entries(section).filter(([key]) => !keys || keys.includes(key));
  return [...entries.map(([, names]) => names[0]), ...entries.flatMap(([, names]) => names.slice(1))];
}

/** Optimizer hyperparameters each optimizer accepts (plus the common ones). */
export const OPTIMIZER_FIELDS = {
  common: ['name', 'lr', 'weightDecay', 'maximize', 'foreach', 'capturable', 'differentiable', 'fused'],
  sgd: ['momentum', 'dampening', 'nesterov'],
  adam: ['betas', 'beta1', 'beta2', 'eps', 'amsgrad'],
  adamw: ['betas', 'beta1', 'beta2', 'eps', 'amsgrad'],
  rmsprop: ['alpha', 'eps', 'momentum', 'centered'],
  adagrad: ['lrDecay', 'initialAccumulatorValue', 'eps'],
} as const satisfies Record<string, readonly (keyof typeof FIELDS.optimizer)[]>;
