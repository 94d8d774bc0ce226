/**
 * Registers the formula lens (hovers, CodeLens, misuse diagnostics and their quick fixes) at activation
 * without loading it: the providers are thin forwarders, and `dist/lensEntry.js` (scanner, catalog, charts) is
 * loaded on the first call. Misuse checks start a moment after activation, so activation scans nothing.
 */
import * as vscode from 'vscode';
import { CommandId } from '../commands/commandIds';
import type { LensFeatures } from './lensEntry';

/** Languages the lens serves (the scanner's; notebook cells are python documents). */
const LANGUAGES = ['python', 'javascript', 'typescript', 'javascriptreact', 'typescriptreact', 'json', 'jsonc', 'yaml'];
/** Every scheme: files, untitled documents, notebook cells, remote and virtual file systems. */
const SELECTOR: vscode.DocumentSelector = LANGUAGES.map((language) => ({ language }));
/** Misuse checks begin this long after activation, once the window has settled. */
const DIAGNOSTICS_START_DELAY_MS = 400;

/** Registers the lens features; they load on first use. */
export function registerLensFeatures(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): void {
  const codeLensChanged = new vscode.EventEmitter<void>();
  let loading: Promise<LensFeatures> | undefined;
  const load = (): Promise<LensFeatures> => {
    loading ??= (async () => {
      const started = performance.now();
      // `./lensEntry.js` is its own bundle (scripts/build.mjs keeps it external); the build turns this into a require.
      const { createLensFeatures } = await import('./lensEntry.js');
      const features = createLensFeatures(log, codeLensChanged);
      context.subscriptions.push(features);
      log.info(`Formula lens loaded in ${(performance.now() - started).toFixed(1)} ms`);
      return features;
    })().catch((error: unknown) => {
      loading = undefined;
      log.error(`Formula lens failed to load: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      throw error;
    });
    return loading;
  };
  const start = () => {
    void load().catch(() => undefined);
    opened.dispose();
  };
  const opened = vscode.workspace.onDidOpenTextDocument((document) => {
    if (LANGUAGES.includes(document.languageId)) start();
  });
  const timer = setTimeout(() => {
    if (vscode.workspace.textDocuments.some((document) => LANGUAGES.includes(document.languageId))) start();
  }, DIAGNOSTICS_START_DELAY_MS);
  context.subscriptions.push(
    codeLensChanged,
    opened,
    { dispose: () => clearTimeout(timer) },
    vscode.languages.registerHoverProvider(SELECTOR, {
      provideHover: async (document, position, token) => (await load()).hover.provideHover(document, position, token),
    }),
    vscode.languages.registerCodeLensProvider(SELECTOR, {
      onDidChangeCodeLenses: codeLensChanged.event,
      provideCodeLenses: async (document, token) => (await load()).codeLens.provideCodeLenses(document, token),
    }),
    vscode.languages.registerCodeActionsProvider(SELECTOR, {
      provideCodeActions: async (document, range, actionContext, token) => (await load()).codeActions.provideCodeActions(document, range, actionContext, token),
    }, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    vscode.commands.registerCommand(CommandId.CopyLatex, async (args: unknown) => (await load()).copyLatex(args)),
  );
}
