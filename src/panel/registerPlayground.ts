/**
 * Registers the Playground command and its panel serializer. Kept tiny: the panel module (and the page
 * it serves) loads only when the command runs or VS Code restores a panel.
 */
import * as vscode from 'vscode';
import { CommandId } from '../commands/commandIds';
import { PLAYGROUND_VIEW_TYPE, isOpenPlaygroundArgs, type OpenPlaygroundArgs } from '../protocol/playground';

/** Registers `formulaLens.openPlayground` and the serializer that restores the panel after a reload. */
export function registerPlayground(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(CommandId.OpenPlayground, async (args?: unknown) => {
      let checked: OpenPlaygroundArgs | undefined;
      if (isOpenPlaygroundArgs(args)) checked = args;
      else log.warn('Playground: ignored a malformed openPlayground argument; opening without focus.');
      const { PlaygroundPanel } = await import('./playgroundPanel');
      PlaygroundPanel.createOrShow(context, log, checked);
    }),
    vscode.window.registerWebviewPanelSerializer(PLAYGROUND_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
        const { PlaygroundPanel } = await import('./playgroundPanel');
        PlaygroundPanel.revive(panel, context, log, state);
      },
    }),
  );
}
