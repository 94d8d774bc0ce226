/** Hovers on activation and loss names: formula, chart, parameters in effect, notes and links. */
import * as vscode from 'vscode';
import { summarizeMention } from '../core/lens/mentionSummary';
import type { Mention } from '../core/scan/types';
import { hoverMarkdown, themeKindOf } from './hoverMarkdown';
import type { LensScans } from './lensScans';

/** The mention whose written name (the whole dotted API, or the string) contains an offset. */
export function mentionNamedAt(mentions: readonly Mention[], offset: number): Mention | undefined {
  return mentions.find((mention) => mention.apiRange.start <= offset && offset <= mention.apiRange.end);
}

/** Provides the formula hover. */
export class FormulaHoverProvider implements vscode.HoverProvider {
  constructor(private readonly scans: LensScans, private readonly log: vscode.LogOutputChannel) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    try {
      const scan = this.scans.scan(document);
      if (!scan) return undefined;
      const mention = mentionNamedAt(scan.mentions, document.offsetAt(position));
      if (!mention) return undefined;
      const summary = summarizeMention(mention);
      if (!summary) return undefined;
      const range = new vscode.Range(document.positionAt(mention.apiRange.start), document.positionAt(mention.apiRange.end));
      return new vscode.Hover(hoverMarkdown(summary, mention.api, themeKindOf(vscode.window.activeColorTheme.kind)), range);
    } catch (error) {
      this.log.error(`Formula hover failed in ${document.uri.toString(true)}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return undefined;
    }
  }
}
