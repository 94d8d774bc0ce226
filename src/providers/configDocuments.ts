/**
 * Evaluation files as the providers see them: which documents are ours (by name, so virtual file
 * systems work too), and their parsed form cached per document version. The reader (jsonc-parser,
 * yaml and the catalog) loads on the first evaluation file, not at activation.
 */
import * as vscode from 'vscode';
import { isEvaluationConfigFile } from '../core/config/files';
import type { EvaluationConfig } from '../core/config/types';
import type { Framework } from '../core/catalog/types';

/** The document selector of evaluation files, on any scheme. */
export const EVALUATION_FILE_SELECTOR: vscode.DocumentSelector = [{ pattern: '**/*.formulalens.{json,jsonc,yaml,yml}' }];

/** True for `*.formulalens.json|jsonc|yaml|yml` documents (untitled ones have no such name). */
export function isEvaluationDocument(document: vscode.TextDocument): boolean {
  return isEvaluationConfigFile(document.uri.path);
}

/** The config readers, loaded once on first use. */
export function loadConfigReaders(): Promise<typeof import('../core/config/index')> {
  return import('../core/config/index');
}

interface CachedRead {
  readonly version: number;
  readonly framework: Framework;
  readonly config: EvaluationConfig;
}

/** Parsed evaluation files by document, re-read only when the text or the default framework changes. */
export class EvaluationConfigCache {
  private readonly reads = new Map<string, CachedRead>();

  /** The document read with `defaultFramework` for entries that name none. */
  async read(document: vscode.TextDocument, defaultFramework: Framework): Promise<EvaluationConfig> {
    const key = document.uri.toString();
    const cached = this.reads.get(key);
    if (cached && cached.version === document.version && cached.framework === defaultFramework) return cached.config;
    const { readEvaluationConfig } = await loadConfigReaders();
    const config = readEvaluationConfig(document.getText(), { fileName: document.uri.path, defaultFramework });
    this.reads.set(key, { version: document.version, framework: defaultFramework, config });
    return config;
  }

  /** Forgets a closed document. */
  forget(uri: vscode.Uri): void {
    this.reads.delete(uri.toString());
  }
}
