/**
 * The page's side of the live training views: the worker client (job ids, stale and malformed reports
 * dropped, restart after a crash), the field and point colours, and the bounded loss series.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classColor, paintGrid, parseRgb, pointColor, type FieldPalette, type Rgb } from '../../src/core/live/fieldColors';
import { DecimatedSeries } from '../../src/core/live/series';
import type { TrainingReport } from '../../src/protocol/training';
import { TrainingClient, type WorkerLike } from '../../src/protocol/trainingClient';

class FakeWorker implements WorkerLike {
  readonly sent: unknown[] = [];
  terminated = false;
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  onmessageerror: WorkerLike['onmessageerror'] = null;
  postMessage(message: unknown): void {
    this.sent.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
}

function exported(jobId: number, requestId = 1): TrainingReport {
  return { type: 'exported', jobId, requestId, target: 'keras', text: 'import keras\n' };
}

test('the client starts its worker on the first request and passes on the current job\'s reports only', () => {
  const workers: FakeWorker[] = [];
  const reports: TrainingReport[] = [];
  const rejected: string[] = [];
  const client = new TrainingClient(() => {
    const worker = new FakeWorker();
    workers.push(worker);
    return worker;
  }, { report: (report) => reports.push(report), crashed: () => assert.fail('no crash expected'), rejected: (text) => rejected.push(text) });
  assert.equal(workers.length, 0, 'no worker before the first request');
  const first = client.newJob();
  client.send({ type: 'run', jobId: first });
  const second = client.newJob();
  assert.ok(second > first);
  client.send({ type: 'pause', jobId: second });
  assert.equal(workers.length, 1);
  assert.deepEqual(workers[0]!.sent, [{ type: 'run', jobId: first }, { type: 'pause', jobId: second }]);
  workers[0]!.onmessage!({ data: exported(first) });
  workers[0]!.onmessage!({ data: exported(second) });
  workers[0]!.onmessage!({ data: { type: 'exported', jobId: second } });
  assert.deepEqual(reports, [exported(second)], 'the replaced job\'s report is stale and dropped');
  assert.equal(rejected.length, 1, 'a malformed report is rejected, not passed on');
  client.dispose();
  assert.ok(workers[0]!.terminated);
});

test('a crashed worker is terminated, reported, and replaced by a fresh one on the next request', () => {
  const workers: FakeWorker[] = [];
  const crashes: string[] = [];
  const reports: TrainingReport[] = [];
  const client = new TrainingClient(() => {
    const worker = new FakeWorker();
    workers.push(worker);
    return worker;
  }, { report: (report) => reports.push(report), crashed: (message) => crashes.push(message), rejected: () => undefined });
  const job = client.newJob();
  client.send({ type: 'run', jobId: job });
  let prevented = false;
  workers[0]!.onerror!({ message: 'RangeError: out of memory', preventDefault: () => (prevented = true) });
  assert.deepEqual(crashes, ['RangeError: out of memory']);
  assert.ok(prevented && workers[0]!.terminated);
  assert.equal(client.jobId, 0, 'the job died with its worker');
  assert.equal(client.crashCount, 1);
  // A late message of the dead worker is ignored.
  workers[0]!.onmessage!({ data: exported(job) });
  assert.deepEqual(reports, []);
  const next = client.newJob();
  client.send({ type: 'step', jobId: next });
  assert.equal(workers.length, 2);
  workers[1]!.onmessage!({ data: exported(next) });
  assert.equal(reports.length, 1);
  workers[1]!.onmessageerror!({});
  assert.equal(crashes.length, 2);
});

const palette: FieldPalette = { negative: [255, 0, 0], positive: [0, 0, 255], background: [255, 255, 255], classes: [[255, 0, 0], [0, 255, 0], [0, 0, 255]] };

function pixel(out: Uint8ClampedArray, resolution: number, imageRow: number, column: number): number[] {
  const offset = (imageRow * resolution + column) * 4;
  return [...out.subarray(offset, offset + 4)];
}

test('a binary grid is tinted towards each class by the distance from the threshold, with y pointing up', () => {
  // 2 x 2 grid: cell (i, j) at j * 2 + i; row j = 0 is the lowest y, drawn at the bottom of the image.
  const values = Float64Array.of(1, 0.5, 0, NaN);
  const out = new Uint8ClampedArray(16);
  paintGrid({ resolution: 2, outputs: 1, values, threshold: 0.5, scale: 0.5 }, 2, palette, out);
  assert.deepEqual(pixel(out, 2, 1, 0), [64, 64, 255, 255], 'p = 1: blue at 75 % tint, bottom left');
  assert.deepEqual(pixel(out, 2, 1, 1), [255, 255, 255, 255], 'p = 0.5: undecided');
  assert.deepEqual(pixel(out, 2, 0, 0), [255, 64, 64, 255], 'p = 0: red, top left');
  assert.deepEqual(pixel(out, 2, 0, 1), [255, 255, 255, 255], 'NaN: background');
});

test('multi-class grids show the most likely class tinted by confidence; regressions a diverging scale', () => {
  const values = Float64Array.of(0.1, 0.8, 0.1, 1 / 3, 1 / 3, 1 / 3);
  const out = new Uint8ClampedArray(8);
  paintGrid({ resolution: 1, outputs: 3, values: values.subarray(0, 3), threshold: 0, scale: 1 }, 3, palette, out);
  const confidence = (0.8 - 1 / 3) / (2 / 3);
  assert.deepEqual([...out.subarray(0, 4)], [255 - 255 * 0.75 * confidence, 255, 255 - 255 * 0.75 * confidence, 255].map((v) => Math.round(v)));
  paintGrid({ resolution: 1, outputs: 3, values: values.subarray(3), threshold: 0, scale: 1 }, 3, palette, out);
  assert.deepEqual([...out.subarray(0, 4)], [255, 255, 255, 255], 'a uniform guess is untinted');
  paintGrid({ resolution: 1, outputs: 1, values: Float64Array.of(-4), threshold: 0, scale: 2 }, 0, palette, out);
  assert.deepEqual([...out.subarray(0, 4)], [255, 64, 64, 255], 'beyond the scale: full tint');
});

test('point colours: classes, binary pair, regression values; CSS colours are read', () => {
  assert.deepEqual(classColor(palette, 2, 1), palette.positive);
  assert.deepEqual(classColor(palette, 5, 4), palette.classes[1]);
  assert.deepEqual(pointColor(0, 2, palette, 1), palette.negative);
  assert.deepEqual(pointColor(2, 3, palette, 1), palette.classes[2]);
  assert.deepEqual(pointColor(1, 0, palette, 1), [0, 0, 255]);
  assert.deepEqual(pointColor(0, 0, palette, 1), [Math.round(255 * 0.65), Math.round(255 * 0.65), 255]);
  const cases: [string, Rgb | undefined][] = [['#3794ff', [55, 148, 255]], ['#abc', [170, 187, 204]], ['#11223344', [17, 34, 51]], ['rgba(1, 2, 3, 0.5)', [1, 2, 3]], ['rgb(300,0,0)', [255, 0, 0]], ['blue', undefined]];
  for (const [text, expected] of cases) assert.deepEqual(parseRgb(text), expected, text);
});

test('the loss series stays bounded, keeps the first and the newest point, and thins out evenly', () => {
  const series = new DecimatedSeries(2, 100);
  for (let step = 0; step < 10_000; step++) {
    series.push(step, [1 / (step + 1), step % 2 === 0 ? null : step]);
    assert.ok(series.length <= 101, `${series.length} points at step ${step}`);
    assert.equal(series.xs.at(-1), step, 'the newest point is always there');
  }
  assert.equal(series.xs[0], 0);
  assert.ok(series.length >= 50);
  const gaps = series.xs.slice(1, -1).map((x, i) => x - series.xs[i]!);
  assert.ok(gaps.every((gap) => gap === gaps[0]), 'evenly spaced apart from the newest point');
  assert.equal(series.columns[0]!.length, series.length);
  assert.equal(series.columns[0]![series.length - 1], 1 / 10_000);
  series.clear();
  assert.equal(series.length, 0);
  series.push(5, [1, 2]);
  assert.deepEqual([series.xs, series.columns], [[5], [[1], [2]]]);
});
