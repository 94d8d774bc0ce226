/**
 * Custom formulas in the page. The compiler (with its mathjs subset) is a separate bundle,
 * `dist/formula.js`, loaded on first need with the page's script nonce, so opening the panel does not pay
 * for it. Saved formulas are compiled once per text and cached; views redraw when the compiler arrives.
 */
import * as l10n from '@vscode/l10n';
import type { Locale } from '../src/core/l10n';
import type { CurveFunction } from '../src/core/curves';
import type { SweepLoss } from '../src/core/lossCurves';
import type { SavedFormula } from '../src/protocol/playground';
import type { FormulaTexts, Resolved } from './functions';

/** A compiled formula as the panel uses it: texts, and a curve (activation) or a sweep loss (loss). */
export interface CompiledFormula {
  readonly kind: 'activation' | 'loss';
  readonly texts: FormulaTexts;
  readonly curve?: CurveFunction;
  readonly loss?: SweepLoss;
}

/** A compile failure with its localized message and where in the text it is. */
export interface FormulaProblem {
  readonly message: string;
  readonly start?: number;
  readonly end?: number;
}

/** What `dist/formula.js` puts on `globalThis.formulaLensFormula` (see webview/formulaEntry.ts). */
export interface FormulaBundleApi {
  compile(kind: 'activation' | 'loss', text: string, locale: Locale): { readonly ok: true; readonly formula: CompiledFormula } | { readonly ok: false; readonly problem: FormulaProblem };
}

/** Looks saved formulas up by name and compiles drafts. */
export interface FormulaLibrary {
  /** The compiled saved formula of that name, or why not (still loading, unknown, does not compile). */
  lookup(name: string, kind: 'activation' | 'loss'): Resolved<CompiledFormula>;
  /** Compiles a draft; resolves once the compiler is loaded. */
  compileDraft(kind: 'activation' | 'loss', text: string): Promise<{ readonly ok: true; readonly formula: CompiledFormula } | { readonly ok: false; readonly problem: FormulaProblem }>;
  /** The compiler is loaded (lookups no longer answer "pending"). */
  readonly ready: boolean;
}

declare global {
  // The formula bundle's global entry point (an iife cannot export).
  var formulaLensFormula: FormulaBundleApi | undefined;
}

/** Loads the compiler bundle once, by a script element carrying the page's nonce. */
function loadBundle(uri: string, nonce: string): Promise<FormulaBundleApi> {
  if (globalThis.formulaLensFormula) return Promise.resolve(globalThis.formulaLensFormula);
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.nonce = nonce;
    script.src = uri;
    script.addEventListener('load', () => (globalThis.formulaLensFormula ? resolve(globalThis.formulaLensFormula) : reject(new Error('formula.js loaded without its API'))));
    script.addEventListener('error', () => reject(new Error(`could not load ${uri}`)));
    document.head.appendChild(script);
  });
}

/** The page's formula library. */
export class LazyFormulaLibrary implements FormulaLibrary {
  private api: FormulaBundleApi | undefined;
  private loading: Promise<FormulaBundleApi> | undefined;
  private loadError: string | undefined;
  private saved: readonly SavedFormula[] = [];
  private readonly cache = new Map<string, ReturnType<FormulaBundleApi['compile']>>();

  constructor(
    private readonly scriptUri: string,
    private readonly nonce: string,
    private readonly locale: Locale,
    /** Called when the compiler arrives (or fails), so views redraw custom rows. */
    private readonly onLoaded: () => void,
    private readonly onError: (message: string) => void,
  ) {}

  get ready(): boolean {
    return this.api !== undefined;
  }

  /** Replaces the saved formulas (the setting changed). */
  setSaved(formulas: readonly SavedFormula[]): void {
    this.saved = formulas;
  }

  lookup(name: string, kind: 'activation' | 'loss'): Resolved<CompiledFormula> {
    const saved = this.saved.find((formula) => formula.name === name);
    if (!saved) return { ok: false, message: l10n.t('No saved formula named "{0}".', name) };
    if (saved.kind !== kind) {
      return { ok: false, message: kind === 'activation' ? l10n.t('"{0}" is a loss formula, not an activation.', name) : l10n.t('"{0}" is an activation formula, not a loss.', name) };
    }
    const api = this.api;
    if (!api) {
      if (this.loadError) return { ok: false, message: this.loadError };
      this.load().catch(() => undefined);
      return { ok: false, pending: true, message: l10n.t('Loading the formula compiler…') };
    }
    const result = this.compileCached(api, kind, saved.formula);
    return result.ok ? { ok: true, value: result.formula } : { ok: false, message: result.problem.message };
  }

  async compileDraft(kind: 'activation' | 'loss', text: string): ReturnType<FormulaLibrary['compileDraft']> {
    const api = await this.load();
    return this.compileCached(api, kind, text);
  }

  private compileCached(api: FormulaBundleApi, kind: 'activation' | 'loss', text: string): ReturnType<FormulaBundleApi['compile']> {
    const key = `${kind}\u0000${text}`;
    let result = this.cache.get(key);
    if (!result) {
      result = api.compile(kind, text, this.locale);
      if (this.cache.size > 200) this.cache.clear();
      this.cache.set(key, result);
    }
    return result;
  }

  private load(): Promise<FormulaBundleApi> {
    this.loading ??= loadBundle(this.scriptUri, this.nonce).then(
      (api) => {
        this.api = api;
        this.onLoaded();
        return api;
      },
      (error: unknown) => {
        this.loadError = l10n.t('The formula compiler could not be loaded.');
        this.onError(error instanceof Error ? error.message : String(error));
        this.onLoaded();
        throw error;
      },
    );
    return this.loading;
  }
}
