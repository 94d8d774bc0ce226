/**
 * The formula lens in the real workbench (packaged VSIX in code-server): the hover on a Keras and a PyTorch
 * line renders its formula, parameters and SVG chart; the CodeLens row shows above mentions; a misuse is
 * underlined and its quick fix is offered. Clean screenshots for the README are saved as
 * test-results/e2e/{hover-keras,hover-pytorch,codelens,misuse-quickfix}.png.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { codeLensTexts, goTo, normalizeSpaces, openFile, openWorkbench, positionOf, readHover, resultsRoot, runCommand, type Workbench } from './workbench';

/** The visible hover widget. */
function hoverWidget(page: Page): Locator {
  return page.locator('.monaco-editor .monaco-hover:not(.hidden), .monaco-editor .monaco-resizable-hover').first();
}

/** Waits until the hover's chart image has loaded and has a size (the data URI rendered). */
async function chartRendered(page: Page, reopen: () => Promise<unknown>): Promise<{ width: number; height: number }> {
  const image = hoverWidget(page).locator('img[src^="data:image/svg+xml"]').first();
  // The hover can close between reading its text and this check (a focus change in the workbench):
  // bounded retries that show it again, never a fixed sleep.
  for (let attempt = 1; ; attempt++) {
    try {
      await image.waitFor({ state: 'visible', timeout: 5_000 });
      break;
    } catch (error) {
      if (attempt >= 3) throw error;
      await reopen();
    }
  }
  await page.waitForFunction((element) => (element as HTMLImageElement).complete && (element as HTMLImageElement).naturalWidth > 0, await image.elementHandle(), { timeout: 15_000 });
  return image.evaluate((element: HTMLImageElement) => ({ width: element.naturalWidth, height: element.naturalHeight }));
}

/** Saves a README screenshot of the whole window under test-results/e2e/. */
async function readmeShot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(resultsRoot, name) });
}

describe('Formula lens in the workbench (packaged VSIX)', () => {
  let workbench: Workbench;
  before(async () => {
    workbench = await openWorkbench('lens');
  });
  after(async () => {
    await workbench?.close();
  });

  test('hovering a Keras layer shows its formula, parameters, chart and links', async () => {
    const { page } = workbench;
    await workbench.step('open-keras', () => openFile(page, 'keras_classifier.py'));
    const at = positionOf('keras_classifier.py', 'LeakyReLU(negative_slope=0.2)');
    const text = await workbench.step('hover-keras', () => readHover(page, at.line, at.column + 2, { expect: /Open in Playground/, timeoutMs: 45_000 }));
    assert.match(text, /layers\.LeakyReLU · Leaky ReLU · activation · Keras 3/);
    assert.match(text, /LeakyReLU\(x\) = x \(x > 0\); α·x \(x ≤ 0\)/);
    assert.match(text, /LeakyReLU′\(x\) = 1 \(x > 0\); α \(x ≤ 0\)/);
    assert.match(text, /negative_slope = 0\.2/);
    assert.match(text, /Output range \(−∞, ∞\)/);
    assert.match(text, /Open in Playground · Copy LaTeX · Evaluate on selection/);
    const size = await chartRendered(page, () => readHover(page, at.line, at.column + 2, { expect: /Open in Playground/, timeoutMs: 45_000 }));
    assert.deepEqual(size, { width: 400, height: 180 });
    await readmeShot(page, 'hover-keras.png');

    // A Keras loss: the default marks and the Keras clipping of probabilities.
    const bce = positionOf('keras_classifier.py', 'loss="binary_crossentropy"');
    const lossText = await workbench.step('hover-keras-loss', () => readHover(page, bce.line, bce.column + 8, { expect: /Reduction/, timeoutMs: 30_000 }));
    assert.match(lossText, /epsilon = 1e-7 \(default\)/);
    assert.match(lossText, /Reduction 'sum_over_batch_size' \(default: a mean over the batch\)/);
    assert.match(lossText, /clip p to \[1e-7, 1 − 1e-7\]/);
    await chartRendered(page, () => readHover(page, bce.line, bce.column + 8, { expect: /Reduction/, timeoutMs: 30_000 }));
    await page.keyboard.press('Escape');
  });

  test('hovering a PyTorch module shows torch semantics and a rendered chart', async () => {
    const { page } = workbench;
    await workbench.step('open-torch', () => openFile(page, 'torch_training.py'));
    const at = positionOf('torch_training.py', 'nn.CrossEntropyLoss(label_smoothing=0.05)');
    const text = await workbench.step('hover-pytorch', () => readHover(page, at.line, at.column + 5, { expect: /Open in Playground/, timeoutMs: 45_000 }));
    assert.match(text, /nn\.CrossEntropyLoss · Sparse categorical cross-entropy · loss · PyTorch/);
    assert.match(text, /label_smoothing = 0\.05/);
    assert.match(text, /weight = None \(default\)/);
    assert.match(text, /Reduction 'mean' \(default\)/);
    assert.match(text, /PyTorch notes/);
    await chartRendered(page, () => readHover(page, at.line, at.column + 5, { expect: /Open in Playground/, timeoutMs: 45_000 }));
    await readmeShot(page, 'hover-pytorch.png');
    await page.keyboard.press('Escape');

    const gelu = positionOf('torch_training.py', 'nn.GELU(approximate="tanh")');
    const geluText = await workbench.step('hover-gelu', () => readHover(page, gelu.line, gelu.column + 4, { expect: /approximate/, timeoutMs: 30_000 }));
    assert.match(geluText, /approximate = 'tanh'/);
    assert.match(geluText, /saturated \(\|gradient\| < 0\.001\): x ≤ −/);
    await page.keyboard.press('Escape');
  });

  test('the CodeLens row shows each function\'s formula above its line', async () => {
    const { page } = workbench;
    await workbench.step('open-keras-codelens', () => openFile(page, 'keras_classifier.py'));
    await goTo(page, 1, 1);
    // Monaco fills in the rows of visible lines only: off-screen rows are empty.
    const texts = (await workbench.step('codelens', () => codeLensTexts(page, 30_000))).map(normalizeSpaces).filter((text) => text !== '');
    const leaky = await workbench.step('codelens-leaky', async () => {
      const row = page.locator('.editor-group-container.active .monaco-editor .codelens-decoration').filter({ hasText: 'LeakyReLU(x)' }).first();
      await row.waitFor({ timeout: 20_000 });
      return normalizeSpaces(await row.innerText());
    });
    assert.equal(leaky, 'LeakyReLU(x) = x (x > 0); α·x (x ≤ 0) (negative_slope=0.2)');
    assert.ok(texts.some((text) => text === 'ReLU(x) = max(0, x)'), texts.join(' / '));
    assert.ok(texts.some((text) => text.startsWith('CategoricalCrossentropy: ℓᵢ = −Σ_c t_ic·log p_ic') && text.endsWith('(label_smoothing=0.1)')), texts.join(' / '));
    // One row per line: no decoration holds two lines' worth of lenses.
    assert.ok(texts.every((text) => !text.includes('\n')));
    await readmeShot(page, 'codelens.png');
  });

  test('a misuse is underlined and its quick fix is offered', async () => {
    const { page } = workbench;
    await workbench.step('open-misuse', () => openFile(page, 'keras_classifier.py'));
    const at = positionOf('keras_classifier.py', 'layers.Dense(1, activation="softmax")');
    const column = at.column + 'layers.Dense(1, activation="'.length + 2;
    await workbench.step('squiggle', async () => {
      await goTo(page, at.line, column);
      await page.locator('.editor-group-container.active .monaco-editor .squiggly-warning').first().waitFor({ timeout: 30_000 });
    });
    const menu = await workbench.step('quick-fix-menu', async () => {
      for (let attempt = 0; ; attempt++) {
        await goTo(page, at.line, column);
        await runCommand(page, 'Quick Fix...');
        const widget = page.locator('.action-widget').filter({ hasText: 'Use sigmoid' }).first();
        try {
          await widget.waitFor({ state: 'visible', timeout: 8_000 });
          return normalizeSpaces(await widget.innerText());
        } catch (error) {
          await page.keyboard.press('Escape');
          if (attempt >= 3) throw error;
        }
      }
    });
    assert.match(menu, /Use sigmoid/);
    await readmeShot(page, 'misuse-quickfix.png');
    await page.keyboard.press('Escape');
  });
});
