/**
 * Benchmark harness: cases compared with each other run round-robin in the same process,
 * after a warm-up; each round times every implementation once, and ratios are taken per round
 * (so a noisy moment of a shared machine hits every implementation alike), then medians.
 */
import { performance } from 'node:perf_hooks';

/** One implementation of one benchmark case. */
export interface Implementation {
  /** `formula-lens`, `tight loop`, `tfjs`, `mathjs`, ... */
  readonly name: string;
  /** Does the work once; returns something so the JIT cannot drop it. */
  readonly run: () => unknown | Promise<unknown>;
}

/** A comparison: implementations of the same work, timed per `units` (elements, pairs, samples, lines). */
export interface Comparison {
  readonly group: string;
  readonly name: string;
  /** What `units` counts, e.g. `element`, `pair`, `sample`, `file`. */
  readonly unit: string;
  readonly units: number;
  /** The implementation every ratio is taken against (the limit proxy). */
  readonly baseline: string;
  /** The implementation being judged. */
  readonly subject: string;
  readonly implementations: readonly Implementation[];
  /** Target ratio subject/baseline, when the issue sets one. */
  readonly target?: number;
  /** Absolute target in milliseconds per unit (editor paths), when the issue sets one. */
  readonly targetMsPerUnit?: number;
  /** Target statement for peers, e.g. subject must be faster than tfjs. */
  readonly fasterThan?: readonly string[];
}

/** Measured medians of a comparison. */
export interface ComparisonResult {
  readonly group: string;
  readonly name: string;
  readonly unit: string;
  readonly units: number;
  readonly baseline: string;
  readonly subject: string;
  /** Median nanoseconds per unit, per implementation. */
  readonly nsPerUnit: Readonly<Record<string, number>>;
  /** Median per-round ratio of each implementation's time to the baseline's. */
  readonly ratioToBaseline: Readonly<Record<string, number>>;
  /** Median per-round ratio of the subject's time to each implementation's (below 1: the subject is faster). */
  readonly subjectRatio: Readonly<Record<string, number>>;
  readonly target?: number;
  readonly targetMsPerUnit?: number;
  readonly targetMet?: boolean;
  readonly fasterThan?: readonly string[];
  readonly fasterThanMet?: boolean;
  readonly rounds: number;
}

/** Harness settings. */
export interface HarnessOptions {
  readonly rounds: number;
  /** Minimum wall time of one timed sample, in ms (the work is repeated until it is reached). */
  readonly sampleMs: number;
  readonly warmupMs: number;
}

let sink = 0;
/** Keeps results alive so the JIT cannot remove the measured work. */
function consume(value: unknown): void {
  if (typeof value === 'number') sink += value;
  else if (value && typeof value === 'object' && 'length' in value) sink += (value as ArrayLike<number>).length;
}

/** Times `run` repeated until `sampleMs` has passed; returns ms per call. Awaits only what returns a promise. */
async function timeSample(run: () => unknown, sampleMs: number): Promise<number> {
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    const result = run();
    consume(result instanceof Promise ? await result : result);
    calls++;
    elapsed = performance.now() - start;
  } while (elapsed < sampleMs);
  return elapsed / calls;
}

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs one comparison: warm-up, then `rounds` round-robin rounds (rotating the start), medians. */
export async function runComparison(comparison: Comparison, options: HarnessOptions): Promise<ComparisonResult> {
  const impls = comparison.implementations;
  for (const impl of impls) await timeSample(impl.run, options.warmupMs);
  const times = impls.map(() => [] as number[]);
  for (let round = 0; round < options.rounds; round++) {
    for (let k = 0; k < impls.length; k++) {
      const index = (k + round) % impls.length;
      times[index]!.push(await timeSample(impls[index]!.run, options.sampleMs));
    }
  }
  const baselineIndex = impls.findIndex((impl) => impl.name === comparison.baseline);
  const subjectIndex = impls.findIndex((impl) => impl.name === comparison.subject);
  const nsPerUnit: Record<string, number> = {};
  const ratioToBaseline: Record<string, number> = {};
  const subjectRatio: Record<string, number> = {};
  impls.forEach((impl, i) => {
    nsPerUnit[impl.name] = (median(times[i]!) * 1e6) / comparison.units;
    ratioToBaseline[impl.name] = median(times[i]!.map((t, round) => t / times[baselineIndex]![round]!));
    subjectRatio[impl.name] = median(times[subjectIndex]!.map((t, round) => t / times[i]![round]!));
  });
  const target = comparison.target;
  const fasterThan = comparison.fasterThan?.filter((name) => name in nsPerUnit);
  return {
    group: comparison.group,
    name: comparison.name,
    unit: comparison.unit,
    units: comparison.units,
    baseline: comparison.baseline,
    subject: comparison.subject,
    nsPerUnit,
    ratioToBaseline,
    subjectRatio,
    ...(target === undefined ? {} : { target, targetMet: ratioToBaseline[comparison.subject]! <= target }),
    ...(comparison.targetMsPerUnit === undefined ? {} : { targetMsPerUnit: comparison.targetMsPerUnit, targetMet: nsPerUnit[comparison.subject]! / 1e6 <= comparison.targetMsPerUnit }),
    ...(fasterThan && fasterThan.length > 0 ? { fasterThan, fasterThanMet: fasterThan.every((name) => subjectRatio[name]! < 1) } : {}),
    rounds: options.rounds,
  };
}

/** The accumulated sink, printed once so no work is dead code. */
export function sinkValue(): number {
  return sink;
}
