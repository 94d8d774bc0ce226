/**
 * Registers what training config files (`*.fltrain.json|yaml`) get: diagnostics, the "Train in Playground"
 * CodeLens and its command. Registration is cheap; the checker, the trainer's validator and the panel load
 * on the first config file or the first use of the command.
 */
import * as vscode from 'vscode';
import { CommandId } from '../commands/commandIds';
import { describeFailure } from '../commands/userMessage';
import { TrainingConfigCodeLensProvider } from './trainingConfigCodeLens';
import { TrainingConfigDiagnostics } from './trainingConfigDiagnostics';
import { TRAINING_CONFIG_SELECTOR, TrainingConfigCache } from './trainingConfigDocuments';

/** Wires the training config features into the extension context. */
export function registerTrainingConfigFeatures(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): void {
  const cache = new TrainingConfigCache();
  const codeLens = new TrainingConfigCodeLensProvider(cache, log);
  context.subscriptions.push(
    new TrainingConfigDiagnostics(cache, log),
    codeLens,
    vscode.languages.registerCodeLensProvider(TRAINING_CONFIG_SELECTOR, codeLens),
    vscode.commands.registerCommand(CommandId.TrainInPlayground, async (arg?: unknown) => {
      try {
        const { trainInPlayground } = await import('../commands/trainInPlayground');
        await trainInPlayground(arg, cache, context, log);
      } catch (error) {
        const failure = describeFailure(error);
        if (!failure) return;
        if (!failure.expected) log.error(`Train in Playground failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
        if (failure.severity === 'warning') void vscode.window.showWarningMessage(failure.text);
        else void vscode.window.showErrorMessage(failure.text);
      }
    }),
  );
}
