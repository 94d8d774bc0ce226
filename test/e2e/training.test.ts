/**
 * The Playground's Training tab in the real workbench (packaged VSIX in code-server): the spiral trained with
 * ReLU layers in the web worker (the loss falls, the heat map changes), pause and a live learning-rate change
 * that keeps the run, a single step, a comparison of sigmoid and ReLU hidden layers, Keras code exported into
 * an untitled editor, a workspace CSV with bad rows imported once the user agrees, a divergence stopped with its
 * message, and a config file trained from its "Train in Playground" CodeLens and saved again with "Save as config…". Screenshots of every
 * step go to test-results/e2e/training/, and a clean picture of the tab to test-results/training.png.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FrameLocator, Page } from 'playwright-core';
import { chooseQuickPick, codeLensTexts, goTo, normalizeSpaces, openFile, openWorkbench, positionOf, repoRoot, runCommand, webviewFrame, type Workbench } from './workbench';

/** The Playground page on its Training tab, once the worker has reported the first state. */
async function trainingTab(page: Page): Promise<FrameLocator> {
  const frame = webviewFrame(page);
  await frame.locator('[role=tablist]').waitFor({ timeout: 30_000 });
  await frame.locator('[role=tab][data-tab=training]').click();
  await frame.locator('[data-testid=training-status][data-step]').waitFor({ timeout: 30_000 });
  return frame;
}

/** What the status line carries for tests: step, state, train loss, measured rates. */
async function status(frame: FrameLocator): Promise<{ step: number; state: string; trainLoss: number; stepsPerSecond: number; samplesPerSecond: number; viewUpdatesPerSecond: number; text: string }> {
  return frame.locator('[data-testid=training-status]').evaluate((element: HTMLElement) => ({
    step: Number(element.dataset['step']),
    state: element.dataset['state'] ?? '',
    trainLoss: Number(element.dataset['trainLoss']),
    stepsPerSecond: Number(element.dataset['stepsPerSecond']),
    samplesPerSecond: Number(element.dataset['samplesPerSecond']),
    viewUpdatesPerSecond: Number(element.dataset['viewUpdatesPerSecond']),
    text: element.textContent ?? '',
  }));
}

/** Polls the status until `done` holds (bounded). */
async function waitForStatus(frame: FrameLocator, what: string, done: (current: Awaited<ReturnType<typeof status>>) => boolean, timeoutMs = 30_000): Promise<Awaited<ReturnType<typeof status>>> {
  const deadline = Date.now() + timeoutMs;
  let last = await status(frame);
  while (!done(last)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last status: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await status(frame);
  }
  return last;
}

/** A checksum of the heat map's pixels: it changes when the predictions change. */
function fieldChecksum(frame: FrameLocator): Promise<number> {
  return frame.locator('[data-testid=field]').evaluate((canvas: HTMLCanvasElement) => {
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let hash = 0;
    for (let i = 0; i < data.length; i += 7) hash = (hash * 31 + data[i]!) >>> 0;
    return hash;
  });
}

/** Pauses the run if it is going, and waits until it has stopped. */
async function pause(frame: FrameLocator): Promise<void> {
  if ((await status(frame)).state === 'running') await frame.locator('[data-testid=train-run]').click();
  await waitForStatus(frame, 'a stopped run', (current) => current.state !== 'running');
}

/** Sets a control's value and fires `change`, as a user leaving the field does. */
async function setValue(frame: FrameLocator, selector: string, value: string): Promise<void> {
  const input = frame.locator(selector);
  await input.fill(value);
  await input.dispatchEvent('change');
}

describe('Training in the Playground', () => {
  let workbench: Workbench;
  before(async () => {
    workbench = await openWorkbench('training');
  });
  after(async () => {
    await workbench?.close();
  });

  test('trains the spiral with ReLU layers in the worker: the loss falls and the heat map changes', async () => {
    const { page } = workbench;
    await workbench.step('open-playground', () => runCommand(page, 'Formula Lens: Open Playground'));
    const frame = await workbench.step('training-tab', () => trainingTab(page));
    await frame.locator('[data-testid=dataset]').selectOption('spiral');
    await frame.locator('[data-testid=layer-0-activation]').selectOption('relu');
    await frame.locator('[data-testid=layer-1-activation]').selectOption('relu');
    const initial = await waitForStatus(frame, 'the fresh job', (current) => current.step === 0 && current.state === 'idle');
    const initialField = await fieldChecksum(frame);
    await frame.locator('[data-testid=train-speed]').selectOption('500');
    await frame.locator('[data-testid=train-run]').click();
    const trained = await workbench.step('spiral-training', () => waitForStatus(frame, '400 steps', (current) => current.step >= 400 && current.state === 'running'));
    assert.ok(trained.trainLoss < initial.trainLoss * 0.8, `the training loss fell: ${initial.trainLoss} → ${trained.trainLoss}`);
    assert.notEqual(await fieldChecksum(frame), initialField, 'the heat map changed');
    assert.match(trained.text, /steps\/s/);
    assert.ok(trained.stepsPerSecond > 300 && trained.stepsPerSecond < 700, `paced at 500 steps/s: measured ${trained.stepsPerSecond}`);
  });

  test('pause, a live learning-rate change and single steps keep the run; it resumes from there', async () => {
    const { page } = workbench;
    const frame = await trainingTab(page);
    await frame.locator('[data-testid=train-run]').click();
    const paused = await workbench.step('paused', () => waitForStatus(frame, 'the pause', (current) => current.state === 'paused'));
    await setValue(frame, '[data-testid=learning-rate]', '0.003');
    await frame.locator('[data-testid=train-step]').click();
    const stepped = await workbench.step('one-step', () => waitForStatus(frame, 'one step', (current) => current.step === paused.step + 1));
    assert.equal(stepped.state, 'paused', 'a single step keeps the run paused');
    await frame.locator('[data-testid=train-run]').click();
    const resumed = await workbench.step('resumed', () => waitForStatus(frame, 'the resumed run', (current) => current.step > paused.step + 50));
    assert.equal(resumed.state, 'running');
    // Flat out on a long run (a new length restarts the run, still training): measure the worker and the page.
    await setValue(frame, '[data-focus-key=duration]', '100000');
    await frame.locator('[data-testid=train-speed]').selectOption('0');
    await waitForStatus(frame, 'the long run', (current) => current.state === 'running' && current.step > 0 && current.stepsPerSecond > 0);
    await page.waitForTimeout(2000);
    const fast = await workbench.step('flat-out', () => status(frame));
    console.log(`measured: ${Math.round(fast.stepsPerSecond)} steps/s, ${Math.round(fast.samplesPerSecond)} samples/s in the worker; ${fast.viewUpdatesPerSecond} view updates/s`);
    assert.equal(fast.state, 'running');
    assert.ok(fast.viewUpdatesPerSecond <= 31, `at most ~30 view updates a second: ${fast.viewUpdatesPerSecond}`);
    assert.ok(fast.stepsPerSecond > 1000, `flat out: ${fast.stepsPerSecond} steps/s`);
    await frame.locator('[data-testid=train-speed]').selectOption('500');
    const layers = await frame.locator('.layer-table tbody tr').count();
    assert.equal(layers, 3, 'two hidden layers and the output layer have a gradient row');
  });

  test('compares sigmoid and ReLU hidden layers: both curves run the same steps', async () => {
    const { page } = workbench;
    const frame = await trainingTab(page);
    await frame.locator('[data-testid=compare] summary').click();
    await frame.locator('[data-focus-key=compare-dimension]').selectOption('activation');
    for (const id of ['relu', 'sigmoid']) {
      const box = frame.locator(`[data-choice=${id}]`);
      if (!(await box.isChecked())) await box.check();
    }
    await setValue(frame, '[data-focus-key=compare-steps]', '300');
    await frame.locator('[data-testid=compare-run]').click();
    const rows = frame.locator('[data-testid=compare-results] tbody tr');
    await workbench.step('comparison-done', async () => {
      await rows.first().waitFor({ timeout: 20_000 });
      await frame.locator('[data-testid=compare-results] tbody tr[data-state=running]').first().waitFor({ state: 'detached', timeout: 60_000 });
    });
    const runs = await rows.evaluateAll((items) => items.map((row) => ({ run: row.getAttribute('data-run'), state: row.getAttribute('data-state'), loss: Number((row.querySelector('[data-value=train-loss]')?.textContent ?? '').replace('−', '-')) })));
    assert.deepEqual(runs.map((run) => [run.run, run.state]), [['ReLU', 'done'], ['Sigmoid', 'done']]);
    assert.ok(runs.every((run) => Number.isFinite(run.loss) && run.loss > 0), JSON.stringify(runs));
  });

  test('exports Keras code into an untitled Python editor', async () => {
    const { page } = workbench;
    const frame = await trainingTab(page);
    await frame.locator('[data-testid=export-target]').selectOption('keras');
    await frame.locator('[data-testid=export-open]').click();
    const editor = page.locator('.editor-group-container .monaco-editor .view-lines').filter({ hasText: 'Formula Lens training configuration as a Keras 3 script' }).first();
    await workbench.step('keras-export', () => editor.waitFor({ timeout: 20_000 }));
    const text = normalizeSpaces(await editor.innerText());
    assert.match(text, /import keras/);
    assert.match(text, /Model: +2 -> 8 relu -> 8 relu -> 1 sigmoid/);
    await runCommand(page, 'View: Revert and Close Editor');
  });

  test('a CSV file of the workspace becomes the data once the user agrees to skip its bad rows', async () => {
    const { page } = workbench;
    const frame = await trainingTab(page);
    await pause(frame);
    await frame.locator('[data-testid=data-source]').selectOption('file');
    await frame.locator('[data-testid=choose-file]').click();
    await workbench.step('pick-data-file', () => chooseQuickPick(page, 'two-moons.csv'));
    const badRows = frame.locator('[data-testid=bad-rows]');
    await workbench.step('bad-rows', () => badRows.waitFor({ timeout: 20_000 }));
    const report = await badRows.innerText();
    assert.match(report, /2 of 120 rows cannot be used/);
    assert.match(report, /Line 8: "n\/a" in column "x2" is not a number/);
    assert.match(report, /Line 24: no value in column "x2"/);
    const use = frame.locator('[data-testid=use-data]');
    assert.equal(await use.innerText(), 'Skip 2 bad rows and use 118');
    assert.doesNotMatch(await frame.locator('.field-legend').innerText(), /upper/, 'the data stay as they were until the user agrees');
    await use.click();
    await workbench.step('imported', () => frame.locator('.field-legend', { hasText: 'upper' }).waitFor({ timeout: 20_000 }));
    assert.match(await frame.locator('.field-legend').innerText(), /lower[\s\S]*upper/);
    await waitForStatus(frame, 'the job on the imported data', (current) => current.step === 0 && current.state === 'idle');
    await frame.locator('[data-testid=train-run]').click();
    const trained = await waitForStatus(frame, 'training on the imported data', (current) => current.step >= 200);
    assert.ok(Number.isFinite(trained.trainLoss));
    await frame.locator('[data-testid=train-run]').click();
  });

  test('points and labels selected in an editor become the data', async () => {
    const { page } = workbench;
    let frame = await trainingTab(page);
    await pause(frame);
    await workbench.step('open-arrays', () => openFile(page, 'arrays.py'));
    const start = positionOf('arrays.py', 'X = [[');
    await goTo(page, start.line, 1);
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+End');
    await page.locator('.tabs-container .tab', { hasText: 'Formula Lens Playground' }).click();
    frame = await trainingTab(page);
    await frame.locator('[data-testid=data-source]').selectOption('selection');
    await frame.locator('[data-testid=use-selection]').click();
    const use = frame.locator('[data-testid=use-data]');
    await workbench.step('selection-read', () => use.waitFor({ timeout: 20_000 }));
    assert.match(await frame.locator('[data-testid=data-import]').innerText(), /arrays\.py: 8 rows, 3 columns\./);
    assert.equal(await use.innerText(), 'Use 8 rows');
    await use.click();
    await workbench.step('selection-used', () => frame.locator('.training-controls', { hasText: 'Using arrays.py: 8 points.' }).waitFor({ timeout: 20_000 }));
    await frame.locator('[data-testid=train-step]').click();
    await waitForStatus(frame, 'a step on the selected points', (current) => current.step === 1);
  });

  test('divergence stops the run with a message naming the step; the last good state stays', async () => {
    const { page } = workbench;
    const frame = await trainingTab(page);
    await pause(frame);
    await frame.locator('[data-testid=data-source]').selectOption('builtin');
    await frame.locator('[data-testid=dataset]').selectOption('plane');
    await frame.locator('[data-focus-key=optimizer]').selectOption('sgd');
    await waitForStatus(frame, 'the new job on the plane', (current) => current.step === 0 && current.state === 'idle');
    // A live change of the learning rate: the job keeps its parameters and steps with the new rate.
    await setValue(frame, '[data-testid=learning-rate]', '1000000');
    await frame.locator('[data-testid=train-run]').click();
    const message = frame.locator('[data-testid=divergence]');
    await workbench.step('diverged', () => message.waitFor({ timeout: 20_000 }));
    assert.match(await message.innerText(), /^Training diverged at step \d+: the loss became (Infinity|NaN)\. The parameters from before that step were kept\. Try a smaller learning rate \(now 1000000\)\.$/);
    const stopped = await status(frame);
    assert.equal(stopped.state, 'diverged');
    assert.ok(Number.isFinite(stopped.trainLoss), 'the metrics are those of the last good parameters');
    assert.equal(await frame.locator('[data-testid=train-run]').innerText(), '▶ Restart');
    // A smaller rate and a restart from the initial weights train normally again.
    await setValue(frame, '[data-testid=learning-rate]', '0.01');
    await frame.locator('[data-testid=train-run]').click();
    const recovered = await workbench.step('restarted', () => waitForStatus(frame, 'the restarted run', (current) => current.state === 'running' && current.step > 50));
    assert.ok(Number.isFinite(recovered.trainLoss) && recovered.trainLoss < 1, `${recovered.trainLoss}`);
    await frame.locator('[data-testid=divergence]').waitFor({ state: 'detached', timeout: 5_000 });
    await pause(frame);
  });

  test('a training config file trains from its "Train in Playground" CodeLens; "Save as config…" writes it back', async () => {
    const { page } = workbench;
    await workbench.step('open-config', () => openFile(page, 'spiral.fltrain.yaml'));
    const lenses = await workbench.step('codelens', () => codeLensTexts(page));
    assert.ok(lenses.some((text) => text.includes('Train in Playground')), JSON.stringify(lenses));
    await page.locator('.editor-group-container.active .codelens-decoration a', { hasText: 'Train in Playground' }).first().click();
    const frame = webviewFrame(page);
    await frame.locator('[role=tab][data-tab=training][aria-selected=true]').waitFor({ timeout: 30_000 });
    assert.equal(await frame.locator('[data-testid=layer-0-activation]').inputValue(), 'tanh', 'the file\'s model is shown');
    const running = await workbench.step('config-training', () => waitForStatus(frame, 'the config to train', (current) => current.step >= 300));
    assert.ok(['running', 'finished'].includes(running.state));
    await waitForStatus(frame, 'a trained network', (current) => current.step >= 1500 || current.state === 'finished', 60_000);
    await pause(frame);
    // "Save as config…" writes the tab's setup as a config file (through VS Code's save dialog) and opens it.
    const target = join(tmpdir(), `formula-lens-e2e-${process.pid}.fltrain.yaml`);
    rmSync(target, { force: true });
    await frame.locator('[data-testid=export-target]').selectOption('config-yaml');
    await frame.locator('[data-testid=save-config]').click();
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await workbench.step('save-config-dialog', () => input.waitFor({ state: 'visible', timeout: 15_000 }));
    await input.fill(target);
    const ok = page.locator('.quick-input-widget .monaco-button', { hasText: /^OK$/ });
    const deadline = Date.now() + 15_000;
    while (!existsSync(target) && Date.now() < deadline) {
      if (await ok.isVisible()) await ok.click().catch(() => undefined);
      await page.waitForTimeout(500);
    }
    assert.ok(existsSync(target), `${target} was not written`);
    const saved = readFileSync(target, 'utf8');
    assert.match(saved, /^# Formula Lens training configuration/);
    for (const line of ['framework: torch', 'seed: 7', '  name: spiral', '  samples: 400', '  test_fraction: 0.3', '        name: tanh', 'epochs: 300']) assert.ok(saved.includes(`${line}\n`), `the saved config lacks "${line}":\n${saved}`);
    await workbench.step('saved-config-open', () => page.locator('.tabs-container .tab.active', { hasText: 'fltrain.yaml' }).waitFor({ timeout: 15_000 }));
    assert.ok((await codeLensTexts(page)).some((text) => text.includes('Train in Playground')), 'the saved file trains again from its CodeLens');
    await runCommand(page, 'View: Close Editor');
    rmSync(target, { force: true });
    await trainingTab(page);
    // A clean picture of the tab for the README: the top of the page, the comparison folded.
    await frame.locator('[data-testid=compare]').evaluate((details: HTMLDetailsElement) => (details.open = false));
    await frame.locator('body').evaluate(() => window.scrollTo(0, 0));
    mkdirSync(join(repoRoot, 'test-results'), { recursive: true });
    await page.locator('iframe.webview.ready').last().screenshot({ path: join(repoRoot, 'test-results', 'training.png') });
  });
});
