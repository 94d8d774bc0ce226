/**
 * Extension entry point: wiring only. Each feature registers itself from its own module,
 * and heavy modules (mathjs, scanning, charts) load on first use, not here.
 */
import * as vscode from 'vscode';
import { setCoreLocale, toLocale } from './core/l10n';
import { CommandId } from './commands/commandIds';
import { registerEvaluationFeatures } from './commands/index';
import { registerWalkthrough } from './commands/walkthrough';
import { createLog } from './log';
import { registerPlayground } from './panel/registerPlayground';
import { registerLensFeatures } from './providers/index';
import { registerTrainingConfigFeatures } from './providers/trainingConfigFeature';

/** Called by VS Code on the first activation event (a served language or one of our commands). */
export function activate(context: vscode.ExtensionContext): void {
  setCoreLocale(toLocale(vscode.env.language));
  const log = createLog();
  context.subscriptions.push(
    log,
    vscode.commands.registerCommand(CommandId.ShowLog, () => log.show(true)),
  );
  registerPlayground(context, log);
  registerEvaluationFeatures(context, log);
  registerWalkthrough(context, log);
  registerLensFeatures(context, log);
  registerTrainingConfigFeatures(context, log);
  log.info(`Formula Lens activated (${vscode.env.language}, ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'})`);
}

/** Nothing to clean up beyond `context.subscriptions`. */
export function deactivate(): void {
  // Disposables registered on the context are disposed by VS Code.
}
