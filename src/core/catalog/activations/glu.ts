/** The gated linear unit: a ⊙ σ(b) for the two halves of an axis. */
import { FormulaLensError } from '../../l10n';
import { sigmoid } from '../../kernels/stableMath';
import { numberValue } from './paramValues';
import type { ActivationEntry, ActivationOptions, ActivationResult } from '../types';
import type { Tensor } from '../../tensor';
import { sliceLayout, upstreamData, type SliceLayout } from './axis';
import { activationMessages } from './messages';

const ID = 'glu';

/** Input and output layouts: slice s of the input holds a (first half) then b; the output holds a ⊙ σ(b). */
function layoutsOf(input: Tensor, options: ActivationOptions): { input: SliceLayout; output: SliceLayout; outputShape: number[] } {
  if (input.shape.length === 0) throw new FormulaLensError(activationMessages.needsAxis, { function: ID });
  const axis = numberValue(options.params, 'axis', -1);
  const inputLayout = sliceLayout(ID, input.shape, axis);
  if (inputLayout.length % 2 !== 0) {
    throw new FormulaLensError(activationMessages.gluOddSize, { function: ID, axis, size: inputLayout.length });
  }
  const outputShape = [...input.shape];
  outputShape[inputLayout.axis] = inputLayout.length / 2;
  return { input: inputLayout, output: sliceLayout(ID, outputShape, axis), outputShape };
}

function evaluate(input: Tensor, options: ActivationOptions): ActivationResult {
  const layouts = layoutsOf(input, options);
  const { count, stride, startStep } = layouts.input;
  const half = layouts.output.length;
  const out = layouts.output;
  const x = input.data;
  const value = new Float64Array(half * count);
  const grad = new Float64Array(x.length);
  const upstream = upstreamData(ID, options.upstream, layouts.outputShape);
  for (let s = 0; s < count; s++) {
    const base = s * startStep;
    const outBase = s * out.startStep;
    for (let k = 0; k < half; k++) {
      const ia = base + k * stride;
      const ib = base + (k + half) * stride;
      const io = outBase + k * out.stride;
      const a = x[ia]!;
      const gate = sigmoid(x[ib]!);
      const u = upstream[io]!;
      value[io] = a * gate;
      grad[ia] = u * gate;
      grad[ib] = u * a * gate * sigmoid(-x[ib]!);
    }
  }
  return { value: { shape: layouts.outputShape, data: value }, grad: { shape: [...input.shape], data: grad } };
}

function jacobian(input: Tensor, options: ActivationOptions): Tensor[] {
  const layouts = layoutsOf(input, options);
  const { count, length, stride, startStep } = layouts.input;
  const half = layouts.output.length;
  const x = input.data;
  const result: Tensor[] = [];
  for (let s = 0; s < count; s++) {
    const base = s * startStep;
    // Output i depends only on aᵢ (column i) and bᵢ (column half + i).
    const matrix = new Float64Array(half * length);
    for (let i = 0; i < half; i++) {
      const a = x[base + i * stride]!;
      const b = x[base + (i + half) * stride]!;
      const gate = sigmoid(b);
      matrix[i * length + i] = gate;
      matrix[i * length + half + i] = a * gate * sigmoid(-b);
    }
    result.push({ shape: [half, length], data: matrix });
  }
  return result;
}

/** GLU: a ⊙ σ(b) where [a, b] are the halves of the input along an axis. */
export const glu: ActivationEntry = {
  kind: 'activation',
  id: ID,
  title: 'GLU',
  aliases: ['gated_linear_unit'],
  names: {
    torch: ['nn.GLU', 'torch.nn.GLU', 'F.glu', 'torch.nn.functional.glu'],
    keras: ['glu', 'keras.activations.glu', 'keras.ops.glu'],
  },
  frameworks: ['torch', 'keras'],
  params: [
    {
      name: 'axis',
      type: 'integer',
      default: -1,
      frameworkNames: { torch: ['dim'] },
      description: {
        en: 'Axis split into the halves a and b (PyTorch: dim); its size must be even.',
        'zh-cn': '拆分成 a、b 两半的轴（PyTorch 中为 dim）；该维大小必须是偶数。',
      },
    },
  ],
  description: {
    en: 'Gated linear unit: splits the input into halves a and b along an axis and returns a ⊙ σ(b), so the output is half the size. Used in gated CNNs and, with other gates (GEGLU, SwiGLU), in Transformer feed-forward blocks.',
    'zh-cn': '门控线性单元：沿某个轴把输入对半拆成 a、b，返回 a ⊙ σ(b)，输出大小减半。用于门控卷积网络，其变体（GEGLU、SwiGLU）用于 Transformer 的前馈层。',
  },
  formula: {
    latex: '\\mathrm{GLU}(a, b) = a \\odot \\sigma(b)',
    text: 'GLU(a, b) = a ⊙ σ(b), [a, b] = split(x, 2, axis)',
    derivativeLatex: '\\frac{\\partial}{\\partial a} = \\sigma(b), \\qquad \\frac{\\partial}{\\partial b} = a\\,\\sigma(b)\\,\\bigl(1 - \\sigma(b)\\bigr)',
    derivativeText: '∂/∂a = σ(b),  ∂/∂b = a·σ(b)·(1 − σ(b))',
  },
  range: '(−∞, ∞)',
  notes: [
    {
      frameworks: ['torch', 'keras'],
      text: {
        en: 'PyTorch GLU(dim=−1) and Keras glu(axis=−1) agree; the split axis must have an even size. TF.js has no GLU.',
        'zh-cn': 'PyTorch 的 GLU(dim=−1) 与 Keras 的 glu(axis=−1) 一致；被拆分的轴大小必须是偶数。TF.js 没有 GLU。',
      },
    },
  ],
  evaluate,
  jacobian,
};
