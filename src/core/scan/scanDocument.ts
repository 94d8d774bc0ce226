/** The scanner's entry point: picks the reader for a document's language and returns its mentions. */
import type { Framework } from '../catalog/types';
import { analyzeCode, type CodeAnalysis } from './codeScanner';
import { scanConfig } from './configScanner';
import { scanNotebook } from './notebook';
import type { ScanOptions, ScanResult } from './types';

/** How a language id is read. */
export type LanguageFamily = 'python' | 'js' | 'json' | 'yaml' | 'notebook';

const FAMILIES: ReadonlyMap<string, LanguageFamily> = new Map([
  ['python', 'python'],
  ['javascript', 'js'],
  ['typescript', 'js'],
  ['javascriptreact', 'js'],
  ['typescriptreact', 'js'],
  ['json', 'json'],
  ['jsonc', 'json'],
  ['yaml', 'yaml'],
  ['jupyter', 'notebook'],
  ['ipynb', 'notebook'],
]);

/** The reader for a VS Code language id, or undefined when the scanner does not read that language. */
export function languageFamily(languageId: string): LanguageFamily | undefined {
  return FAMILIES.get(languageId.toLowerCase());
}

/** Language ids `scanDocument` reads (for the host's document selector). */
export const SCANNED_LANGUAGES: readonly string[] = [...FAMILIES.keys()];

/** Code analyses of recent results, so `findMisuses` can reuse the tokens instead of re-reading. */
const analyses = new WeakMap<ScanResult, CodeAnalysis>();

/** The code analysis behind a scan result, if it came from `scanDocument` on code. */
export function analysisOf(result: ScanResult): CodeAnalysis | undefined {
  return analyses.get(result);
}

/**
 * Finds every activation and loss mention in a document. Pure and fast: one tokenizer pass
 * plus one scan. Notebook JSON (`jupyter`) yields cell-relative ranges with `cell` set.
 */
export function scanDocument(text: string, languageId: string, options: ScanOptions = {}): ScanResult {
  const family = languageFamily(languageId);
  switch (family) {
    case 'python':
    case 'js': {
      const analysis = analyzeCode(text, family, options);
      const result: ScanResult = { languageId, ...(analysis.framework ? { framework: analysis.framework } : {}), mentions: analysis.mentions };
      analyses.set(result, analysis);
      return result;
    }
    case 'json':
    case 'yaml':
      return scanConfig(text, family, languageId, options);
    case 'notebook': {
      const notebook = scanNotebook(text, options);
      return { languageId, ...(notebook.framework ? { framework: notebook.framework } : {}), mentions: notebook.mentions };
    }
    case undefined:
      return { languageId, mentions: [] };
  }
}

/**
 * The framework a document uses, from its imports (`torch`, `keras`/`tensorflow`,
 * `@tensorflow/tfjs`), config keys, or first framework API; undefined when nothing tells.
 */
export function detectFramework(text: string, languageId: string): Framework | undefined {
  return scanDocument(text, languageId).framework;
}
