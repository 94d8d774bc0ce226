/**
 * The "Formula Lens Results" webview panel: one per window, opened beside the editor without taking
 * focus (so Escape still reaches the editor), re-rendered for each new result. Messages from the page
 * pass `isResultsWebviewMessage` and must name the result on show; anything else is logged and dropped.
 */
import * as vscode from 'vscode';
import { toLocale } from '../core/l10n';
import { RESULTS_VIEW_TYPE, isResultsWebviewMessage, type ResultsWebviewMessage } from '../protocol/results';
import type { PublishedResults, ResultsView, ResultsViewState } from '../commands/session';
import { renderResultsHtml } from './resultsHtml';

/** A fresh nonce for the page's CSP, from Web Crypto (available in every extension host, desktop or web). */
function createNonce(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(18));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The results panel of the window, created on the first result. */
export class ResultsPanel implements ResultsView, vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private shownId: number | undefined;
  private html = '';

  constructor(private readonly log: vscode.LogOutputChannel, private readonly onAction: (message: ResultsWebviewMessage) => void) {}

  /** Renders `results`, creating the panel beside the active editor or revealing it without focus. */
  show(results: PublishedResults): void {
    const panel = this.panel ?? this.create();
    this.shownId = results.id;
    this.html = renderResultsHtml(results, { nonce: createNonce(), language: toLocale(vscode.env.language) });
    panel.webview.html = this.html;
    panel.title = vscode.l10n.t('Formula Lens Results');
    if (!panel.visible) panel.reveal(panel.viewColumn ?? vscode.ViewColumn.Beside, true);
  }

  /** What the panel shows, for the results snapshot. */
  state(): ResultsViewState | undefined {
    return this.panel ? { visible: this.panel.visible, html: this.html } : undefined;
  }

  dispose(): void {
    this.panel?.dispose();
  }

  private create(): vscode.WebviewPanel {
    const panel = vscode.window.createWebviewPanel(
      RESULTS_VIEW_TYPE,
      vscode.l10n.t('Formula Lens Results'),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      // Scripts only for the nonce'd click handler; the page loads nothing from disk.
      { enableScripts: true, enableFindWidget: true, localResourceRoots: [] },
    );
    this.panel = panel;
    const subscriptions = [
      panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message)),
      panel.onDidDispose(() => {
        this.panel = undefined;
        this.shownId = undefined;
        this.html = '';
        for (const subscription of subscriptions) subscription.dispose();
      }),
    ];
    return panel;
  }

  private receive(message: unknown): void {
    if (!isResultsWebviewMessage(message)) {
      this.log.warn('Results view: ignored a malformed message.');
      return;
    }
    if (message.resultId !== this.shownId) {
      this.log.info(`Results view: ignored an action on result ${message.resultId}; result ${this.shownId ?? '-'} is on show.`);
      return;
    }
    this.onAction(message);
  }
}
