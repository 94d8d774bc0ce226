/**
 * The framework APIs the scanner recognizes: for each spelling, the catalog id, the framework
 * profile, the positional argument order and how written argument names map to canonical
 * parameter names. Keys are canonical spellings (`nn.X`, `F.x`, `torch.x`, `layers.X`,
 * `activations.x`, `losses.x`, `ops.x`, `tf.nn.x`, `tf.x` for Python; `tf.layers.x`,
 * `tf.losses.x`, `tf.metrics.x`, `tf.x` for TF.js); `imports.ts` turns what users write
 * (`torch.nn.functional.relu`, `tf.keras.layers.ReLU`, an imported bare `ReLU`) into these keys.
 */
import type { Framework, ParamValue } from '../catalog/types';

/** How one API spelling maps to the catalog. */
export interface ApiSpec {
  readonly id: string;
  readonly kind: 'activation' | 'loss';
  readonly framework: Framework;
  /** Argument names in positional order, data inputs and options included (`['input', 'negative_slope', 'inplace']`). */
  readonly positional: readonly string[];
  /** Written argument names that mean a differently named canonical parameter (`alpha` → `negative_slope`). */
  readonly rename?: Readonly<Record<string, string>>;
  /** Parameters the API itself fixes (`tf.nn.softmax_cross_entropy_with_logits` takes logits). */
  readonly implied?: Readonly<Record<string, ParamValue>>;
  /** Defaults of this API that can differ from the function's (Keras `LeakyReLU` layer: 0.3). */
  readonly defaults?: Readonly<Record<string, ParamValue>>;
  /** Value conversions to the catalog's form, per canonical parameter. */
  readonly convert?: Readonly<Record<string, (value: ParamValue) => ParamValue>>;
  /** TF.js layer factories take one config object whose keys are the arguments. */
  readonly configObject?: boolean;
}

/** Arguments that carry tensors, not parameters. */
export const DATA_ARGS: ReadonlySet<string> = new Set([
  'input', 'x', 'target', 'y_true', 'y_pred', 'labels', 'logits', 'features', 'predictions', 'input1', 'input2',
  'anchor', 'positive', 'negative', 'inputs', 'targets', 'multiClassLabels', 'onehotLabels', 'yTrue', 'yPred', 'output',
]);

/** Arguments that configure the call but are not math parameters. */
export const OPTION_ARGS: ReadonlySet<string> = new Set([
  'inplace', 'name', 'dtype', 'size_average', 'reduce', '_stacklevel', 'num_parameters', 'weights', 'trainable',
  'alpha_initializer', 'alpha_regularizer', 'alpha_constraint', 'shared_axes', 'alphaInitializer', 'alphaRegularizer',
  'alphaConstraint', 'sharedAxes', 'inputShape', 'batchInputShape', 'batchSize',
]);

/** Keras `approximate=True/False` to the catalog's `'tanh'`/`'none'`. */
function approximateFromBool(value: ParamValue): ParamValue {
  if (value === true) return 'tanh';
  if (value === false) return 'none';
  return value;
}

/** A single initial slope to the one-element weight list (torch `PReLU(init=0.25)`). */
function toList(value: ParamValue): ParamValue {
  return typeof value === 'number' ? [value] : value;
}

type Extra = Partial<Omit<ApiSpec, 'id' | 'kind' | 'framework' | 'positional'>>;

function act(id: string, framework: Framework, positional: readonly string[] = [], extra: Extra = {}): ApiSpec {
  return { id, kind: 'activation', framework, positional, ...extra };
}

function loss(id: string, framework: Framework, positional: readonly string[] = [], extra: Extra = {}): ApiSpec {
  return { id, kind: 'loss', framework, positional, ...extra };
}

const DIM_AS_AXIS = { rename: { dim: 'axis' } } as const;
const GELU_BOOL = { convert: { approximate: approximateFromBool } } as const;
const LEGACY = ['size_average', 'reduce', 'reduction'] as const;

/** PyTorch: `torch.nn` modules, `torch.nn.functional`, `torch.*` functions. */
const TORCH: Record<string, ApiSpec> = {
  'nn.ReLU': act('relu', 'torch', ['inplace']),
  'nn.ReLU6': act('relu6', 'torch', ['inplace']),
  'nn.LeakyReLU': act('leaky_relu', 'torch', ['negative_slope', 'inplace']),
  'nn.PReLU': act('prelu', 'torch', ['num_parameters', 'init'], { rename: { init: 'weight' }, convert: { weight: toList } }),
  'nn.ELU': act('elu', 'torch', ['alpha', 'inplace']),
  'nn.SELU': act('selu', 'torch', ['inplace']),
  'nn.CELU': act('celu', 'torch', ['alpha', 'inplace']),
  'nn.GELU': act('gelu', 'torch', ['approximate']),
  'nn.SiLU': act('silu', 'torch', ['inplace']),
  'nn.Mish': act('mish', 'torch', ['inplace']),
  'nn.Sigmoid': act('sigmoid', 'torch'),
  'nn.Tanh': act('tanh', 'torch'),
  'nn.Softplus': act('softplus', 'torch', ['beta', 'threshold']),
  'nn.Softsign': act('softsign', 'torch'),
  'nn.Hardsigmoid': act('hardsigmoid', 'torch', ['inplace']),
  'nn.Hardswish': act('hardswish', 'torch', ['inplace']),
  'nn.Hardtanh': act('hardtanh', 'torch', ['min_val', 'max_val', 'inplace']),
  'nn.LogSigmoid': act('logsigmoid', 'torch'),
  'nn.Tanhshrink': act('tanhshrink', 'torch'),
  'nn.Softshrink': act('softshrink', 'torch', ['lambd']),
  'nn.Hardshrink': act('hardshrink', 'torch', ['lambd']),
  'nn.Threshold': act('threshold', 'torch', ['threshold', 'value', 'inplace']),
  'nn.Softmax': act('softmax', 'torch', ['dim'], DIM_AS_AXIS),
  'nn.LogSoftmax': act('log_softmax', 'torch', ['dim'], DIM_AS_AXIS),
  'nn.GLU': act('glu', 'torch', ['dim'], DIM_AS_AXIS),
  'nn.Identity': act('linear', 'torch'),

  'F.relu': act('relu', 'torch', ['input', 'inplace']),
  'F.relu_': act('relu', 'torch', ['input']),
  'F.relu6': act('relu6', 'torch', ['input', 'inplace']),
  'F.leaky_relu': act('leaky_relu', 'torch', ['input', 'negative_slope', 'inplace']),
  'F.leaky_relu_': act('leaky_relu', 'torch', ['input', 'negative_slope']),
  'F.prelu': act('prelu', 'torch', ['input', 'weight']),
  'F.elu': act('elu', 'torch', ['input', 'alpha', 'inplace']),
  'F.selu': act('selu', 'torch', ['input', 'inplace']),
  'F.celu': act('celu', 'torch', ['input', 'alpha', 'inplace']),
  'F.gelu': act('gelu', 'torch', ['input', 'approximate']),
  'F.silu': act('silu', 'torch', ['input', 'inplace']),
  'F.mish': act('mish', 'torch', ['input', 'inplace']),
  'F.sigmoid': act('sigmoid', 'torch', ['input']),
  'F.tanh': act('tanh', 'torch', ['input']),
  'F.softplus': act('softplus', 'torch', ['input', 'beta', 'threshold']),
  'F.softsign': act('softsign', 'torch', ['input']),
  'F.hardsigmoid': act('hardsigmoid', 'torch', ['input', 'inplace']),
  'F.hardswish': act('hardswish', 'torch', ['input', 'inplace']),
  'F.hardtanh': act('hardtanh', 'torch', ['input', 'min_val', 'max_val', 'inplace']),
  'F.logsigmoid': act('logsigmoid', 'torch', ['input']),
  'F.tanhshrink': act('tanhshrink', 'torch', ['input']),
  'F.softshrink': act('softshrink', 'torch', ['input', 'lambd']),
  'F.hardshrink': act('hardshrink', 'torch', ['input', 'lambd']),
  'F.threshold': act('threshold', 'torch', ['input', 'threshold', 'value', 'inplace']),
  'F.softmax': act('softmax', 'torch', ['input', 'dim', '_stacklevel', 'dtype'], DIM_AS_AXIS),
  'F.log_softmax': act('log_softmax', 'torch', ['input', 'dim', '_stacklevel', 'dtype'], DIM_AS_AXIS),
  'F.glu': act('glu', 'torch', ['input', 'dim'], DIM_AS_AXIS),

  'torch.relu': act('relu', 'torch', ['input']),
  'torch.relu_': act('relu', 'torch', ['input']),
  'torch.sigmoid': act('sigmoid', 'torch', ['input']),
  'torch.special.expit': act('sigmoid', 'torch', ['input']),
  'torch.tanh': act('tanh', 'torch', ['input']),
  'torch.selu': act('selu', 'torch', ['input']),
  'torch.celu': act('celu', 'torch', ['input', 'alpha']),
  'torch.prelu': act('prelu', 'torch', ['input', 'weight']),
  'torch.hardshrink': act('hardshrink', 'torch', ['input', 'lambd']),
  'torch.threshold': act('threshold', 'torch', ['input', 'threshold', 'value']),
  'torch.softmax': act('softmax', 'torch', ['input', 'dim', 'dtype'], DIM_AS_AXIS),
  'torch.log_softmax': act('log_softmax', 'torch', ['input', 'dim', 'dtype'], DIM_AS_AXIS),

  'nn.MSELoss': loss('mse', 'torch', LEGACY),
  'nn.L1Loss': loss('mae', 'torch', LEGACY),
  'nn.HuberLoss': loss('huber', 'torch', ['reduction', 'delta']),
  'nn.SmoothL1Loss': loss('smooth_l1', 'torch', [...LEGACY, 'beta']),
  'nn.BCELoss': loss('binary_crossentropy', 'torch', ['weight', ...LEGACY]),
  'nn.BCEWithLogitsLoss': loss('binary_crossentropy_with_logits', 'torch', ['weight', ...LEGACY, 'pos_weight']),
  'nn.CrossEntropyLoss': loss('sparse_categorical_crossentropy', 'torch', ['weight', 'size_average', 'ignore_index', 'reduce', 'reduction', 'label_smoothing']),
  'nn.NLLLoss': loss('nll_loss', 'torch', ['weight', 'size_average', 'ignore_index', 'reduce', 'reduction']),
  'nn.KLDivLoss': loss('kl_divergence', 'torch', [...LEGACY, 'log_target']),
  'nn.PoissonNLLLoss': loss('poisson_nll', 'torch', ['log_input', 'full', 'size_average', 'eps', 'reduce', 'reduction']),
  'nn.CosineEmbeddingLoss': loss('cosine_embedding_loss', 'torch', ['margin', ...LEGACY]),
  'nn.MarginRankingLoss': loss('margin_ranking_loss', 'torch', ['margin', ...LEGACY]),
  'nn.TripletMarginLoss': loss('triplet_margin_loss', 'torch', ['margin', 'p', 'eps', 'swap', ...LEGACY]),
  'nn.HingeEmbeddingLoss': loss('hinge_embedding_loss', 'torch', ['margin', ...LEGACY]),
  'nn.MultiMarginLoss': loss('multi_margin_loss', 'torch', ['p', 'margin', 'weight', ...LEGACY]),
  'nn.MultiLabelMarginLoss': loss('multilabel_margin_loss', 'torch', LEGACY),
  'nn.MultiLabelSoftMarginLoss': loss('multilabel_soft_margin_loss', 'torch', ['weight', ...LEGACY]),
  'nn.SoftMarginLoss': loss('soft_margin_loss', 'torch', LEGACY),

  'F.mse_loss': loss('mse', 'torch', ['input', 'target', ...LEGACY]),
  'F.l1_loss': loss('mae', 'torch', ['input', 'target', ...LEGACY]),
  'F.huber_loss': loss('huber', 'torch', ['input', 'target', 'reduction', 'delta']),
  'F.smooth_l1_loss': loss('smooth_l1', 'torch', ['input', 'target', ...LEGACY, 'beta']),
  'F.binary_cross_entropy': loss('binary_crossentropy', 'torch', ['input', 'target', 'weight', ...LEGACY]),
  'F.binary_cross_entropy_with_logits': loss('binary_crossentropy_with_logits', 'torch', ['input', 'target', 'weight', ...LEGACY, 'pos_weight']),
  'F.cross_entropy': loss('sparse_categorical_crossentropy', 'torch', ['input', 'target', 'weight', 'size_average', 'ignore_index', 'reduce', 'reduction', 'label_smoothing']),
  'F.nll_loss': loss('nll_loss', 'torch', ['input', 'target', 'weight', 'size_average', 'ignore_index', 'reduce', 'reduction']),
  'F.kl_div': loss('kl_divergence', 'torch', ['input', 'target', ...LEGACY, 'log_target']),
  'F.poisson_nll_loss': loss('poisson_nll', 'torch', ['input', 'target', 'log_input', 'full', 'size_average', 'eps', 'reduce', 'reduction']),
  'F.cosine_embedding_loss': loss('cosine_embedding_loss', 'torch', ['input1', 'input2', 'target', 'margin', ...LEGACY]),
  'F.margin_ranking_loss': loss('margin_ranking_loss', 'torch', ['input1', 'input2', 'target', 'margin', ...LEGACY]),
  'F.triplet_margin_loss': loss('triplet_margin_loss', 'torch', ['anchor', 'positive', 'negative', 'margin', 'p', 'eps', 'swap', ...LEGACY]),
  'F.hinge_embedding_loss': loss('hinge_embedding_loss', 'torch', ['input', 'target', 'margin', ...LEGACY]),
  'F.multi_margin_loss': loss('multi_margin_loss', 'torch', ['input', 'target', 'p', 'margin', 'weight', ...LEGACY]),
  'F.multilabel_margin_loss': loss('multilabel_margin_loss', 'torch', ['input', 'target', ...LEGACY]),
  'F.multilabel_soft_margin_loss': loss('multilabel_soft_margin_loss', 'torch', ['input', 'target', 'weight', ...LEGACY]),
  'F.soft_margin_loss': loss('soft_margin_loss', 'torch', ['input', 'target', ...LEGACY]),
  'torchvision.ops.sigmoid_focal_loss': loss('binary_focal_crossentropy', 'torch', ['inputs', 'targets', 'alpha', 'gamma', 'reduction'], { defaults: { alpha: 0.25, gamma: 2 } }),
};

/** Keras activation functions; `keras.activations.x` and `keras.ops.x` share these signatures. */
const KERAS_ACTIVATION_FUNCTIONS: Record<string, ApiSpec> = {
  relu: act('relu', 'keras', ['x', 'negative_slope', 'max_value', 'threshold'], { rename: { alpha: 'negative_slope' } }),
  leaky_relu: act('leaky_relu', 'keras', ['x', 'negative_slope'], { rename: { alpha: 'negative_slope' }, defaults: { negative_slope: 0.2 } }),
  relu6: act('relu6', 'keras', ['x']),
  elu: act('elu', 'keras', ['x', 'alpha']),
  selu: act('selu', 'keras', ['x']),
  celu: act('celu', 'keras', ['x', 'alpha']),
  gelu: act('gelu', 'keras', ['x', 'approximate'], { ...GELU_BOOL, defaults: { approximate: 'none' } }),
  sigmoid: act('sigmoid', 'keras', ['x']),
  hard_sigmoid: act('hardsigmoid', 'keras', ['x']),
  silu: act('silu', 'keras', ['x']),
  swish: act('silu', 'keras', ['x']),
  hard_silu: act('hardswish', 'keras', ['x']),
  hard_swish: act('hardswish', 'keras', ['x']),
  mish: act('mish', 'keras', ['x']),
  tanh: act('tanh', 'keras', ['x']),
  hard_tanh: act('hardtanh', 'keras', ['x']),
  tanh_shrink: act('tanhshrink', 'keras', ['x']),
  softplus: act('softplus', 'keras', ['x']),
  softsign: act('softsign', 'keras', ['x']),
  soft_shrink: act('softshrink', 'keras', ['x', 'threshold'], { rename: { threshold: 'lambd' } }),
  hard_shrink: act('hardshrink', 'keras', ['x', 'threshold'], { rename: { threshold: 'lambd' } }),
  threshold: act('threshold', 'keras', ['x', 'threshold', 'default_value'], { rename: { default_value: 'value' } }),
  log_sigmoid: act('logsigmoid', 'keras', ['x']),
  softmax: act('softmax', 'keras', ['x', 'axis']),
  log_softmax: act('log_softmax', 'keras', ['x', 'axis']),
  glu: act('glu', 'keras', ['x', 'axis']),
  exponential: act('exponential', 'keras', ['x']),
  linear: act('linear', 'keras', ['x']),
};

/** Keras loss functions (`keras.losses.x`), positional `(y_true, y_pred, ...)`. */
const KERAS_LOSS_FUNCTIONS: Record<string, ApiSpec> = {
  mean_squared_error: loss('mse', 'keras', ['y_true', 'y_pred']),
  mean_absolute_error: loss('mae', 'keras', ['y_true', 'y_pred']),
  mean_absolute_percentage_error: loss('mape', 'keras', ['y_true', 'y_pred']),
  mean_squared_logarithmic_error: loss('msle', 'keras', ['y_true', 'y_pred']),
  log_cosh: loss('log_cosh', 'keras', ['y_true', 'y_pred']),
  huber: loss('huber', 'keras', ['y_true', 'y_pred', 'delta']),
  binary_crossentropy: loss('binary_crossentropy', 'keras', ['y_true', 'y_pred', 'from_logits', 'label_smoothing', 'axis']),
  binary_focal_crossentropy: loss('binary_focal_crossentropy', 'keras', ['y_true', 'y_pred', 'apply_class_balancing', 'alpha', 'gamma', 'from_logits', 'label_smoothing', 'axis']),
  categorical_crossentropy: loss('categorical_crossentropy', 'keras', ['y_true', 'y_pred', 'from_logits', 'label_smoothing', 'axis']),
  sparse_categorical_crossentropy: loss('sparse_categorical_crossentropy', 'keras', ['y_true', 'y_pred', 'from_logits', 'ignore_class', 'axis'], { rename: { ignore_class: 'ignore_index' } }),
  kl_divergence: loss('kl_divergence', 'keras', ['y_true', 'y_pred']),
  poisson: loss('poisson', 'keras', ['y_true', 'y_pred']),
  cosine_similarity: loss('cosine_similarity', 'keras', ['y_true', 'y_pred', 'axis']),
  hinge: loss('hinge', 'keras', ['y_true', 'y_pred']),
  squared_hinge: loss('squared_hinge', 'keras', ['y_true', 'y_pred']),
  categorical_hinge: loss('categorical_hinge', 'keras', ['y_true', 'y_pred']),
};
const KERAS_LOSS_FUNCTION_ALIASES: Record<string, string> = {
  mse: 'mean_squared_error', MSE: 'mean_squared_error', mae: 'mean_absolute_error', MAE: 'mean_absolute_error',
  mape: 'mean_absolute_percentage_error', MAPE: 'mean_absolute_percentage_error', msle: 'mean_squared_logarithmic_error',
  MSLE: 'mean_squared_logarithmic_error', logcosh: 'log_cosh', kld: 'kl_divergence', KLD: 'kl_divergence',
  kullback_leibler_divergence: 'kl_divergence',
};

/** Keras loss classes (`keras.losses.X`). */
const KERAS_LOSS_CLASSES: Record<string, ApiSpec> = {
  MeanSquaredError: loss('mse', 'keras', ['reduction', 'name']),
  MeanAbsoluteError: loss('mae', 'keras', ['reduction', 'name']),
  MeanAbsolutePercentageError: loss('mape', 'keras', ['reduction', 'name']),
  MeanSquaredLogarithmicError: loss('msle', 'keras', ['reduction', 'name']),
  LogCosh: loss('log_cosh', 'keras', ['reduction', 'name']),
  Huber: loss('huber', 'keras', ['delta', 'reduction', 'name']),
  BinaryCrossentropy: loss('binary_crossentropy', 'keras', ['from_logits', 'label_smoothing', 'axis', 'reduction', 'name']),
  BinaryFocalCrossentropy: loss('binary_focal_crossentropy', 'keras', ['apply_class_balancing', 'alpha', 'gamma', 'from_logits', 'label_smoothing', 'axis', 'reduction', 'name']),
  CategoricalCrossentropy: loss('categorical_crossentropy', 'keras', ['from_logits', 'label_smoothing', 'axis', 'reduction', 'name']),
  SparseCategoricalCrossentropy: loss('sparse_categorical_crossentropy', 'keras', ['from_logits', 'ignore_class', 'reduction', 'name'], { rename: { ignore_class: 'ignore_index' } }),
  KLDivergence: loss('kl_divergence', 'keras', ['reduction', 'name']),
  Poisson: loss('poisson', 'keras', ['reduction', 'name']),
  CosineSimilarity: loss('cosine_similarity', 'keras', ['axis', 'reduction', 'name']),
  Hinge: loss('hinge', 'keras', ['reduction', 'name']),
  SquaredHinge: loss('squared_hinge', 'keras', ['reduction', 'name']),
  CategoricalHinge: loss('categorical_hinge', 'keras', ['reduction', 'name']),
};

/** Keras layers that are activations themselves. */
const KERAS_LAYERS: Record<string, ApiSpec> = {
  ReLU: act('relu', 'keras', ['max_value', 'negative_slope', 'threshold']),
  LeakyReLU: act('leaky_relu', 'keras', ['negative_slope'], { rename: { alpha: 'negative_slope' }, defaults: { negative_slope: 0.3 } }),
  PReLU: act('prelu', 'keras', ['alpha_initializer', 'alpha_regularizer', 'alpha_constraint', 'shared_axes']),
  ELU: act('elu', 'keras', ['alpha']),
  Softmax: act('softmax', 'keras', ['axis']),
};

/** TensorFlow `tf.nn` / `tf.math` / `tf.*` functions, evaluated under the Keras profile. */
const TENSORFLOW: Record<string, ApiSpec> = {
  'tf.nn.relu': act('relu', 'keras', ['features']),
  'tf.nn.relu6': act('relu6', 'keras', ['features']),
  'tf.nn.leaky_relu': act('leaky_relu', 'keras', ['features', 'alpha'], { rename: { alpha: 'negative_slope' }, defaults: { negative_slope: 0.2 } }),
  'tf.nn.elu': act('elu', 'keras', ['features']),
  'tf.nn.selu': act('selu', 'keras', ['features']),
  'tf.nn.gelu': act('gelu', 'keras', ['features', 'approximate'], { ...GELU_BOOL, defaults: { approximate: 'none' } }),
  'tf.nn.silu': act('silu', 'keras', ['features', 'beta']),
  'tf.nn.swish': act('silu', 'keras', ['features', 'beta']),
  'tf.nn.sigmoid': act('sigmoid', 'keras', ['x']),
  'tf.nn.tanh': act('tanh', 'keras', ['x']),
  'tf.nn.softplus': act('softplus', 'keras', ['features']),
  'tf.nn.softsign': act('softsign', 'keras', ['features']),
  'tf.nn.softmax': act('softmax', 'keras', ['logits', 'axis']),
  'tf.nn.log_softmax': act('log_softmax', 'keras', ['logits', 'axis']),
  'tf.math.sigmoid': act('sigmoid', 'keras', ['x']),
  'tf.math.tanh': act('tanh', 'keras', ['x']),
  'tf.math.softplus': act('softplus', 'keras', ['features']),
  'tf.math.log_sigmoid': act('logsigmoid', 'keras', ['x']),
  'tf.math.softsign': act('softsign', 'keras', ['features']),
  'tf.math.softmax': act('softmax', 'keras', ['logits', 'axis']),
  'tf.math.log_softmax': act('log_softmax', 'keras', ['logits', 'axis']),
  'tf.sigmoid': act('sigmoid', 'keras', ['x']),
  'tf.tanh': act('tanh', 'keras', ['x']),
  'tf.nn.sigmoid_cross_entropy_with_logits': loss('binary_crossentropy_with_logits', 'keras', ['labels', 'logits']),
  'tf.nn.softmax_cross_entropy_with_logits': loss('categorical_crossentropy', 'keras', ['labels', 'logits', 'axis'], { implied: { from_logits: true } }),
  'tf.nn.sparse_softmax_cross_entropy_with_logits': loss('sparse_categorical_crossentropy', 'keras', ['labels', 'logits'], { implied: { from_logits: true } }),
};

function prefixed(prefix: string, table: Record<string, ApiSpec>): Record<string, ApiSpec> {
  const out: Record<string, ApiSpec> = {};
  for (const [name, spec] of Object.entries(table)) out[`${prefix}${name}`] = spec;
  return out;
}

const KERAS_OPS_GELU = act('gelu', 'keras', ['x', 'approximate'], { ...GELU_BOOL, defaults: { approximate: 'tanh' } });

/** Every Python spelling. */
export const PYTHON_APIS: ReadonlyMap<string, ApiSpec> = new Map(Object.entries({
  ...TORCH,
  ...prefixed('activations.', KERAS_ACTIVATION_FUNCTIONS),
  ...prefixed('ops.', KERAS_ACTIVATION_FUNCTIONS),
  'ops.gelu': KERAS_OPS_GELU,
  'ops.binary_crossentropy': loss('binary_crossentropy', 'keras', ['target', 'output', 'from_logits']),
  'ops.categorical_crossentropy': loss('categorical_crossentropy', 'keras', ['target', 'output', 'from_logits', 'axis']),
  'ops.sparse_categorical_crossentropy': loss('sparse_categorical_crossentropy', 'keras', ['target', 'output', 'from_logits', 'axis']),
  ...prefixed('losses.', KERAS_LOSS_FUNCTIONS),
  ...Object.fromEntries(Object.entries(KERAS_LOSS_FUNCTION_ALIASES).map(([alias, name]) => [`losses.${alias}`, KERAS_LOSS_FUNCTIONS[name]!])),
  ...prefixed('losses.', KERAS_LOSS_CLASSES),
  ...prefixed('layers.', KERAS_LAYERS),
  ...TENSORFLOW,
}));

/** Python calls whose first positional string names an activation or loss (`layers.Activation('gelu')`). */
export const PYTHON_STRING_FACTORIES: ReadonlyMap<string, 'activation' | 'loss'> = new Map([
  ['layers.Activation', 'activation'],
  ['activations.get', 'activation'],
  ['activations.deserialize', 'activation'],
  ['losses.get', 'loss'],
  ['losses.deserialize', 'loss'],
]);

/** Tensor methods of PyTorch tensors (`x.relu()`, `logits.softmax(dim=1)`). */
export const TORCH_TENSOR_METHODS: ReadonlyMap<string, ApiSpec> = new Map(Object.entries({
  relu: act('relu', 'torch'),
  relu_: act('relu', 'torch'),
  sigmoid: act('sigmoid', 'torch'),
  sigmoid_: act('sigmoid', 'torch'),
  tanh: act('tanh', 'torch'),
  tanh_: act('tanh', 'torch'),
  softmax: act('softmax', 'torch', ['dim', 'dtype'], DIM_AS_AXIS),
  log_softmax: act('log_softmax', 'torch', ['dim', 'dtype'], DIM_AS_AXIS),
}));

/** TF.js spellings. */
export const TFJS_APIS: ReadonlyMap<string, ApiSpec> = new Map(Object.entries({
  'tf.layers.leakyReLU': act('leaky_relu', 'tfjs', [], { configObject: true, rename: { alpha: 'negative_slope' }, defaults: { negative_slope: 0.3 } }),
  'tf.layers.reLU': act('relu', 'tfjs', [], { configObject: true, rename: { maxValue: 'max_value' } }),
  'tf.layers.elu': act('elu', 'tfjs', [], { configObject: true }),
  'tf.layers.prelu': act('prelu', 'tfjs', [], { configObject: true }),
  'tf.layers.softmax': act('softmax', 'tfjs', [], { configObject: true, defaults: { axis: 1 } }),
  'tf.layers.thresholdedReLU': act('threshold', 'tfjs', [], { configObject: true, rename: { theta: 'threshold' }, defaults: { threshold: 1 } }),

  'tf.relu': act('relu', 'tfjs', ['x']),
  'tf.relu6': act('relu6', 'tfjs', ['x']),
  'tf.leakyRelu': act('leaky_relu', 'tfjs', ['x', 'alpha'], { rename: { alpha: 'negative_slope' }, defaults: { negative_slope: 0.2 } }),
  'tf.prelu': act('prelu', 'tfjs', ['x', 'alpha'], { rename: { alpha: 'weight' } }),
  'tf.elu': act('elu', 'tfjs', ['x']),
  'tf.selu': act('selu', 'tfjs', ['x']),
  'tf.sigmoid': act('sigmoid', 'tfjs', ['x']),
  'tf.tanh': act('tanh', 'tfjs', ['x']),
  'tf.softplus': act('softplus', 'tfjs', ['x']),
  'tf.logSigmoid': act('logsigmoid', 'tfjs', ['x']),
  'tf.softmax': act('softmax', 'tfjs', ['logits', 'dim'], DIM_AS_AXIS),
  'tf.logSoftmax': act('log_softmax', 'tfjs', ['logits', 'axis']),

  'tf.losses.absoluteDifference': loss('mae', 'tfjs', ['labels', 'predictions', 'weights', 'reduction']),
  'tf.losses.meanSquaredError': loss('mse', 'tfjs', ['labels', 'predictions', 'weights', 'reduction']),
  'tf.losses.huberLoss': loss('huber', 'tfjs', ['labels', 'predictions', 'weights', 'delta', 'reduction']),
  'tf.losses.logLoss': loss('binary_crossentropy', 'tfjs', ['labels', 'predictions', 'weights', 'epsilon', 'reduction']),
  'tf.losses.sigmoidCrossEntropy': loss('binary_crossentropy_with_logits', 'tfjs', ['multiClassLabels', 'logits', 'weights', 'labelSmoothing', 'reduction'], { rename: { labelSmoothing: 'label_smoothing' } }),
  'tf.losses.softmaxCrossEntropy': loss('categorical_crossentropy', 'tfjs', ['onehotLabels', 'logits', 'weights', 'labelSmoothing', 'reduction'], { rename: { labelSmoothing: 'label_smoothing' }, implied: { from_logits: true } }),
  'tf.losses.hingeLoss': loss('hinge', 'tfjs', ['labels', 'predictions', 'weights', 'reduction']),

  'tf.metrics.binaryCrossentropy': loss('binary_crossentropy', 'tfjs', ['yTrue', 'yPred']),
  'tf.metrics.categoricalCrossentropy': loss('categorical_crossentropy', 'tfjs', ['yTrue', 'yPred']),
  'tf.metrics.sparseCategoricalCrossentropy': loss('sparse_categorical_crossentropy', 'tfjs', ['yTrue', 'yPred']),
  'tf.metrics.meanSquaredError': loss('mse', 'tfjs', ['yTrue', 'yPred']),
  'tf.metrics.meanAbsoluteError': loss('mae', 'tfjs', ['yTrue', 'yPred']),
  'tf.metrics.meanAbsolutePercentageError': loss('mape', 'tfjs', ['yTrue', 'yPred']),
  'tf.metrics.MSE': loss('mse', 'tfjs', ['yTrue', 'yPred']),
  'tf.metrics.mse': loss('mse', 'tfjs', ['yTrue', 'yPred']),
  'tf.metrics.MAE': loss('mae', 'tfjs', ['yTrue', 'yPred']),
  'tf.metrics.mae': loss('mae', 'tfjs', ['yTrue', 'yPred']),
  'tf.metrics.MAPE': loss('mape', 'tfjs', ['yTrue', 'yPred']),
  'tf.metrics.mape': loss('mape', 'tfjs', ['yTrue', 'yPred']),
}));

/** Tensor methods of TF.js tensors (`x.relu()`, `logits.softmax(-1)`). */
export const TFJS_TENSOR_METHODS: ReadonlyMap<string, ApiSpec> = new Map(Object.entries({
  relu: act('relu', 'tfjs'),
  relu6: act('relu6', 'tfjs'),
  sigmoid: act('sigmoid', 'tfjs'),
  tanh: act('tanh', 'tfjs'),
  elu: act('elu', 'tfjs'),
  selu: act('selu', 'tfjs'),
  softplus: act('softplus', 'tfjs'),
  logSigmoid: act('logsigmoid', 'tfjs'),
  leakyRelu: act('leaky_relu', 'tfjs', ['alpha'], { rename: { alpha: 'negative_slope' }, defaults: { negative_slope: 0.2 } }),
  softmax: act('softmax', 'tfjs', ['dim'], DIM_AS_AXIS),
  logSoftmax: act('log_softmax', 'tfjs', ['axis']),
}));

/** Keras class names (`class_name` in `model.to_json()`) of activation layers and losses. */
export const KERAS_CLASS_NAMES: ReadonlyMap<string, ApiSpec> = new Map(Object.entries({ ...KERAS_LAYERS, ...KERAS_LOSS_CLASSES }));

/**
 * The activation identifiers TF.js layers accepts (`ActivationIdentifier` in tfjs-layers 4.x plus
 * `logSoftmax`), with the catalog id and parameters each stands for.
 */
export const TFJS_ACTIVATION_NAMES: ReadonlyMap<string, { readonly id: string; readonly params?: Readonly<Record<string, ParamValue>> }> = new Map(Object.entries({
  elu: { id: 'elu' },
  selu: { id: 'selu' },
  relu: { id: 'relu' },
  relu6: { id: 'relu6' },
  linear: { id: 'linear' },
  sigmoid: { id: 'sigmoid' },
  hardSigmoid: { id: 'hardsigmoid' },
  softplus: { id: 'softplus' },
  softsign: { id: 'softsign' },
  tanh: { id: 'tanh' },
  softmax: { id: 'softmax' },
  logSoftmax: { id: 'log_softmax' },
  gelu: { id: 'gelu', params: { approximate: 'none' } },
  gelu_new: { id: 'gelu', params: { approximate: 'tanh' } },
  mish: { id: 'mish' },
  swish: { id: 'silu' },
}));

/** The loss names TF.js `model.compile` accepts (`lossesMap` in tfjs-layers 4.x), with their catalog ids. */
export const TFJS_LOSS_NAMES: ReadonlyMap<string, { readonly id: string }> = new Map(Object.entries({
  meanSquaredError: { id: 'mse' },
  meanAbsoluteError: { id: 'mae' },
  meanAbsolutePercentageError: { id: 'mape' },
  meanSquaredLogarithmicError: { id: 'msle' },
  squaredHinge: { id: 'squared_hinge' },
  hinge: { id: 'hinge' },
  categoricalHinge: { id: 'categorical_hinge' },
  logcosh: { id: 'log_cosh' },
  categoricalCrossentropy: { id: 'categorical_crossentropy' },
  sparseCategoricalCrossentropy: { id: 'sparse_categorical_crossentropy' },
  binaryCrossentropy: { id: 'binary_crossentropy' },
  kullbackLeiblerDivergence: { id: 'kl_divergence' },
  poisson: { id: 'poisson' },
  cosineProximity: { id: 'cosine_similarity' },
}));

/** String names that stand for a function with fixed parameters (Hugging Face and TF.js spellings of tanh-GELU). */
export const STRING_NAME_PARAMS: ReadonlyMap<string, { readonly id: string; readonly params: Readonly<Record<string, ParamValue>> }> = new Map(Object.entries({
  gelu_new: { id: 'gelu', params: { approximate: 'tanh' } },
  gelu_pytorch_tanh: { id: 'gelu', params: { approximate: 'tanh' } },
}));
