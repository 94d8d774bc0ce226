/** Framework notes several losses share: how reductions differ, and what a profile without the loss uses. */
import type { FrameworkNote } from '../types';

/** torch reduces every element; Keras/TF.js average each sample over the last axis first. */
export const elementwiseReductionNote: FrameworkNote = {
  frameworks: ['torch', 'keras', 'tfjs'],
  text: {
    en: 'Reductions differ: torch `none` keeps every element, `mean` averages all elements and `sum` adds them. Keras and TF.js first average each sample over the last axis, so `none` gives one value per sample (a scalar for 1-D input) and `sum` on a [N, C] input equals torch `sum` / C.',
    'zh-cn': '归约方式不同：torch 的 `none` 保留每个元素，`mean` 对全部元素求平均，`sum` 求和。Keras 和 TF.js 先在最后一个轴上对每个样本求平均，因此 `none` 每个样本给出一个值（一维输入得到标量），[N, C] 输入上的 `sum` 等于 torch `sum` / C。',
  },
};

/** Per-sample losses reduce the same way everywhere. */
export const perSampleReductionNote: FrameworkNote = {
  frameworks: ['torch', 'keras', 'tfjs'],
  text: {
    en: 'The loss is one value per sample (row); `none` returns them, `mean` averages them and `sum` adds them. A 1-D input is a single sample, so `none` gives a scalar.',
    'zh-cn': '损失为每个样本（行）一个值；`none` 返回这些值，`mean` 求平均，`sum` 求和。一维输入视为单个样本，因此 `none` 得到标量。',
  },
};

/** A Keras/TF.js loss evaluated under the torch profile. */
export const kerasOnlyNote: FrameworkNote = {
  frameworks: ['torch'],
  text: {
    en: 'PyTorch has no built-in version of this loss; under the torch profile Formula Lens evaluates the Keras 3 definition and reduction.',
    'zh-cn': 'PyTorch 没有内置此损失；在 torch 配置下，Formula Lens 使用 Keras 3 的定义和归约方式计算。',
  },
};

/** A torch loss evaluated under the Keras or TF.js profile. */
export const torchOnlyNote: FrameworkNote = {
  frameworks: ['keras', 'tfjs'],
  text: {
    en: 'Keras and TF.js have no built-in version of this loss; under their profiles Formula Lens evaluates the torch definition and reduction.',
    'zh-cn': 'Keras 和 TF.js 没有内置此损失；在它们的配置下，Formula Lens 使用 torch 的定义和归约方式计算。',
  },
};

/** TF.js computes in float32, which moves the upper clip bound. */
export const tfjsFloat32ClipNote: FrameworkNote = {
  frameworks: ['tfjs', 'keras'],
  text: {
    en: 'TF.js tensors are float32, so the clip bound 1 − 1e-7 is stored as 0.99999988: the TF.js profile caps −log(1 − p) at 15.94 while −log(p) caps at 16.12. The Keras profile computes in float64 (as Keras with floatx float64); float32 Keras behaves like TF.js here.',
    'zh-cn': 'TF.js 张量为 float32，截断上界 1 − 1e-7 实际存为 0.99999988：TF.js 配置下 −log(1 − p) 最多为 15.94，而 −log(p) 最多为 16.12。Keras 配置按 float64 计算（相当于 floatx 为 float64 的 Keras）；float32 的 Keras 在这里与 TF.js 相同。',
  },
};
