/**
 * The Playground webview panel: one per window, opened beside the editor, restored after a reload.
 * The page computes curves itself (it bundles the pure core); the host only serves the page, saves
 * exports, copies LaTeX and keeps saved formulas in settings. Every message from the page passes the
 * protocol guard first; anything else is logged and ignored.
 */
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import {
  PLAYGROUND_VIEW_TYPE,
  isFramework,
  isPlaygroundState,
  isWebviewToHostMessage,
  sanitizeSavedFormulas,
  type HostToWebviewMessage,
  type OpenPlaygroundArgs,
  type PlaygroundBootData,
  type PlaygroundFocus,
  type PlaygroundState,
  type SavedFormula,
  type WebviewToHostMessage,
} from '../protocol/playground';
import { toLocale } from '../core/l10n';
import type { TrainConfigMessage } from '../protocol/trainingPanel';
import { handleTrainingMessage } from './trainingHost';

const CONFIG_SECTION = 'formulaLens';
const CUSTOM_FORMULAS_KEY = 'customFormulas';

/** Folders the page may load from: the bundles and the static assets, nothing else. */
function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

/** Reads the saved formulas from settings, dropping malformed hand-edited entries. */
function readSavedFormulas(): SavedFormula[] {
  return sanitizeSavedFormulas(vscode.workspace.getConfiguration(CONFIG_SECTION).get<unknown>(CUSTOM_FORMULAS_KEY));
}

/** A short description of a rejected message for the log (never the whole payload, which may be huge). */
function describeRejected(value: unknown): string {
  if (typeof value !== 'object' || value === null) return typeof value;
  const type = (value as { type?: unknown }).type;
  const keys = Object.keys(value).slice(0, 8).join(', ');
  return `type ${typeof type === 'string' ? JSON.stringify(type.slice(0, 40)) : typeof type}, keys [${keys}]`;
}

/** Decodes a guarded `data:image/png;base64,...` URL. */
function pngBytes(dataUrl: string): Uint8Array {
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
}

/** The webview panel and everything registered for it. */
export class PlaygroundPanel implements vscode.Disposable {
  private static current: PlaygroundPanel | undefined;

  private readonly disposables: vscode.Disposable[] = [];
  private disposed = false;
  /** True between the page's `ready` and the panel being hidden (a hidden page is unloaded). */
  private pageListening = false;
  /** A focus request that arrived while the page could not receive it. */
  private pendingFocus: PlaygroundFocus | undefined;
  /** A config to train that arrived while the page could not receive it. */
  private pendingTraining: TrainConfigMessage | undefined;
  /** The text editor used last: the Training tab reads its selection while the webview has the focus. */
  private lastEditor: vscode.TextEditor | undefined = vscode.window.activeTextEditor;

  /** Shows the panel (creating it beside the editor if needed), optionally focused on a function. */
  static createOrShow(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, args: OpenPlaygroundArgs | undefined): PlaygroundPanel {
    const focus = args?.focus;
    const existing = PlaygroundPanel.current;
    if (existing) {
      existing.panel.reveal(existing.panel.viewColumn);
      if (focus) existing.showFocus(focus);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(
      PLAYGROUND_VIEW_TYPE,
      vscode.l10n.t('Formula Lens Playground'),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
      // Training runs in a worker inside the page: a hidden page that was unloaded would lose the run (its
      // optimizer state, loss history and the worker itself), so the page is kept while hidden. It costs one
      // page's memory; the other tabs keep their state with setState either way.
      { ...webviewOptions(context.extensionUri), retainContextWhenHidden: true },
    );
    PlaygroundPanel.current = new PlaygroundPanel(panel, context, log, null, focus ?? null);
    return PlaygroundPanel.current;
  }

  /** Shows the panel on its Training tab and trains a configuration (the "Train in Playground" CodeLens). */
  static train(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, message: TrainConfigMessage): void {
    const panel = PlaygroundPanel.createOrShow(context, log, undefined);
    if (panel.pageListening) panel.post(message);
    else panel.pendingTraining = message;
  }

  /** Restores a panel VS Code kept across a window reload, with the state the page last saved. */
  static revive(panel: vscode.WebviewPanel, context: vscode.ExtensionContext, log: vscode.LogOutputChannel, state: unknown): void {
    if (PlaygroundPanel.current) {
      // One panel per window: a second restored one (from an older session) is closed.
      panel.dispose();
      PlaygroundPanel.current.panel.reveal(undefined, true);
      return;
    }
    let restored: PlaygroundState | null = null;
    if (isPlaygroundState(state)) restored = state;
    else if (state !== undefined && state !== null) log.warn('Playground: the saved panel state is malformed or from another version; starting fresh.');
    panel.webview.options = webviewOptions(context.extensionUri);
    PlaygroundPanel.current = new PlaygroundPanel(panel, context, log, restored, null);
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
    state: PlaygroundState | null,
    focus: PlaygroundFocus | null,
  ) {
    panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'playground.svg');
    panel.webview.html = this.renderHtml(state, focus);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: unknown) => this.onMessage(message)),
      panel.onDidChangeViewState(() => {
        // A page kept while hidden still receives messages; one that is unloaded sends `ready` again when shown.
        if (!panel.visible && !panel.options.retainContextWhenHidden) this.pageListening = false;
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor) this.lastEditor = editor;
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(`${CONFIG_SECTION}.${CUSTOM_FORMULAS_KEY}`)) this.post({ type: 'customFormulas', formulas: readSavedFormulas() });
      }),
    );
  }

  /** Closes the panel and disposes every listener. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (PlaygroundPanel.current === this) PlaygroundPanel.current = undefined;
    this.panel.dispose();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }

  private showFocus(focus: PlaygroundFocus): void {
    if (this.pageListening) this.post({ type: 'focus', focus });
    else this.pendingFocus = focus;
  }

  /** Posts to the page unless the panel is gone; a hidden page drops messages, so callers re-send on `ready`. */
  private post(message: HostToWebviewMessage): void {
    if (this.disposed || !this.pageListening) return;
    void this.panel.webview.postMessage(message);
  }

  private onMessage(message: unknown): void {
    if (this.disposed) return;
    if (!isWebviewToHostMessage(message)) {
      this.log.warn(`Playground: ignored a malformed message from the webview (${describeRejected(message)}).`);
      return;
    }
    this.handle(message).catch((error: unknown) => {
      this.log.error(`Playground: handling "${message.type}" failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('Formula Lens: {0}', error instanceof Error ? error.message : String(error)));
    });
  }

  private async handle(message: WebviewToHostMessage): Promise<void> {
    switch (message.type) {
      case 'ready': {
        this.pageListening = true;
        // Settings may have changed while the page was unloaded; its embedded list is from creation time.
        this.post({ type: 'customFormulas', formulas: readSavedFormulas() });
        const focus = this.pendingFocus;
        this.pendingFocus = undefined;
        if (focus) this.post({ type: 'focus', focus });
        const training = this.pendingTraining;
        this.pendingTraining = undefined;
        if (training) this.post(training);
        return;
      }
      case 'savePng':
        await this.saveFile(message.fileName, pngBytes(message.dataUrl), { [vscode.l10n.t('PNG image')]: ['png'] });
        return;
      case 'saveCsv':
        await this.saveFile(message.fileName, new TextEncoder().encode(message.csv), { [vscode.l10n.t('CSV table')]: ['csv'] });
        return;
      case 'copyLatex':
        await vscode.env.clipboard.writeText(message.latex);
        vscode.window.setStatusBarMessage(vscode.l10n.t('LaTeX copied to the clipboard'), 4000);
        return;
      case 'saveFormula':
        await this.updateSavedFormulas(message.formula.name, message.formula);
        return;
      case 'deleteFormula':
        await this.updateSavedFormulas(message.name, undefined);
        return;
      case 'log':
        this.log[message.level](`Playground webview: ${message.message}`);
        return;
      case 'requestData':
      case 'saveTrainingConfig':
      case 'openDocument':
      case 'copyText':
        await handleTrainingMessage(message, {
          log: this.log,
          post: (reply) => this.post(reply),
          lastEditor: () => (this.lastEditor && !this.lastEditor.document.isClosed ? this.lastEditor : vscode.window.visibleTextEditors[0]),
        });
        return;
      default: {
        const unhandled: never = message;
        this.log.warn(`Playground: unhandled message ${JSON.stringify(unhandled).slice(0, 200)}`);
      }
    }
  }

  /** Asks where to save (downloads do not work inside webviews) and writes the bytes. */
  private async saveFile(fileName: string, bytes: Uint8Array, filters: Record<string, string[]>): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, fileName) : undefined,
      filters,
      saveLabel: vscode.l10n.t('Save'),
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, bytes);
    this.log.info(`Playground: saved ${target.toString(true)} (${bytes.length} bytes)`);
    void vscode.window.showInformationMessage(vscode.l10n.t('Saved {0}', vscode.workspace.asRelativePath(target, false)));
  }

  /**
   * Replaces (or with `formula` undefined, removes) the saved formula of that name. Other entries are
   * kept as the user wrote them, even ones the panel cannot read. Writes where the setting is defined.
   */
  private async updateSavedFormulas(name: string, formula: SavedFormula | undefined): Promise<void> {
    const config = vscode.workspace.getConfiguration(CONFIG_SECTION);
    const inspected = config.inspect<unknown>(CUSTOM_FORMULAS_KEY);
    const target = inspected?.workspaceFolderValue !== undefined ? vscode.ConfigurationTarget.WorkspaceFolder
      : inspected?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace
        : vscode.ConfigurationTarget.Global;
    const current = config.get<unknown>(CUSTOM_FORMULAS_KEY);
    const others = (Array.isArray(current) ? current : []).filter((item: unknown) => !(typeof item === 'object' && item !== null && (item as { name?: unknown }).name === name));
    await config.update(CUSTOM_FORMULAS_KEY, formula ? [...others, formula] : others, target);
    this.log.info(`Playground: ${formula ? 'saved' : 'deleted'} custom formula "${name}"`);
  }

  private renderHtml(state: PlaygroundState | null, focus: PlaygroundFocus | null): string {
    const webview = this.panel.webview;
    const asset = (...path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, ...path)).toString();
    const nonce = randomBytes(18).toString('base64');
    const configuredFramework = vscode.workspace.getConfiguration(CONFIG_SECTION).get<unknown>('defaultFramework');
    const boot: PlaygroundBootData = {
      locale: toLocale(vscode.env.language),
      l10nBundle: vscode.l10n.bundle ?? null,
      state,
      focus,
      defaultFramework: isFramework(configuredFramework) ? configuredFramework : 'torch',
      customFormulas: readSavedFormulas(),
      formulaScriptUri: asset('dist', 'formula.js'),
      workerScriptUri: asset('dist', 'worker.js'),
    };
    // Inside <script type="application/json"> only "</script" could end the block early; escaping "<" rules it out.
    const bootJson = JSON.stringify(boot).replace(/</g, '\\u003c');
    const csp = [
      "default-src 'none'",
      `img-src ${webview.cspSource} data: blob:`,
      `style-src ${webview.cspSource}`,
      `script-src 'nonce-${nonce}'`,
      'worker-src blob:',
      `connect-src ${webview.cspSource}`,
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="${boot.locale === 'zh-cn' ? 'zh-CN' : 'en'}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('media', 'playground.css')}">
<link rel="stylesheet" href="${asset('media', 'training.css')}">
<title>${escapeHtml(vscode.l10n.t('Formula Lens Playground'))}</title>
</head>
<body>
<div id="app"></div>
<script type="application/json" id="formula-lens-boot">${bootJson}</script>
<script nonce="${nonce}" src="${asset('dist', 'webview.js')}"></script>
</body>
</html>`;
  }
}

/** Escapes text for an HTML text node. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
