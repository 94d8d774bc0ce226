/** Terminal table and `bench/results.json` for the benchmark results. */
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import type { ComparisonResult } from './harness';

function fmt(value: number | undefined, digits = 3): string {
  if (value === undefined || !Number.isFinite(value)) return '–';
  if (value >= 1000) return value.toFixed(0);
  return value.toPrecision(digits);
}

/** The machine the numbers were measured on. */
export function machineDescription(): Record<string, unknown> {
  return { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, platform: `${process.platform}-${process.arch}` };
}

/** Renders one group of results as an aligned table. */
export function renderGroup(group: string, results: readonly ComparisonResult[]): string {
  const implementations = [...new Set(results.flatMap((r) => Object.keys(r.nsPerUnit)))];
  const header = ['case', 'unit', ...implementations.map((name) => `${name} ns`), 'vs limit', 'target', ...implementations.filter((n) => n !== 'formula-lens' && n !== 'tight loop').map((n) => `vs ${n}`)];
  const rows = results.map((r) => [
    r.name,
    r.unit,
    ...implementations.map((name) => fmt(r.nsPerUnit[name])),
    `${fmt(r.ratioToBaseline[r.subject])}x`,
    r.target !== undefined ? `${r.targetMet ? '✓' : '✗'} ≤${r.target}x` : r.targetMsPerUnit !== undefined ? `${r.targetMet ? '✓' : '✗'} ≤${r.targetMsPerUnit} ms` : '',
    ...implementations.filter((n) => n !== 'formula-lens' && n !== 'tight loop').map((n) => (r.subjectRatio[n] === undefined || n === r.subject ? '' : `${fmt(r.subjectRatio[n])}x`)),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => (row[c] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  return [`\n## ${group}`, line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Writes results.json next to the benchmark. */
export function writeResults(path: string, results: readonly ComparisonResult[], extra: Record<string, unknown>, quick: boolean): void {
  const summary = {
    targetsMissed: results.filter((r) => r.targetMet === false).map((r) => r.name),
    slowerThanPeers: results.filter((r) => r.fasterThanMet === false).map((r) => r.name),
  };
  writeFileSync(path, JSON.stringify({ date: new Date().toISOString(), quick, machine: machineDescription(), summary, ...extra, results }, null, 2) + '\n');
}
