/**
 * Optimizers with PyTorch's exact update rules (torch.optim, single-tensor code path, 1.13),
 * applied to one flat parameter vector. Every rule is elementwise, so a flat vector gives the same
 * numbers as torch's per-tensor loops. State buffers are allocated once, in `createOptimizer`.
 */

/** Optimizer names (torch.optim classes, lower-cased). */
export type OptimizerName = 'sgd' | 'adam' | 'adamw' | 'rmsprop' | 'adagrad';

/** Every optimizer, in display order. */
export const OPTIMIZER_NAMES: readonly OptimizerName[] = ['sgd', 'adam', 'adamw', 'rmsprop', 'adagrad'];

/** torch.optim.SGD hyperparameters. */
export interface SgdSettings {
  readonly name: 'sgd';
  readonly lr: number;
  readonly momentum: number;
  readonly dampening: number;
  readonly weightDecay: number;
  readonly nesterov: boolean;
  readonly maximize: boolean;
}

/** torch.optim.Adam / AdamW hyperparameters (AdamW decays decoupled from the gradient). */
export interface AdamSettings {
  readonly name: 'adam' | 'adamw';
  readonly lr: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly eps: number;
  readonly weightDecay: number;
  readonly amsgrad: boolean;
  readonly maximize: boolean;
}

/** torch.optim.RMSprop hyperparameters. */
export interface RmspropSettings {
  readonly name: 'rmsprop';
  readonly lr: number;
  readonly alpha: number;
  readonly eps: number;
  readonly weightDecay: number;
  readonly momentum: number;
  readonly centered: boolean;
  readonly maximize: boolean;
}

/** torch.optim.Adagrad hyperparameters. */
export interface AdagradSettings {
  readonly name: 'adagrad';
  readonly lr: number;
  readonly lrDecay: number;
  readonly weightDecay: number;
  readonly initialAccumulatorValue: number;
  readonly eps: number;
  readonly maximize: boolean;
}

/** Hyperparameters of any optimizer. */
export type OptimizerSettings = SgdSettings | AdamSettings | RmspropSettings | AdagradSettings;

/** The settings type of one optimizer. */
export type SettingsOf<K extends OptimizerName> = OptimizerSettings & { readonly name: K };

/** torch's defaults (SGD has no default learning rate in torch; 0.01 is the playground's). */
export const OPTIMIZER_DEFAULTS: { readonly [K in OptimizerName]: SettingsOf<K> } = {
  sgd: { name: 'sgd', lr: 0.01, momentum: 0, dampening: 0, weightDecay: 0, nesterov: false, maximize: false },
  adam: { name: 'adam', lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0, amsgrad: false, maximize: false },
  adamw: { name: 'adamw', lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 1e-2, amsgrad: false, maximize: false },
  rmsprop: { name: 'rmsprop', lr: 1e-2, alpha: 0.99, eps: 1e-8, weightDecay: 0, momentum: 0, centered: false, maximize: false },
  adagrad: { name: 'adagrad', lr: 1e-2, lrDecay: 0, weightDecay: 0, initialAccumulatorValue: 0, eps: 1e-10, maximize: false },
};

/** An optimizer bound to a parameter vector of fixed size. */
export interface Optimizer {
  readonly settings: OptimizerSettings;
  /** Updates taken so far (torch's `state['step']`). */
  readonly stepCount: number;
  /** Applies one update to `params` in place from `grads` (which it does not modify). */
  step(params: Float64Array, grads: Float64Array): void;
  /** Changes the learning rate between steps (the playground's live control), keeping the state. */
  setLearningRate(lr: number): void;
  /** Clears the state (momentum buffers, moments, step count). */
  reset(): void;
}

/** Creates an optimizer for `size` parameters; all state buffers are allocated here. */
export function createOptimizer(settings: OptimizerSettings, size: number): Optimizer {
  switch (settings.name) {
    case 'sgd':
      return new Sgd(settings, size);
    case 'adam':
    case 'adamw':
      return new Adam(settings, size);
    case 'rmsprop':
      return new Rmsprop(settings, size);
    case 'adagrad':
      return new Adagrad(settings, size);
    default: {
      const unreachable: never = settings;
      throw new Error(`unknown optimizer ${String(unreachable)}`);
    }
  }
}

abstract class BaseOptimizer<S extends OptimizerSettings> implements Optimizer {
  stepCount = 0;
  constructor(public settings: S) {}
  abstract step(params: Float64Array, grads: Float64Array): void;
  abstract reset(): void;
  setLearningRate(lr: number): void {
    this.settings = { ...this.settings, lr };
  }
}

/** torch.optim.SGD: the momentum buffer starts as a copy of the first (decayed) gradient. */
class Sgd extends BaseOptimizer<SgdSettings> {
  private readonly buffer: Float64Array;
  constructor(settings: SgdSettings, size: number) {
    super(settings);
    this.buffer = new Float64Array(size);
  }
  step(params: Float64Array, grads: Float64Array): void {
    const { lr, momentum, dampening, weightDecay, nesterov, maximize } = this.settings;
    const first = this.stepCount === 0;
    const buffer = this.buffer;
    for (let i = 0; i < params.length; i++) {
      let g = maximize ? -grads[i]! : grads[i]!;
      if (weightDecay !== 0) g = g + weightDecay * params[i]!;
      if (momentum !== 0) {
        const b = first ? g : buffer[i]! * momentum + (1 - dampening) * g;
        buffer[i] = b;
        g = nesterov ? g + momentum * b : b;
      }
      params[i] = params[i]! + -lr * g;
    }
    this.stepCount++;
  }
  reset(): void {
    this.buffer.fill(0);
    this.stepCount = 0;
  }
}

/** torch.optim.Adam and AdamW: eps is added after dividing sqrt(v) by sqrt(1 - beta2^t). */
class Adam extends BaseOptimizer<AdamSettings> {
  private readonly m: Float64Array;
  private readonly v: Float64Array;
  private readonly vMax: Float64Array;
  constructor(settings: AdamSettings, size: number) {
    super(settings);
    this.m = new Float64Array(size);
    this.v = new Float64Array(size);
    this.vMax = new Float64Array(settings.amsgrad ? size : 0);
  }
  step(params: Float64Array, grads: Float64Array): void {
    const { lr, beta1, beta2, eps, weightDecay, amsgrad, maximize, name } = this.settings;
    const t = ++this.stepCount;
    const stepSize = lr / (1 - Math.pow(beta1, t));
    const biasCorrection2Sqrt = Math.sqrt(1 - Math.pow(beta2, t));
    const decoupled = name === 'adamw';
    const decayFactor = 1 - lr * weightDecay;
    const { m, v, vMax } = this;
    for (let i = 0; i < params.length; i++) {
      let g = maximize ? -grads[i]! : grads[i]!;
      let p = params[i]!;
      if (decoupled) p = p * decayFactor;
      else if (weightDecay !== 0) g = g + weightDecay * p;
      const mi = m[i]! * beta1 + (1 - beta1) * g;
      const vi = v[i]! * beta2 + (1 - beta2) * g * g;
      m[i] = mi;
      v[i] = vi;
      let second = vi;
      if (amsgrad) {
        second = Math.max(vMax[i]!, vi);
        vMax[i] = second;
      }
      const denom = Math.sqrt(second) / biasCorrection2Sqrt + eps;
      params[i] = p + -stepSize * (mi / denom);
    }
  }
  reset(): void {
    this.m.fill(0);
    this.v.fill(0);
    this.vMax.fill(0);
    this.stepCount = 0;
  }
}

/** torch.optim.RMSprop, optionally centered and with a momentum buffer (starting at zero). */
class Rmsprop extends BaseOptimizer<RmspropSettings> {
  private readonly squareAvg: Float64Array;
  private readonly gradAvg: Float64Array;
  private readonly buffer: Float64Array;
  constructor(settings: RmspropSettings, size: number) {
    super(settings);
    this.squareAvg = new Float64Array(size);
    this.gradAvg = new Float64Array(size);
    this.buffer = new Float64Array(size);
  }
  step(params: Float64Array, grads: Float64Array): void {
    const { lr, alpha, eps, weightDecay, momentum, centered, maximize } = this.settings;
    const { squareAvg, gradAvg, buffer } = this;
    for (let i = 0; i < params.length; i++) {
      let g = maximize ? -grads[i]! : grads[i]!;
      if (weightDecay !== 0) g = g + weightDecay * params[i]!;
      const sq = squareAvg[i]! * alpha + (1 - alpha) * g * g;
      squareAvg[i] = sq;
      let avg: number;
      if (centered) {
        const ga = gradAvg[i]! * alpha + (1 - alpha) * g;
        gradAvg[i] = ga;
        avg = Math.sqrt(sq + -1 * ga * ga) + eps;
      } else {
        avg = Math.sqrt(sq) + eps;
      }
      if (momentum > 0) {
        const b = buffer[i]! * momentum + g / avg;
        buffer[i] = b;
        params[i] = params[i]! + -lr * b;
      } else {
        params[i] = params[i]! + -lr * (g / avg);
      }
    }
    this.stepCount++;
  }
  reset(): void {
    this.squareAvg.fill(0);
    this.gradAvg.fill(0);
    this.buffer.fill(0);
    this.stepCount = 0;
  }
}

/** torch.optim.Adagrad: the step size is lr / (1 + (t - 1) * lr_decay). */
class Adagrad extends BaseOptimizer<AdagradSettings> {
  private readonly sum: Float64Array;
  constructor(settings: AdagradSettings, size: number) {
    super(settings);
    this.sum = new Float64Array(size).fill(settings.initialAccumulatorValue);
  }
  step(params: Float64Array, grads: Float64Array): void {
    const { lr, lrDecay, weightDecay, eps, maximize } = this.settings;
    const t = ++this.stepCount;
    const clr = lr / (1 + (t - 1) * lrDecay);
    const sum = this.sum;
    for (let i = 0; i < params.length; i++) {
      let g = maximize ? -grads[i]! : grads[i]!;
      if (weightDecay !== 0) g = g + weightDecay * params[i]!;
      const s = sum[i]! + g * g;
      sum[i] = s;
      params[i] = params[i]! + -clr * (g / (Math.sqrt(s) + eps));
    }
  }
  reset(): void {
    this.sum.fill(this.settings.initialAccumulatorValue);
    this.stepCount = 0;
  }
}
