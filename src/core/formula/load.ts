/**
 * Lazy loading of the formula compiler: mathjs (through `mathjsSubset`) is imported dynamically on the
 * first compile, never at start-up. In the extension host's build the import stays external and maps to
 * its own bundle, `dist/mathjsSubset.js`, so the formula bundle stays small and mathjs stays tree-shaken.
 */
import { createFormulaCompiler } from './compiler';
import type { CompiledActivationFormula, CompiledFormula, CompiledLossFormula, FormulaCompiler } from './compiler';
import type { FormulaKind } from './language';

let loading: Promise<FormulaCompiler> | undefined;

/** Loads mathjs (once, on first call) and returns the compiler. */
export function loadFormulaCompiler(): Promise<FormulaCompiler> {
  // The .js specifier lets the host build keep this import external (see scripts/build.mjs).
  loading ??= import('./mathjsSubset.js').then(
    ({ formulaMath }) => createFormulaCompiler(formulaMath),
    (error: unknown) => {
      // Let a later call retry instead of caching the failure.
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** Compiles one formula, loading mathjs on first use; rejects with a positioned FormulaLensError when refused. */
export async function compileFormula(text: string, kind: 'activation'): Promise<CompiledActivationFormula>;
export async function compileFormula(text: string, kind: 'loss'): Promise<CompiledLossFormula>;
export async function compileFormula(text: string, kind: FormulaKind): Promise<CompiledFormula>;
export async function compileFormula(text: string, kind: FormulaKind): Promise<CompiledFormula> {
  return (await loadFormulaCompiler()).compile(text, kind);
}
