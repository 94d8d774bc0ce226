/**
 * Which framework's semantics a command uses: the argument, else the document's imports (torch,
 * keras / tensorflow, @tensorflow/tfjs), else the `formulaLens.defaultFramework` setting. The
 * pickers let the user override it.
 */
import * as vscode from 'vscode';
import type { Framework } from '../core/catalog/types';
import { FRAMEWORKS } from '../core/catalog/types';
import type { FrameworkSource } from '../core/results/model';

/** Imports sit at the top of a file: a huge document is only scanned this far. */
const IMPORT_SCAN_CHARS = 200_000;

/** The `formulaLens.defaultFramework` setting (torch when unset or invalid). */
export function defaultFramework(): Framework {
  const value = vscode.workspace.getConfiguration('formulaLens').get<string>('defaultFramework');
  return (FRAMEWORKS as readonly string[]).includes(value ?? '') ? (value as Framework) : 'torch';
}

/** The framework for a document, and where it came from. */
export async function frameworkFor(document: vscode.TextDocument | undefined, given?: Framework): Promise<{ readonly framework: Framework; readonly source: FrameworkSource }> {
  if (given) return { framework: given, source: 'argument' };
  if (document) {
    const { detectFramework } = await import('../core/scan/index');
    const text = document.getText();
    const detected = detectFramework(text.length > IMPORT_SCAN_CHARS ? text.slice(0, IMPORT_SCAN_CHARS) : text, document.languageId);
    if (detected) return { framework: detected, source: 'imports' };
  }
  return { framework: defaultFramework(), source: 'setting' };
}
