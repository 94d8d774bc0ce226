/**
 * Timing helpers shared by the training worker and the page, pure so they are tested with a fake clock:
 * a throttle that lets an update through at most every interval (the live views stay at ~30 updates a
 * second however fast training runs), a pacer that turns a steps-per-second speed into steps per slice,
 * and a meter for steps and samples per second.
 */

/** Milliseconds between two live updates: at most ~30 a second. */
export const UPDATE_INTERVAL_MS = 1000 / 30;

/** Lets an event through at most once per interval; `minimumInterval` can grow with the cost of what it guards. */
export class Throttle {
  private last = -Infinity;
  private interval: number;

  constructor(private readonly minimumInterval: number = UPDATE_INTERVAL_MS) {
    this.interval = minimumInterval;
  }

  /** True when an update may go out at `now` (and records it); false while the interval has not passed. */
  take(now: number): boolean {
    if (now - this.last < this.interval) return false;
    this.last = now;
    return true;
  }

  /** Milliseconds from `now` until the next update may go out (0 when it may go now). */
  wait(now: number): number {
    return Math.max(0, this.last + this.interval - now);
  }

  /**
   * Stretches the interval so that an update costing `costMs` takes at most a quarter of the time:
   * a huge data set or network slows the views down, never the training.
   */
  adapt(costMs: number): void {
    this.interval = Math.max(this.minimumInterval, 4 * costMs);
  }

  /** Forgets the last update, so the next `take` succeeds. */
  reset(): void {
    this.last = -Infinity;
  }
}

/**
 * Turns a speed in steps per second into how many steps a slice of work may take. Credit accrues with
 * time and is capped, so a long pause (a busy page, a hidden panel) never turns into a burst of steps.
 * Speed 0 means as fast as possible.
 */
export class StepPacer {
  private credit = 0;
  private last: number | null = null;

  constructor(private speed: number) {}

  /** Changes the speed; the credit earned so far is kept within the new cap. */
  setSpeed(speed: number): void {
    this.speed = speed;
    this.credit = Math.min(this.credit, this.cap());
  }

  /** True when there is no speed limit. */
  get unlimited(): boolean {
    return this.speed === 0;
  }

  /** Starts pacing from `now` (after a pause, so the paused time earns nothing). */
  restart(now: number): void {
    this.last = now;
    this.credit = 0;
  }

  /** Steps allowed at `now` (Infinity without a limit). Call `spend` with the steps actually taken. */
  allowance(now: number): number {
    if (this.speed === 0) return Infinity;
    if (this.last === null) this.last = now;
    this.credit = Math.min(this.cap(), this.credit + ((now - this.last) * this.speed) / 1000);
    this.last = now;
    return Math.floor(this.credit);
  }

  /** Records steps taken from the allowance. */
  spend(steps: number): void {
    if (this.speed !== 0) this.credit = Math.max(0, this.credit - steps);
  }

  /** Milliseconds until the next step is allowed (0 without a limit or when one is due). */
  delay(): number {
    if (this.speed === 0 || this.credit >= 1) return 0;
    return ((1 - this.credit) * 1000) / this.speed;
  }

  /** At most a tenth of a second of steps (and at least one) may pile up. */
  private cap(): number {
    return Math.max(1, this.speed / 10);
  }
}

/** Measures a rate (steps per second) over a sliding window of recent samples. */
export class RateMeter {
  private readonly samples: { time: number; count: number }[] = [];

  constructor(private readonly windowMs = 1000) {}

  /** Records the running total `count` at `time`. */
  record(time: number, count: number): void {
    this.samples.push({ time, count });
    // Keep one sample at or before the window start, so the rate always spans the whole window.
    while (this.samples.length > 2 && this.samples[1]!.time <= time - this.windowMs) this.samples.shift();
  }

  /** Units per second over the window (0 until two samples span some time). */
  rate(): number {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    if (!first || !last || last.time <= first.time) return 0;
    return ((last.count - first.count) * 1000) / (last.time - first.time);
  }

  /** Forgets every sample (a pause: the idle time must not lower the rate). */
  reset(): void {
    this.samples.length = 0;
  }
}
