/**
 * Command links of the lens: "Open in Playground", "Copy LaTeX" and "Evaluate on selection" as `command:`
 * URIs for hovers, and the same arguments for CodeLens commands. Only these command ids are trusted.
 */
import type { ParamValue } from '../core/catalog/types';
import type { MentionSummary } from '../core/lens/mentionSummary';
import { isPanelParams, type OpenPlaygroundArgs, type PanelParams } from '../protocol/playground';
import { CommandId } from '../commands/commandIds';

/** The command ids hover links may run (MarkdownString `isTrusted.enabledCommands`). */
export const LENS_LINK_COMMANDS: readonly string[] = [CommandId.OpenPlayground, CommandId.CopyLatex, CommandId.ApplyActivation, CommandId.ComputeLoss];

/** The argument of `formulaLens.internal.copyLatex`. */
export interface CopyLatexArgs {
  readonly id: string;
}

/** Checks a Copy LaTeX argument. */
export function isCopyLatexArgs(value: unknown): value is CopyLatexArgs {
  return typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string' && (value as { id: string }).id.length <= 100;
}

/** The parameters the Playground accepts, dropping values its guard would refuse (so the link never fails). */
function panelParams(given: Readonly<Record<string, ParamValue>>): PanelParams {
  const out: Record<string, ParamValue> = {};
  for (const [name, value] of Object.entries(given)) if (isPanelParams({ [name]: value })) out[name] = value;
  return out as PanelParams;
}

/** `formulaLens.openPlayground` focused on this function, framework and parameters. */
export function playgroundArgs(summary: MentionSummary): OpenPlaygroundArgs {
  return { focus: { kind: summary.entry.kind, id: summary.entry.id, params: panelParams(summary.given), framework: summary.framework } };
}

/** The evaluation command for the function and the argument it takes (`{ name, params, framework, reduction? }`). */
export function evaluateCommand(summary: MentionSummary): { readonly command: string; readonly args: Record<string, unknown> } {
  const args: Record<string, unknown> = { name: summary.entry.id, params: { ...summary.given }, framework: summary.framework };
  if (summary.entry.kind === 'activation') return { command: CommandId.ApplyActivation, args };
  const reduction = summary.reduction?.effective;
  if (reduction && summary.entry.reductions.includes(reduction)) args['reduction'] = reduction;
  return { command: CommandId.ComputeLoss, args };
}

/** A `command:` URI that runs `command` with one argument. */
export function commandUri(command: string, argument: unknown): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify([argument]))}`;
}
