/** The extension's diagnostics log: one `LogOutputChannel` named "Formula Lens". */
import * as vscode from 'vscode';

/** Creates the log channel (its level follows the user's "Developer: Set Log Level"). */
export function createLog(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel('Formula Lens', { log: true });
}
