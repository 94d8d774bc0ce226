/**
 * `npm run bench`: Formula Lens against its peers (TF.js cpu backend, mathjs) and the machine's
 * limit (tight hand-written loops), interleaved round-robin in one process. Writes a table and
 * bench/results.json. `--quick` runs a reduced set in under a minute. `--only <group>` filters.
 */
import { join } from 'node:path';
import { runComparison, sinkValue, type Comparison, type ComparisonResult } from './harness';
import { activationComparisons } from './activationsBench';
import { prepareTfjs } from './peers';
import { renderGroup, writeResults } from './report';
import { BENCH_SECTIONS } from './sections';

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const onlyIndex = process.argv.indexOf('--only');
  const only = onlyIndex >= 0 ? process.argv[onlyIndex + 1] : undefined;
  await prepareTfjs();
  const options = quick ? { rounds: 3, sampleMs: 8, warmupMs: 10 } : { rounds: 7, sampleMs: 25, warmupMs: 50 };
  const sizes = quick ? [1e3, 1e5] : [1e3, 1e5, 1e6];
  const groups: { name: string; build: () => Comparison[] | Promise<Comparison[]> }[] = [
    { name: 'activations', build: () => activationComparisons(sizes, (n) => n <= (quick ? 1e3 : 1e5)) },
    ...BENCH_SECTIONS.map((section) => ({ name: section.name, build: () => section.build(quick) })),
  ];
  const results: ComparisonResult[] = [];
  const extra: Record<string, unknown> = {};
  for (const group of groups) {
    if (only && group.name !== only) continue;
    const comparisons = await group.build();
    if (comparisons.length === 0) continue;
    const groupResults: ComparisonResult[] = [];
    for (const comparison of comparisons) groupResults.push(await runComparison(comparison, options));
    results.push(...groupResults);
    console.log(renderGroup(group.name, groupResults));
  }
  for (const section of BENCH_SECTIONS) {
    if (only && section.name !== only) continue;
    if (section.measureExtra) {
      const measured = await section.measureExtra(quick);
      extra[section.name] = measured.data;
      console.log(measured.text);
    }
  }
  const path = join(process.cwd(), 'bench', 'results.json');
  writeResults(path, results, extra, quick);
  const missed = results.filter((r) => r.targetMet === false || r.fasterThanMet === false);
  console.log(`\n${results.length} comparisons, ${missed.length} missing a target (listed in results.json summary). Results: ${path} (sink ${sinkValue() > 0 ? 'ok' : 'empty'})`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
