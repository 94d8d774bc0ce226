/**
 * Optimizers against PyTorch's update rules (torch.optim, 1.13, single-tensor path): first a few
 * steps worked out by hand, then longer runs against a literal per-parameter transcription of
 * torch's `_single_tensor_*` functions, on a small parameter vector whose gradients depend on it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mismatch } from './helpers/golden';
import { createOptimizer, OPTIMIZER_DEFAULTS, type OptimizerSettings } from '../../src/core/train/index';

const TOLERANCE = { rtol: 1e-14, atol: 1e-16 };

function close(actual: ArrayLike<number>, expected: number[], label: string): void {
  const problem = mismatch(actual, expected, TOLERANCE);
  assert.equal(problem, null, `${label}: ${problem}`);
}

/** Runs steps with fixed gradients (one list per step) and returns the parameters after each. */
function runFixed(settings: OptimizerSettings, start: number[], grads: number[][]): number[][] {
  const params = Float64Array.from(start);
  const optimizer = createOptimizer(settings, params.length);
  return grads.map((g) => {
    optimizer.step(params, Float64Array.from(g));
    return Array.from(params);
  });
}

test('SGD: plain step is p - lr g', () => {
  const [p1] = runFixed({ ...OPTIMIZER_DEFAULTS.sgd, lr: 0.1 }, [1, -2], [[0.5, -4]]);
  close(p1!, [1 - 0.05, -2 + 0.4], 'p1');
});

test('SGD momentum: the buffer starts as the first gradient, then buf = m buf + (1 - dampening) g', () => {
  const settings = { ...OPTIMIZER_DEFAULTS.sgd, lr: 0.1, momentum: 0.9, dampening: 0.5 };
  const [p1, p2, p3] = runFixed(settings, [1], [[1], [1], [2]]);
  // Step 1: buf = g = 1 (no dampening on the first step). Step 2: buf = 0.9 + 0.5 = 1.4. Step 3: 0.9 * 1.4 + 0.5 * 2 = 2.26.
  close(p1!, [1 - 0.1], 'p1');
  close(p2!, [1 - 0.1 - 0.14], 'p2');
  close(p3!, [1 - 0.1 - 0.14 - 0.226], 'p3');
});

test('SGD Nesterov: the step uses g + m buf', () => {
  const settings = { ...OPTIMIZER_DEFAULTS.sgd, lr: 0.1, momentum: 0.9, nesterov: true };
  const [p1, p2] = runFixed(settings, [0], [[1], [1]]);
  // Step 1: buf = 1, d = 1 + 0.9 = 1.9. Step 2: buf = 1.9, d = 1 + 1.71 = 2.71.
  close(p1!, [-0.19], 'p1');
  close(p2!, [-0.19 - 0.271], 'p2');
});

test('SGD weight decay is added to the gradient before momentum', () => {
  const settings = { ...OPTIMIZER_DEFAULTS.sgd, lr: 0.1, momentum: 0.5, weightDecay: 0.1 };
  const [p1, p2] = runFixed(settings, [2], [[1], [1]]);
  // d1 = 1 + 0.2 = 1.2 -> p1 = 1.88; d2 = 1 + 0.188 = 1.188, buf = 0.6 + 1.188 = 1.788 -> p2 = 1.88 - 0.1788.
  close(p1!, [1.88], 'p1');
  close(p2!, [1.88 - 0.1788], 'p2');
});

test('SGD maximize ascends', () => {
  const [p1] = runFixed({ ...OPTIMIZER_DEFAULTS.sgd, lr: 0.1, maximize: true }, [1], [[2]]);
  close(p1!, [1.2], 'p1');
});

test('Adam: the first step is lr * g / (|g| + eps), eps added after bias-correcting sqrt(v)', () => {
  const settings = { ...OPTIMIZER_DEFAULTS.adam, lr: 0.05 };
  const [p1] = runFixed(settings, [1, 1, 1], [[0.3, -2, 1e-9]]);
  close(p1!, [1 - 0.05 * (0.3 / (0.3 + 1e-8)), 1 + 0.05 * (2 / (2 + 1e-8)), 1 - 0.05 * (1e-9 / (1e-9 + 1e-8))], 'p1');
});

test('Adam: second step with the bias corrections of step 2', () => {
  const settings = { ...OPTIMIZER_DEFAULTS.adam, lr: 0.01, beta1: 0.8, beta2: 0.9, eps: 1e-3 };
  const [, p2] = runFixed(settings, [0], [[1], [3]]);
  const m = 0.8 * 0.2 * 1 + 0.2 * 3;
  const v = 0.9 * 0.1 * 1 + 0.1 * 9;
  const denominator = Math.sqrt(v) / Math.sqrt(1 - 0.81) + 1e-3;
  const p1 = -0.01 * (1 / (1 + 1e-3));
  close(p2!, [p1 - (0.01 / (1 - 0.64)) * (m / denominator)], 'p2');
});

test('Adam weight decay is L2 (added to the gradient); AdamW decays the parameter by lr * wd first', () => {
  const adam = runFixed({ ...OPTIMIZER_DEFAULTS.adam, lr: 0.1, weightDecay: 0.5 }, [2], [[1]]);
  // g = 1 + 0.5 * 2 = 2 -> p1 = 2 - 0.1 * 2 / (2 + eps).
  close(adam[0]!, [2 - 0.1 * (2 / (2 + 1e-8))], 'adam');
  const adamw = runFixed({ ...OPTIMIZER_DEFAULTS.adamw, lr: 0.1, weightDecay: 0.5 }, [2], [[1]]);
  // p = 2 * (1 - 0.05) = 1.9, then the plain Adam step with g = 1.
  close(adamw[0]!, [1.9 - 0.1 * (1 / (1 + 1e-8))], 'adamw');
});

test('Adam amsgrad keeps the largest second moment', () => {
  const settings = { ...OPTIMIZER_DEFAULTS.adam, lr: 0.1, beta1: 0, beta2: 0.5, eps: 0, amsgrad: true };
  const [, p2] = runFixed(settings, [0], [[4], [1]]);
  // v1 = 8, v2 = 4.5; max stays 8. beta1 = 0: m = g, step size lr. denom = sqrt(8) / sqrt(0.75).
  close(p2!, [-0.1 - 0.1 * (1 / (Math.sqrt(8) / Math.sqrt(0.75)))], 'p2');
});

test('RMSprop: v = alpha v + (1 - alpha) g^2, p -= lr g / (sqrt(v) + eps)', () => {
  const settings = { ...OPTIMIZER_DEFAULTS.rmsprop, lr: 0.01, alpha: 0.9, eps: 1e-8 };
  const [p1, p2] = runFixed(settings, [1], [[2], [-1]]);
  const v1 = 0.1 * 4;
  const v2 = 0.9 * v1 + 0.1;
  close(p1!, [1 - 0.01 * (2 / (Math.sqrt(v1) + 1e-8))], 'p1');
  close(p2!, [p1![0]! + 0.01 * (1 / (Math.sqrt(v2) + 1e-8))], 'p2');
});

test('RMSprop centered with momentum: avg = sqrt(v - mean(g)^2) + eps, buf = m buf + g / avg', () => {
  const settings = { ...OPTIMIZER_DEFAULTS.rmsprop, lr: 0.01, alpha: 0.9, eps: 1e-6, momentum: 0.5, centered: true, weightDecay: 0.1 };
  const [p1, p2] = runFixed(settings, [1], [[2], [-1]]);
  // Step 1: g = 2 + 0.1 = 2.1.
  const g1 = 2.1;
  const v1 = 0.1 * g1 * g1;
  const mean1 = 0.1 * g1;
  const buf1 = g1 / (Math.sqrt(v1 - mean1 * mean1) + 1e-6);
  close(p1!, [1 - 0.01 * buf1], 'p1');
  const g2 = -1 + 0.1 * p1![0]!;
  const v2 = 0.9 * v1 + 0.1 * g2 * g2;
  const mean2 = 0.9 * mean1 + 0.1 * g2;
  const buf2 = 0.5 * buf1 + g2 / (Math.sqrt(v2 - mean2 * mean2) + 1e-6);
  close(p2!, [p1![0]! - 0.01 * buf2], 'p2');
});

test('Adagrad: lr / (1 + (t - 1) lr_decay), the sum starts at initial_accumulator_value', () => {
  const settings = { ...OPTIMIZER_DEFAULTS.adagrad, lr: 0.1, lrDecay: 0.5, initialAccumulatorValue: 0.25, eps: 1e-10 };
  const [p1, p2, p3] = runFixed(settings, [0], [[1], [1], [2]]);
  const s1 = 0.25 + 1;
  const s2 = s1 + 1;
  const s3 = s2 + 4;
  close(p1!, [-0.1 * (1 / (Math.sqrt(s1) + 1e-10))], 'p1');
  close(p2!, [p1![0]! - (0.1 / 1.5) * (1 / (Math.sqrt(s2) + 1e-10))], 'p2');
  close(p3!, [p2![0]! - (0.1 / 2) * (2 / (Math.sqrt(s3) + 1e-10))], 'p3');
});

// ---- Longer runs against a literal transcription of torch.optim (1.13, foreach=False). ----

type State = Record<string, number>;

/** torch's per-parameter update functions, written the way torch/optim/*.py writes them. */
const torchStep: Record<string, (p: number, grad: number, state: State, h: Record<string, number | boolean>) => number> = {
  sgd(p, grad, state, h) {
    let d_p = h.maximize ? -grad : grad;
    if (h.weight_decay !== 0) d_p = d_p + (h.weight_decay as number) * p;
    if (h.momentum !== 0) {
      let buf: number;
      if (state.momentum_buffer === undefined) buf = d_p;
      else buf = state.momentum_buffer * (h.momentum as number) + (1 - (h.dampening as number)) * d_p;
      state.momentum_buffer = buf;
      d_p = h.nesterov ? d_p + (h.momentum as number) * buf : buf;
    }
    return p + -(h.lr as number) * d_p;
  },
  adam(p, grad, state, h) {
    const [beta1, beta2, lr, eps, wd] = [h.beta1, h.beta2, h.lr, h.eps, h.weight_decay] as number[];
    state.step = (state.step ?? 0) + 1;
    if (h.decoupled) p = p * (1 - lr! * wd!);
    else if (wd !== 0) grad = grad + wd! * p;
    state.exp_avg = (state.exp_avg ?? 0) * beta1! + (1 - beta1!) * grad;
    state.exp_avg_sq = (state.exp_avg_sq ?? 0) * beta2! + (1 - beta2!) * grad * grad;
    const bias_correction1 = 1 - beta1! ** state.step;
    const bias_correction2 = 1 - beta2! ** state.step;
    const step_size = lr! / bias_correction1;
    let second = state.exp_avg_sq;
    if (h.amsgrad) {
      state.max_exp_avg_sq = Math.max(state.max_exp_avg_sq ?? 0, second);
      second = state.max_exp_avg_sq;
    }
    const denom = Math.sqrt(second) / Math.sqrt(bias_correction2) + eps!;
    return p + -step_size * (state.exp_avg / denom);
  },
  rmsprop(p, grad, state, h) {
    const [alpha, lr, eps, wd, momentum] = [h.alpha, h.lr, h.eps, h.weight_decay, h.momentum] as number[];
    if (wd !== 0) grad = grad + wd! * p;
    state.square_avg = (state.square_avg ?? 0) * alpha! + (1 - alpha!) * grad * grad;
    let avg: number;
    if (h.centered) {
      state.grad_avg = (state.grad_avg ?? 0) * alpha! + (1 - alpha!) * grad;
      avg = Math.sqrt(state.square_avg - state.grad_avg * state.grad_avg) + eps!;
    } else avg = Math.sqrt(state.square_avg) + eps!;
    if (momentum! > 0) {
      state.momentum_buffer = (state.momentum_buffer ?? 0) * momentum! + grad / avg;
      return p + -lr! * state.momentum_buffer;
    }
    return p + -lr! * (grad / avg);
  },
  adagrad(p, grad, state, h) {
    const [lr, lr_decay, wd, eps, init] = [h.lr, h.lr_decay, h.weight_decay, h.eps, h.initial_accumulator_value] as number[];
    state.step = (state.step ?? 0) + 1;
    if (wd !== 0) grad = grad + wd! * p;
    const clr = lr! / (1 + (state.step - 1) * lr_decay!);
    state.sum = (state.sum ?? init!) + grad * grad;
    return p + -clr * (grad / (Math.sqrt(state.sum) + eps!));
  },
};

/** Gradient of a bumpy objective, so every step sees a different gradient that depends on the parameters. */
function gradientAt(p: Float64Array, step: number, out: Float64Array): void {
  for (let i = 0; i < p.length; i++) out[i] = 2 * (p[i]! - 0.3 * i) + Math.sin(3 * p[i]! + step) + (i % 2 === 0 ? 0.05 : -0.02) * step;
}

const longRuns: { label: string; settings: OptimizerSettings; torch: string; h: Record<string, number | boolean> }[] = [
  { label: 'SGD momentum + dampening + weight decay', settings: { ...OPTIMIZER_DEFAULTS.sgd, lr: 0.05, momentum: 0.8, dampening: 0.3, weightDecay: 0.01 }, torch: 'sgd', h: { lr: 0.05, momentum: 0.8, dampening: 0.3, weight_decay: 0.01, nesterov: false } },
  { label: 'SGD Nesterov', settings: { ...OPTIMIZER_DEFAULTS.sgd, lr: 0.05, momentum: 0.9, nesterov: true, weightDecay: 1e-3 }, torch: 'sgd', h: { lr: 0.05, momentum: 0.9, dampening: 0, weight_decay: 1e-3, nesterov: true } },
  { label: 'Adam with L2 weight decay', settings: { ...OPTIMIZER_DEFAULTS.adam, lr: 0.02, beta1: 0.85, beta2: 0.99, eps: 1e-6, weightDecay: 0.05 }, torch: 'adam', h: { lr: 0.02, beta1: 0.85, beta2: 0.99, eps: 1e-6, weight_decay: 0.05, amsgrad: false } },
  { label: 'Adam amsgrad', settings: { ...OPTIMIZER_DEFAULTS.adam, lr: 0.02, amsgrad: true }, torch: 'adam', h: { lr: 0.02, beta1: 0.9, beta2: 0.999, eps: 1e-8, weight_decay: 0, amsgrad: true } },
  { label: 'AdamW', settings: { ...OPTIMIZER_DEFAULTS.adamw, lr: 0.03, weightDecay: 0.1 }, torch: 'adam', h: { lr: 0.03, beta1: 0.9, beta2: 0.999, eps: 1e-8, weight_decay: 0.1, amsgrad: false, decoupled: true } },
  { label: 'RMSprop plain', settings: { ...OPTIMIZER_DEFAULTS.rmsprop, lr: 0.01 }, torch: 'rmsprop', h: { lr: 0.01, alpha: 0.99, eps: 1e-8, weight_decay: 0, momentum: 0, centered: false } },
  { label: 'RMSprop centered + momentum + weight decay', settings: { ...OPTIMIZER_DEFAULTS.rmsprop, lr: 0.01, alpha: 0.95, momentum: 0.7, centered: true, weightDecay: 0.02 }, torch: 'rmsprop', h: { lr: 0.01, alpha: 0.95, eps: 1e-8, weight_decay: 0.02, momentum: 0.7, centered: true } },
  { label: 'Adagrad with lr_decay and an initial accumulator', settings: { ...OPTIMIZER_DEFAULTS.adagrad, lr: 0.1, lrDecay: 0.05, initialAccumulatorValue: 0.1, weightDecay: 0.01 }, torch: 'adagrad', h: { lr: 0.1, lr_decay: 0.05, weight_decay: 0.01, eps: 1e-10, initial_accumulator_value: 0.1 } },
];

for (const run of longRuns) {
  test(`${run.label}: 25 steps match the transcription of torch.optim`, () => {
    const start = [0.9, -1.3, 0.02, 2.5, -0.4, 0];
    const params = Float64Array.from(start);
    const grads = new Float64Array(start.length);
    const optimizer = createOptimizer(run.settings, params.length);
    const expected = [...start];
    const states: State[] = start.map(() => ({}));
    const expectedGrads = new Float64Array(start.length);
    for (let step = 1; step <= 25; step++) {
      gradientAt(params, step, grads);
      optimizer.step(params, grads);
      gradientAt(Float64Array.from(expected), step, expectedGrads);
      for (let i = 0; i < expected.length; i++) expected[i] = torchStep[run.torch]!(expected[i]!, expectedGrads[i]!, states[i]!, run.h);
      close(params, expected, `step ${step}`);
    }
    assert.equal(optimizer.stepCount, 25);
  });
}

test('setLearningRate keeps the state; reset clears it', () => {
  const params = Float64Array.of(1);
  const optimizer = createOptimizer({ ...OPTIMIZER_DEFAULTS.sgd, lr: 0.1, momentum: 0.9 }, 1);
  optimizer.step(params, Float64Array.of(1));
  optimizer.setLearningRate(0.2);
  optimizer.step(params, Float64Array.of(1));
  // buf = 1.9 after the second step, applied with the new rate.
  close(params, [1 - 0.1 - 0.2 * 1.9], 'after lr change');
  optimizer.reset();
  assert.equal(optimizer.stepCount, 0);
  optimizer.step(params, Float64Array.of(1));
  close(params, [1 - 0.1 - 0.38 - 0.2], 'after reset the buffer starts again from the gradient');
});
