/**
 * A growing series for a live chart, bounded in size: once it holds `maxPoints`, every other point is
 * dropped and from then on only every second (fourth, ...) point is kept, so a run of a million steps
 * still draws a few thousand points. The newest point is always shown.
 */
export class DecimatedSeries {
  readonly xs: number[] = [];
  /** One array per value column, as long as `xs`. */
  readonly columns: (number | null)[][];
  private stride = 1;
  private count = 0;
  /** True while the last point is a stand-in for the newest value, replaced until it reaches the stride. */
  private provisional = false;

  constructor(columns: number, private readonly maxPoints = 2000) {
    this.columns = Array.from({ length: columns }, () => []);
  }

  /** Points held. */
  get length(): number {
    return this.xs.length;
  }

  /** Adds a point (values per column, null for a gap). */
  push(x: number, values: readonly (number | null)[]): void {
    if (this.provisional) {
      this.xs.pop();
      for (const column of this.columns) column.pop();
    }
    this.xs.push(x);
    this.columns.forEach((column, c) => column.push(values[c] ?? null));
    this.count++;
    this.provisional = this.count % this.stride !== 0;
    if (!this.provisional && this.xs.length > this.maxPoints) this.compact();
  }

  /** Drops every other point (the first and the newest stay) and doubles the stride. */
  private compact(): void {
    const keep = (_: unknown, i: number, all: readonly unknown[]) => i % 2 === 0 || i === all.length - 1;
    const xs = this.xs.filter(keep);
    this.xs.splice(0, this.xs.length, ...xs);
    for (const column of this.columns) {
      const kept = column.filter(keep);
      column.splice(0, column.length, ...kept);
    }
    this.stride *= 2;
    this.count = 0;
  }

  /** Removes every point. */
  clear(): void {
    this.xs.length = 0;
    for (const column of this.columns) column.length = 0;
    this.stride = 1;
    this.count = 0;
    this.provisional = false;
  }
}
