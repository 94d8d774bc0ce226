/** Every command id, declared once (they must match `contributes.commands` in package.json). */
export const CommandId = {
  ShowLog: 'formulaLens.showLog',
  OpenPlayground: 'formulaLens.openPlayground',
  CopyLatex: 'formulaLens.internal.copyLatex',
  ApplyActivation: 'formulaLens.applyActivation',
  ComputeLoss: 'formulaLens.computeLoss',
  CompareFrameworks: 'formulaLens.compareFrameworks',
  EvaluateConfigFile: 'formulaLens.evaluateConfigFile',
  RunConfigEntry: 'formulaLens.runConfigEntry',
  CopyResult: 'formulaLens.copyResult',
  InsertResultBelow: 'formulaLens.insertResultBelow',
  ReplaceSelectionWithResult: 'formulaLens.replaceSelectionWithResult',
  HideInlineResults: 'formulaLens.hideInlineResults',
  LastResult: 'formulaLens.internal.lastResult',
  TrainInPlayground: 'formulaLens.trainInPlayground',
} as const;

/** A command id of this extension. */
export type CommandId = (typeof CommandId)[keyof typeof CommandId];
