/** The formula lens settings, typed and read in one place (`formulaLens.codeLens.*`, `formulaLens.warnings.*`). */
import * as vscode from 'vscode';
import type { Framework } from '../core/catalog/types';
import { MISUSE_CODES, type MisuseCode } from '../core/scan/types';

/** Which mentions get a formula lens above their line. */
export type CodeLensMode = 'all' | 'losses' | 'off';

/** Settings the lens features read. */
export interface LensSettings {
  /** `formulaLens.codeLens.mode`. */
  readonly codeLensMode: CodeLensMode;
  /** `formulaLens.codeLens.maxLines`: no lenses in longer documents; 0 means no limit. */
  readonly codeLensMaxLines: number;
  /** `formulaLens.warnings.disabled`: misuse rules the user turned off. */
  readonly disabledWarnings: ReadonlySet<MisuseCode>;
  /** `formulaLens.defaultFramework`: semantics for names when a file does not reveal its framework. */
  readonly defaultFramework: Framework;
}

/** Settings whose change affects the lens features. */
export const LENS_SETTING_KEYS = ['formulaLens.codeLens', 'formulaLens.warnings', 'formulaLens.defaultFramework'] as const;

const FRAMEWORKS: readonly Framework[] = ['torch', 'keras', 'tfjs'];
const MODES: readonly CodeLensMode[] = ['all', 'losses', 'off'];

/** Reads the settings, replacing hand-edited values of the wrong type by their defaults. */
export function readLensSettings(scope?: vscode.ConfigurationScope): LensSettings {
  const config = vscode.workspace.getConfiguration('formulaLens', scope);
  const mode = config.get<unknown>('codeLens.mode');
  const maxLines = config.get<unknown>('codeLens.maxLines');
  const disabled = config.get<unknown>('warnings.disabled');
  const framework = config.get<unknown>('defaultFramework');
  return {
    codeLensMode: MODES.includes(mode as CodeLensMode) ? (mode as CodeLensMode) : 'all',
    codeLensMaxLines: typeof maxLines === 'number' && Number.isFinite(maxLines) && maxLines >= 0 ? Math.floor(maxLines) : 5000,
    disabledWarnings: new Set(Array.isArray(disabled) ? MISUSE_CODES.filter((code) => disabled.includes(code)) : []),
    defaultFramework: FRAMEWORKS.includes(framework as Framework) ? (framework as Framework) : 'torch',
  };
}

/** True when a configuration change touches a lens setting. */
export function affectsLens(event: vscode.ConfigurationChangeEvent): boolean {
  return LENS_SETTING_KEYS.some((key) => event.affectsConfiguration(key));
}
