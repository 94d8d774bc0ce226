/**
 * The formula lens features, built as their own bundle (`dist/lensEntry.js`) that `index.ts` loads on first
 * use: the scanner, the catalog and the chart code stay out of the extension's start-up. Everything here
 * is created once, when the first hover, CodeLens pass or misuse check needs it.
 */
import * as vscode from 'vscode';
import { getEntry } from '../core/catalog/registry';
import { setCoreLocale, toLocale } from '../core/l10n';
import { FormulaCodeLensProvider } from './codeLensProvider';
import { FormulaHoverProvider } from './hoverProvider';
import { isCopyLatexArgs } from './lensLinks';
import { LensScans } from './lensScans';
import { affectsLens, readLensSettings, type LensSettings } from './lensSettings';
import { MisuseCodeActionProvider } from './misuseCodeActions';
import { MisuseDiagnostics } from './misuseDiagnostics';

/** The live lens features. */
export interface LensFeatures extends vscode.Disposable {
  readonly hover: vscode.HoverProvider;
  readonly codeLens: vscode.CodeLensProvider;
  readonly codeActions: vscode.CodeActionProvider;
  /** Copies an entry's formula as LaTeX (`formulaLens.internal.copyLatex`). */
  copyLatex(args: unknown): Promise<void>;
}

/** Creates the features; `codeLensChanged` is fired when lenses must be asked for again (settings changed). */
export function createLensFeatures(log: vscode.LogOutputChannel, codeLensChanged: vscode.EventEmitter<void>): LensFeatures {
  // This bundle has its own copy of the core, so it sets the core's language itself.
  setCoreLocale(toLocale(vscode.env.language));
  let settings: LensSettings = readLensSettings();
  const current = () => settings;
  const scans = new LensScans(settings.defaultFramework);
  const diagnostics = new MisuseDiagnostics(scans, current, log);
  const subscription = vscode.workspace.onDidChangeConfiguration((event) => {
    if (!affectsLens(event)) return;
    settings = readLensSettings();
    scans.setDefaultFramework(settings.defaultFramework);
    codeLensChanged.fire();
    diagnostics.refreshAll();
  });
  diagnostics.refreshAll();
  return {
    hover: new FormulaHoverProvider(scans, log),
    codeLens: new FormulaCodeLensProvider(scans, current, log),
    codeActions: new MisuseCodeActionProvider(scans, current, log),
    async copyLatex(args: unknown) {
      const entry = isCopyLatexArgs(args) ? getEntry(args.id) : undefined;
      if (!entry) {
        log.warn('Copy LaTeX: ignored an argument that names no catalog function.');
        return;
      }
      await vscode.env.clipboard.writeText(entry.formula.latex);
      vscode.window.setStatusBarMessage(vscode.l10n.t('LaTeX copied to the clipboard'), 4000);
    },
    dispose() {
      subscription.dispose();
      diagnostics.dispose();
    },
  };
}
