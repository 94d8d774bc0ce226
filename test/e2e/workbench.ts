/**
 * Playwright helpers over the real VS Code workbench served by scripts/test-e2e.mjs (code-server with the
 * packaged extension installed, examples/ open). Every wait is bounded and polls for a condition; VS Code's
 * own start-up races (commands not registered yet, a palette opened too early) are retried, never slept over.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type FrameLocator, type Locator, type Page } from 'playwright-core';

/** The repository root: this file runs from out/test/e2e/. */
export const repoRoot = join(__dirname, '..', '..', '..');

/** Screenshots go here (git-ignored), one folder per spec. */
export const resultsRoot = process.env.FORMULA_LENS_E2E_RESULTS ?? join(repoRoot, 'test-results', 'e2e');

/** Monaco renders spaces as U+00A0 in view lines: tests compare against ordinary spaces. */
export function normalizeSpaces(text: string): string {
  return text.replace(/\u00a0/g, ' ');
}

/** Reads a required variable set by scripts/test-e2e.mjs. */
export function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the e2e specs through \`node scripts/test-e2e.mjs\` (or \`npm run test:e2e\`).`);
  return value;
}

/** One browser page on the workbench, with a screenshot helper; close it in `after`. */
export interface Workbench {
  readonly page: Page;
  /** Runs one step of a test and saves a screenshot after it (named `-failed` when it threw). */
  step<T>(name: string, action: () => Promise<T>): Promise<T>;
  /** Saves a screenshot of the whole page as `<nn>-<name>.png`. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Opens a new page on the served workbench (examples/ workspace) and waits until it is usable. `locale` is the
 * browser's language (default `en-US`; e.g. `zh-CN`): scripts/test-e2e.mjs lets it choose VS Code's display language.
 * `url` opens another server than the main one (e.g. FORMULA_LENS_E2E_FRESH_URL, where the extension is not installed).
 */
export async function openWorkbench(specName: string, options: { locale?: string; url?: string } = {}): Promise<Workbench> {
  const browser: Browser = await chromium.connect(requireEnv('FORMULA_LENS_E2E_BROWSER_WS'));
  // English unless asked otherwise, whatever the machine's LANG: the other specs read English texts.
  const context: BrowserContext = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: options.locale ?? 'en-US' });
  const page = await context.newPage();
  const folder = join(resultsRoot, specName);
  mkdirSync(folder, { recursive: true });
  let shots = 0;
  const screenshot = async (name: string): Promise<string> => {
    const path = join(folder, `${String(++shots).padStart(2, '0')}-${name.replace(/[^\w.-]+/g, '-')}.png`);
    await page.screenshot({ path });
    return path;
  };
  await page.goto(options.url ?? requireEnv('FORMULA_LENS_E2E_URL'));
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  // The explorer shows the workspace once the remote connection is up.
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
  return {
    page,
    screenshot,
    async step<T>(name: string, action: () => Promise<T>): Promise<T> {
      try {
        const result = await action();
        await screenshot(name);
        return result;
      } catch (error) {
        await screenshot(`${name}-failed`).catch(() => undefined);
        throw error;
      }
    },
    async close() {
      await context.close();
      await browser.close();
    },
  };
}

const quickInput = '.quick-input-widget';

/** Opens the quick input with F1 and types `text`; returns the input box. */
async function openQuickInput(page: Page, text: string): Promise<Locator> {
  const input = page.locator(`${quickInput} .quick-input-box input`);
  // Opened while a webview settles its focus, the quick input can close again at once (focus lost): reopen it.
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    try {
      await input.fill(text, { timeout: 3_000 });
      return input;
    } catch (error) {
      if (attempt >= 5) throw error;
    }
  }
}

/**
 * Picks the row labelled `label` after typing `text` in the quick input, retrying while the row does not show up
 * (the first palette can open before the extension registered its commands). Bounded by `timeoutMs`.
 */
async function pickQuickInput(page: Page, text: string, label: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let attempt = 0;
  for (;;) {
    attempt++;
    await openQuickInput(page, text);
    const row = page.locator(`${quickInput} .monaco-list-row`).filter({ hasText: label }).first();
    try {
      await row.waitFor({ state: 'visible', timeout: Math.min(4_000 * attempt, 10_000) });
      await page.keyboard.press('Enter');
      await page.locator(`${quickInput}`).waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
      return;
    } catch (error) {
      await page.keyboard.press('Escape');
      if (Date.now() > deadline) throw new Error(`"${label}" did not appear in the quick input for "${text}" after ${attempt} attempts: ${String(error)}`);
    }
  }
}

/** Runs a command from the command palette by its full title, e.g. "Formula Lens: Show Log". */
export function runCommand(page: Page, title: string, timeoutMs = 45_000): Promise<void> {
  return pickQuickInput(page, `>${title}`, title, timeoutMs);
}

/** In a quick pick that a command opened, types `label` to filter it and picks the row showing it. */
export async function chooseQuickPick(page: Page, label: string, timeoutMs = 20_000): Promise<void> {
  const input = page.locator(`${quickInput} .quick-input-box input`);
  await input.waitFor({ state: 'visible', timeout: timeoutMs });
  await input.fill(label);
  const row = page.locator(`${quickInput} .monaco-list-row`).filter({ hasText: label }).first();
  await row.waitFor({ state: 'visible', timeout: timeoutMs });
  await row.click();
  await page.locator(quickInput).waitFor({ state: 'hidden', timeout: 5_000 });
}

/** Opens a file of examples/ through Quick Open and waits until its editor tab is active. */
export async function openFile(page: Page, relativePath: string, timeoutMs = 30_000): Promise<void> {
  const name = relativePath.split('/').pop() ?? relativePath;
  await pickQuickInput(page, relativePath, name, timeoutMs);
  await page.locator('.tabs-container .tab.active').filter({ hasText: name }).waitFor({ timeout: timeoutMs });
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().waitFor({ timeout: timeoutMs });
}

/** 1-based line and column of the first occurrence of `text` in a file of examples/. */
export function positionOf(relativePath: string, text: string): { line: number; column: number } {
  const lines = readFileSync(join(repoRoot, 'examples', relativePath), 'utf8').split('\n');
  const index = lines.findIndex((line) => line.includes(text));
  if (index < 0) throw new Error(`"${text}" is not in examples/${relativePath}`);
  return { line: index + 1, column: lines[index].indexOf(text) + 1 };
}

/** Moves the cursor of the active editor to a 1-based line and column (Go to Line). */
export async function goTo(page: Page, line: number, column: number): Promise<void> {
  await openQuickInput(page, `:${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator(quickInput).waitFor({ state: 'hidden', timeout: 5_000 });
}

/**
 * Shows the hover at a position of the active editor and returns its rendered text. Hover providers answer
 * one by one, so pass `expect` to wait (bounded) until the part you test has been rendered.
 */
export async function readHover(page: Page, line: number, column: number, options: { expect?: RegExp; timeoutMs?: number } = {}): Promise<string> {
  const { expect, timeoutMs = 20_000 } = options;
  const hover = page.locator('.monaco-editor .monaco-hover:not(.hidden) .monaco-hover-content, .monaco-editor .monaco-resizable-hover .monaco-hover-content').first();
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    await goTo(page, line, column);
    await runCommand(page, 'Show or Focus Hover');
    try {
      await hover.waitFor({ state: 'visible', timeout: 5_000 });
      for (;;) {
        last = normalizeSpaces(await hover.innerText());
        if (!expect || expect.test(last)) return last;
        if (Date.now() > deadline) break;
        await hover.filter({ hasText: expect }).waitFor({ timeout: Math.max(1, Math.min(5_000, deadline - Date.now())) }).catch(() => undefined);
      }
    } catch {
      // no hover yet (the provider may not be registered): ask again
    }
    if (Date.now() > deadline) throw new Error(`no hover${expect ? ` matching ${expect}` : ''} at ${line}:${column} within ${timeoutMs} ms; last seen: ${JSON.stringify(last)}`);
  }
}

/** The texts of the CodeLens lines shown in the active editor, once at least one is shown. */
export async function codeLensTexts(page: Page, timeoutMs = 20_000): Promise<string[]> {
  const lenses = page.locator('.editor-group-container.active .monaco-editor .codelens-decoration');
  await lenses.first().waitFor({ state: 'visible', timeout: timeoutMs });
  return lenses.allInnerTexts();
}

/** The content frame of a webview (two iframes down); the most recently created one unless `index` is given. */
export function webviewFrame(page: Page, index?: number): FrameLocator {
  const outer = page.locator('iframe.webview.ready');
  return (index === undefined ? outer.last() : outer.nth(index)).contentFrame().locator('iframe#active-frame').contentFrame();
}

/** The visible text of the Output panel's editor (whichever channel it shows). */
export async function outputPanelText(page: Page): Promise<string> {
  const output = page.locator('.part.panel .monaco-editor .view-lines').first();
  await output.waitFor({ state: 'visible', timeout: 10_000 });
  return normalizeSpaces(await output.innerText());
}

/** Error notifications currently shown (toasts), as text. */
export function errorNotifications(page: Page): Promise<string[]> {
  return page.locator('.notifications-toasts .notification-toast-container').filter({ has: page.locator('.codicon-error') }).allInnerTexts();
}

/** Titles of the commands in package.json as the palette shows them ("Category: Title", English). */
export function paletteCommands(): { command: string; title: string }[] {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
    contributes: { commands?: { command: string; title: string; category?: string }[]; menus?: { commandPalette?: { command: string; when?: string }[] } };
  };
  const nls = JSON.parse(readFileSync(join(repoRoot, 'package.nls.json'), 'utf8')) as Record<string, string>;
  const text = (value: string): string => value.replace(/^%(.+)%$/, (_match, key: string) => nls[key] ?? value);
  const hidden = new Set((manifest.contributes.menus?.commandPalette ?? []).filter((entry) => entry.when === 'false').map((entry) => entry.command));
  return (manifest.contributes.commands ?? [])
    .filter((entry) => !hidden.has(entry.command))
    .map((entry) => ({ command: entry.command, title: entry.category ? `${text(entry.category)}: ${text(entry.title)}` : text(entry.title) }));
}
