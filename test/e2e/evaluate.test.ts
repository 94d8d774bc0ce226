/**
 * Evaluating selections and evaluation files in the real workbench (packaged VSIX in code-server): the
 * commands run from the palette (and a keybinding) on real selections of examples/arrays.py, the pickers
 * are driven like a user would, and the results view and the inline decorations are read back.
 * Step screenshots go to test-results/e2e/evaluate/; clean ones for the README to test-results/e2e/readme/.
 * Nothing here edits a file: the web workbench saves edits automatically.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FrameLocator, Page } from 'playwright-core';
import { chooseQuickPick, codeLensTexts, goTo, normalizeSpaces, openFile, openWorkbench, positionOf, resultsRoot, runCommand, webviewFrame, type Workbench } from './workbench';

const readmeShots = join(resultsRoot, 'readme');

/** The results page once it shows a heading matching `title` (it is re-rendered for every result). */
async function resultsPage(page: Page, title: RegExp, timeoutMs = 30_000): Promise<FrameLocator> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const count = await page.locator('iframe.webview.ready').count();
    for (let i = count - 1; i >= 0; i--) {
      const frame = webviewFrame(page, i);
      const heading = frame.locator('body[data-result-id] h1');
      if ((await heading.count().catch(() => 0)) > 0 && title.test(normalizeSpaces(await heading.innerText().catch(() => '')))) return frame;
    }
    if (Date.now() > deadline) throw new Error(`no Formula Lens Results page with a heading matching ${title} within ${timeoutMs} ms`);
    await page.waitForTimeout(250);
  }
}

/**
 * The inline result texts of the active editor. Decorations with `after` text are drawn by CSS
 * (`::after { content: "…" }`), so the text is read from the computed style, not from the DOM.
 */
async function inlineTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    const spans = document.querySelectorAll('.editor-group-container.active .monaco-editor .view-lines span');
    for (const span of Array.from(spans)) {
      for (const pseudo of ['::after', '::before']) {
        const content = getComputedStyle(span, pseudo).content;
        if (!content || content === 'none' || content === 'normal' || !content.startsWith('"')) continue;
        texts.push(content.slice(1, -1).replace(/\\(.)/g, '$1'));
      }
    }
    return texts.filter((text) => /^[→⇄ƒ✗]/.test(text));
  });
}

/** Waits until an inline text matching `pattern` is drawn; returns every inline text. */
async function waitForInline(page: Page, pattern: RegExp, timeoutMs = 15_000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  let last: string[] = [];
  while (Date.now() < deadline) {
    last = (await inlineTexts(page)).map(normalizeSpaces);
    if (last.some((text) => pattern.test(text))) return last;
    await page.waitForTimeout(200);
  }
  throw new Error(`no inline result matching ${pattern}; shown: ${JSON.stringify(last)}`);
}

/** Selects from a 1-based position to the end of its line. */
async function selectToLineEnd(page: Page, line: number, column: number): Promise<void> {
  await goTo(page, line, column);
  await page.keyboard.press('Shift+End');
}

const quickInput = '.quick-input-widget .quick-input-box input';

/**
 * Picks a function in the command's picker by typing its name and clicking its row, then returns the
 * parameter box that replaces the picker (its value is the parameter line with the defaults).
 */
async function pickFunctionThenParams(page: Page, label: string, timeoutMs = 20_000): Promise<string> {
  const input = page.locator(quickInput);
  await input.waitFor({ state: 'visible', timeout: timeoutMs });
  await input.fill(label);
  await page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: label }).first().click();
  // The parameter box reuses the quick input: wait until it holds a parameter line.
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await input.inputValue().catch(() => '');
    if (value.includes('=')) return value;
    if (Date.now() > deadline) throw new Error(`no parameter box after picking ${label}; the input shows ${JSON.stringify(value)}`);
    await page.waitForTimeout(100);
  }
}

/** A clean screenshot for the README: no notification toasts, nothing else open. */
async function readmeShot(page: Page, name: string): Promise<void> {
  mkdirSync(readmeShots, { recursive: true });
  await page.locator('.notifications-toasts .notification-toast').first().waitFor({ state: 'detached', timeout: 8_000 }).catch(() => undefined);
  await page.screenshot({ path: join(readmeShots, `${name}.png`) });
}

/** Drags the sash between the editor and the results view to give the editor `pixels` more room. */
async function widenEditor(page: Page, pixels: number): Promise<void> {
  const box = await page.locator('.editor-group-container').first().boundingBox();
  if (!box) return;
  const x = box.x + box.width;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + pixels, y, { steps: 8 });
  await page.mouse.up();
}

/** The cells of the results table rows (first table of the first section). */
async function tableRows(frame: FrameLocator, section = 0): Promise<string[][]> {
  const rows = frame.locator('section.result').nth(section).locator('table.values').last().locator('tbody tr');
  const count = await rows.count();
  const out: string[][] = [];
  for (let i = 0; i < count; i++) out.push((await rows.nth(i).locator('td').allInnerTexts()).map(normalizeSpaces));
  return out;
}

describe('Evaluating selections and evaluation files in the workbench', () => {
  let workbench: Workbench;
  before(async () => {
    workbench = await openWorkbench('evaluate');
    // Room for the editor, its inline results and the results view side by side (also for the README shots).
    await workbench.page.setViewportSize({ width: 1920, height: 1080 });
    await runCommand(workbench.page, 'View: Close Primary Side Bar');
    // The minimap would cover the end of long lines, where inline results are drawn.
    await runCommand(workbench.page, 'View: Toggle Minimap');
  });
  after(async () => {
    if (workbench) await runCommand(workbench.page, 'View: Toggle Minimap').catch(() => undefined);
    await workbench?.close();
  });

  test('Apply Activation to Selection: pick Leaky ReLU, keep the defaults, read the view and the inline result', async () => {
    const { page } = workbench;
    await workbench.step('open-arrays', () => openFile(page, 'arrays.py'));
    const literal = positionOf('arrays.py', '[-3.0, -1.0, -0.25');
    await workbench.step('select-around-zero', () => selectToLineEnd(page, literal.line, literal.column));
    await workbench.step('run-apply-activation', () => runCommand(page, 'Formula Lens: Apply Activation to Selection'));
    // arrays.py imports no framework: the default setting (torch) gives slope 0.01.
    assert.equal(await workbench.step('pick-leaky-relu', () => pickFunctionThenParams(page, 'Leaky ReLU')), 'negative_slope=0.01');
    await page.keyboard.press('Enter');

    const frame = await workbench.step('results-view', () => resultsPage(page, /Leaky ReLU on around_zero/));
    const rows = await tableRows(frame);
    assert.deepEqual(rows.map((row) => row.slice(1, 4)), [
      ['-3', '-0.03', '0.01'], ['-1', '-0.01', '0.01'], ['-0.25', '-0.0025', '0.01'], ['0', '0', '0.01'], ['0.25', '0.25', '1'], ['1', '1', '1'], ['3', '3', '1'],
    ]);
    const stats = normalizeSpaces(await frame.locator('dl.stats').first().innerText());
    assert.match(stats, /Dead \(f′ = 0\)\s*0 \(0\.0%\)/);
    const inline = await waitForInline(page, /^→ leaky_relu:/);
    assert.ok(inline.includes('→ leaky_relu: [-0.03, -0.01, -0.0025, 0, 0.25, 1, 3]'), JSON.stringify(inline));
    // Room for the inline result next to the line; the view keeps the rest (also for the later shots).
    await widenEditor(page, 220);
    await readmeShot(page, 'apply-activation');

    // A button of the view posts its action to the extension, which copies and says so in the status bar.
    await workbench.step('copy-json-from-view', async () => {
      await frame.locator('button[data-action="copy"][data-format="json"][data-part="value"]').click();
      await page.locator('.statusbar', { hasText: 'Copied 7 values as JSON' }).waitFor({ timeout: 10_000 });
    });
    // The click left the focus in the view: click back into arrays.py for the keyboard.
    await page.locator('.editor-group-container').first().locator('.monaco-editor .view-lines').first().click({ position: { x: 5, y: 5 } });
    await goTo(page, literal.line, literal.column);

    // Escape in the editor hides the inline result (the results view stays).
    await workbench.step('escape-hides-inline', async () => {
      await page.keyboard.press('Escape');
      const deadline = Date.now() + 10_000;
      while ((await inlineTexts(page)).length > 0 && Date.now() < deadline) await page.waitForTimeout(200);
    });
    assert.deepEqual(await inlineTexts(page), []);
  });

  test('Compute Loss on Selection (Ctrl+Alt+L): mse on the y_true and y_pred lines, with each contribution', async () => {
    const { page } = workbench;
    const start = positionOf('arrays.py', 'y_true = [');
    await workbench.step('select-y-true-y-pred', async () => {
      await goTo(page, start.line, 1);
      await page.keyboard.press('Shift+ArrowDown');
      await page.keyboard.press('Shift+End');
    });
    await workbench.step('keybinding-compute-loss', () => page.keyboard.press('Control+Alt+L'));
    assert.equal(await workbench.step('pick-mse', () => pickFunctionThenParams(page, 'Mean squared error')), 'reduction=mean');
    await page.keyboard.press('Enter');

    const frame = await workbench.step('loss-results', () => resultsPage(page, /Mean squared error \(mean\)/));
    assert.equal(normalizeSpaces(await frame.locator('.loss-value').innerText()), 'Loss (mean) = 9.83');
    const contributions = await frame.locator('section.result table.values').first().locator('tbody tr').last().locator('td').allInnerTexts();
    // The outlier (12.0 against 5.0) carries almost all of the loss.
    assert.equal(contributions[3], '99.7%');
    await waitForInline(page, /^→ mse \(mean\) = 9\.83$/);
    await readmeShot(page, 'compute-loss');
  });

  test('Compare Frameworks on Selection: hard sigmoid differs between torch / Keras 3 and TF.js', async () => {
    const { page } = workbench;
    const literal = positionOf('arrays.py', '[-3.0, -1.0, -0.25');
    await workbench.step('select-again', () => selectToLineEnd(page, literal.line, literal.column));
    await workbench.step('run-compare', () => runCommand(page, 'Formula Lens: Compare Frameworks on Selection'));
    // The most recently used activation comes first.
    const firstRow = page.locator('.quick-input-widget .monaco-list-row').first();
    await firstRow.waitFor({ timeout: 15_000 });
    const firstText = normalizeSpaces(await firstRow.innerText());
    assert.ok(firstText.includes('Leaky ReLU') && firstText.includes('Recently used'), firstText);
    await workbench.step('pick-hard-sigmoid', () => chooseQuickPick(page, 'Hard Sigmoid'));
    const frame = await workbench.step('compare-results', () => resultsPage(page, /Hard Sigmoid under torch, Keras 3 and TF\.js/));
    const summary = normalizeSpaces(await frame.locator('.summary').innerText());
    assert.match(summary, /^Values differ at [1-9]\d* of 7 positions/);
    assert.ok((await frame.locator('td.differs').count()) > 0, 'differing cells are highlighted');
    // The slope parameter: 1/6 in torch and Keras 3, 0.2 in TF.js.
    const slopeRow = await frame.locator('tr.differs', { hasText: 'slope' }).first().locator('td').allInnerTexts();
    assert.deepEqual(slopeRow.slice(1), ['0.16666666666666666', '0.16666666666666666', '0.2'], 'parameters are shown exactly');
    // Values show 10 significant digits; the exact value is the cell's tooltip.
    const values = frame.locator('section.result table.values').nth(1).locator('tbody tr').nth(1).locator('td');
    assert.deepEqual((await values.allInnerTexts()).slice(1), ['-1', '0.3333333333', '0.3333333333', '0.3']);
    assert.equal(await values.nth(2).getAttribute('title'), '0.3333333333333333');
    await waitForInline(page, /^⇄ hardsigmoid: frameworks differ on/);
    await readmeShot(page, 'compare-frameworks');
  });

  test('the picker switches the framework: Leaky ReLU under Keras 3 defaults to slope 0.2', async () => {
    const { page } = workbench;
    const literal = positionOf('arrays.py', '[-3.0, -1.0, -0.25');
    await workbench.step('select-for-switch', () => selectToLineEnd(page, literal.line, literal.column));
    await workbench.step('run-apply-again', () => runCommand(page, 'Formula Lens: Apply Activation to Selection'));
    const input = page.locator(quickInput);
    await input.fill('Use Keras 3 semantics');
    await page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: 'Use Keras 3 semantics' }).first().click();
    // The picker stays open with the new framework in its title.
    await workbench.step('keras-chosen', () => page.locator('.quick-input-widget .quick-input-title', { hasText: 'Keras 3 (chosen in the picker)' }).waitFor({ timeout: 10_000 }));
    assert.equal(await workbench.step('pick-leaky-relu-keras', () => pickFunctionThenParams(page, 'Leaky ReLU')), 'negative_slope=0.2');
    await page.keyboard.press('Escape');
  });

  test('evaluation file: ▶ Evaluate all runs every entry, results inline and in the view', async () => {
    const { page } = workbench;
    await workbench.step('open-evaluations', () => openFile(page, 'evaluations.formulalens.yaml'));
    const lenses = await workbench.step('lenses', async () => {
      const deadline = Date.now() + 30_000;
      for (;;) {
        const texts = (await codeLensTexts(page)).map(normalizeSpaces);
        if (texts.some((text) => text.includes('▶ Evaluate all (9)')) || Date.now() > deadline) return texts;
        await page.waitForTimeout(250);
      }
    });
    assert.ok(lenses.some((text) => text.includes('▶ Evaluate all (9)')), JSON.stringify(lenses));
    await workbench.step('click-evaluate-all', () => page.locator('.editor-group-container.active .codelens-decoration a', { hasText: '▶ Evaluate all (9)' }).first().click());
    const frame = await workbench.step('config-results', () => resultsPage(page, /evaluations\.formulalens\.yaml: 9 entries/));
    assert.equal(await frame.locator('section.result').count(), 9);
    // Lines below the viewport are not drawn: check the entries in view.
    const inline = await waitForInline(page, /^→ \[0, 0, 0, 0\.5, 2\]$/);
    for (const expected of ['→ [-0.6, -0.2, 0, 1, 3]', '→ [0, 0.3, 0.5, 0.7, 1]', '→ batchmean = 0.0295748']) assert.ok(inline.includes(expected), `${expected} in ${JSON.stringify(inline)}`);
    await readmeShot(page, 'config-file');
  });

  test('Evaluate Config File lists the activations and losses of a training config with their formulas', async () => {
    const { page } = workbench;
    await workbench.step('open-train-yaml', () => openFile(page, 'configs/train.yaml'));
    await workbench.step('run-evaluate-config', () => runCommand(page, 'Formula Lens: Evaluate Config File'));
    const frame = await workbench.step('listing', () => resultsPage(page, /train\.yaml: \d+ functions found/));
    const text = normalizeSpaces(await frame.locator('section.result').first().innerText());
    for (const name of ['gelu', 'log_softmax', 'nll_loss', 'smooth_l1', 'kl_divergence']) assert.ok(text.includes(name), `${name} missing in ${text}`);
    await readmeShot(page, 'config-listing');
  });
});
