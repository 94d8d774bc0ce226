/** Display texts shared by the pickers and the results view. */
import * as vscode from 'vscode';
import type { Framework } from '../core/catalog/types';
import type { FrameworkSource } from '../core/results/model';

/** Display names of the framework profiles (proper names, not translated). */
export const FRAMEWORK_LABELS: Readonly<Record<Framework, string>> = { torch: 'PyTorch', keras: 'Keras 3', tfjs: 'TF.js' };

/** Where a framework choice came from, as the pickers and the results view say it. */
export function frameworkSourceText(source: FrameworkSource): string {
  switch (source) {
    case 'imports':
      return vscode.l10n.t('detected from the imports');
    case 'setting':
      return vscode.l10n.t('from the formulaLens.defaultFramework setting');
    case 'picker':
      return vscode.l10n.t('chosen in the picker');
    case 'argument':
      return vscode.l10n.t('given by the command');
    case 'entry':
      return vscode.l10n.t('set in the entry');
    case 'file':
      return vscode.l10n.t('set for the file');
  }
}
