/**
 * The scanner's public API: find activation and loss mentions in Python, JS/TS, JSON, YAML and
 * notebooks, detect a document's framework, and find misuses with quick fixes. Pure core.
 */
export type {
  Mention,
  MentionArg,
  MentionOwner,
  MentionSource,
  Misuse,
  MisuseCode,
  MisuseFix,
  NotebookCellInput,
  NotebookCellScan,
  NotebookScanResult,
  ImportContext,
  ScanLanguage,
  ScanOptions,
  ScanResult,
  TextRange,
} from './types';
export { MISUSE_CODES } from './types';
export { scanDocument, detectFramework, languageFamily, SCANNED_LANGUAGES, type LanguageFamily } from './scanDocument';
export { scanNotebook, scanNotebookCells, notebookCells, notebookContext } from './notebook';
export { findMisuses, findNotebookMisuses } from './misuse';
export { MentionCache } from './mentionCache';
export { scanMessages } from './messages';
export { mentionParams, mentionAt } from './queries';
