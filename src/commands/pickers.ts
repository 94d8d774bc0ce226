/**
 * The pickers of the evaluation commands: a QuickPick of activations or losses (most recently used
 * first, each with its formula and its defaults per framework, and rows to switch the framework), and
 * a parameter box prefilled with the defaults that checks what is typed.
 */
import * as vscode from 'vscode';
import type { ActivationEntry, CatalogEntry, Framework, LossEntry, Reduction } from '../core/catalog/types';
import { FRAMEWORKS } from '../core/catalog/types';
import { requireEntry } from '../core/catalog/registry';
import { FormulaLensError, localize } from '../core/l10n';
import type { FrameworkSource } from '../core/results/model';
import type { ParamTextValues } from '../core/results/paramText';
import { FRAMEWORK_LABELS, frameworkSourceText as sourceText } from './labels';

/** How many recently used functions are kept per kind. */
const RECENT_LIMIT = 5;

function recentKey(kind: CatalogEntry['kind']): string {
  return `formulaLens.recentFunctions.${kind}`;
}

/** Ids of the recently used functions of a kind, most recent first. */
export function recentFunctions(state: vscode.Memento, kind: CatalogEntry['kind']): string[] {
  const stored = state.get<unknown>(recentKey(kind));
  return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string').slice(0, RECENT_LIMIT) : [];
}

/** Moves a function to the front of the recently used list. */
export async function rememberFunction(state: vscode.Memento, entry: CatalogEntry): Promise<void> {
  const recent = [entry.id, ...recentFunctions(state, entry.kind).filter((id) => id !== entry.id)].slice(0, RECENT_LIMIT);
  await state.update(recentKey(entry.kind), recent);
}

/**
 * `negative_slope: 0.01 (torch) · 0.2 (keras) · 0.3 (tfjs)`, `max_value: None (keras, tfjs)`, or just
 * `alpha=1` when every framework has the parameter with the same default.
 */
export async function defaultsText(entry: CatalogEntry): Promise<string> {
  const { applicableParams, formatParamValue } = await import('../core/results/paramText');
  const { defaultFor } = await import('../core/catalog/params');
  const names = [...new Set(FRAMEWORKS.flatMap((framework) => applicableParams(entry, framework).map((spec) => spec.name)))];
  if (names.length === 0) return vscode.l10n.t('No parameters');
  const parts = names.map((name) => {
    const spec = entry.params.find((candidate) => candidate.name === name)!;
    const having = FRAMEWORKS.filter((framework) => applicableParams(entry, framework).some((candidate) => candidate.name === name));
    // Frameworks grouped by their default value, in framework order.
    const groups = new Map<string, Framework[]>();
    for (const framework of having) {
      const key = JSON.stringify(defaultFor(spec, framework));
      groups.set(key, [...(groups.get(key) ?? []), framework]);
    }
    const shown = (frameworks: readonly Framework[]) => formatParamValue(defaultFor(spec, frameworks[0]!), frameworks[0]!);
    if (groups.size === 1 && having.length === FRAMEWORKS.length) return `${name}=${shown(having)}`;
    return `${name}: ${[...groups.values()].map((frameworks) => `${shown(frameworks)} (${frameworks.join(', ')})`).join(' · ')}`;
  });
  return vscode.l10n.t('Defaults: {0}', parts.join(', '));
}

interface FunctionItem extends vscode.QuickPickItem {
  readonly entry?: CatalogEntry;
  readonly framework?: Framework;
}

/** The function and framework the user picked. */
export interface PickedFunction {
  readonly entry: CatalogEntry;
  readonly framework: Framework;
  readonly frameworkSource: FrameworkSource;
}

/**
 * Shows the function picker. `framework` is the starting profile; rows at the end switch it (the
 * picker stays open). With `showFrameworks` false (Compare Frameworks) there are no such rows.
 */
export async function pickFunction(options: {
  readonly kind: CatalogEntry['kind'];
  readonly title: string;
  readonly framework: Framework;
  readonly frameworkSource: FrameworkSource;
  readonly state: vscode.Memento;
  readonly showFrameworks: boolean;
}): Promise<PickedFunction | undefined> {
  const { CATALOG } = await import('../core/catalog/registry');
  const entries = CATALOG.filter((entry) => entry.kind === options.kind);
  const details = new Map<string, string>();
  for (const entry of entries) details.set(entry.id, await defaultsText(entry));
  const recent = recentFunctions(options.state, options.kind).map((id) => entries.find((entry) => entry.id === id)).filter((entry): entry is CatalogEntry => entry !== undefined);
  let framework = options.framework;
  let frameworkSource = options.frameworkSource;

  const functionItem = (entry: CatalogEntry): FunctionItem => ({
    label: entry.title,
    description: `${entry.id} — ${entry.formula.text}`,
    detail: details.get(entry.id) ?? '',
    entry,
  });
  const separator = (label: string): FunctionItem => ({ label, kind: vscode.QuickPickItemKind.Separator });
  const render = (): FunctionItem[] => {
    const items: FunctionItem[] = [];
    if (recent.length > 0) items.push(separator(vscode.l10n.t('Recently used')), ...recent.map(functionItem));
    items.push(separator(options.kind === 'activation' ? vscode.l10n.t('Activations') : vscode.l10n.t('Losses')));
    items.push(...entries.filter((entry) => !recent.includes(entry)).map(functionItem));
    if (options.showFrameworks) {
      items.push(separator(vscode.l10n.t('Semantics')));
      for (const candidate of FRAMEWORKS) {
        items.push({
          label: `${candidate === framework ? '$(check) ' : ''}${vscode.l10n.t('Use {0} semantics', FRAMEWORK_LABELS[candidate])}`,
          description: candidate === framework ? sourceText(frameworkSource) : '',
          framework: candidate,
        });
      }
    }
    return items;
  };

  const quickPick = vscode.window.createQuickPick<FunctionItem>();
  const retitle = () => {
    quickPick.title = options.showFrameworks ? `${options.title} — ${FRAMEWORK_LABELS[framework]} (${sourceText(frameworkSource)})` : options.title;
  };
  retitle();
  quickPick.placeholder = vscode.l10n.t('Type a name or a formula; the last rows switch the framework');
  quickPick.matchOnDescription = true;
  quickPick.items = render();
  return new Promise<PickedFunction | undefined>((resolve) => {
    let settled = false;
    const finish = (value: PickedFunction | undefined) => {
      if (settled) return;
      settled = true;
      resolve(value);
      quickPick.dispose();
    };
    quickPick.onDidAccept(() => {
      const [item] = quickPick.selectedItems;
      if (!item) return;
      if (item.entry) {
        finish({ entry: item.entry, framework, frameworkSource });
        return;
      }
      if (item.framework) {
        framework = item.framework;
        frameworkSource = 'picker';
        retitle();
        quickPick.value = '';
        quickPick.items = render();
      }
    });
    quickPick.onDidHide(() => finish(undefined));
    quickPick.show();
  });
}

/** The localized message of a parameter error, for the input box. */
function paramError(error: unknown): string {
  if (error instanceof FormulaLensError) return localize(error.text, error.args);
  return error instanceof Error ? error.message : String(error);
}

/**
 * Asks for the parameters (and a loss's reduction) as one line prefilled with the framework's
 * defaults, checked as typed. Undefined when the user pressed Escape.
 */
export async function askParams(entry: CatalogEntry, framework: Framework, reduction: Reduction | undefined): Promise<ParamTextValues | undefined> {
  const { applicableParams, defaultParamText, parseParamText } = await import('../core/results/paramText');
  const specs = applicableParams(entry, framework);
  const help = specs.slice(0, 4).map((spec) => `${spec.name}: ${localize(spec.description)}`).join(' — ');
  const text = await vscode.window.showInputBox({
    title: vscode.l10n.t('Parameters of {0} ({1})', entry.title, FRAMEWORK_LABELS[framework]),
    value: defaultParamText(entry, framework, reduction),
    prompt: help === '' ? vscode.l10n.t('name=value pairs separated by commas; Enter keeps the defaults.') : vscode.l10n.t('name=value pairs separated by commas; Enter keeps the defaults. {0}', help),
    ignoreFocusOut: true,
    validateInput: (value) => {
      try {
        parseParamText(value, entry, framework);
        return undefined;
      } catch (error) {
        return paramError(error);
      }
    },
  });
  if (text === undefined) return undefined;
  return parseParamText(text, entry, framework);
}

/** True when the parameter box has something to ask: a parameter under the framework, or a loss's reduction. */
export async function hasParamsToAsk(entry: CatalogEntry, framework: Framework): Promise<boolean> {
  const { applicableParams } = await import('../core/results/paramText');
  return entry.kind === 'loss' || applicableParams(entry, framework).length > 0;
}

/** The function an evaluation command runs, the spelling it was asked for, and the semantics it runs under. */
export interface ChosenFunction<Entry extends CatalogEntry> {
  readonly entry: Entry;
  /** As the argument wrote it (`nn.LeakyReLU`), or the picked entry's id. */
  readonly spelling: string;
  readonly framework: Framework;
  readonly frameworkSource: FrameworkSource;
  /** True when the user picked it in the QuickPick (so parameters are asked for too). */
  readonly picked: boolean;
}

/**
 * The function named by the command's argument, else the one the user picks (with its framework) in the
 * QuickPick, starting from the detected framework; undefined when the picker is dismissed.
 */
export async function chooseFunction(kind: 'activation', options: ChooseFunctionOptions): Promise<ChosenFunction<ActivationEntry> | undefined>;
export async function chooseFunction(kind: 'loss', options: ChooseFunctionOptions): Promise<ChosenFunction<LossEntry> | undefined>;
export async function chooseFunction(kind: CatalogEntry['kind'], options: ChooseFunctionOptions): Promise<ChosenFunction<CatalogEntry> | undefined> {
  const { name, detected } = options;
  if (name) return { entry: requireEntry(name, kind), spelling: name, framework: detected.framework, frameworkSource: detected.source, picked: false };
  const picked = await pickFunction({
    kind,
    title: options.title,
    framework: detected.framework,
    frameworkSource: detected.source,
    state: options.state,
    showFrameworks: true,
  });
  if (!picked) return undefined;
  return { entry: picked.entry, spelling: picked.entry.id, framework: picked.framework, frameworkSource: picked.frameworkSource, picked: true };
}

/** What `chooseFunction` starts from. */
export interface ChooseFunctionOptions {
  /** The function named by the command's argument, if any. */
  readonly name: string | undefined;
  /** The QuickPick's title. */
  readonly title: string;
  /** The framework of the document (or of the argument) and where that came from. */
  readonly detected: { readonly framework: Framework; readonly source: FrameworkSource };
  readonly state: vscode.Memento;
}
