/**
 * What a hover says about one mention: the catalog entry, the parameters in effect and where each value
 * comes from (the code, the API's own default, or the framework default), the reduction of a loss, and the
 * framework notes that change numbers.
 */
import { FormulaLensError } from '../l10n';
import { namePresetFor } from '../catalog/namePresets';
import { defaultFor, resolveParams } from '../catalog/params';
import { getEntry } from '../catalog/registry';
import type { CatalogEntry, Framework, FrameworkNote, ParamSpec, ParamValue, Reduction, ResolvedParams } from '../catalog/types';
import { semanticsFor } from '../kernels/lossParams';
import type { Mention } from '../scan/types';
import type { LocalizedText } from '../l10n';
import { lensMessages } from './messages';

/** Where a parameter's value comes from. */
export type ParamOrigin =
  /** Written as a literal at the mention. */
  | 'code'
  /** Written as an expression the lens does not evaluate; the default is used instead. */
  | 'expression'
  /** The default of this particular API or spelling (Keras `layers.LeakyReLU`: 0.3). */
  | 'api-default'
  /** The framework's default for the function. */
  | 'default';

/** One parameter as the hover lists it. */
export interface ParamRow {
  readonly name: string;
  /** The name as this framework spells it (`alpha` for TF.js leaky slope). */
  readonly displayName: string;
  /** The value in effect (for an expression: the default used in its place). */
  readonly value: ParamValue;
  readonly origin: ParamOrigin;
  /** Source text of an expression argument. */
  readonly expression?: string;
}

/** The reduction a loss mention uses. */
export interface ReductionInfo {
  /** As the framework spells it: `'mean'`, `'sum_over_batch_size'`, `Reduction.SUM_BY_NONZERO_WEIGHTS`, or the expression text. */
  readonly display: string;
  /** The catalog reduction it amounts to, when known. */
  readonly effective?: Reduction;
  readonly origin: 'code' | 'expression' | 'default';
  /** What the framework's default spelling means, when it is not obvious from its name. */
  readonly meaning?: LocalizedText;
}

/** Everything a hover or a command needs about a mention. */
export interface MentionSummary {
  readonly entry: CatalogEntry;
  readonly framework: Framework;
  /** The framework whose semantics apply (a loss a framework lacks borrows another's). */
  readonly semantics: Framework;
  readonly params: readonly ParamRow[];
  /** Parameters ready for evaluation and charts (canonical names, every default filled in). */
  readonly resolved: ResolvedParams;
  /** The values the code gave plus the API's defaults, canonical names: what to pass on to commands. */
  readonly given: Readonly<Record<string, ParamValue>>;
  /** Set when a literal in the code is not a valid value; the defaults are then used in its place. */
  readonly invalid?: FormulaLensError;
  readonly reduction?: ReductionInfo;
  readonly notes: readonly FrameworkNote[];
}

/** The parameters a framework exposes for an entry (specs limited to other frameworks are left out). */
export function paramsFor(entry: CatalogEntry, framework: Framework, semantics: Framework): ParamSpec[] {
  return entry.params.filter((spec) => !spec.frameworks || spec.frameworks.includes(semantics) || spec.frameworks.includes(framework));
}

const CATALOG_REDUCTIONS: ReadonlyMap<string, Reduction> = new Map([
  ['mean', 'mean'],
  ['sum', 'sum'],
  ['none', 'none'],
  ['batchmean', 'batchmean'],
  ['sum_over_batch_size', 'mean'],
  ['sum_by_nonzero_weights', 'mean'],
  ['auto', 'mean'],
]);

/** The catalog reduction a written reduction means (`'sum_over_batch_size'` → mean), if known. */
export function catalogReduction(written: string): Reduction | undefined {
  return CATALOG_REDUCTIONS.get(written.replace(/^.*\./, '').toLowerCase());
}

/** Last segment of a dotted API name. */
function lastSegment(api: string): string {
  return api.slice(api.lastIndexOf('.') + 1);
}

/** The reduction in effect for a loss mention: as written, else the default of that API. */
export function reductionOf(mention: Mention): ReductionInfo {
  if (mention.reduction !== undefined) {
    const effective = catalogReduction(mention.reduction);
    return { display: `'${mention.reduction}'`, ...(effective ? { effective } : {}), origin: 'code' };
  }
  const expression = mention.expressions['reduction'];
  if (expression !== undefined) {
    const effective = catalogReduction(expression);
    return { display: expression, ...(effective ? { effective } : {}), origin: 'expression' };
  }
  const name = lastSegment(mention.api);
  const functional = mention.source === 'call' && /^[a-z]/.test(name);
  switch (mention.framework) {
    case 'torch':
      return { display: "'mean'", effective: 'mean', origin: 'default' };
    case 'keras':
      // Keras loss functions (`losses.binary_crossentropy(y, p)`) return one value per sample; classes and
      // names given to compile() reduce with sum_over_batch_size.
      return functional
        ? { display: "'none'", effective: 'none', origin: 'default', meaning: lensMessages.reductionPerSample }
        : { display: "'sum_over_batch_size'", effective: 'mean', origin: 'default', meaning: lensMessages.reductionMeanOverBatch };
    case 'tfjs':
      if (mention.api.startsWith('tf.metrics.')) return { display: "'none'", effective: 'none', origin: 'default', meaning: lensMessages.reductionPerSample };
      if (mention.api.startsWith('tf.losses.')) return { display: 'Reduction.SUM_BY_NONZERO_WEIGHTS', effective: 'mean', origin: 'default', meaning: lensMessages.reductionMeanOfWeighted };
      return { display: "'mean'", effective: 'mean', origin: 'default', meaning: lensMessages.reductionMeanOverBatch };
  }
}

/**
 * A parameter's name as the user reads it: as written at the mention when it was passed by keyword, TF.js's
 * camelCase spelling under TF.js, else the canonical name (which is the PyTorch and Keras 3 keyword; the
 * catalog's Keras spellings include Keras 2 names such as `alpha` that Keras 3 renamed).
 */
function displayNameOf(spec: ParamSpec, mention: Mention, framework: Framework): string {
  const written = mention.rawArgs?.find((arg) => arg.param === spec.name && arg.name !== undefined)?.name;
  if (written) return written;
  if (framework === 'tfjs') return spec.frameworkNames?.tfjs?.[0] ?? spec.name;
  return spec.name;
}

/** Summarizes a mention; undefined when its id is not in the catalog (a stale scan). */
export function summarizeMention(mention: Mention): MentionSummary | undefined {
  const entry = getEntry(mention.id);
  if (!entry || entry.kind !== mention.kind) return undefined;
  const framework = mention.framework;
  const semantics = entry.kind === 'loss' ? semanticsFor(entry.frameworks, framework) : framework;
  const implied = { ...namePresetFor(entry, mention.api), ...mention.defaults };
  // Each value is checked on its own, so one bad literal does not hide the others.
  const given: Record<string, ParamValue> = {};
  let invalid: FormulaLensError | undefined;
  for (const [name, value] of Object.entries({ ...implied, ...mention.params })) {
    try {
      resolveParams(entry, framework, { ...given, [name]: value });
      given[name] = value;
    } catch (error) {
      if (!(error instanceof FormulaLensError)) throw error;
      invalid ??= error;
    }
  }
  const resolved: ResolvedParams = resolveParams(entry, framework, given);
  const rows: ParamRow[] = paramsFor(entry, framework, semantics).map((spec) => {
    const displayName = displayNameOf(spec, mention, framework);
    const expression = mention.expressions[spec.name];
    const base = { name: spec.name, displayName, value: resolved[spec.name] ?? defaultFor(spec, framework) };
    if (expression !== undefined) return { ...base, origin: 'expression', expression };
    if (spec.name in given) return { ...base, origin: spec.name in mention.params ? 'code' : 'api-default' };
    return { ...base, origin: 'default' };
  });
  const notes = entry.notes.filter((note) => note.frameworks.includes(framework) || note.frameworks.includes(semantics));
  return {
    entry,
    framework,
    semantics,
    params: rows,
    resolved,
    given,
    ...(invalid ? { invalid } : {}),
    ...(entry.kind === 'loss' ? { reduction: reductionOf(mention) } : {}),
    notes,
  };
}
