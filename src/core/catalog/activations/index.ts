/** Every catalog activation, in display order. */
import { withTfjsActivationRange } from '../tfjsRange';
import type { ActivationEntry } from '../types';
import { celu } from './celu';
import { elu } from './elu';
import { exponential } from './exponential';
import { gelu } from './gelu';
import { glu } from './glu';
import { hardShrink } from './hardShrink';
import { hardSigmoid } from './hardSigmoid';
import { hardSwish } from './hardSwish';
import { hardTanh } from './hardTanh';
import { leakyRelu } from './leakyRelu';
import { linear } from './linear';
import { logSigmoid } from './logSigmoid';
import { logSoftmax } from './logSoftmax';
import { mish } from './mish';
import { prelu } from './prelu';
import { relu } from './relu';
import { relu6 } from './relu6';
import { selu } from './selu';
import { sigmoid } from './sigmoid';
import { silu } from './silu';
import { softmax } from './softmax';
import { softplus } from './softplus';
import { softShrink } from './softShrink';
import { softsign } from './softsign';
import { tanh } from './tanh';
import { tanhShrink } from './tanhShrink';
import { threshold } from './threshold';

/** Every activation, with TF.js-profile results kept in the float32 range. */
export const ACTIVATIONS: readonly ActivationEntry[] = [
  sigmoid,
  tanh,
  relu,
  leakyRelu,
  prelu,
  elu,
  selu,
  celu,
  gelu,
  silu,
  mish,
  softplus,
  softsign,
  hardSigmoid,
  hardSwish,
  hardTanh,
  relu6,
  logSigmoid,
  tanhShrink,
  softShrink,
  hardShrink,
  threshold,
  exponential,
  linear,
  softmax,
  logSoftmax,
  glu,
].map(withTfjsActivationRange);
