/** The `formula-lens` CLI, run as users run it: `node dist/cli.js ...` (built before the unit tests). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decode, fixturePath, flatten, loadGoldenCases, mismatch, type EncodedArray } from './helpers/golden';

const CLI = join(process.cwd(), 'dist', 'cli.js');

/** Runs the CLI with arguments (and optional stdin), in English unless `lang` says otherwise. */
function cli(args: string[], options: { input?: string; lang?: string } = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    input: options.input,
    encoding: 'utf8',
    env: { ...process.env, LANG: options.lang ?? 'en_US.UTF-8', LC_ALL: '' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('batch over every golden case agrees with PyTorch and TF.js within each case tolerance', () => {
  const cases = loadGoldenCases();
  const { code, stdout, stderr } = cli(['batch', fixturePath('golden-public.json')]);
  assert.equal(code, 0, stderr);
  const results = (JSON.parse(stdout) as { results: { id: string; value: EncodedArray; grad: EncodedArray; error?: string; grad_extra?: Record<string, EncodedArray>; grad_params?: Record<string, EncodedArray> }[] }).results;
  assert.equal(results.length, cases.length);
  const failures: string[] = [];
  cases.forEach((golden, i) => {
    const result = results[i]!;
    assert.equal(result.id, golden.id);
    if (result.error) return void failures.push(`${golden.id}: ${result.error}`);
    const check = (label: string, actual: EncodedArray, expected: EncodedArray) => {
      const problem = mismatch(flatten(decode(actual)), flatten(decode(expected)), golden.tolerance);
      if (problem) failures.push(`${golden.id} ${label}: ${problem}`);
    };
    check('value', result.value, golden.expected);
    check('grad', result.grad, golden.grad);
    for (const [key, expected] of Object.entries(golden.grad_extra ?? {})) check(`grad_extra.${key}`, result.grad_extra?.[key] ?? [], expected);
    for (const [key, expected] of Object.entries(golden.grad_params ?? {})) check(`grad_params.${key}`, result.grad_params?.[key] ?? [], expected);
  });
  assert.deepEqual(failures, []);
});

test('batch reads stdin, reports a failing case and still runs the others', () => {
  const input = JSON.stringify({ cases: [
    { id: 'a', kind: 'activation', name: 'relu', framework: 'torch', params: {}, x: [-1, 'NaN', 2], expected: [0, 0, 0] },
    { id: 'b', kind: 'activation', name: 'not_a_function', framework: 'torch', params: {}, x: [1] },
    { id: 'c', kind: 'loss', name: 'binary_crossentropy', framework: 'keras-tfjs', params: {}, reduction: 'mean', y_true: [1], y_pred: [0] },
  ] });
  const { code, stdout } = cli(['batch'], { input });
  assert.equal(code, 0);
  const [a, b, c] = (JSON.parse(stdout) as { results: { id: string; value: unknown; error?: string }[] }).results;
  assert.deepEqual(a!.value, [0, 'NaN', 2]);
  assert.match(b!.error ?? '', /not_a_function/);
  assert.ok(Math.abs((c!.value as number) - 16.11809565095832) < 1e-6, `keras BCE at p=0 is -log(1e-7), got ${String(c!.value)}`);
});

test('batch with unreadable input exits 2 with one line', () => {
  const { code, stderr } = cli(['batch'], { input: '{not json' });
  assert.equal(code, 2);
  assert.equal(stderr.trim().split('\n').length, 1);
  assert.match(stderr, /batch document/);
});

test('eval --json prints name, framework, params, shape, x, value and grad with encoded non-finite numbers', () => {
  const { code, stdout } = cli(['eval', 'leaky_relu', '[-2, 0, 3, "Infinity"]', '--framework', 'tfjs', '--grad', '--json']);
  assert.equal(code, 0);
  const out = JSON.parse(stdout) as Record<string, unknown>;
  assert.equal(out.name, 'leaky_relu');
  assert.equal(out.framework, 'tfjs');
  assert.deepEqual(out.shape, [4]);
  assert.deepEqual(out.x, [-2, 0, 3, 'Infinity']);
  const slope = (out.params as Record<string, number>).negative_slope!;
  assert.equal(slope, 0.3, 'TF.js LeakyReLU layer default slope');
  assert.deepEqual(out.value, [-2 * 0.3, 0, 3, 'Infinity']);
  assert.deepEqual((out.grad as number[]).slice(0, 1), [0.3]);
});

test('eval takes a negative scalar and --param overrides a default', () => {
  const { code, stdout } = cli(['eval', 'leaky_relu', '-3', '--param', 'negative_slope=0.5', '--json']);
  assert.equal(code, 0);
  assert.equal((JSON.parse(stdout) as { value: number }).value, -1.5);
});

test('eval prints a readable table by default', () => {
  const { code, stdout } = cli(['eval', 'sigmoid', '[0, 2]', '--grad']);
  assert.equal(code, 0);
  assert.match(stdout, /sigmoid/);
  assert.match(stdout, /0\.5\b/);
  assert.match(stdout, /0\.25\b/);
});

test('loss --json gives the framework difference for BCE at p = 0', () => {
  const args = ['loss', 'bce', '--y-true', '[1]', '--y-pred', '[0]', '--grad', '--json'];
  const torch = JSON.parse(cli([...args, '--framework', 'torch']).stdout) as { value: number; reduction: string; name: string };
  const keras = JSON.parse(cli([...args, '--framework', 'keras']).stdout) as { value: number; grad: number[] };
  assert.equal(torch.name, 'binary_crossentropy');
  assert.equal(torch.reduction, 'mean');
  assert.equal(torch.value, 100);
  assert.ok(Math.abs(keras.value - 16.11809565095832) < 1e-9);
  assert.deepEqual(keras.grad, [0], 'the Keras clip passes no gradient');
});

test('loss with reduction none returns per-element values in torch', () => {
  const { code, stdout } = cli(['loss', 'mse', '--y-true', '[[1, 2], [3, 4]]', '--y-pred', '[[1, 3], [5, 4]]', '--reduction', 'none', '--json']);
  assert.equal(code, 0);
  assert.deepEqual((JSON.parse(stdout) as { value: unknown }).value, [[0, 1], [4, 0]]);
});

test('errors are one line, exit 2, and name what to fix', () => {
  const unknown = cli(['eval', 'rleu', '[1]']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /Unknown function "rleu".*relu/);
  assert.equal(unknown.stderr.trim().split('\n').length, 1);

  const shapes = cli(['loss', 'mse', '--y-true', '[1, 2, 3]', '--y-pred', '[1, 2]']);
  assert.equal(shapes.code, 2);
  assert.match(shapes.stderr, /\[3\]/);
  assert.match(shapes.stderr, /\[2\]/);

  const badParam = cli(['eval', 'elu', '[1]', '--param', 'alpha']);
  assert.equal(badParam.code, 2);
  assert.match(badParam.stderr, /--param/);

  const badArray = cli(['eval', 'relu', '[1, oops]']);
  assert.equal(badArray.code, 2);
  assert.match(badArray.stderr, /ARRAY/);

  for (const result of [unknown, shapes, badParam, badArray]) assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
});

test('messages follow LANG and --lang (Simplified Chinese)', () => {
  assert.match(cli(['eval', 'rleu', '[1]'], { lang: 'zh_CN.UTF-8' }).stderr, /未知函数/);
  assert.match(cli(['eval', 'rleu', '[1]', '--lang', 'zh-cn']).stderr, /未知函数/);
  assert.match(cli(['--help'], { lang: 'zh_CN.UTF-8' }).stdout, /用法/);
});

test('list --json describes every function with per-framework parameter defaults', () => {
  const { code, stdout } = cli(['list', '--json']);
  assert.equal(code, 0);
  const functions = (JSON.parse(stdout) as { functions: { id: string; kind: string; params: { name: string; defaults: Record<string, unknown> }[]; formula: { text: string } }[] }).functions;
  const leaky = functions.find((f) => f.id === 'leaky_relu');
  assert.ok(leaky);
  const slope = leaky.params.find((p) => p.name === 'negative_slope');
  assert.deepEqual(slope?.defaults, { torch: 0.01, keras: 0.2, tfjs: 0.3 });
  for (const id of ['sigmoid', 'softmax', 'glu', 'mse', 'kl_divergence', 'triplet_margin_loss']) assert.ok(functions.some((f) => f.id === id), id);
  assert.ok(functions.every((f) => f.formula.text.length > 0));
});

test('scan --json lists mentions with 1-based positions of the name token, and notebooks carry the cell', () => {
  const dir = mkdtempSync(join(tmpdir(), 'formula-lens-cli-'));
  const python = join(dir, 'model.py');
  writeFileSync(python, 'import torch.nn as nn\n# nn.ReLU() in a comment is not a mention\nact = nn.LeakyReLU(0.1)\nloss = nn.KLDivLoss(reduction="batchmean", log_target=True)\n');
  const { code, stdout } = cli(['scan', python, '--json']);
  assert.equal(code, 0);
  const mentions = (JSON.parse(stdout) as { mentions: Record<string, unknown>[] }).mentions;
  assert.deepEqual(mentions.map((m) => [m.line, m.column, m.endColumn, m.kind, m.name, m.framework]), [
    [3, 10, 19, 'activation', 'leaky_relu', 'torch'],
    [4, 11, 20, 'loss', 'kl_divergence', 'torch'],
  ]);
  assert.deepEqual(mentions[0]!.params, { negative_slope: 0.1 });
  assert.equal((mentions[1]!.params as Record<string, unknown>).log_target, true);

  const notebook = join(dir, 'nb.ipynb');
  writeFileSync(notebook, JSON.stringify({ cells: [
    { cell_type: 'markdown', source: ['# relu\n'] },
    { cell_type: 'code', source: ['import torch\n', 'y = torch.sigmoid(x)\n'] },
  ], metadata: {}, nbformat: 4, nbformat_minor: 5 }));
  const nb = JSON.parse(cli(['scan', notebook, '--json']).stdout) as { mentions: Record<string, unknown>[] };
  assert.deepEqual(nb.mentions.map((m) => [m.cell, m.line, m.column, m.name]), [[1, 2, 11, 'sigmoid']]);

  const unknown = cli(['scan', join(dir, 'model.txt')]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /\.py/);
});

test('train --json is seeded and reports per-step losses, weights and metrics; a bad config names the field', () => {
  const dir = mkdtempSync(join(tmpdir(), 'formula-lens-cli-'));
  const config = join(dir, 'xor.yaml');
  writeFileSync(config, 'data: { name: xor, samples: 80 }\nmodel:\n  layers: [{ units: 4, activation: tanh }]\nloss: binary_crossentropy\noptimizer: { name: sgd, lr: 0.5 }\nbatch_size: 8\nseed: 3\n');
  const first = cli(['train', config, '--steps', '5', '--json']);
  assert.equal(first.code, 0, first.stderr);
  const run = JSON.parse(first.stdout) as { steps: number; losses: number[]; train: { loss: number; accuracy: number }; weights: { layers: unknown[] } };
  assert.equal(run.steps, 5);
  assert.equal(run.losses.length, 5);
  assert.ok(run.losses.every((l) => Number.isFinite(l)));
  assert.ok(run.weights.layers.length >= 2);
  assert.ok(run.train.accuracy >= 0 && run.train.accuracy <= 1);
  assert.equal(cli(['train', config, '--steps', '5', '--json']).stdout, first.stdout, 'same seed, same run');

  const bad = join(dir, 'bad.yaml');
  writeFileSync(bad, 'data: { name: cirle }\nloss: mse\n');
  const rejected = cli(['train', bad]);
  assert.equal(rejected.code, 2);
  assert.match(rejected.stderr, /data\.name.*circle/);
  assert.equal(cli(['train', config, '--steps', '0']).code, 2);
});
