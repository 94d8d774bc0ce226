/**
 * Problems of training config files as diagnostics at their exact ranges: JSON/YAML syntax errors, the
 * validator's error at the key or value it names (`model.layers[0].activation: unknown activation "rleu"
 * (did you mean relu?)`), and warnings such as a softmax applied twice. Refreshed shortly after each change,
 * removed when the file closes.
 */
import type * as vscode from 'vscode';
import type { TrainingFileProblem } from '../core/trainfile/problems';
import { FileDiagnostics } from './fileDiagnostics';
import { isTrainingConfigDocument, type TrainingConfigCache } from './trainingConfigDocuments';

/** Keeps the diagnostics of every open training config file current. */
export class TrainingConfigDiagnostics extends FileDiagnostics<TrainingFileProblem> {
  constructor(cache: TrainingConfigCache, log: vscode.LogOutputChannel) {
    super({
      collectionName: 'formulaLens.trainingConfig',
      refreshDelayMs: 250,
      matches: isTrainingConfigDocument,
      problems: async (document) => (await cache.check(document)).problems,
      codeOf: () => 'training-config',
      forget: (uri) => cache.forget(uri),
      failureLabel: (document) => `Training config ${document.uri.toString(true)}: checking failed`,
    }, log);
  }
}
