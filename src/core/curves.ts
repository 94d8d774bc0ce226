/**
 * Activation curves for the Playground: sampling y = f(x) and f'(x) over a range with a framework's
 * semantics, reading values at one x, and finding where the gradient is dead (f' = 0) or saturated
 * (|f'| below a threshold), the regions where learning through the function stalls.
 */
import type { ActivationEntry, Framework, ResolvedParams } from './catalog/types';
import { tensor } from './tensor';

/** Below this |f'| a region counts as saturated: a gradient shrunk a thousandfold barely moves weights. */
export const SATURATION_THRESHOLD = 1e-3;

/** Evenly spaced samples over [min, max] with both ends included (`count` ≥ 2). */
export function linspace(min: number, max: number, count: number): Float64Array {
  const xs = new Float64Array(count);
  const step = (max - min) / (count - 1);
  for (let i = 0; i < count; i++) xs[i] = min + i * step;
  // The last sample is exactly max, not max plus rounding error.
  xs[count - 1] = max;
  return xs;
}

/** Something that can be drawn as a curve: writes f(x[i]) and f'(x[i]) for every sample. */
export interface CurveFunction {
  sample(xs: Float64Array, values: Float64Array, derivatives: Float64Array): void;
}

/** A curve's samples. */
export interface CurveSamples {
  readonly xs: Float64Array;
  readonly values: Float64Array;
  readonly derivatives: Float64Array;
}

const elementwiseCache = new WeakMap<ActivationEntry, boolean>();
/** Probe inputs that separate elementwise functions from vector ones (softmax of one element is 1). */
const PROBE = [-1.5, 0.25, 2];

/**
 * True when an activation acts elementwise, so it has a curve y = f(x). Entries with a kernel are;
 * others (prelu with one weight, softmax, glu) are probed: evaluating a vector must equal evaluating
 * each element alone, under default parameters.
 */
export function isElementwiseActivation(entry: ActivationEntry, framework: Framework, params: ResolvedParams): boolean {
  if (entry.kernel) return true;
  const cached = elementwiseCache.get(entry);
  if (cached !== undefined) return cached;
  let elementwise = false;
  try {
    const together = entry.evaluate(tensor(Float64Array.from(PROBE), [PROBE.length]), { framework, params });
    elementwise = together.value.data.length === PROBE.length && PROBE.every((x, i) => {
      const alone = entry.evaluate(tensor(Float64Array.of(x), [1]), { framework, params });
      return alone.value.data.length === 1 && Object.is(alone.value.data[0], together.value.data[i]);
    });
  } catch {
    elementwise = false;
  }
  elementwiseCache.set(entry, elementwise);
  return elementwise;
}

/** Adapts a catalog activation under a framework and resolved parameters to a curve. */
export function activationCurve(entry: ActivationEntry, framework: Framework, params: ResolvedParams): CurveFunction {
  const kernel = entry.kernel;
  if (kernel) {
    return {
      sample(xs, values, derivatives) {
        kernel.forward(xs, values, params, framework);
        kernel.derivative(xs, derivatives, params, framework);
      },
    };
  }
  return {
    sample(xs, values, derivatives) {
      const result = entry.evaluate(tensor(xs.slice(), [xs.length]), { framework, params });
      values.set(result.value.data);
      derivatives.set(result.grad.data);
    },
  };
}

/** Samples a curve at the given x values. */
export function sampleCurve(curve: CurveFunction, xs: Float64Array): CurveSamples {
  const values = new Float64Array(xs.length);
  const derivatives = new Float64Array(xs.length);
  curve.sample(xs, values, derivatives);
  return { xs, values, derivatives };
}

/** f(x) and f'(x) at one point, computed exactly (the crosshair reads these, not interpolated samples). */
export function curveAt(curve: CurveFunction, x: number): { readonly value: number; readonly derivative: number } {
  const samples = sampleCurve(curve, Float64Array.of(x));
  return { value: samples.values[0]!, derivative: samples.derivatives[0]! };
}

/** Dead: f' is exactly 0, no gradient flows at all. Saturated: 0 < |f'| < threshold, the gradient vanishes. */
export type FlatKind = 'dead' | 'saturated';

/** An interval of x where the gradient is dead or saturated. */
export interface FlatRegion {
  readonly kind: FlatKind;
  readonly from: number;
  readonly to: number;
  /** The region reaches the left or right end of the sampled range (it may continue beyond it). */
  readonly openStart: boolean;
  readonly openEnd: boolean;
}

/** Classifies one derivative value; NaN (undefined gradient) is neither. */
export function classifyDerivative(derivative: number, threshold = SATURATION_THRESHOLD): FlatKind | undefined {
  if (derivative === 0) return 'dead';
  if (Math.abs(derivative) < threshold) return 'saturated';
  return undefined;
}

/** Bisection steps for a region boundary: 2^-40 of a sample step is far below what a label shows. */
const REFINE_STEPS = 40;

/**
 * Finds maximal runs of samples whose derivative is dead or saturated. Runs of a single sample are
 * dropped: they are where f' crosses zero (a stationary point such as GELU's minimum), not a region.
 * With `derivativeAt`, each inner boundary is refined by bisection between the last flat sample and
 * its neighbour, so ReLU's dead region ends at 0, not at the sample before it.
 */
export function findFlatRegions(
  xs: Float64Array,
  derivatives: Float64Array,
  threshold = SATURATION_THRESHOLD,
  derivativeAt?: (x: number) => number,
): FlatRegion[] {
  const regions: FlatRegion[] = [];
  const n = xs.length;
  let i = 0;
  while (i < n) {
    const kind = classifyDerivative(derivatives[i]!, threshold);
    if (kind === undefined) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < n && classifyDerivative(derivatives[j + 1]!, threshold) === kind) j++;
    if (j > i) {
      const inKind = (x: number) => classifyDerivative(derivativeAt ? derivativeAt(x) : NaN, threshold) === kind;
      const from = i > 0 && derivativeAt ? refineBoundary(xs[i - 1]!, xs[i]!, inKind) : xs[i]!;
      const to = j < n - 1 && derivativeAt ? refineBoundary(xs[j + 1]!, xs[j]!, inKind) : xs[j]!;
      regions.push({ kind, from, to, openStart: i === 0, openEnd: j === n - 1 });
    }
    i = j + 1;
  }
  return regions;
}

/** Bisects between `outside` (not in the region) and `inside` (in it) and returns the innermost point found in it. */
function refineBoundary(outside: number, inside: number, inRegion: (x: number) => boolean): number {
  let out = outside;
  let ins = inside;
  for (let step = 0; step < REFINE_STEPS; step++) {
    const middle = (out + ins) / 2;
    if (middle === out || middle === ins) break;
    if (inRegion(middle)) ins = middle;
    else out = middle;
  }
  return ins;
}
