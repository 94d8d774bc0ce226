/** A per-document cache of scan results and misuses, keyed by document version (pure: no timers, no I/O). */
import { findMisuses } from './misuse';
import { scanDocument } from './scanDocument';
import type { Misuse, ScanOptions, ScanResult } from './types';

interface Entry {
  readonly version: number;
  readonly languageId: string;
  readonly result: ScanResult;
  misuses?: readonly Misuse[];
}

/**
 * Remembers the last scan of each document. A hover, a CodeLens pass and a diagnostics pass on
 * the same version share one scan; an edit (new version) rescans. Least recently used
 * documents are dropped beyond `capacity`.
 */
export class MentionCache {
  private readonly entries = new Map<string, Entry>();
  private options: ScanOptions;

  constructor(options: ScanOptions = {}, private readonly capacity = 64) {
    this.options = options;
  }

  /** The scan of a document at a version, computed once per version. */
  get(uri: string, version: number, text: string, languageId: string): ScanResult {
    return this.entry(uri, version, text, languageId).result;
  }

  /** The misuses of a document at a version, computed once per version. */
  misuses(uri: string, version: number, text: string, languageId: string): readonly Misuse[] {
    const entry = this.entry(uri, version, text, languageId);
    entry.misuses ??= findMisuses(text, languageId, entry.result, this.options);
    return entry.misuses;
  }

  /** Changes the scan options (e.g. the default framework setting) and forgets every result. */
  setOptions(options: ScanOptions): void {
    this.options = options;
    this.entries.clear();
  }

  /** Forgets one document (closed or deleted). */
  delete(uri: string): void {
    this.entries.delete(uri);
  }

  /** Forgets everything. */
  clear(): void {
    this.entries.clear();
  }

  /** Number of documents held. */
  get size(): number {
    return this.entries.size;
  }

  private entry(uri: string, version: number, text: string, languageId: string): Entry {
    const cached = this.entries.get(uri);
    if (cached && cached.version === version && cached.languageId === languageId) {
      // Re-insert so iteration order stays least-recently-used first.
      this.entries.delete(uri);
      this.entries.set(uri, cached);
      return cached;
    }
    const entry: Entry = { version, languageId, result: scanDocument(text, languageId, this.options) };
    this.entries.delete(uri);
    this.entries.set(uri, entry);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return entry;
  }
}
