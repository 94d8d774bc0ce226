/**
 * Registers selection evaluation (Apply Activation, Compute Loss, Compare Frameworks), evaluation
 * files (CodeLens, diagnostics, Evaluate Config File), the result actions and the results view.
 * Registration is cheap: each command's module, the catalog, the parsers and the config readers load
 * on first use.
 */
import * as vscode from 'vscode';
import { isResultActionArgs, type ResultActionArgs, type ResultsWebviewMessage } from '../protocol/results';
import { ConfigCodeLensProvider } from '../providers/configCodeLens';
import { ConfigDiagnostics } from '../providers/configDiagnostics';
import { EVALUATION_FILE_SELECTOR, EvaluationConfigCache } from '../providers/configDocuments';
import { CommandId } from './commandIds';
import { EvaluationSession } from './session';
import { UserMessage } from './userMessage';

/** Reads the optional argument of a result action command. */
function resultActionArgs(value: unknown): ResultActionArgs {
  if (value === undefined || value instanceof vscode.Uri) return {};
  if (!isResultActionArgs(value)) throw new UserMessage(vscode.l10n.t('The command argument is not valid. Expected {0}.', '{"section": 0, "format": "json" | "python" | "numpy", "part": "value" | "gradient"}'));
  return value;
}

/** Runs a button of the results view (the panel checked the message and that it names the result on show). */
async function runViewAction(session: EvaluationSession, message: ResultsWebviewMessage): Promise<void> {
  const actions = await import('./resultActions');
  const part = message.part ? { part: message.part } : {};
  switch (message.action) {
    case 'copy':
      return actions.copyResult(session, { section: message.section, ...part, ...(message.format ? { format: message.format } : {}) });
    case 'insertBelow':
      return actions.insertResultBelow(session, { section: message.section, ...part });
    case 'replaceSelection':
      return actions.replaceSelectionWithResult(session, { section: message.section });
    case 'reveal':
      return actions.revealFinding(session, message.section, message.item ?? 0);
    default: {
      const unhandled: never = message.action;
      session.log.warn(`Results view: unhandled action ${String(unhandled)}`);
    }
  }
}

/** Wires every evaluation feature into the extension context. */
export function registerEvaluationFeatures(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): void {
  const session: EvaluationSession = new EvaluationSession(context, log, async () => {
    const { ResultsPanel } = await import('../panel/resultsPanel');
    const panel = new ResultsPanel(log, (message) => {
      runViewAction(session, message).catch((error: unknown) => session.report(`results view ${message.action}`, error));
    });
    context.subscriptions.push(panel);
    return panel;
  });
  const cache = new EvaluationConfigCache();

  /** Registers a command whose failures become messages (never unhandled rejections). */
  const register = (id: string, run: (arg: unknown) => Promise<void>) =>
    vscode.commands.registerCommand(id, async (arg?: unknown) => {
      session.clearMessage();
      try {
        await run(arg);
      } catch (error) {
        session.report(id, error);
      }
    });
  const actions = () => import('./resultActions');

  context.subscriptions.push(
    session,
    register(CommandId.ApplyActivation, async (arg) => (await import('./applyActivation')).applyActivation(session, arg)),
    register(CommandId.ComputeLoss, async (arg) => (await import('./computeLoss')).computeLoss(session, arg)),
    register(CommandId.CompareFrameworks, async (arg) => (await import('./compareFrameworks')).compareFrameworks(session, arg)),
    register(CommandId.EvaluateConfigFile, async (arg) => (await import('./evaluateConfigFile')).evaluateConfigFile(session, cache, arg)),
    register(CommandId.RunConfigEntry, async (arg) => (await import('./evaluateConfigFile')).runConfigEntry(session, cache, arg)),
    register(CommandId.CopyResult, async (arg) => (await actions()).copyResult(session, resultActionArgs(arg))),
    register(CommandId.InsertResultBelow, async (arg) => (await actions()).insertResultBelow(session, resultActionArgs(arg))),
    register(CommandId.ReplaceSelectionWithResult, async (arg) => (await actions()).replaceSelectionWithResult(session, resultActionArgs(arg))),
    vscode.commands.registerCommand(CommandId.HideInlineResults, () => session.inline.clear()),
    vscode.commands.registerCommand(CommandId.LastResult, () => session.snapshot()),
    new ConfigDiagnostics(cache, log),
  );
  const codeLens = new ConfigCodeLensProvider(cache, log);
  context.subscriptions.push(codeLens, vscode.languages.registerCodeLensProvider(EVALUATION_FILE_SELECTOR, codeLens));
}
