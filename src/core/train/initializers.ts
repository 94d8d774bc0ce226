/**
 * Weight initializers with torch.nn.init / Keras semantics, drawn from the trainer's seeded generator.
 * Fans follow nn.Linear: fan_in = input features, fan_out = units.
 */
import type { Random } from './random';

/** Initializer names (Keras spelling; torch names are accepted as aliases by the config). */
export type InitializerName = 'glorot_uniform' | 'glorot_normal' | 'he_uniform' | 'he_normal' | 'uniform' | 'normal' | 'zeros' | 'constant' | 'torch_default';

/** Every initializer, in display order. */
export const INITIALIZER_NAMES: readonly InitializerName[] = ['glorot_uniform', 'glorot_normal', 'he_uniform', 'he_normal', 'uniform', 'normal', 'zeros', 'constant', 'torch_default'];

/** Other spellings users write. */
export const INITIALIZER_ALIASES: Readonly<Record<string, InitializerName>> = {
  xavier_uniform: 'glorot_uniform',
  xavier_normal: 'glorot_normal',
  kaiming_uniform: 'he_uniform',
  kaiming_normal: 'he_normal',
  random_uniform: 'uniform',
  random_normal: 'normal',
  zero: 'zeros',
  default: 'torch_default',
  pytorch: 'torch_default',
  torch: 'torch_default',
};

/** An initializer with its settings. */
export interface InitializerSpec {
  readonly name: InitializerName;
  /** Scale factor of glorot/he (torch `gain`; he defaults to sqrt(2), the ReLU gain). */
  readonly gain?: number;
  /** `uniform` bounds (Keras RandomUniform defaults -0.05, 0.05). */
  readonly low?: number;
  readonly high?: number;
  /** `normal` mean and standard deviation (Keras RandomNormal defaults 0, 0.05). */
  readonly mean?: number;
  readonly std?: number;
  /** `constant` value. */
  readonly value?: number;
}

/** Fills `target` with initial values for a layer with the given fans. */
export function initialize(spec: InitializerSpec, target: Float64Array, fanIn: number, fanOut: number, random: Random): void {
  switch (spec.name) {
    case 'glorot_uniform': {
      const limit = (spec.gain ?? 1) * Math.sqrt(6 / (fanIn + fanOut));
      for (let i = 0; i < target.length; i++) target[i] = random.uniform(-limit, limit);
      return;
    }
    case 'glorot_normal': {
      const std = (spec.gain ?? 1) * Math.sqrt(2 / (fanIn + fanOut));
      for (let i = 0; i < target.length; i++) target[i] = random.normal(0, std);
      return;
    }
    case 'he_uniform': {
      const limit = (spec.gain ?? Math.SQRT2) * Math.sqrt(3 / fanIn);
      for (let i = 0; i < target.length; i++) target[i] = random.uniform(-limit, limit);
      return;
    }
    case 'he_normal': {
      const std = (spec.gain ?? Math.SQRT2) / Math.sqrt(fanIn);
      for (let i = 0; i < target.length; i++) target[i] = random.normal(0, std);
      return;
    }
    case 'uniform': {
      const low = spec.low ?? -0.05;
      const high = spec.high ?? 0.05;
      for (let i = 0; i < target.length; i++) target[i] = random.uniform(low, high);
      return;
    }
    case 'normal': {
      const mean = spec.mean ?? 0;
      const std = spec.std ?? 0.05;
      for (let i = 0; i < target.length; i++) target[i] = random.normal(mean, std);
      return;
    }
    case 'zeros':
      target.fill(0);
      return;
    case 'constant':
      target.fill(spec.value ?? 0);
      return;
    case 'torch_default': {
      // nn.Linear.reset_parameters: kaiming_uniform_(a=sqrt(5)) gives bound 1/sqrt(fan_in), and the same bound for the bias.
      const bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
      for (let i = 0; i < target.length; i++) target[i] = random.uniform(-bound, bound);
      return;
    }
  }
}
