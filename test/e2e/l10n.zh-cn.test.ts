/**
 * Simplified Chinese in the real workbench: a page whose browser asks for zh-CN gets VS Code's Chinese display
 * language (scripts/display-language.mjs registers a stub language pack), so `vscode.env.language` is `zh-cn` and
 * the packaged extension speaks Chinese: command titles and the walkthrough from package.nls.zh-cn.json, hovers
 * and the Playground from l10n/bundle.l10n.zh-cn.json. The expected texts are read from those files; the test reads text, not pixels.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chooseQuickPick, normalizeSpaces, openFile, openWorkbench, positionOf, readHover, repoRoot, runCommand, webviewFrame, type Workbench } from './workbench';

const HAN = /[\u3400-\u9fff]/;

function readJson(path: string): Record<string, string> {
  return JSON.parse(readFileSync(join(repoRoot, path), 'utf8')) as Record<string, string>;
}

const manifestZh = readJson('package.nls.zh-cn.json');
const bundleZh = readJson('l10n/bundle.l10n.zh-cn.json');

/** The Chinese text of an l10n.t key, checked to be Chinese so a missing translation cannot pass. */
function zh(key: string): string {
  const text = bundleZh[key];
  assert.ok(text && HAN.test(text), `no Chinese translation of ${JSON.stringify(key)}`);
  return text;
}

/** Escapes text for a RegExp. */
function literal(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}

describe('Simplified Chinese in the workbench (zh-CN browser, packaged VSIX)', () => {
  let workbench: Workbench;
  before(async () => {
    workbench = await openWorkbench('l10n-zh-cn', { locale: 'zh-CN' });
  });
  after(async () => {
    await workbench?.close();
  });

  test('VS Code runs with the zh-cn display language', async () => {
    const language = await workbench.page.evaluate(() => (globalThis as { _VSCODE_NLS_LANGUAGE?: string })._VSCODE_NLS_LANGUAGE);
    assert.equal(language, 'zh-cn');
  });

  test('command titles are Chinese in the command palette', async () => {
    const { page } = workbench;
    const title = manifestZh['command.openPlayground']!;
    assert.match(title, HAN);
    const category = manifestZh['command.category']!;
    // Picking the row by its Chinese title proves the palette shows it (the English alias is listed below it).
    await workbench.step('palette-chinese-title', () => runCommand(page, `${category}: ${title}`));
    const frame = webviewFrame(page);
    await frame.locator('[role=tablist]').waitFor({ timeout: 30_000 });
    await runCommand(page, 'View: Close All Editors');
  });

  test('a hover on a Keras activation is Chinese', async () => {
    const { page } = workbench;
    await workbench.step('open-keras-file', () => openFile(page, 'keras_classifier.py'));
    const { line, column } = positionOf('keras_classifier.py', 'activation="gelu"');
    const openLink = zh('Open in Playground');
    const text = await workbench.step('hover-gelu', () => readHover(page, line, column + 'activation="'.length + 1, { expect: literal(openLink) }));
    assert.match(text, literal(zh('Output range')));
    assert.match(text, literal(openLink));
    await page.keyboard.press('Escape');
  });

  test('the Playground labels its tabs and controls in Chinese', async () => {
    const { page } = workbench;
    await runCommand(page, `${manifestZh['command.category']}: ${manifestZh['command.openPlayground']}`);
    const frame = webviewFrame(page);
    await workbench.step('playground-chinese', () => frame.locator('[role=tablist]').waitFor({ timeout: 30_000 }));
    const tabs = await frame.locator('[role=tab]').allInnerTexts();
    for (const key of ['Curves', 'Loss explorer', 'Custom formulas']) assert.ok(tabs.includes(zh(key)), `tab ${JSON.stringify(zh(key))} not in ${JSON.stringify(tabs)}`);
    await frame.locator('#panel-curves label', { hasText: zh('Show derivatives') }).waitFor({ timeout: 10_000 });
    const caption = await frame.locator('#panel-curves .readout caption').innerText();
    assert.match(caption, HAN, `readout caption ${JSON.stringify(caption)}`);
    assert.equal(await frame.locator('html').getAttribute('lang'), 'zh-CN');
  });

  test('the walkthrough is Chinese, title and steps', async () => {
    const { page } = workbench;
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { contributes: { walkthroughs: { title: string; steps: { title: string }[] }[] } };
    const [walkthrough] = manifest.contributes.walkthroughs;
    const text = (value: string): string => manifestZh[value.replace(/^%(.+)%$/, '$1')] ?? value;
    const title = text(walkthrough!.title);
    assert.match(title, HAN);
    // VS Code's own command name stays English here (the stub language pack has no VS Code translations).
    await runCommand(page, 'Welcome: Open Walkthrough...');
    await workbench.step('walkthrough-chinese', () => chooseQuickPick(page, title));
    await page.locator('.getting-started-step[data-step-id^="formula-lens.formula-lens#"]').first().waitFor({ timeout: 20_000 });
    const steps = (await page.locator('.getting-started-step[data-step-id^="formula-lens.formula-lens#"] .step-title').allInnerTexts()).map((step) => normalizeSpaces(step).trim());
    assert.deepEqual(steps, walkthrough!.steps.map((step) => text(step.title)));
    for (const step of steps) assert.match(step, HAN);
  });
});
