/**
 * The hover of a mention as Markdown: the name as the framework spells it, formula and derivative in
 * Unicode, an SVG chart (VS Code hovers do not render LaTeX) in the colours of the current theme kind, the
 * parameters in effect with defaults marked, the output range, the reduction of a loss, the framework's
 * notes, and command links. HTML stays off; only the lens's own commands are trusted.
 */
import * as vscode from 'vscode';
import type { Framework } from '../core/catalog/types';
import { localize } from '../core/l10n';
import { describeZones } from '../core/lens/zones';
import { planFunctionChart } from '../core/lens/functionChart';
import { renderFunctionChart } from '../core/lens/chartSvg';
import { formatParamValue } from '../core/lens/format';
import type { MentionSummary, ParamRow } from '../core/lens/mentionSummary';
import { chartPalette, type ThemeKind } from '../core/svg/palette';
import { CommandId } from '../commands/commandIds';
import { LENS_LINK_COMMANDS, commandUri, evaluateCommand, playgroundArgs } from './lensLinks';

/** Size of the chart image in the hover, in CSS pixels. */
export const HOVER_CHART_WIDTH = 400;
export const HOVER_CHART_HEIGHT = 180;

const FRAMEWORK_LABELS: Readonly<Record<Framework, string>> = { torch: 'PyTorch', keras: 'Keras 3', tfjs: 'TF.js' };

/** The chart palette's theme kind for VS Code's colour theme kind. */
export function themeKindOf(kind: vscode.ColorThemeKind): ThemeKind {
  switch (kind) {
    case vscode.ColorThemeKind.Light:
      return 'light';
    case vscode.ColorThemeKind.HighContrast:
      return 'high-contrast';
    case vscode.ColorThemeKind.HighContrastLight:
      return 'high-contrast-light';
    default:
      return 'dark';
  }
}

/** Escapes Markdown punctuation so formulas (`|x|`, `a*b`, `x_i`) show literally. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
}

/** An inline code span that survives backticks inside the text. */
function code(text: string): string {
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}

/** What the hover shows of a chart. */
interface ChartImage {
  readonly uri: string;
  readonly caption: string;
  readonly zones: readonly string[];
}

/** Rendered charts by function, parameters, theme and language: hovering the same line again costs nothing. */
const chartCache = new Map<string, ChartImage | null>();
const CHART_CACHE_SIZE = 64;

/** The chart of a summary as a `data:` URI, or undefined when the function has no one-variable picture. */
function chartImage(summary: MentionSummary, theme: ThemeKind): ChartImage | undefined {
  const key = JSON.stringify([summary.entry.id, summary.framework, summary.resolved, theme, vscode.env.language]);
  let image = chartCache.get(key);
  if (image === undefined) {
    image = renderChartImage(summary, theme);
    chartCache.set(key, image);
    if (chartCache.size > CHART_CACHE_SIZE) chartCache.delete(chartCache.keys().next().value!);
  }
  return image ?? undefined;
}

function renderChartImage(summary: MentionSummary, theme: ThemeKind): ChartImage | null {
  const chart = planFunctionChart(summary.entry, summary.framework, summary.resolved);
  if (!chart) return null;
  const svg = renderFunctionChart(chart, chartPalette(theme), { width: HOVER_CHART_WIDTH, height: HOVER_CHART_HEIGHT, title: vscode.l10n.t('Chart of {0}', summary.entry.title) });
  return {
    uri: `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`,
    caption: localize(chart.caption, chart.captionArgs),
    zones: describeZones(chart),
  };
}

/** A Markdown link with a tooltip; the tooltip may not contain double quotes. */
function link(text: string, uri: string, tooltip: string): string {
  return `[${escapeMarkdown(text)}](${uri} "${tooltip.replace(/"/g, "'")}")`;
}

function paramLine(row: ParamRow, api: string, framework: Framework): string {
  const value = code(formatParamValue(row.value, framework));
  const name = code(row.displayName);
  switch (row.origin) {
    case 'code':
      return `- ${name} = ${value}`;
    case 'api-default':
      return `- ${name} = ${value} *${escapeMarkdown(vscode.l10n.t('(default of {0})', api))}*`;
    case 'default':
      return `- ${name} = ${value} *${escapeMarkdown(vscode.l10n.t('(default)'))}*`;
    case 'expression':
      return `- ${name} = ${code(row.expression ?? '')} *${escapeMarkdown(vscode.l10n.t('(not evaluated; the chart uses the default {0})', formatParamValue(row.value, framework)))}*`;
  }
}

/** Builds the hover Markdown for a mention written as `api`. */
export function hoverMarkdown(summary: MentionSummary, api: string, theme: ThemeKind): vscode.MarkdownString {
  const { entry, framework } = summary;
  const kind = entry.kind === 'activation' ? vscode.l10n.t('activation') : vscode.l10n.t('loss');
  const blocks: string[] = [];
  blocks.push(`**${escapeMarkdown(api)}** · ${escapeMarkdown(entry.title)} · ${escapeMarkdown(kind)} · ${escapeMarkdown(FRAMEWORK_LABELS[framework])}`);
  blocks.push(`${escapeMarkdown(entry.formula.text)}  \n${escapeMarkdown(entry.formula.derivativeText)}`);

  const chart = chartImage(summary, theme);
  if (chart) {
    blocks.push(`![${escapeMarkdown(vscode.l10n.t('Chart of {0}', entry.title))}](${chart.uri})`);
    blocks.push([`*${escapeMarkdown(chart.caption)}*`, ...chart.zones.map(escapeMarkdown)].join('  \n'));
  }

  if (summary.invalid) blocks.push(`⚠ ${escapeMarkdown(vscode.l10n.t('{0} The defaults are shown instead.', summary.invalid.localizedMessage()))}`);
  if (summary.params.length > 0) {
    blocks.push(`**${escapeMarkdown(vscode.l10n.t('Parameters'))}**\n\n${summary.params.map((row) => paramLine(row, api, framework)).join('\n')}`);
  }
  const facts = [`**${escapeMarkdown(vscode.l10n.t('Output range'))}** ${escapeMarkdown(entry.range)}`];
  const reduction = summary.reduction;
  if (reduction) {
    const value = code(reduction.display);
    let mark = '';
    if (reduction.origin === 'default') {
      mark = reduction.meaning ? vscode.l10n.t('(default: {0})', localize(reduction.meaning)) : vscode.l10n.t('(default)');
    }
    facts.push(`**${escapeMarkdown(vscode.l10n.t('Reduction'))}** ${value}${mark ? ` *${escapeMarkdown(mark)}*` : ''}`);
  }
  blocks.push(facts.join('  \n'));
  if (summary.notes.length > 0) {
    const heading = vscode.l10n.t('{0} notes', FRAMEWORK_LABELS[framework]);
    blocks.push(`**${escapeMarkdown(heading)}**\n\n${summary.notes.map((note) => `- ${escapeMarkdown(localize(note.text))}`).join('\n')}`);
  }

  const evaluate = evaluateCommand(summary);
  const links = [
    link(vscode.l10n.t('Open in Playground'), commandUri(CommandId.OpenPlayground, playgroundArgs(summary)), vscode.l10n.t('Show this function with these parameters in the Formula Lens Playground')),
    link(vscode.l10n.t('Copy LaTeX'), commandUri(CommandId.CopyLatex, { id: entry.id }), vscode.l10n.t('Copy the formula as LaTeX')),
    link(vscode.l10n.t('Evaluate on selection'), commandUri(evaluate.command, evaluate.args), vscode.l10n.t('Evaluate this function on the numbers selected in the editor')),
  ];
  blocks.push(`---\n\n${links.join(' · ')}`);

  const markdown = new vscode.MarkdownString(blocks.join('\n\n'));
  markdown.supportHtml = false;
  markdown.isTrusted = { enabledCommands: [...LENS_LINK_COMMANDS] };
  return markdown;
}
