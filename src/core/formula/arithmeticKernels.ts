/**
 * The arithmetic block kernels of formula programs: out[i] = a[i] op b[i], a[i] op c, c op a[i], −a[i],
 * a[i]², a[i]. Each runs over a block already in cache, so the loop itself is the cost: V8 checks bounds
 * and interrupts on every iteration. Unrolled by four, a pass costs about two thirds of the plain loop.
 * Every kernel is written out (no shared helper taking the operation) so each stays monomorphic, and
 * each element is computed exactly as in the plain loop (same operation, same order), so `out` may be
 * `a` or `b`.
 */
import type { BinaryKernel, UnaryKernel } from './functions';
import type { BinaryOperator } from './tree';

/** out[i] = f(a[i], c) or f(c, a[i]) with a compile-time constant c. */
export type ScalarKernel = (a: Float64Array, c: number, out: Float64Array, n: number) => void;

/** Register-op-register kernels. */
export const BINARY_KERNELS: Readonly<Record<BinaryOperator, BinaryKernel>> = {
  '+': (a, b, o, n) => {
    let i = 0;
    for (; i + 3 < n; i += 4) {
      o[i] = a[i] + b[i];
      o[i + 1] = a[i + 1] + b[i + 1];
      o[i + 2] = a[i + 2] + b[i + 2];
      o[i + 3] = a[i + 3] + b[i + 3];
    }
    for (; i < n; i++) o[i] = a[i] + b[i];
  },
  '-': (a, b, o, n) => {
    let i = 0;
    for (; i + 3 < n; i += 4) {
      o[i] = a[i] - b[i];
      o[i + 1] = a[i + 1] - b[i + 1];
      o[i + 2] = a[i + 2] - b[i + 2];
      o[i + 3] = a[i + 3] - b[i + 3];
    }
    for (; i < n; i++) o[i] = a[i] - b[i];
  },
  '*': (a, b, o, n) => {
    let i = 0;
    for (; i + 3 < n; i += 4) {
      o[i] = a[i] * b[i];
      o[i + 1] = a[i + 1] * b[i + 1];
      o[i + 2] = a[i + 2] * b[i + 2];
      o[i + 3] = a[i + 3] * b[i + 3];
    }
    for (; i < n; i++) o[i] = a[i] * b[i];
  },
  '/': (a, b, o, n) => {
    let i = 0;
    for (; i + 3 < n; i += 4) {
      o[i] = a[i] / b[i];
      o[i + 1] = a[i + 1] / b[i + 1];
      o[i + 2] = a[i + 2] / b[i + 2];
      o[i + 3] = a[i + 3] / b[i + 3];
    }
    for (; i < n; i++) o[i] = a[i] / b[i];
  },
  '^': (a, b, o, n) => { for (let i = 0; i < n; i++) o[i] = Math.pow(a[i], b[i]); },
};

/** Register-op-constant kernels (x + c, x * c...). */
export const RIGHT_CONSTANT_KERNELS: Readonly<Record<BinaryOperator, ScalarKernel>> = {
  '+': (a, c, o, n) => {
    let i = 0;
    for (; i + 3 < n; i += 4) {
      o[i] = a[i] + c;
      o[i + 1] = a[i + 1] + c;
      o[i + 2] = a[i + 2] + c;
      o[i + 3] = a[i + 3] + c;
    }
    for (; i < n; i++) o[i] = a[i] + c;
  },
  '-': (a, c, o, n) => {
    let i = 0;
    for (; i + 3 < n; i += 4) {
      o[i] = a[i] - c;
      o[i + 1] = a[i + 1] - c;
      o[i + 2] = a[i + 2] - c;
      o[i + 3] = a[i + 3] - c;
    }
    for (; i < n; i++) o[i] = a[i] - c;
  },
  '*': (a, c, o, n) => {
    let i = 0;
    for (; i + 3 < n; i += 4) {
      o[i] = a[i] * c;
      o[i + 1] = a[i + 1] * c;
      o[i + 2] = a[i + 2] * c;
      o[i + 3] = a[i + 3] * c;
    }
    for (; i < n; i++) o[i] = a[i] * c;
  },
  '/': (a, c, o, n) => {
    let i = 0;
    for (; i + 3 < n; i += 4) {
      o[i] = a[i] / c;
      o[i + 1] = a[i + 1] / c;
      o[i + 2] = a[i + 2] / c;
      o[i + 3] = a[i + 3] / c;
    }
    for (; i < n; i++) o[i] = a[i] / c;
  },
  '^': (a, c, o, n) => { for (let i = 0; i < n; i++) o[i] = Math.pow(a[i], c); },
};

/** Constant-op-register kernels (c - x, c / x...). */
export const LEFT_CONSTANT_KERNELS: Readonly<Record<BinaryOperator, ScalarKernel>> = {
  '+': (a, c, o, n) => {
    let i = 0;
    for (; i + 3 < n; i += 4) {
      o[i] = c + a[i];
      o[i + 1] = c + a[i + 1];
      o[i + 2] = c + a[i + 2];
      o[i + 3] = c + a[i + 3];
    }
    for (; i < n; i++) o[i] = c + a[i];
  },
  '-': (a, c, o, n) => {
    let i = 0;
    for (; i + 3 < n; i += 4) {
      o[i] = c - a[i];
      o[i + 1] = c - a[i + 1];
      o[i + 2] = c - a[i + 2];
      o[i + 3] = c - a[i + 3];
    }
    for (; i < n; i++) o[i] = c - a[i];
  },
  '*': (a, c, o, n) => {
    let i = 0;
    for (; i + 3 < n; i += 4) {
      o[i] = c * a[i];
      o[i + 1] = c * a[i + 1];
      o[i + 2] = c * a[i + 2];
      o[i + 3] = c * a[i + 3];
    }
    for (; i < n; i++) o[i] = c * a[i];
  },
  '/': (a, c, o, n) => {
    let i = 0;
    for (; i + 3 < n; i += 4) {
      o[i] = c / a[i];
      o[i + 1] = c / a[i + 1];
      o[i + 2] = c / a[i + 2];
      o[i + 3] = c / a[i + 3];
    }
    for (; i < n; i++) o[i] = c / a[i];
  },
  '^': (a, c, o, n) => { for (let i = 0; i < n; i++) o[i] = Math.pow(c, a[i]); },
};

/** out[i] = −a[i]. */
export const negateKernel: UnaryKernel = (a, o, n) => {
    let i = 0;
    for (; i + 3 < n; i += 4) {
      o[i] = -a[i];
      o[i + 1] = -a[i + 1];
      o[i + 2] = -a[i + 2];
      o[i + 3] = -a[i + 3];
    }
    for (; i < n; i++) o[i] = -a[i];
  };

/** out[i] = a[i] · a[i] (x^2, exact like Math.pow(x, 2)). */
export const squareKernel: UnaryKernel = (a, o, n) => {
    let i = 0;
    for (; i + 3 < n; i += 4) {
      o[i] = a[i] * a[i];
      o[i + 1] = a[i + 1] * a[i + 1];
      o[i + 2] = a[i + 2] * a[i + 2];
      o[i + 3] = a[i + 3] * a[i + 3];
    }
    for (; i < n; i++) o[i] = a[i] * a[i];
  };

/** out[i] = a[i]. */
export const copyKernel: UnaryKernel = (a, o, n) => {
    let i = 0;
    for (; i + 3 < n; i += 4) {
      o[i] = a[i];
      o[i + 1] = a[i + 1];
      o[i + 2] = a[i + 2];
      o[i + 3] = a[i + 3];
    }
    for (; i < n; i++) o[i] = a[i];
  };
