/**
 * Training config files (`*.fltrain.json|jsonc|yaml|yml`) as the providers see them: which documents are
 * ours (by name, so virtual file systems work too), and each one's check cached per document version. The
 * checker (the config reader, the validator and the catalog) loads on the first such file.
 */
import * as vscode from 'vscode';
import type { TrainingFileCheck } from '../core/trainfile/problems';
import { isTrainingConfigFile } from '../protocol/trainingPanel';

/** The document selector of training config files, on any scheme. */
export const TRAINING_CONFIG_SELECTOR: vscode.DocumentSelector = [{ pattern: '**/*.fltrain.{json,jsonc,yaml,yml}' }];

/** True for a training config document. */
export function isTrainingConfigDocument(document: vscode.TextDocument): boolean {
  return isTrainingConfigFile(document.uri.path);
}

/** Checks of training config documents, redone only when the text changes. */
export class TrainingConfigCache {
  private readonly checks = new Map<string, { readonly version: number; readonly check: TrainingFileCheck }>();

  /** The document's problems and, when valid, its configuration. */
  async check(document: vscode.TextDocument): Promise<TrainingFileCheck> {
    const key = document.uri.toString();
    const cached = this.checks.get(key);
    if (cached && cached.version === document.version) return cached.check;
    const { checkTrainingConfigText } = await import('../core/trainfile/problems');
    const check = checkTrainingConfigText(document.getText(), document.uri.path);
    this.checks.set(key, { version: document.version, check });
    return check;
  }

  /** Forgets a closed document. */
  forget(uri: vscode.Uri): void {
    this.checks.delete(uri.toString());
  }
}
