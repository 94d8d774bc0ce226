/**
 * A training configuration as a runnable PyTorch script: the data Formula Lens trains on, the
 * nn.Sequential model with its activations, the loss with its parameters, the optimizer with its
 * hyperparameters, L1/L2 penalties and the mini-batch loop.
 */
import type { ResolvedParams } from '../catalog/types';
import type { TrainingConfig } from './config';
import { torchActivation } from './exportActivations';
import { dataDescription, exportSetup, splitRows, type ExportSetup, type ExportWeights } from './exportSetup';
import { lossTakesLogits } from './losses';
import { code, keywordArguments, pythonArray, pythonLiteral as L } from './python';

function num(params: ResolvedParams, name: string, fallback: number): number {
  const value = params[name];
  return typeof value === 'number' ? value : fallback;
}

function tensorList(params: ResolvedParams, name: string): ReturnType<typeof code> | undefined {
  const value = params[name];
  if (value === null || value === undefined) return undefined;
  const flat = Array.isArray(value) ? (value as (number | number[])[]).flat() : [value as number];
  return code(`torch.tensor(${L(flat)})`);
}

interface TorchLoss {
  /** Lines defining `loss_fn`. */
  readonly lines: string[];
  readonly imports: string[];
  /** The model ends with logits: the configured sigmoid/softmax is folded into the loss. */
  readonly logitsOutput: boolean;
}

/** The torch loss for a configuration, with the reduction applied. */
function torchLoss(config: TrainingConfig): TorchLoss {
  const { kind, params, reduction, fused, framework } = config.loss;
  const sum = reduction === 'sum';
  const torchReduction = { reduction: reduction };
  const keras = framework !== 'torch';
  const logits = fused || lossTakesLogits(kind, params, framework);
  // Keras reduces per sample first: a summed loss adds per-sample means.
  const reduce = (elementwise: string) => (sum ? (keras ? `(${elementwise}).mean(dim=-1).sum()` : `(${elementwise}).sum()`) : `(${elementwise}).mean()`);
  const define = (body: string[]) => ['def loss_fn(outputs, targets):', ...body.map((line) => `    ${line}`)];
  const smoothing = num(params, 'label_smoothing', 0);
  switch (kind) {
    case 'mse': return { lines: [`loss_fn = nn.MSELoss(${keywordArguments(torchReduction)})`], imports: [], logitsOutput: false };
    case 'mae': return { lines: [`loss_fn = nn.L1Loss(${keywordArguments(torchReduction)})`], imports: [], logitsOutput: false };
    case 'huber': return { lines: [`loss_fn = nn.HuberLoss(${keywordArguments({ ...torchReduction, delta: num(params, 'delta', 1) })})`], imports: [], logitsOutput: false };
    case 'smooth_l1': return { lines: [`loss_fn = nn.SmoothL1Loss(${keywordArguments({ ...torchReduction, beta: num(params, 'beta', 1) })})`], imports: [], logitsOutput: false };
    case 'log_cosh':
      return {
        lines: ['# Keras log_cosh: x + softplus(-2x) - log(2), x = prediction - target.', ...define(['x = outputs - targets', `return ${reduce('x + F.softplus(-2.0 * x) - math.log(2.0)')}`])],
        imports: [],
        logitsOutput: false,
      };
    case 'hinge':
    case 'squared_hinge': {
      const signs = config.loss.params['label_encoding'] === '0/1' ? '2.0 * targets - 1.0' : 'targets';
      const term = kind === 'hinge' ? 'torch.clamp(1.0 - y * outputs, min=0.0)' : 'torch.clamp(1.0 - y * outputs, min=0.0) ** 2';
      return { lines: [`# Keras ${kind}: labels are -1/1.`, ...define([`y = ${signs}`, `return ${reduce(term)}`])], imports: [], logitsOutput: false };
    }
    case 'bce':
    case 'bce_logits': {
      const weight = tensorList(params, 'weight');
      const smoothed = smoothing > 0 ? `targets * ${L(1 - smoothing)} + ${L(0.5 * smoothing)}` : 'targets';
      const fn = logits ? 'F.binary_cross_entropy_with_logits' : 'F.binary_cross_entropy';
      const args = keywordArguments({ weight, pos_weight: logits ? tensorList(params, 'pos_weight') : undefined, reduction: 'none' });
      const lines = smoothing > 0 || (keras && sum)
        ? define([`return ${reduce(`${fn}(outputs, ${smoothed}, ${args})`)}`])
        : [`loss_fn = ${logits ? 'nn.BCEWithLogitsLoss' : 'nn.BCELoss'}(${keywordArguments({ weight, pos_weight: logits ? tensorList(params, 'pos_weight') : undefined, ...torchReduction })})`];
      return { lines, imports: [], logitsOutput: fused };
    }
    case 'focal': {
      const gamma = num(params, 'gamma', 2);
      const balance = params['apply_class_balancing'] !== false;
      const alpha = balance ? num(params, 'alpha', 0.25) : -1;
      if (logits && !keras) {
        return {
          lines: [`loss_fn = lambda outputs, targets: sigmoid_focal_loss(outputs, targets, ${keywordArguments({ alpha, gamma, reduction })})`],
          imports: ['from torchvision.ops import sigmoid_focal_loss'],
          logitsOutput: false,
        };
      }
      const body = [
        `t = targets * ${L(1 - smoothing)} + ${L(0.5 * smoothing)}`,
        logits ? 'p = torch.sigmoid(outputs)' : 'p = outputs',
        keras ? 'ce = F.binary_cross_entropy(torch.clamp(p, 1e-7, 1.0 - 1e-7), t, reduction="none")' : 'ce = F.binary_cross_entropy(p, t, reduction="none")',
        'p_t = p * t + (1.0 - p) * (1.0 - t)',
        `loss = ce * (1.0 - p_t) ** ${L(gamma)}`,
        ...(alpha >= 0 ? [`loss = (${L(alpha)} * t + ${L(1 - alpha)} * (1.0 - t)) * loss`] : []),
        `return ${reduce('loss')}`,
      ];
      return { lines: [`# Binary focal cross-entropy (${keras ? 'Keras 3' : 'torchvision'} definition).`, ...define(body)], imports: [], logitsOutput: false };
    }
    case 'cce':
    case 'sparse_cce': {
      const weight = keras ? undefined : tensorList(params, 'weight');
      if (logits) {
        const ls = kind === 'sparse_cce' && keras ? 0 : smoothing;
        return { lines: [`loss_fn = nn.CrossEntropyLoss(${keywordArguments({ weight, label_smoothing: ls, ...torchReduction })})`], imports: [], logitsOutput: fused };
      }
      if (!keras) {
        // torch with from_logits=False: log p stands in for log_softmax.
        const targetTerms = kind === 'sparse_cce'
          ? `F.one_hot(targets, outputs.shape[1]).double() * ${L(1 - smoothing)} + ${L(smoothing)} / outputs.shape[1]`
          : `targets * ${L(1 - smoothing)} + ${L(smoothing)} / outputs.shape[1]`;
        const w = weight ? `${weight.python} * ` : '';
        const denominator = kind === 'sparse_cce' && weight && !sum ? `${weight.python}[targets].sum()` : sum ? '1.0' : 'outputs.shape[0]';
        return { lines: define([`t = ${targetTerms}`, `return -(${w}t * torch.log(outputs)).sum() / ${denominator}`]), imports: [], logitsOutput: false };
      }
      // Keras on probabilities: clip to [1e-7, 1 - 1e-7] (categorical renormalizes first).
      const body = kind === 'sparse_cce'
        ? ['p = torch.clamp(outputs, 1e-7, 1.0 - 1e-7)', 'loss = torch.log(p.sum(dim=1)) - torch.log(p.gather(1, targets[:, None])[:, 0])']
        : ['p = torch.clamp(outputs / outputs.sum(dim=1, keepdim=True), 1e-7, 1.0 - 1e-7)', `t = targets * ${L(1 - smoothing)} + ${L(smoothing)} / outputs.shape[1]`, 'loss = -(t * torch.log(p)).sum(dim=1)'];
      return { lines: ['# Keras cross-entropy on probabilities.', ...define([...body, `return loss.${sum ? 'sum' : 'mean'}()`])], imports: [], logitsOutput: false };
    }
    case 'nll':
      return { lines: [`loss_fn = nn.NLLLoss(${keywordArguments({ weight: tensorList(params, 'weight'), ...torchReduction })})`], imports: [], logitsOutput: false };
  }
}

function optimizerLine(config: TrainingConfig): string {
  const o = config.optimizer;
  const common = { lr: o.lr, weight_decay: o.weightDecay, maximize: o.maximize || undefined };
  switch (o.name) {
    case 'sgd':
      return `torch.optim.SGD(model.parameters(), ${keywordArguments({ ...common, momentum: o.momentum, dampening: o.dampening, nesterov: o.nesterov })})`;
    case 'adam':
    case 'adamw':
      return `torch.optim.${o.name === 'adam' ? 'Adam' : 'AdamW'}(model.parameters(), ${keywordArguments({ ...common, betas: code(`(${L(o.beta1)}, ${L(o.beta2)})`), eps: o.eps, amsgrad: o.amsgrad })})`;
    case 'rmsprop':
      return `torch.optim.RMSprop(model.parameters(), ${keywordArguments({ ...common, alpha: o.alpha, eps: o.eps, momentum: o.momentum, centered: o.centered })})`;
    case 'adagrad':
      return `torch.optim.Adagrad(model.parameters(), ${keywordArguments({ ...common, lr_decay: o.lrDecay, initial_accumulator_value: o.initialAccumulatorValue, eps: o.eps })})`;
  }
}

function initializerLines(setup: ExportSetup): string[] {
  if (setup.params) {
    return [
      '# Initial parameters, torch layout: weight[out_features][in_features].',
      `INITIAL_PARAMS = ${JSON.stringify(setup.params.map((p) => ({ weight: p.weight, bias: p.bias })))}`,
      'with torch.no_grad():',
      '    for linear, params in zip(linears, INITIAL_PARAMS):',
      '        linear.weight.copy_(torch.tensor(params["weight"]))',
      '        linear.bias.copy_(torch.tensor(params["bias"]))',
    ];
  }
  const model = setup.config.model;
  const draw = (spec: TrainingConfig['model']['weightInitializer'], target: string): string => {
    const fanIn = 'linear.in_features';
    const fanAverage = '(linear.in_features + linear.out_features)';
    const uniform = (bound: string) => `nn.init.uniform_(${target}, -(${bound}), ${bound})`;
    const normal = (std: string) => `nn.init.normal_(${target}, 0.0, ${std})`;
    switch (spec.name) {
      case 'glorot_uniform': return uniform(`${L(spec.gain ?? 1)} * math.sqrt(6.0 / ${fanAverage})`);
      case 'glorot_normal': return normal(`${L(spec.gain ?? 1)} * math.sqrt(2.0 / ${fanAverage})`);
      case 'he_uniform': return uniform(`${spec.gain === undefined ? 'math.sqrt(2.0)' : L(spec.gain)} * math.sqrt(3.0 / ${fanIn})`);
      case 'he_normal': return normal(`${spec.gain === undefined ? 'math.sqrt(2.0)' : L(spec.gain)} / math.sqrt(${fanIn})`);
      case 'uniform': return `nn.init.uniform_(${target}, ${L(spec.low ?? -0.05)}, ${L(spec.high ?? 0.05)})`;
      case 'normal': return `nn.init.normal_(${target}, ${L(spec.mean ?? 0)}, ${L(spec.std ?? 0.05)})`;
      case 'zeros': return `nn.init.zeros_(${target})`;
      case 'constant': return `nn.init.constant_(${target}, ${L(spec.value ?? 0)})`;
      case 'torch_default': return uniform(`1.0 / math.sqrt(${fanIn})`);
    }
  };
  return [
    `# Initializers: weights ${model.weightInitializer.name}, biases ${model.biasInitializer.name} (fans of nn.Linear; the draws differ from Formula Lens's generator).`,
    'with torch.no_grad():',
    '    for linear in linears:',
    `        ${draw(model.weightInitializer, 'linear.weight')}`,
    `        ${draw(model.biasInitializer, 'linear.bias')}`,
  ];
}

/**
 * Writes a runnable PyTorch script for a configuration (raw or validated). With `weights`, the model
 * starts from them (e.g. trained weights); otherwise from the configuration's initial parameters or initializers.
 */
export function exportPyTorch(rawConfig: unknown, weights?: ExportWeights): string {
  const setup = exportSetup(rawConfig, weights);
  const { config, trainer, sizes } = setup;
  const data = trainer.data;
  const loss = torchLoss(config);
  const layers = [...config.model.layers.map((layer) => layer.activation), config.model.outputActivation];
  const modules: string[] = [];
  let usesLambda = false;
  layers.forEach((activation, l) => {
    modules.push(`nn.Linear(${sizes[l]}, ${sizes[l + 1]})`);
    const last = l === layers.length - 1;
    if (last && loss.logitsOutput) return;
    const { module, usesLambda: lambda } = torchActivation(activation);
    if (activation.id !== 'linear' || !last) modules.push(module);
    usesLambda ||= lambda;
  });
  const train = splitRows(setup, data.train);
  const test = data.test ? splitRows(setup, data.test) : null;
  const targetTensor = (rows: (number | number[])[]) => `torch.tensor(${pythonArray(rows, '    ', setup.indexTargets)}${setup.indexTargets ? ', dtype=torch.long' : ''})`;
  const multiclass = data.classes > 2 || config.task === 'multiclass';
  const rawThreshold = loss.logitsOutput ? 0 : trainer.objective.rawThreshold;
  const targetThreshold = trainer.objective.signedTargets ? 0 : 0.5;
  const { l1, l2 } = config.regularization;
  const describeLayers = [String(sizes[0]), ...layers.map((a, l) => `${sizes[l + 1]} ${a.id}`)].join(' -> ');
  const steps = setup.totalSteps;

  const lines: string[] = [
    '"""A Formula Lens training configuration as a PyTorch script.',
    '',
    `Model:     ${describeLayers}`,
    `Loss:      ${config.loss.id} (${config.loss.framework} semantics, reduction ${config.loss.reduction})`,
    `Optimizer: ${config.optimizer.name}, ${steps} steps of ${setup.batchSize} samples`,
    `Data:      ${dataDescription(config, data.train.rows, data.test?.rows ?? 0)}`,
    '',
    'Run it with python (PyTorch >= 1.13). Generated by Formula Lens.',
    '"""',
    'import math',
    '',
    'import torch',
    'from torch import nn',
    'import torch.nn.functional as F',
    ...loss.imports,
    '',
    `SEED = ${config.seed}`,
    'torch.manual_seed(SEED)',
    'torch.set_default_dtype(torch.float64)',
    '',
    `X_train = torch.tensor(${pythonArray(train.inputs)})`,
    `y_train = ${targetTensor(train.targets)}`,
    ...(test ? [`X_test = torch.tensor(${pythonArray(test.inputs)})`, `y_test = ${targetTensor(test.targets)}`] : []),
    '',
  ];
  if (usesLambda) {
    lines.push(
      'class Lambda(nn.Module):',
      '    """An activation torch.nn does not have, written with torch ops."""',
      '',
      '    def __init__(self, function):',
      '        super().__init__()',
      '        self.function = function',
      '',
      '    def forward(self, x):',
      '        return self.function(x)',
      '',
      '',
    );
  }
  if (loss.logitsOutput) lines.push(`# The ${config.model.outputActivation.id} output is folded into the loss (fused, as Keras on TensorFlow does): the model returns logits.`);
  lines.push('model = nn.Sequential(', ...modules.map((m) => `    ${m},`), ')', 'linears = [m for m in model if isinstance(m, nn.Linear)]', '');
  lines.push(...initializerLines(setup), '');
  if (config.loss.framework !== 'torch') lines.push(`# Formula Lens trained with ${config.loss.framework} semantics for ${config.loss.id}; the lines below follow them where torch differs.`);
  lines.push(...loss.lines, `optimizer = ${optimizerLine(config)}`, '');
  lines.push(
    `L1, L2 = ${L(l1)}, ${L(l2)}  # penalties on the weights (not the biases), added to the loss`,
    '',
    '',
    'def objective(outputs, targets):',
    '    loss = loss_fn(outputs, targets)',
    '    for linear in linears:',
    '        if L1:',
    '            loss = loss + L1 * linear.weight.abs().sum()',
    '        if L2:',
    '            loss = loss + L2 * (linear.weight ** 2).sum()',
    '    return loss',
    '',
    '',
  );
  if (data.classes > 0) {
    lines.push('def accuracy(outputs, targets):');
    if (multiclass) lines.push('    labels = targets if targets.dim() == 1 else targets.argmax(dim=1)', '    return (outputs.argmax(dim=1) == labels).double().mean().item()');
    else lines.push(`    return ((outputs > ${L(rawThreshold)}) == (targets >= ${L(targetThreshold)})).double().mean().item()`);
    lines.push('', '');
  }
  lines.push(
    `BATCH_SIZE = ${setup.batchSize}`,
    `STEPS = ${steps}  # ${trainer.stepsPerEpoch} steps per epoch`,
    `SHUFFLE = ${L(config.shuffle && trainer.stepsPerEpoch > 1)}  # batch order is seeded, but not Formula Lens's order`,
    `DROP_LAST = ${L(config.dropLast)}`,
    'generator = torch.Generator().manual_seed(SEED)',
    '',
    '',
    'def batches():',
    '    count = len(X_train)',
    '    while True:',
    '        order = torch.randperm(count, generator=generator) if SHUFFLE else torch.arange(count)',
    '        for start in range(0, count, BATCH_SIZE):',
    '            index = order[start:start + BATCH_SIZE]',
    '            if DROP_LAST and len(index) < BATCH_SIZE:',
    '                break',
    '            yield index',
    '',
    '',
    'losses = []',
    'for step, index in zip(range(STEPS), batches()):',
    '    optimizer.zero_grad()',
    '    loss = objective(model(X_train[index]), y_train[index])',
    '    loss.backward()',
    '    optimizer.step()',
    '    losses.append(loss.item())',
    '',
    'with torch.no_grad():',
    '    outputs = model(X_train)',
    '    print(f"steps {len(losses)}, first loss {losses[0] if losses else float(\'nan\'):.6f}, final train loss {loss_fn(outputs, y_train).item():.6f}")',
  );
  if (data.classes > 0) lines.push('    print(f"train accuracy {accuracy(outputs, y_train):.4f}")');
  if (test) {
    lines.push('    test_outputs = model(X_test)', '    print(f"test loss {loss_fn(test_outputs, y_test).item():.6f}")');
    if (data.classes > 0) lines.push('    print(f"test accuracy {accuracy(test_outputs, y_test):.4f}")');
  }
  return `${lines.join('\n')}\n`;
}
