/** Every command id, declared once (they must match `contributes.commands` in package.json). */
export const CommandId = {
  ShowLog: 'formulaLens.showLog',
  OpenPlayground: 'formulaLens.openPlayground',
} as const;

/** A command id of this extension. */
export type CommandId = (typeof CommandId)[keyof typeof CommandId];
