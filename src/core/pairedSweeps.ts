/**
 * Loss curves for losses of several predictions (margin ranking, cosine embedding, triplet margin). Each
 * compares its inputs through one quantity, so the sweep moves that quantity along a path of real inputs and
 * keeps the rest as controls: the score difference x1 − x2 (x2 = 0), the cosine of the angle between two unit
 * vectors, or the anchor–positive distance with the anchor–negative distance fixed. Values and gradients come
 * from the catalog kernel on those inputs; the gradient is d loss / d x by the chain rule along the path.
 */
import type { InputComparison, Reduction } from './catalog/types';
import type { SweepLoss, SweepTarget } from './lossCurves';
import { tensor, type Tensor } from './tensor';

/** The problems whose x is one quantity of several predictions. */
export type PairedProblem = 'rankingPair' | 'embeddingPair' | 'triplet';

/** A sweep target of a paired problem. */
export type PairedTarget = Extract<SweepTarget, { readonly problem: PairedProblem }>;

/** Where a paired problem puts the predictions for sweep position x. */
interface PairedLayout<T extends PairedTarget> {
  /** The comparison of the losses this problem draws. */
  readonly comparison: InputComparison;
  /** How many prediction inputs the losses take. */
  readonly inputs: 2 | 3;
  /** The shape of every prediction input (one sample). */
  readonly shape: readonly number[];
  /** Where x means something: a cosine lies in [−1, 1], a distance is at least 0. */
  readonly domain: readonly [number, number];
  /** y_true, or null for losses without a target. */
  target(target: T): Tensor | null;
  /** A range that shows the loss's kink for the usual margins. */
  defaultRange(target: T): readonly [number, number];
  /** Writes every prediction input at x and its derivative d input / d x. */
  place(x: number, target: T, predictions: readonly Float64Array[], slopes: readonly Float64Array[]): void;
}

/** The sign target of the pair problems. */
function signTarget(target: { readonly sign: 1 | -1 }): Tensor {
  return tensor(Float64Array.of(target.sign), [1]);
}

/** Scores x1 = x and x2 = 0: margin ranking depends on them only through x1 − x2. */
const RANKING_PAIR: PairedLayout<Extract<PairedTarget, { problem: 'rankingPair' }>> = {
  comparison: 'difference',
  inputs: 2,
  shape: [1],
  domain: [-Infinity, Infinity],
  target: signTarget,
  defaultRange: () => [-3, 3],
  place(x, _target, [x1, x2], [d1, d2]) {
    x1![0] = x;
    d1![0] = 1;
    x2![0] = 0;
    d2![0] = 0;
  },
};

/**
 * Unit vectors x1 = (1, 0) and x2 = (x, √(1 − x²)) at the angle whose cosine is x. At x = ±1 the path's slope
 * is infinite (the cosine is at its extreme), so the gradient there is not defined and is left as NaN.
 */
const EMBEDDING_PAIR: PairedLayout<Extract<PairedTarget, { problem: 'embeddingPair' }>> = {
  comparison: 'cosine',
  inputs: 2,
  shape: [1, 2],
  domain: [-1, 1],
  target: signTarget,
  defaultRange: () => [-1, 1],
  place(x, _target, [x1, x2], [d1, d2]) {
    // (1 − x)(1 + x) keeps the sine accurate near x = ±1, where 1 − x² cancels.
    const sine = Math.sqrt((1 - x) * (1 + x));
    x1![0] = 1;
    x1![1] = 0;
    d1![0] = 0;
    d1![1] = 0;
    x2![0] = x;
    x2![1] = sine;
    d2![0] = 1;
    d2![1] = -x / sine;
  },
};

/**
 * One-dimensional embeddings: the anchor at 0, the positive at −x and the negative at +d(a, n), on opposite
 * sides so that every distance is the plain gap (torch then adds its eps to each difference).
 */
const TRIPLET: PairedLayout<Extract<PairedTarget, { problem: 'triplet' }>> = {
  comparison: 'anchorDistances',
  inputs: 3,
  shape: [1, 1],
  domain: [0, Infinity],
  target: () => null,
  defaultRange: (target) => [0, target.negativeDistance + 2],
  place(x, target, [anchor, positive, negative], [da, dp, dn]) {
    anchor![0] = 0;
    da![0] = 0;
    positive![0] = -x;
    dp![0] = -1;
    negative![0] = target.negativeDistance;
    dn![0] = 0;
  },
};

const LAYOUTS: { readonly [P in PairedProblem]: PairedLayout<Extract<PairedTarget, { problem: P }>> } = {
  rankingPair: RANKING_PAIR,
  embeddingPair: EMBEDDING_PAIR,
  triplet: TRIPLET,
};

/** Every paired problem, in display order. */
export const PAIRED_PROBLEMS: readonly PairedProblem[] = ['rankingPair', 'embeddingPair', 'triplet'];

/** Whether a problem sweeps one quantity of several predictions. */
export function isPairedProblem(problem: SweepTarget['problem']): problem is PairedProblem {
  return (PAIRED_PROBLEMS as readonly string[]).includes(problem);
}

function layoutOf<T extends PairedTarget>(target: T): PairedLayout<T> {
  return LAYOUTS[target.problem] as unknown as PairedLayout<T>;
}

/** The comparison of the losses a paired problem draws. */
export function pairedComparison(problem: PairedProblem): InputComparison {
  return LAYOUTS[problem].comparison;
}

/** The paired problem that draws losses of a comparison. */
export function pairedProblemFor(comparison: InputComparison): PairedProblem {
  return PAIRED_PROBLEMS.find((problem) => LAYOUTS[problem].comparison === comparison)!;
}

/** Where x means something in a paired problem; points outside are not drawn. */
export function pairedDomain(problem: PairedProblem): readonly [number, number] {
  return LAYOUTS[problem].domain;
}

/** A sensible sweep range for a paired problem. */
export function defaultPairedRange(target: PairedTarget): readonly [number, number] {
  return layoutOf(target).defaultRange(target);
}

/**
 * Evaluates a loss of several predictions at sweep positions: writes the kernel's value at the inputs placed
 * for x and d loss / d x = Σ over inputs of (d loss / d input) · (d input / d x); NaN for both outside the domain.
 */
export function pairedPoint(loss: SweepLoss, target: PairedTarget, reduction: Reduction): (x: number, out: Float64Array) => void {
  const layout = layoutOf(target);
  if (loss.inputComparison !== layout.comparison) {
    throw new Error(`A loss comparing its inputs by ${loss.inputComparison ?? 'one prediction'} cannot be swept in the ${target.problem} problem; check sweepIncompatibility first.`);
  }
  const inputs = layout.inputs;
  const width = layout.shape.reduce((a, b) => a * b, 1);
  const predictions = Array.from({ length: inputs }, () => new Float64Array(width));
  const slopes = Array.from({ length: inputs }, () => new Float64Array(width));
  const yTrue = layout.target(target);
  const [low, high] = layout.domain;
  return (x, out) => {
    if (!(x >= low && x <= high)) {
      out[0] = NaN;
      out[1] = NaN;
      return;
    }
    layout.place(x, target, predictions, slopes);
    const result = loss.evaluate(yTrue, predictions.map((values) => tensor(values.slice(), layout.shape)), reduction);
    // Only inputs that move contribute.
    let gradient: number | undefined;
    for (let k = 0; k < inputs; k++) {
      const grad = result.grads[k]!;
      const slope = slopes[k]!;
      for (let j = 0; j < width; j++) {
        if (slope[j] === 0) continue;
        const term = grad[j]! * slope[j]!;
        gradient = gradient === undefined ? term : gradient + term;
      }
    }
    out[0] = result.value;
    // A zero gradient is reported as +0: its sign would only reflect which way the path moves an input.
    out[1] = gradient === undefined || gradient === 0 ? 0 : gradient;
  };
}
