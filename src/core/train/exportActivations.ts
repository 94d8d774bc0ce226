/**
 * Activations as PyTorch modules and Keras activation arguments, with their parameters. Where a
 * framework lacks the function (or the parameters), the exporters write it with framework ops.
 */
import type { ResolvedParams } from '../catalog/types';
import { FormulaLensError } from '../l10n';
import type { ActivationConfig } from './config';
import { trainMessages } from './messages';
import { keywordArguments, pythonLiteral } from './python';

function num(params: ResolvedParams, name: string, fallback: number): number {
  const value = params[name];
  return typeof value === 'number' ? value : fallback;
}

const L = pythonLiteral;

/** The activation as a torch.nn module expression; `Lambda(...)` wraps functions torch.nn lacks. */
export function torchActivation(activation: ActivationConfig): { readonly module: string; readonly usesLambda: boolean } {
  const p = activation.params;
  const plain = (module: string) => ({ module, usesLambda: false });
  const lambda = (body: string) => ({ module: `Lambda(lambda x: ${body})`, usesLambda: true });
  switch (activation.id) {
    case 'linear': return plain('nn.Identity()');
    case 'sigmoid': return plain('nn.Sigmoid()');
    case 'tanh': return plain('nn.Tanh()');
    case 'relu': {
      const slope = num(p, 'negative_slope', 0);
      const threshold = num(p, 'threshold', 0);
      const max = p['max_value'];
      if (slope === 0 && threshold === 0 && (max === null || max === undefined)) return plain('nn.ReLU()');
      // Keras relu(x, negative_slope, max_value, threshold).
      const positive = `torch.where(x > ${L(threshold)}, x, torch.zeros_like(x))`;
      const clipped = typeof max === 'number' ? `torch.clamp(${positive}, 0.0, ${L(max)})` : positive;
      return lambda(slope === 0 ? clipped : `${clipped} - ${L(slope)} * torch.relu(${L(threshold)} - x)`);
    }
    case 'leaky_relu': return plain(`nn.LeakyReLU(${keywordArguments({ negative_slope: num(p, 'negative_slope', 0.01) })})`);
    case 'elu': return plain(`nn.ELU(${keywordArguments({ alpha: num(p, 'alpha', 1) })})`);
    case 'celu': return plain(`nn.CELU(${keywordArguments({ alpha: num(p, 'alpha', 1) })})`);
    case 'selu': {
      const alpha = num(p, 'alpha', 1.6732632423543772);
      const scale = num(p, 'scale', 1.0507009873554805);
      if (alpha === 1.6732632423543772 && scale === 1.0507009873554805) return plain('nn.SELU()');
      return lambda(`${L(scale)} * torch.where(x > 0, x, ${L(alpha)} * torch.expm1(x))`);
    }
    case 'gelu': return plain(`nn.GELU(approximate=${L(p['approximate'] === 'tanh' ? 'tanh' : 'none')})`);
    case 'silu': {
      const beta = num(p, 'beta', 1);
      return beta === 1 ? plain('nn.SiLU()') : lambda(`x * torch.sigmoid(${L(beta)} * x)`);
    }
    case 'mish': return plain('nn.Mish()');
    case 'softplus': return plain(`nn.Softplus(${keywordArguments({ beta: num(p, 'beta', 1), threshold: num(p, 'threshold', 20) })})`);
    case 'softsign': return plain('nn.Softsign()');
    case 'hardsigmoid': {
      const slope = num(p, 'slope', 1 / 6);
      const offset = num(p, 'offset', 0.5);
      return slope === 1 / 6 && offset === 0.5 ? plain('nn.Hardsigmoid()') : lambda(`torch.clamp(${L(slope)} * x + ${L(offset)}, 0.0, 1.0)`);
    }
    case 'hardswish': return plain('nn.Hardswish()');
    case 'hardtanh': return plain(`nn.Hardtanh(${keywordArguments({ min_val: num(p, 'min_val', -1), max_val: num(p, 'max_val', 1) })})`);
    case 'relu6': return plain('nn.ReLU6()');
    case 'logsigmoid': return plain('nn.LogSigmoid()');
    case 'tanhshrink': return plain('nn.Tanhshrink()');
    case 'softshrink': return plain(`nn.Softshrink(${keywordArguments({ lambd: num(p, 'lambd', 0.5) })})`);
    case 'hardshrink': return plain(`nn.Hardshrink(${keywordArguments({ lambd: num(p, 'lambd', 0.5) })})`);
    case 'threshold': return plain(`nn.Threshold(${keywordArguments({ threshold: num(p, 'threshold', 0), value: num(p, 'value', 0) })})`);
    case 'exponential': return lambda('torch.exp(x)');
    case 'softmax': return plain('nn.Softmax(dim=-1)');
    case 'log_softmax': return plain('nn.LogSoftmax(dim=-1)');
    default:
      throw new FormulaLensError(trainMessages.exportUnsupported, { name: activation.id, target: 'PyTorch' });
  }
}

/** The activation as the `activation=` argument of a Keras Dense layer: a name, or a lambda over keras ops. */
export function kerasActivation(activation: ActivationConfig): string {
  const p = activation.params;
  const name = (text: string) => L(text);
  const call = (fn: string, args: Record<string, unknown>) => `lambda x: keras.activations.${fn}(x, ${keywordArguments(args)})`;
  switch (activation.id) {
    case 'linear': return name('linear');
    case 'sigmoid': return name('sigmoid');
    case 'tanh': return name('tanh');
    case 'relu': {
      const slope = num(p, 'negative_slope', 0);
      const threshold = num(p, 'threshold', 0);
      const max = p['max_value'];
      if (slope === 0 && threshold === 0 && (max === null || max === undefined)) return name('relu');
      return call('relu', { negative_slope: slope, max_value: typeof max === 'number' ? max : null, threshold });
    }
    case 'leaky_relu': return call('leaky_relu', { negative_slope: num(p, 'negative_slope', 0.2) });
    case 'elu': return num(p, 'alpha', 1) === 1 ? name('elu') : call('elu', { alpha: num(p, 'alpha', 1) });
    case 'celu': return num(p, 'alpha', 1) === 1 ? name('celu') : call('celu', { alpha: num(p, 'alpha', 1) });
    case 'selu': {
      const alpha = num(p, 'alpha', 1.6732632423543772);
      const scale = num(p, 'scale', 1.0507009873554805);
      if (alpha === 1.6732632423543772 && scale === 1.0507009873554805) return name('selu');
      return `lambda x: ${L(scale)} * keras.ops.where(x > 0, x, ${L(alpha)} * keras.ops.expm1(x))`;
    }
    case 'gelu': return p['approximate'] === 'tanh' ? call('gelu', { approximate: true }) : name('gelu');
    case 'silu': {
      const beta = num(p, 'beta', 1);
      return beta === 1 ? name('silu') : `lambda x: x * keras.ops.sigmoid(${L(beta)} * x)`;
    }
    case 'mish': return name('mish');
    case 'softplus': {
      // Keras softplus has no beta; torch's linear regime above the threshold differs by < 2e-9.
      const beta = num(p, 'beta', 1);
      return beta === 1 ? name('softplus') : `lambda x: keras.ops.softplus(${L(beta)} * x) / ${L(beta)}`;
    }
    case 'softsign': return name('softsign');
    case 'hardsigmoid': {
      const slope = num(p, 'slope', 1 / 6);
      const offset = num(p, 'offset', 0.5);
      return slope === 1 / 6 && offset === 0.5 ? name('hard_sigmoid') : `lambda x: keras.ops.clip(${L(slope)} * x + ${L(offset)}, 0.0, 1.0)`;
    }
    case 'hardswish': return name('hard_silu');
    case 'hardtanh': {
      const low = num(p, 'min_val', -1);
      const high = num(p, 'max_val', 1);
      return low === -1 && high === 1 ? name('hard_tanh') : `lambda x: keras.ops.clip(x, ${L(low)}, ${L(high)})`;
    }
    case 'relu6': return name('relu6');
    case 'logsigmoid': return name('log_sigmoid');
    case 'tanhshrink': return name('tanh_shrink');
    case 'softshrink': return call('soft_shrink', { threshold: num(p, 'lambd', 0.5) });
    case 'hardshrink': return call('hard_shrink', { threshold: num(p, 'lambd', 0.5) });
    case 'threshold': return call('threshold', { threshold: num(p, 'threshold', 0), default_value: num(p, 'value', 0) });
    case 'exponential': return name('exponential');
    case 'softmax': return name('softmax');
    case 'log_softmax': return name('log_softmax');
    default:
      throw new FormulaLensError(trainMessages.exportUnsupported, { name: activation.id, target: 'Keras' });
  }
}
