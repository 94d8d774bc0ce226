/**
 * The JSON Schema of training configurations (schemas/training.schema.json), built from the same
 * field tables the validator reads, so editors complete and check the fields the trainer accepts.
 * The validator stays the authority: it also resolves every catalog name and checks sizes.
 */
import { FIELDS, type FieldNames } from './configFields';
import { DATASET_ALIASES, DATASET_NAMES } from './datasets';
import { INITIALIZER_ALIASES, INITIALIZER_NAMES } from './initializers';
import { TRAINING_LOSS_IDS } from './losses';
import { OPTIMIZER_NAMES } from './optimizers';

/** A JSON Schema node (draft-07 subset). */
export type JsonSchema = { readonly [key: string]: unknown };

const number: JsonSchema = { type: 'number' };
const nonNegative: JsonSchema = { type: 'number', minimum: 0 };
const integer: JsonSchema = { type: 'integer' };
const positiveInteger: JsonSchema = { type: 'integer', minimum: 1 };
const boolean: JsonSchema = { type: 'boolean' };
const numberRow: JsonSchema = { type: 'array', items: number };
const matrix: JsonSchema = { type: 'array', items: numberRow };
const labels: JsonSchema = { type: 'array', items: { anyOf: [number, numberRow] } };

/** Properties for a field table: the canonical name with its schema, every alias pointing to the same schema. */
function properties(table: Readonly<Record<string, FieldNames>>, schemas: Readonly<Record<string, JsonSchema>>): Record<string, JsonSchema> {
  const result: Record<string, JsonSchema> = {};
  for (const [key, names] of Object.entries(table)) {
    const schema = schemas[key] ?? {};
    const [canonical, ...aliases] = names;
    result[canonical] = schema;
    for (const alias of aliases) result[alias] = { ...schema, description: `Same as \`${canonical}\`.` };
  }
  return result;
}

function object(table: Readonly<Record<string, FieldNames>>, schemas: Readonly<Record<string, JsonSchema>>, extra: JsonSchema = {}): JsonSchema {
  return { type: 'object', properties: properties(table, schemas), additionalProperties: false, ...extra };
}

const ref = (name: string): JsonSchema => ({ $ref: `#/definitions/${name}` });
const activation = ref('activation');
const initializer = ref('initializer');

const activationDefinition: JsonSchema = {
  description: 'A catalog activation by any name (`relu`, `nn.LeakyReLU`, `leakyReLU`...), as text or {name, params}; null or `linear` for none.',
  anyOf: [
    { type: 'string', examples: ['relu', 'tanh', 'sigmoid', 'leaky_relu', 'elu', 'gelu', 'silu', 'softplus', 'selu', 'mish', 'linear'] },
    { type: 'null' },
    object(FIELDS.activation, { name: { type: 'string' }, params: { type: 'object', description: 'Parameters by their catalog or framework names.' } }, { required: ['name'] }),
  ],
};

const initializerNames = [...INITIALIZER_NAMES, ...Object.keys(INITIALIZER_ALIASES)];
const initializerDefinition: JsonSchema = {
  description: 'How to draw initial parameters (fans of nn.Linear).',
  anyOf: [
    { type: 'string', enum: initializerNames },
    object(FIELDS.initializer, {
      name: { type: 'string', enum: initializerNames },
      gain: { ...nonNegative, description: 'Scale of glorot/he (torch gain; he defaults to sqrt(2)).' },
      low: number,
      high: number,
      mean: number,
      std: nonNegative,
      value: number,
    }, { required: ['name'] }),
  ],
};

const linearParamsDefinition = object(FIELDS.linearParams, {
  weight: { ...matrix, description: 'weight[out_features][in_features] (torch nn.Linear layout).' },
  bias: numberRow,
  activation: { type: 'string' },
  units: positiveInteger,
}, { required: ['weight', 'bias'] });

const layerDefinition: JsonSchema = {
  anyOf: [
    { ...positiveInteger, description: 'Units, with the model\'s `activation`.' },
    object(FIELDS.layer, {
      units: positiveInteger,
      activation,
      activationParams: { type: 'object' },
      type: { type: 'string', enum: ['Dense', 'dense', 'Linear', 'linear', 'nn.Linear'] },
    }, { required: ['units'] }),
  ],
};

const modelDefinition = object(FIELDS.model, {
  inputSize: { ...positiveInteger, description: 'Inputs per point (taken from the data when omitted).' },
  layers: { type: 'array', items: ref('layer'), description: 'Hidden layers (the output layer is added from `output_units` and `output_activation`).' },
  hiddenSizes: { type: 'array', items: positiveInteger, description: 'Hidden layer widths, all with `activation`.' },
  activation: { ...activation, description: 'Activation of hidden layers that give none (relu by default).' },
  activationParams: { type: 'object' },
  output: object(FIELDS.output, { units: positiveInteger, activation, activationParams: { type: 'object' } }),
  outputUnits: { ...positiveInteger, description: 'Outputs (1 for binary and regression, the class count for multi-class; inferred from the data).' },
  outputActivation: { ...activation, description: 'Defaults to what the loss expects: sigmoid for BCE on probabilities, softmax for Keras cross-entropy, linear for logits and regression.' },
  outputActivationParams: { type: 'object' },
  kernelInitializer: initializer,
  biasInitializer: initializer,
  initialParams: {
    description: 'Explicit initial parameters of every linear layer (hidden, then output): a list of {weight, bias}, a weights JSON document, or {W1, b1, W2, b2, ...}.',
    anyOf: [
      { type: 'array', items: ref('linearParams') },
      object(FIELDS.weightsDocument, { layers: { type: 'array', items: ref('linearParams') }, format: { const: 'formula-lens-weights' }, version: integer, layout: { type: 'string' }, inputSize: positiveInteger }, { required: ['layers'] }),
      { type: 'object', patternProperties: { '^([Ww]|weight)[0-9]+$': matrix, '^(b|bias)[0-9]+$': numberRow }, additionalProperties: false },
    ],
  },
});

const datasetNames = [...DATASET_NAMES, ...Object.keys(DATASET_ALIASES)];
const testFraction: JsonSchema = { type: 'number', minimum: 0, exclusiveMaximum: 1, description: 'Share of the points held out for testing (built-in sets: 0.5; explicit points: 0).' };
const builtinDataDefinition = object(FIELDS.builtinData, {
  name: { type: 'string', enum: datasetNames, description: 'circle, xor, gauss, spiral (TensorFlow Playground), moons, blobs (3-5 classes), plane, gaussian (bumps), sine (1-D).' },
  samples: { type: 'integer', minimum: 2, maximum: 100000 },
  noise: { type: 'number', minimum: 0, maximum: 1, description: 'Playground noise fraction (its 0-50% slider is 0-0.5).' },
  classes: { type: 'integer', minimum: 2, maximum: 10, description: 'blobs only.' },
  testFraction,
  seed: integer,
}, { required: ['name'] });
const explicitDataDefinition = object(FIELDS.explicitData, {
  points: { ...matrix, description: 'One row of inputs per point.' },
  labels: { ...labels, description: 'Class indices, 0/1 (or -1/1) labels, values, or rows of them (one-hot, multi-output).' },
  testPoints: matrix,
  testLabels: labels,
  testFraction,
  classes: { type: 'integer', minimum: 2 },
  seed: integer,
}, { required: ['points', 'labels'] });

const lossDefinition: JsonSchema = {
  description: 'A catalog loss by any name (`binary_crossentropy`, `nn.BCELoss`, `mse`...).',
  anyOf: [
    { type: 'string', examples: Object.keys(TRAINING_LOSS_IDS) },
    object(FIELDS.loss, {
      name: { type: 'string', examples: Object.keys(TRAINING_LOSS_IDS) },
      params: { type: 'object', description: 'Loss parameters (delta, from_logits, label_smoothing, weight, pos_weight, gamma, alpha...).' },
      framework: { type: 'string', description: 'Semantics of the loss (defaults to the top-level framework).' },
      reduction: { type: 'string', enum: ['mean', 'sum', 'sum_over_batch_size', 'auto'] },
      fuse: { ...boolean, description: 'Compute a sigmoid/softmax output + cross-entropy from the logits (default: true under keras, as TensorFlow does).' },
    }, { required: ['name'] }),
  ],
};

const optimizerName: JsonSchema = { type: 'string', anyOf: [{ enum: OPTIMIZER_NAMES }, { pattern: '^(torch\\.optim\\.)?(SGD|Adam|AdamW|RMSprop|Adagrad)$' }] };
const optimizerDefinition: JsonSchema = {
  description: 'torch.optim update rules, with torch\'s hyperparameter names.',
  anyOf: [
    optimizerName,
    object(FIELDS.optimizer, {
      name: optimizerName,
      lr: nonNegative,
      weightDecay: { ...nonNegative, description: 'Added to the gradient (SGD, Adam, RMSprop, Adagrad); decoupled in AdamW.' },
      maximize: boolean,
      foreach: { type: ['boolean', 'null'] },
      capturable: boolean,
      differentiable: boolean,
      fused: { type: ['boolean', 'null'] },
      momentum: nonNegative,
      dampening: number,
      nesterov: boolean,
      betas: { type: 'array', items: { type: 'number', minimum: 0, exclusiveMaximum: 1 }, minItems: 2, maxItems: 2 },
      beta1: { type: 'number', minimum: 0, exclusiveMaximum: 1 },
      beta2: { type: 'number', minimum: 0, exclusiveMaximum: 1 },
      eps: nonNegative,
      amsgrad: boolean,
      alpha: { ...nonNegative, description: 'RMSprop smoothing constant (Keras rho).' },
      centered: boolean,
      lrDecay: nonNegative,
      initialAccumulatorValue: nonNegative,
    }, { required: ['name'] }),
  ],
};

/** Builds the JSON Schema of training configurations. */
export function trainingConfigSchema(): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://formula-lens.github.io/schemas/training.schema.json',
    title: 'Formula Lens training configuration',
    description: 'An MLP, its data, loss and optimizer, trained with PyTorch semantics in float64 (formula-lens train CONFIG).',
    ...object(FIELDS.root, {
      schema: { type: 'string' },
      name: { type: 'string' },
      description: { type: 'string' },
      experiment: { type: 'string' },
      framework: { type: 'string', enum: ['torch', 'keras', 'tfjs', 'pytorch', 'keras3', 'tf.keras', 'tensorflow', 'tf', 'keras-tfjs', 'tf.js', 'tensorflowjs'], description: 'Defaults of activations and losses (leaky slope, from_logits...) and their semantics. torch by default.' },
      seed: { ...integer, description: 'Seeds the data, the initial weights and the batch order.' },
      data: { anyOf: [ref('builtinData'), ref('explicitData')] },
      model: ref('model'),
      loss: ref('loss'),
      optimizer: ref('optimizer'),
      regularization: object(FIELDS.regularization, { l1: nonNegative, l2: nonNegative }, { description: 'Penalties on weights (not biases): l1 * sum|w| + l2 * sum w^2, added to the loss.' }),
      batchSize: { anyOf: [positiveInteger, { type: 'null' }, { const: 'full' }], description: 'Samples per step; null or "full" for the whole training set.' },
      epochs: { type: 'integer', minimum: 0 },
      steps: { type: 'integer', minimum: 0 },
      shuffle: { ...boolean, description: 'Reshuffle the training points each epoch (seeded).' },
      dropLast: boolean,
    }, { required: ['data', 'loss'] }),
    definitions: {
      activation: activationDefinition,
      initializer: initializerDefinition,
      linearParams: linearParamsDefinition,
      layer: layerDefinition,
      model: modelDefinition,
      builtinData: builtinDataDefinition,
      explicitData: explicitDataDefinition,
      loss: lossDefinition,
      optimizer: optimizerDefinition,
    },
  };
}
