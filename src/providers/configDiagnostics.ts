/**
 * Problems of evaluation files as diagnostics at their exact ranges (unknown functions, bad shapes
 * or parameters, JSON/YAML syntax errors), refreshed shortly after each change and removed when
 * the file closes. Reading never changes the file.
 */
import type * as vscode from 'vscode';
import type { ConfigProblem } from '../core/config/types';
import { defaultFramework } from '../commands/framework';
import { isEvaluationDocument, type EvaluationConfigCache } from './configDocuments';
import { FileDiagnostics } from './fileDiagnostics';

/** Keeps the diagnostics of every open evaluation file current. */
export class ConfigDiagnostics extends FileDiagnostics<ConfigProblem> {
  constructor(cache: EvaluationConfigCache, log: vscode.LogOutputChannel) {
    super({
      collectionName: 'formulaLens.config',
      refreshDelayMs: 200,
      // The default framework decides how entries without one are read.
      settings: ['formulaLens.defaultFramework'],
      matches: isEvaluationDocument,
      problems: async (document) => (await cache.read(document, defaultFramework())).problems,
      codeOf: (problem) => problem.code,
      forget: (uri) => cache.forget(uri),
      failureLabel: (document) => `Evaluation file ${document.uri.toString(true)}: reading failed`,
    }, log);
  }
}
