/**
 * The "Get Started with Formula Lens" walkthrough in the real workbench (packaged VSIX in code-server): it is
 * listed by "Welcome: Open Walkthrough...", shows its steps, and each step's button does the step on the
 * examples workspace and marks it done. The step images in media/walkthrough/ are cropped screenshots taken
 * here: run with FORMULA_LENS_UPDATE_WALKTHROUGH_MEDIA=1 to rewrite them (they are always saved under
 * test-results/e2e/walkthrough/media/ too).
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { chooseQuickPick, normalizeSpaces, openWorkbench, repoRoot, resultsRoot, runCommand, webviewFrame, type Workbench } from './workbench';

const MAX_IMAGE_BYTES = 150 * 1024;
const mediaResults = join(resultsRoot, 'walkthrough', 'media');
const updateMedia = process.env.FORMULA_LENS_UPDATE_WALKTHROUGH_MEDIA === '1';

interface Step { readonly id: string; readonly title: string; readonly media: { readonly image: string } }
const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { contributes: { walkthroughs: { title: string; steps: Step[] }[] } };
const nls = JSON.parse(readFileSync(join(repoRoot, 'package.nls.json'), 'utf8')) as Record<string, string>;
const text = (value: string): string => nls[value.replace(/^%(.+)%$/, '$1')] ?? value;
const walkthrough = manifest.contributes.walkthroughs[0]!;
const steps = new Map(walkthrough.steps.map((step) => [step.id, step]));

/** The walkthrough's step row (`id` as in package.json). */
function stepRow(page: Page, id: string): Locator {
  return page.locator(`.getting-started-step[data-step-id$="#${id}"]`);
}

/**
 * Opens (or brings back) the walkthrough through "Welcome: Open Walkthrough..." and waits until its steps can
 * be clicked: a Welcome tab brought back by a click may show the start page instead, with the steps disabled.
 */
async function showWalkthrough(page: Page): Promise<void> {
  await runCommand(page, 'Welcome: Open Walkthrough...');
  await chooseQuickPick(page, text(walkthrough.title));
  await stepRow(page, walkthrough.steps[0]!.id).and(page.locator(':not([disabled])')).waitFor({ timeout: 20_000 });
}

/** Expands a step and clicks its button. */
async function pressStepButton(page: Page, id: string): Promise<void> {
  await showWalkthrough(page);
  const row = stepRow(page, id);
  if (!/\bexpanded\b/.test((await row.getAttribute('class')) ?? '')) await row.click();
  const button = row.locator('.button-container a.monaco-button');
  await button.waitFor({ state: 'visible', timeout: 10_000 });
  await button.click();
}

/** Waits until the walkthrough shows a step as done. */
async function expectStepDone(page: Page, id: string): Promise<void> {
  await showWalkthrough(page);
  await page.locator(`[data-done-step-id$="#${id}"].codicon-getting-started-step-checked`).waitFor({ timeout: 10_000 });
}

/**
 * Saves a crop of the page as the image of a step: under test-results always, into media/walkthrough/ when
 * asked to. The crop keeps the image readable in the walkthrough's media column and under 150 KB.
 */
interface Box { readonly x: number; readonly y: number; readonly width: number; readonly height: number }

async function captureStepImage(page: Page, id: string, region: Locator | Box, options: { keepMouse?: boolean } = {}): Promise<void> {
  const box = 'boundingBox' in region ? await region.boundingBox() : region;
  assert.ok(box, `nothing to capture for ${id}`);
  mkdirSync(mediaResults, { recursive: true });
  const image = steps.get(id)!.media.image;
  const path = join(mediaResults, image.split('/').pop()!);
  // The pointer away from the capture (a sash under it is highlighted), unless moving it would close a hover.
  if (!options.keepMouse) await page.mouse.move(0, 0).catch(() => undefined);
  await page.screenshot({ path, clip: { x: Math.floor(box.x), y: Math.floor(box.y), width: Math.floor(box.width), height: Math.floor(box.height) } });
  // The size budget is for the images that ship in the VSIX (the committed ones are checked by a unit
  // test); a routine run's capture varies with font rendering, so it is only checked when it will ship.
  if (updateMedia) {
    const bytes = statSync(path).size;
    assert.ok(bytes <= MAX_IMAGE_BYTES, `${id}: the captured image is ${bytes} bytes`);
    copyFileSync(path, join(repoRoot, image));
  }
}

/** The results page showing a heading that matches `title`. */
async function resultsHeading(page: Page, title: RegExp, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const count = await page.locator('iframe.webview.ready').count();
    for (let i = count - 1; i >= 0; i--) {
      const heading = webviewFrame(page, i).locator('body[data-result-id] h1');
      const shown = (await heading.count().catch(() => 0)) > 0 ? normalizeSpaces(await heading.innerText().catch(() => '')) : '';
      if (title.test(shown)) return shown;
    }
    if (Date.now() > deadline) throw new Error(`no results page with a heading matching ${title}`);
    await page.waitForTimeout(250);
  }
}

describe('Get started walkthrough (packaged VSIX)', () => {
  let workbench: Workbench;
  before(async () => {
    workbench = await openWorkbench('walkthrough');
    // A window size whose crops stay readable in the walkthrough's media column.
    await workbench.page.setViewportSize({ width: 1200, height: 760 });
    await runCommand(workbench.page, 'View: Close Primary Side Bar');
  });
  after(async () => {
    await workbench?.close();
  });

  test('"Welcome: Open Walkthrough..." lists it and it shows every step', async () => {
    const { page } = workbench;
    await workbench.step('open-walkthrough', () => showWalkthrough(page));
    const titles = (await page.locator('.getting-started-step .step-title').allInnerTexts()).map((title) => normalizeSpaces(title).trim());
    assert.deepEqual(titles, walkthrough.steps.map((step) => text(step.title)));
  });

  test('step 1: the button selects an example array and applies ReLU to it', async () => {
    const { page } = workbench;
    await workbench.step('apply-activation', () => pressStepButton(page, 'applyActivation'));
    await page.locator('.tabs-container .tab.active').filter({ hasText: /arrays/ }).first().waitFor({ timeout: 20_000 });
    assert.match(await resultsHeading(page, /ReLU/), /ReLU on around_zero/);
    await captureStepImage(page, 'applyActivation', page.locator('.part.editor'));
    await workbench.step('apply-activation-done', () => expectStepDone(page, 'applyActivation'));
  });

  test('step 2: the button shows the hover of a Keras GELU layer', async () => {
    const { page } = workbench;
    // One editor group, so the hover has room (the walkthrough comes back in the next step).
    await runCommand(page, 'View: Close All Editors');
    await workbench.step('hover', () => pressStepButton(page, 'hover'));
    const hover = page.locator('.monaco-editor .monaco-hover:not(.hidden) .monaco-hover-content').first();
    await hover.filter({ hasText: /GELU/ }).waitFor({ timeout: 30_000 });
    assert.match(normalizeSpaces(await hover.innerText()), /GELU\(x\) = x·Φ\(x\)/);
    // The file's editor, down to a little below the hover and right to its edge.
    const group = await page.locator('.editor-group-container.active').boundingBox();
    const shown = await hover.boundingBox();
    assert.ok(group && shown);
    const right = Math.min(group.x + group.width, shown.x + shown.width + 24);
    const bottom = Math.min(group.y + group.height, shown.y + shown.height + 160);
    await captureStepImage(page, 'hover', { x: group.x, y: group.y, width: right - group.x, height: bottom - group.y }, { keepMouse: true });
    await workbench.step('hover-done', () => expectStepDone(page, 'hover'));
  });

  test('step 3: the button opens the Playground on sigmoid and ReLU', async () => {
    const { page } = workbench;
    await workbench.step('compare', () => pressStepButton(page, 'compareActivations'));
    const frame = webviewFrame(page);
    await frame.locator('#panel-curves .readout tbody tr').first().waitFor({ timeout: 30_000 });
    const rows = (await frame.locator('#panel-curves .readout tbody th').allInnerTexts()).map((name) => name.trim());
    assert.deepEqual(rows.slice(0, 2), ['Sigmoid', 'ReLU']);
    // Give the Playground the whole editor area (above 720 px it lays the chart out beside its controls):
    // "View: Toggle Maximized Editor Group" by its keys, with the focus on the Playground's tab (the command
    // palette opened while the new webview settles its focus closes again).
    const group = page.locator('.editor-group-container.active');
    await setPlaygroundMaximized(page, true);
    await frame.locator('#panel-curves canvas').first().waitFor({ state: 'visible' });
    await captureStepImage(page, 'compareActivations', group);
    await setPlaygroundMaximized(page, false);
    await workbench.step('compare-done', () => expectStepDone(page, 'compareActivations'));
  });

  test('step 4: the button trains the spiral configuration in the Playground\'s Training tab', async () => {
    const { page } = workbench;
    await workbench.step('train', () => pressStepButton(page, 'train'));
    const frame = webviewFrame(page);
    await frame.locator('[role=tab][data-tab=training][aria-selected=true]').waitFor({ timeout: 30_000 });
    const status = frame.locator('[data-testid=training-status]');
    // It trains: the step count grows past a few hundred, with a finite loss.
    await frame.locator('[data-testid=training-status][data-step]').waitFor({ timeout: 30_000 });
    const deadline = Date.now() + 60_000;
    let step = 0;
    while (step < 300 && Date.now() < deadline) {
      step = Number(await status.getAttribute('data-step'));
      await page.waitForTimeout(200);
    }
    assert.ok(step >= 300, `only ${step} steps trained`);
    assert.ok(Number.isFinite(Number(await status.getAttribute('data-train-loss'))));
    assert.equal(await frame.locator('[data-testid=dataset]').inputValue(), 'spiral');
    await setPlaygroundMaximized(page, true);
    await frame.locator('[data-testid=field]').waitFor({ state: 'visible' });
    // From the run controls to the layer table: status, decision boundary, loss curves, dead and saturated units.
    const group = await page.locator('.editor-group-container.active').boundingBox();
    const controls = await frame.locator('[data-testid=train-run]').boundingBox();
    const layers = await frame.locator('.layer-table').first().boundingBox();
    assert.ok(group && controls && layers);
    const top = controls.y - 12;
    const left = controls.x - 12;
    await captureStepImage(page, 'train', { x: left, y: top, width: group.x + group.width - left, height: layers.y + layers.height + 12 - top });
    await setPlaygroundMaximized(page, false);
    await workbench.step('train-done', () => expectStepDone(page, 'train'));
  });

  test('step 5: the button exports the spiral configuration as a PyTorch script', async () => {
    const { page } = workbench;
    await runCommand(page, 'View: Close All Editors');
    await workbench.step('export', () => pressStepButton(page, 'export'));
    const editor = page.locator('.editor-group-container.active .monaco-editor .view-lines');
    await editor.filter({ hasText: 'Formula Lens training configuration as a PyTorch script' }).waitFor({ timeout: 30_000 });
    const shown = normalizeSpaces(await editor.innerText());
    assert.match(shown, /import torch/);
    assert.match(shown, /Model: +2 -> 12 tanh -> 12 tanh -> 1 sigmoid/);
    assert.match(shown, /built-in data set "spiral"/);
    // The script's head: the model, loss, optimizer and data it describes, and the start of the code.
    const group = await page.locator('.editor-group-container.active').boundingBox();
    assert.ok(group);
    await captureStepImage(page, 'export', { x: group.x, y: group.y, width: Math.min(group.width, 940), height: Math.min(group.height, 440) });
    await workbench.step('export-done', () => expectStepDone(page, 'export'));
  });
});

/** Width of the active editor group, in CSS pixels. */
function activeGroupWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelector('.editor-group-container.active')?.getBoundingClientRect().width ?? 0);
}

/**
 * Maximizes (or restores) the editor group of the Playground with "View: Toggle Maximized Editor Group" by its keys,
 * the focus on the Playground's tab. A new webview settles its focus late, and may take the keys of a first attempt
 * (the command palette would close again for the same reason), so it tries again until the layout shows the change.
 */
async function setPlaygroundMaximized(page: Page, maximized: boolean): Promise<void> {
  const isMaximized = async () => (await activeGroupWidth(page)) > 900;
  for (let attempt = 0; attempt < 5 && (await isMaximized()) !== maximized; attempt++) {
    await page.locator('.tabs-container .tab').filter({ hasText: 'Formula Lens Playground' }).first().click();
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+M');
    const until = Date.now() + 3_000;
    while (Date.now() < until && (await isMaximized()) !== maximized) await page.waitForTimeout(100);
  }
  assert.equal(await isMaximized(), maximized, `the Playground's editor group did not ${maximized ? 'maximize' : 'restore'}`);
}
