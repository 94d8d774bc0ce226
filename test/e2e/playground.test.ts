/**
 * The Playground in the real workbench (packaged VSIX in code-server): opened from the palette, it draws
 * curves and reads their values, re-themes live, explores losses (a two-input one too), compiles a custom
 * formula with its derivative, exports PNG and CSV through the save dialog, stays a single panel and restores
 * its state after a window reload. Screenshots of every step go to test-results/e2e/playground/.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FrameLocator, Page } from 'playwright-core';
import { openWorkbench, runCommand, webviewFrame, type Workbench } from './workbench';

const TITLE = 'Formula Lens Playground';

/** The Playground page once it has drawn (the tab strip exists only after the script ran). */
async function playground(page: Page): Promise<FrameLocator> {
  const frame = webviewFrame(page);
  await frame.locator('[role=tablist]').waitFor({ timeout: 30_000 });
  return frame;
}

/** The readout row of a function: its f(x) and f′(x) (or loss and gradient) cells. */
async function readoutRow(frame: FrameLocator, panel: string, label: string): Promise<string[]> {
  const row = frame.locator(`#panel-${panel} .readout tbody tr`).filter({ has: frame.locator('th', { hasText: label }) }).first();
  await row.waitFor({ timeout: 10_000 });
  return row.locator('td').allInnerTexts();
}

/** The RGBA of the chart's top-left corner: the themed background the chart paints itself. */
async function chartBackground(frame: FrameLocator, panel: string): Promise<number[]> {
  return frame.locator(`#panel-${panel} canvas`).first().evaluate((canvas: HTMLCanvasElement) => [...canvas.getContext('2d')!.getImageData(1, 1, 1, 1).data]);
}

/** Numbers as the page prints them use U+2212 for minus. */
function parseShown(text: string): number {
  return Number(text.replace('−', '-'));
}

/** Clicks an export button, answers VS Code's save dialog with `target` and returns the written bytes. */
async function saveThroughDialog(workbench: Workbench, frame: FrameLocator, buttonText: string, target: string): Promise<Buffer> {
  const { page } = workbench;
  rmSync(target, { force: true });
  await frame.locator('#panel-curves button', { hasText: buttonText }).click();
  // code-server shows VS Code's simple file dialog: a quick input holding the path.
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await workbench.step(`save-dialog-${buttonText}`, () => input.waitFor({ state: 'visible', timeout: 15_000 }));
  await input.fill(target);
  // The dialog re-lists the folder as the path changes: confirm with its OK button once the path is in,
  // and again if a re-listing swallowed the first confirmation.
  const ok = page.locator('.quick-input-widget .monaco-button', { hasText: /^OK$/ });
  const deadline = Date.now() + 15_000;
  while (!existsSync(target) && Date.now() < deadline) {
    if (await ok.isVisible()) await ok.click().catch(() => undefined);
    await page.waitForTimeout(500);
  }
  await workbench.screenshot(`saved-${buttonText}`);
  assert.ok(existsSync(target), `${target} was not written`);
  const bytes = readFileSync(target);
  rmSync(target, { force: true });
  return bytes;
}

describe('Playground panel in the workbench', () => {
  let workbench: Workbench;
  before(async () => {
    workbench = await openWorkbench('playground');
  });
  after(async () => {
    await workbench?.close();
  });

  test('opens from the palette and reads exact curve values under the crosshair', async () => {
    const { page } = workbench;
    await workbench.step('open-playground', () => runCommand(page, `Formula Lens: Open Playground`));
    const frame = await workbench.step('curves-drawn', () => playground(page));
    assert.deepEqual(await readoutRow(frame, 'curves', 'Sigmoid'), ['0.5', '0.25', '']);
    assert.deepEqual(await readoutRow(frame, 'curves', 'ReLU'), ['0', '0', 'dead']);
    // Keyboard: focus the chart and jump the crosshair to the right end of the range (x = 6).
    await frame.locator('#panel-curves canvas').focus();
    await page.keyboard.press('End');
    await workbench.step('crosshair-at-6', () => frame.locator('#panel-curves .readout caption', { hasText: 'x = 6' }).waitFor());
    const [sigmoid6, dsigmoid6] = (await readoutRow(frame, 'curves', 'Sigmoid')).map(parseShown);
    assert.ok(Math.abs(sigmoid6! - 1 / (1 + Math.exp(-6))) < 1e-6, `σ(6) shown as ${sigmoid6}`);
    assert.ok(Math.abs(dsigmoid6! - Math.exp(-6) / (1 + Math.exp(-6)) ** 2) < 1e-6, `σ′(6) shown as ${dsigmoid6}`);
    const regions = await frame.locator('#panel-curves .regions').innerText();
    assert.match(regions, /ReLU: dead \(f′ = 0\) for x ≤ 0/);
    assert.match(regions, /Tanh: saturated/);
  });

  test('switching the color theme re-themes the page and its charts live', async () => {
    const { page } = workbench;
    const frame = await playground(page);
    const classBefore = await frame.locator('body').getAttribute('class');
    const backgroundBefore = await chartBackground(frame, 'curves');
    await workbench.step('toggle-theme', () => runCommand(page, 'Preferences: Toggle between Light/Dark Themes'));
    await frame.locator('body').and(frame.locator(`body:not([class="${classBefore}"])`)).waitFor({ timeout: 10_000 });
    const classAfter = await frame.locator('body').getAttribute('class');
    assert.notEqual(classAfter, classBefore);
    assert.match(classAfter ?? '', /vscode-(light|dark|high-contrast)/);
    // The chart paints its own background from the theme variables: it must have changed with the theme.
    let backgroundAfter = backgroundBefore;
    for (let attempt = 0; attempt < 50 && backgroundAfter.join() === backgroundBefore.join(); attempt++) {
      await page.waitForTimeout(100);
      backgroundAfter = await chartBackground(frame, 'curves');
    }
    await workbench.screenshot('theme-toggled');
    assert.notDeepEqual(backgroundAfter, backgroundBefore, 'the chart background did not follow the theme');
  });

  test('the loss explorer shows why cross-entropy keeps the gradient when MSE on a sigmoid loses it', async () => {
    const { page } = workbench;
    const frame = await playground(page);
    await frame.locator('[role=tab][data-tab=loss]').click();
    await workbench.step('loss-explorer', () => frame.locator('#panel-loss .readout tbody tr').first().waitFor());
    const [mse0, dmse0] = (await readoutRow(frame, 'loss', 'Mean squared error')).map(parseShown);
    const [bce0, dbce0] = (await readoutRow(frame, 'loss', 'Binary cross-entropy')).map(parseShown);
    assert.deepEqual([mse0, dmse0], [0.25, -0.25]);
    assert.ok(Math.abs(bce0! - Math.LN2) < 1e-6 && dbce0 === -0.5);
    // z = -10: a confidently wrong prediction for y_true = 1.
    await frame.locator('#panel-loss canvas').focus();
    await page.keyboard.press('Home');
    await workbench.step('confidently-wrong', () => frame.locator('#panel-loss .readout caption', { hasText: 'x = −10' }).waitFor());
    const dmse = parseShown((await readoutRow(frame, 'loss', 'Mean squared error'))[1]!);
    const dbce = parseShown((await readoutRow(frame, 'loss', 'Binary cross-entropy'))[1]!);
    assert.ok(Math.abs(dmse) < 1e-3, `MSE gradient at z = -10: ${dmse}`);
    assert.ok(dbce < -0.99, `BCE gradient at z = -10: ${dbce}`);
  });

  test('a loss of two inputs (margin ranking) is drawn against the score difference x1 − x2', async () => {
    const { page } = workbench;
    const frame = await playground(page);
    await frame.locator('[data-focus-key=problem]').selectOption('rankingPair');
    await frame.locator('#panel-loss [data-focus-key=add-loss]').selectOption('catalog:margin_ranking_loss');
    await frame.locator('#panel-loss [data-focus-key=add-button-loss]').click();
    // The range is now [−3, 3] and the crosshair, left at −10, stays at its left end. Margin 0, y = 1: max(0, −(x1 − x2)).
    await workbench.step('ranking-pair', () => frame.locator('#panel-loss .readout caption', { hasText: 'x = −3' }).waitFor());
    assert.deepEqual(await readoutRow(frame, 'loss', 'Margin ranking loss'), ['3', '−1']);
    assert.match(await frame.locator('#panel-loss canvas').getAttribute('aria-label') ?? '', /^Chart of Margin ranking loss\./);
    assert.equal(await frame.locator('#panel-loss .hint.empty').isVisible(), false);
    await frame.locator('#panel-loss canvas').focus();
    await page.keyboard.press('End');
    await frame.locator('#panel-loss .readout caption', { hasText: 'x = 3' }).waitFor();
    assert.deepEqual(await readoutRow(frame, 'loss', 'Margin ranking loss'), ['0', '0']);
    // y = −1 asks for x2 above x1: a difference of 3 costs 3.
    await frame.locator('[data-focus-key=pair-target]').selectOption('0');
    await workbench.step('ranking-pair-y-minus-1', () => frame.locator('#panel-loss .readout td', { hasText: /^3$/ }).waitFor());
    assert.deepEqual(await readoutRow(frame, 'loss', 'Margin ranking loss'), ['3', '1']);
    // Back to the binary problem (the reload test below reads its target), without the pair loss.
    await frame.locator('#panel-loss button[aria-label="Remove Margin ranking loss"]').click();
    await frame.locator('[data-focus-key=problem]').selectOption('binary');
    await frame.locator('[data-focus-key=binary-target]').waitFor();
  });

  test('a custom formula shows its symbolic derivative and is drawn next to the built-ins', async () => {
    const { page } = workbench;
    const frame = await playground(page);
    await frame.locator('[role=tab][data-tab=custom]').click();
    await frame.locator('[data-focus-key=formula-kind]').selectOption('activation');
    await frame.locator('textarea.formula-input').fill('x * sigmoid(x)');
    const derivative = await workbench.step('custom-derivative', async () => {
      const shown = frame.locator('[data-formula=derivative]');
      await shown.waitFor({ timeout: 30_000 });
      return shown.innerText();
    });
    assert.match(derivative, /^f′\(x\) = .*sigmoid\(x\)/);
    await frame.locator('textarea.formula-input').fill('x * sigmoid(x) +* 2');
    await workbench.step('custom-error', () => frame.locator('.formula-status .error', { hasText: 'Column' }).waitFor({ timeout: 10_000 }));
    await frame.locator('textarea.formula-input').fill('x * sigmoid(x)');
    await frame.locator('[data-formula=derivative]').waitFor();
    await frame.locator('[data-focus-key=formula-name]').fill('e2e_swish');
    await frame.locator('[data-focus-key=formula-draw]').click();
    await workbench.step('custom-drawn', () => frame.locator('#panel-curves').waitFor({ state: 'visible' }));
    const [value, slope] = (await readoutRow(frame, 'curves', 'e2e_swish')).map(parseShown);
    // The crosshair is still at x = 6: swish(6) = 6σ(6), swish′(6) = σ(6)(1 + 6(1 − σ(6))).
    const s = 1 / (1 + Math.exp(-6));
    assert.ok(Math.abs(value! - 6 * s) < 1e-5 && Math.abs(slope! - s * (1 + 6 * (1 - s))) < 1e-5, `e2e_swish at 6: ${value}, ${slope}`);
  });

  test('Export PNG and Export CSV go through the save dialog and write the files', async () => {
    const { page } = workbench;
    const frame = await playground(page);
    const png = await saveThroughDialog(workbench, frame, 'Export PNG', join(tmpdir(), `formula-lens-e2e-${process.pid}.png`));
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'not a PNG');
    const csv = (await saveThroughDialog(workbench, frame, 'Export CSV', join(tmpdir(), `formula-lens-e2e-${process.pid}.csv`))).toString('utf8');
    const [header, first] = csv.split('\n');
    assert.equal(header, 'x,ReLU,ReLU (derivative),Sigmoid,Sigmoid (derivative),Tanh,Tanh (derivative),e2e_swish,e2e_swish (derivative)');
    assert.equal(first!.split(',')[0], '-6');
    assert.equal(csv.trim().split('\n').length, 802, 'a header and 801 samples');
  });

  test('running the command again re-focuses the one panel', async () => {
    const { page } = workbench;
    await runCommand(page, 'Formula Lens: Open Playground');
    await playground(page);
    await workbench.screenshot('single-panel');
    assert.equal(await page.locator('.tabs-container .tab').filter({ hasText: TITLE }).count(), 1);
  });

  test('a window reload restores the panel with its state', async () => {
    const { page } = workbench;
    const frame = await playground(page);
    await frame.locator('[role=tab][data-tab=loss]').click();
    await frame.locator('[data-focus-key=binary-target]').selectOption('0');
    await frame.locator('#panel-loss .readout tbody tr').first().waitFor();
    await workbench.step('before-reload', () => frame.locator('#panel-framework').selectOption('keras'));
    await runCommand(page, 'Developer: Reload Window');
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    const restored = await workbench.step('after-reload', () => playground(page));
    assert.equal(await restored.locator('[role=tab][aria-selected=true]').innerText(), 'Loss explorer');
    assert.equal(await restored.locator('[data-focus-key=binary-target]').inputValue(), '0');
    assert.equal(await restored.locator('#panel-framework').inputValue(), 'keras');
    // The saved custom formula is still drawn on the Curves tab.
    await restored.locator('[role=tab][data-tab=curves]').click();
    await readoutRow(restored, 'curves', 'e2e_swish');
    await workbench.screenshot('restored-curves');
  });
});
