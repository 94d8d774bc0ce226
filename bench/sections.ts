/**
 * The benchmark sections after the activations: losses, training, editor paths, start-up.
 * Each builds its comparisons (timed by the harness) and may measure extra figures of its own.
 */
import type { Comparison } from './harness';
import { formulaComparisons } from './formulasBench';
import { lossComparisons } from './lossesBench';
import { trainingComparisons } from './trainingBench';
import { editorComparisons } from './editorBench';
import { measureStartup } from './startupBench';

/** One section of the benchmark. */
export interface BenchSection {
  readonly name: string;
  readonly build: (quick: boolean) => Comparison[] | Promise<Comparison[]>;
  /** Figures that are not ratios of the harness (bundle sizes, require times), with their text. */
  readonly measureExtra?: (quick: boolean) => Promise<{ data: unknown; text: string }>;
}

/** Every section, in the order of the benchmark issue. */
export const BENCH_SECTIONS: readonly BenchSection[] = [
  { name: 'formulas', build: (quick) => formulaComparisons(quick ? [1e5] : [1e5, 1e6]) },
  { name: 'losses', build: (quick) => lossComparisons(quick ? 1e5 : 1e6) },
  { name: 'training', build: () => trainingComparisons() },
  { name: 'editor', build: () => editorComparisons() },
  { name: 'startup', build: () => [], measureExtra: (quick) => measureStartup(quick) },
];
