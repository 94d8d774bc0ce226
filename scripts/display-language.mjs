// Lets one code-server show each browser page in the display language the page asks for, so an e2e spec can
// open the workbench in Simplified Chinese next to English ones. Node built-ins only.
//
// How the VS Code server (1.139) picks a page's language: `--locale`, else the `locale` of User/argv.json (the
// "Configure Display Language" setting), else the `vscode.nls.locale` cookie, else the browser's Accept-Language;
// a missing argv.json counts as English, so an argv.json without `locale` is needed for the browser to decide.
// A non-English language takes effect only when a language pack for it is registered in the user-data folder's
// languagepacks.json (what the server records when a pack from the marketplace is installed through it). Then the
// page's NLS language, and with it `vscode.env.language` in the extension host, is that language: the extension's
// package.nls.<lang>.json and l10n bundle are used. VS Code's own UI strings come from the pack; the stub pack
// written here has none, so they stay English (our strings are what the tests read).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The stub pack's id, as it appears in languagepacks.json (no such extension is installed). */
const STUB_PACK_ID = 'formula-lens-test.display-language-stub';

/**
 * Prepares `userData` so a page whose browser sends `Accept-Language: <one of languageIds>` gets that display
 * language: an argv.json without `locale` and a stub language pack for each id (e.g. `zh-cn`).
 */
export function enableBrowserDisplayLanguages(userData, languageIds) {
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(join(userData, 'User', 'argv.json'),
    '// Written by the Formula Lens test scripts: no "locale" here, so each page uses its browser\'s language.\n{}\n');
  const packs = {};
  for (const languageId of languageIds) {
    const translations = join(userData, 'display-language-stub', languageId, 'main.i18n.json');
    mkdirSync(join(translations, '..'), { recursive: true });
    // No VS Code translations: its UI falls back to English message by message.
    writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
    packs[languageId] = {
      hash: `${STUB_PACK_ID}-${languageId}-1`,
      extensions: [{ extensionIdentifier: { id: STUB_PACK_ID }, version: '1.0.0' }],
      translations: { vscode: translations },
      label: languageId,
    };
  }
  writeFileSync(join(userData, 'languagepacks.json'), JSON.stringify(packs));
}
