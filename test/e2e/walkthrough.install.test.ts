/**
 * First install: on a server where Formula Lens is not installed yet (FORMULA_LENS_E2E_FRESH_URL, started by
 * scripts/test-e2e.mjs), installing the VSIX through "Extensions: Install from VSIX..." opens the "Get Started
 * with Formula Lens" walkthrough by itself, as VS Code does for a newly installed extension's walkthrough. The
 * workspace there is not examples/, so the buttons work on the example copies shipped in the VSIX.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { chooseQuickPick, normalizeSpaces, openWorkbench, repoRoot, requireEnv, runCommand, webviewFrame, type Workbench } from './workbench';

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { contributes: { walkthroughs: { title: string; steps: { title: string }[] }[] } };
const nls = JSON.parse(readFileSync(join(repoRoot, 'package.nls.json'), 'utf8')) as Record<string, string>;
const text = (value: string): string => nls[value.replace(/^%(.+)%$/, '$1')] ?? value;
const walkthrough = manifest.contributes.walkthroughs[0]!;

/** Brings the walkthrough to the front, expands a step and clicks its button. */
async function pressStepButton(page: Page, id: string): Promise<void> {
  await runCommand(page, 'Welcome: Open Walkthrough...');
  await chooseQuickPick(page, text(walkthrough.title));
  const row = page.locator(`.getting-started-step[data-step-id$="#${id}"]`).and(page.locator(':not([disabled])'));
  await row.waitFor({ timeout: 20_000 });
  if (!/\bexpanded\b/.test((await row.getAttribute('class')) ?? '')) await row.click();
  await row.locator('.button-container a.monaco-button').click();
}

describe('Walkthrough on first install of the VSIX', () => {
  let workbench: Workbench;
  before(async () => {
    workbench = await openWorkbench('walkthrough-install', { url: requireEnv('FORMULA_LENS_E2E_FRESH_URL') });
  });
  after(async () => {
    await workbench?.close();
  });

  test('installing the VSIX from the UI opens the walkthrough with every step', async () => {
    const { page } = workbench;
    const vsix = requireEnv('FORMULA_LENS_E2E_VSIX');
    assert.ok(existsSync(vsix), `${vsix} is missing`);
    // Not installed yet: its walkthrough is not there.
    assert.equal(await page.locator('.getting-started-step[data-step-id^="formula-lens.formula-lens#"]').count(), 0);
    await workbench.step('install-from-vsix', () => runCommand(page, 'Extensions: Install from VSIX...'));
    // code-server shows VS Code's simple file dialog: a quick input holding the path.
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    // The dialog fills in its start folder once it has listed it, and re-lists as the path changes: put the
    // VSIX path in until it stays, then confirm until the dialog closes.
    const install = page.locator('.quick-input-widget .monaco-button', { hasText: /^Install$/ });
    const deadline = Date.now() + 30_000;
    while (await input.isVisible() && Date.now() < deadline) {
      if ((await input.inputValue().catch(() => vsix)) !== vsix) await input.fill(vsix).catch(() => undefined);
      await page.waitForTimeout(500);
      if ((await input.inputValue().catch(() => '')) === vsix && await install.isVisible()) await install.click().catch(() => undefined);
      await page.waitForTimeout(500);
    }
    const title = page.locator('.gettingStartedContainer h2.category-title', { hasText: text(walkthrough.title) });
    await workbench.step('walkthrough-opened', () => title.waitFor({ timeout: 60_000 }));
    const steps = (await page.locator('.getting-started-step .step-title').allInnerTexts()).map((step) => normalizeSpaces(step).trim());
    assert.deepEqual(steps, walkthrough.steps.map((step) => text(step.title)));
  });

  test('without the examples workspace, step 1 applies ReLU to the shipped example in an untitled editor', async () => {
    const { page } = workbench;
    await workbench.step('apply-activation-untitled', () => pressStepButton(page, 'applyActivation'));
    await page.locator('.tabs-container .tab.active').filter({ hasText: /Untitled/ }).first().waitFor({ timeout: 20_000 });
    const deadline = Date.now() + 30_000;
    let heading = '';
    while (!/ReLU on around_zero/.test(heading) && Date.now() < deadline) {
      const frames = await page.locator('iframe.webview.ready').count();
      for (let i = 0; i < frames && !/ReLU on around_zero/.test(heading); i++) {
        heading = normalizeSpaces(await webviewFrame(page, i).locator('body[data-result-id] h1').innerText({ timeout: 1_000 }).catch(() => ''));
      }
      await page.waitForTimeout(250);
    }
    assert.match(heading, /ReLU on around_zero/);
  });

  test('steps 4 and 5 train and export the shipped spiral configuration', async () => {
    const { page } = workbench;
    await workbench.step('train-shipped', () => pressStepButton(page, 'train'));
    const frame = webviewFrame(page);
    await frame.locator('[role=tab][data-tab=training][aria-selected=true]').waitFor({ timeout: 30_000 });
    await frame.locator('[data-testid=training-status][data-step]').waitFor({ timeout: 30_000 });
    assert.equal(await frame.locator('[data-testid=dataset]').inputValue(), 'spiral');
    await runCommand(page, 'View: Close All Editors');
    await workbench.step('export-shipped', () => pressStepButton(page, 'export'));
    await page.locator('.editor-group-container.active .monaco-editor .view-lines').filter({ hasText: 'Formula Lens training configuration as a PyTorch script' }).waitFor({ timeout: 30_000 });
  });
});
