/**
 * Reads evaluation files (`*.formulalens.json`, `*.formulalens.yaml`):
 * `{"framework"?: ..., "evaluations": [{"activation": ..., "x": ...}, {"loss": ..., "y_true": ..., "y_pred": ...}]}`.
 * Returns the runnable entries with the range of every entry and field, and every problem with
 * the exact range it concerns. Reading never changes the text.
 */
import { FormulaLensError, type LocalizedText } from '../l10n';
import { catalogMessages } from '../catalog/messages';
import { findParamSpec, resolveParams } from '../catalog/params';
import { normalizeName, parseFramework, resolveName, suggestNames } from '../catalog/registry';
import type { CatalogEntry, Framework, ParamValue, Reduction } from '../catalog/types';
import { errorRange, type TextRange } from '../parse/position';
import { sizeOf, type Tensor } from '../tensor';
import { configMessages } from './messages';
import { runEvaluation } from './run';
import { paramValueFromNode, tensorFromNode } from './tensorField';
import { configFormatOf, parseConfigTree, propertyOf, type ConfigNode, type ConfigProperty } from './tree';
import type { ConfigEntry, ConfigProblem, ConfigProblemCode, EvaluationConfig, FieldRange } from './types';
import { editDistance } from '../text/editDistance';

/** Options of `readEvaluationConfig`. */
export interface ReadEvaluationOptions {
  /** Used to tell JSON from YAML when `format` is absent. */
  readonly fileName?: string;
  readonly format?: 'json' | 'yaml';
  /** Framework for entries when neither the entry nor the file names one (default `torch`). */
  readonly defaultFramework?: Framework;
  /** Evaluates each valid entry once and reports shape and value errors (default true). */
  readonly checkByEvaluating?: boolean;
}

/** Entries with more values than this are not evaluated while reading, only when run. */
export const CHECK_BY_EVALUATING_LIMIT = 100_000;

const TOP_LEVEL_FIELDS = ['evaluations', 'framework', '$schema', '$comment', 'description'];
const ENTRY_FIELDS = ['activation', 'loss', 'params', 'framework', 'reduction', 'x', 'upstream', 'y_true', 'y_pred', 'y_pred2', 'y_pred3', 'description', '$comment'];
const ACTIVATION_FIELDS = ['x', 'upstream'];
const LOSS_FIELDS = ['reduction', 'y_true', 'y_pred', 'y_pred2', 'y_pred3'];
const REDUCTIONS: readonly Reduction[] = ['mean', 'sum', 'none', 'batchmean'];

/** The known field a misspelled one most likely means (`yTrue` -> `y_true`, `param` -> `params`). */
function suggestField(field: string, known: readonly string[]): string | undefined {
  const normalized = normalizeName(field);
  const same = known.find((candidate) => normalizeName(candidate) === normalized);
  if (same) return same;
  // `slope` -> `negative_slope`: a known name that contains the written one.
  const containing = normalized.length >= 3 ? known.filter((candidate) => normalizeName(candidate).includes(normalized)) : [];
  if (containing.length === 1) return containing[0];
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const distance = editDistance(field.toLowerCase(), candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Collects problems; `errors` counts those that make an entry unrunnable. */
class ProblemList {
  readonly items: ConfigProblem[] = [];
  errors = 0;

  add(code: ConfigProblemCode, severity: 'error' | 'warning', range: TextRange, text: LocalizedText, args: Readonly<Record<string, string | number>> = {}, extra: { entryIndex?: number; suggestions?: readonly string[] } = {}): void {
    if (severity === 'error') this.errors++;
    this.items.push({ code, severity, range, text, args, ...(extra.entryIndex === undefined ? {} : { entryIndex: extra.entryIndex }), ...(extra.suggestions ? { suggestions: extra.suggestions } : {}) });
  }

  addError(code: ConfigProblemCode, error: FormulaLensError, fallback: TextRange, entryIndex?: number): void {
    this.add(code, 'error', errorRange(error, fallback), error.text, error.args, entryIndex === undefined ? {} : { entryIndex });
  }
}

interface FileContext {
  readonly text: string;
  readonly problems: ProblemList;
  readonly framework: Framework;
  readonly frameworkFrom: 'file' | 'default';
  readonly checkByEvaluating: boolean;
}

/** Reads an evaluation file. Never throws for anything the file holds. */
export function readEvaluationConfig(text: string, options: ReadEvaluationOptions = {}): EvaluationConfig {
  const format = options.format ?? configFormatOf(options.fileName, text);
  const tree = parseConfigTree(text, format);
  const problems = new ProblemList();
  for (const problem of tree.problems) problems.add('syntax', problem.severity, problem.range, problem.text, problem.args);
  const entries: ConfigEntry[] = [];
  const entryRanges: TextRange[] = [];
  const result = (framework?: Framework): EvaluationConfig => ({ format, ...(framework ? { framework } : {}), entries, entryRanges, problems: problems.items });

  const root = tree.root;
  if (!root) {
    if (problems.errors === 0) problems.add('missingEvaluations', 'error', { start: 0, end: 0 }, configMessages.missingEvaluations);
    return result();
  }
  if (root.type !== 'object') {
    problems.add('rootNotObject', 'error', root.range, configMessages.rootNotObject);
    return result();
  }
  for (const property of root.properties) {
    if (!TOP_LEVEL_FIELDS.includes(property.key)) reportUnknownField(problems, property, TOP_LEVEL_FIELDS);
  }
  let fileFramework: Framework | undefined;
  const frameworkProperty = propertyOf(root, 'framework');
  if (frameworkProperty) fileFramework = readFramework(frameworkProperty, problems);

  const evaluations = propertyOf(root, 'evaluations');
  if (!evaluations) {
    const head = root.properties[0]?.keyRange ?? { start: root.range.start, end: Math.min(root.range.end, root.range.start + 1) };
    problems.add('missingEvaluations', 'error', head, configMessages.missingEvaluations);
    return result(fileFramework);
  }
  if (evaluations.value.type !== 'array') {
    problems.add('evaluationsNotArray', 'error', evaluations.value.range, configMessages.evaluationsNotArray);
    return result(fileFramework);
  }
  const context: FileContext = {
    text,
    problems,
    framework: fileFramework ?? options.defaultFramework ?? 'torch',
    frameworkFrom: fileFramework ? 'file' : 'default',
    checkByEvaluating: options.checkByEvaluating ?? true,
  };
  evaluations.value.items.forEach((item, index) => {
    entryRanges.push(item.range);
    const entry = readEntry(context, item, index);
    if (entry) entries.push(entry);
  });
  return result(fileFramework);
}

function reportUnknownField(problems: ProblemList, property: ConfigProperty, known: readonly string[], entryIndex?: number): void {
  const suggestion = suggestField(property.key, known);
  const extra = { ...(entryIndex === undefined ? {} : { entryIndex }), ...(suggestion ? { suggestions: [suggestion] } : {}) };
  if (suggestion) problems.add('unknownField', 'warning', property.keyRange, configMessages.unknownField, { field: property.key, suggestion }, extra);
  else problems.add('unknownField', 'warning', property.keyRange, configMessages.unknownFieldNoSuggestion, { field: property.key, known: known.filter((k) => !k.startsWith('$')).join(', ') }, extra);
}

function readFramework(property: ConfigProperty, problems: ProblemList, entryIndex?: number): Framework | undefined {
  const extra = entryIndex === undefined ? {} : { entryIndex };
  if (property.value.type !== 'string') {
    problems.add('badFramework', 'error', property.value.range, configMessages.frameworkNotString, {}, extra);
    return undefined;
  }
  try {
    return parseFramework(property.value.value);
  } catch (error) {
    if (!(error instanceof FormulaLensError)) throw error;
    problems.addError('badFramework', error, property.value.range, entryIndex);
    return undefined;
  }
}

/** Reads one entry; returns it when it has no errors. */
function readEntry(context: FileContext, node: ConfigNode, index: number): ConfigEntry | undefined {
  const { text, problems } = context;
  const errorsBefore = problems.errors;
  const at = { entryIndex: index };
  if (node.type !== 'object') {
    problems.add('entryNotObject', 'error', node.range, configMessages.entryNotObject, {}, at);
    return undefined;
  }
  const fields: Record<string, FieldRange> = {};
  for (const property of node.properties) {
    fields[property.key] = { key: property.keyRange, value: property.value.range };
    if (!ENTRY_FIELDS.includes(property.key)) reportUnknownField(problems, property, ENTRY_FIELDS, index);
  }
  const activation = propertyOf(node, 'activation');
  const loss = propertyOf(node, 'loss');
  const head = node.properties[0]?.keyRange ?? { start: node.range.start, end: Math.min(node.range.end, node.range.start + 1) };
  if (activation && loss) {
    const later = activation.keyRange.start > loss.keyRange.start ? activation : loss;
    problems.add('bothKinds', 'error', later.keyRange, configMessages.bothKinds, {}, at);
  }
  const kindProperty = activation ?? loss;
  if (!kindProperty) {
    problems.add('missingKind', 'error', head, configMessages.missingKind, {}, at);
    return undefined;
  }
  const kind: 'activation' | 'loss' = activation ? 'activation' : 'loss';
  const nameRange = kindProperty.value.range;
  let name = '';
  let entry: CatalogEntry | undefined;
  if (kindProperty.value.type !== 'string') {
    problems.add('nameNotString', 'error', nameRange, configMessages.nameNotString, { field: kindProperty.key }, at);
  } else {
    name = kindProperty.value.value;
    entry = resolveName(name);
    if (!entry) {
      const suggestions = suggestNames(name, kind);
      if (suggestions.length > 0) problems.add('unknownFunction', 'error', nameRange, catalogMessages.unknownFunction, { name, suggestions: suggestions.join(', ') }, { ...at, suggestions });
      else problems.add('unknownFunction', 'error', nameRange, catalogMessages.unknownFunctionNoSuggestion, { name }, at);
    } else if (entry.kind !== kind) {
      problems.add('wrongKind', 'error', nameRange, kind === 'activation' ? configMessages.activationIsLoss : configMessages.lossIsActivation, { name }, at);
      entry = undefined;
    }
  }

  let framework = context.framework;
  let frameworkFrom: 'entry' | 'file' | 'default' = context.frameworkFrom;
  const frameworkProperty = propertyOf(node, 'framework');
  if (frameworkProperty) {
    const given = readFramework(frameworkProperty, problems, index);
    if (given) {
      framework = given;
      frameworkFrom = 'entry';
    }
  }

  for (const property of node.properties) {
    if (kind === 'activation' && LOSS_FIELDS.includes(property.key)) problems.add('fieldWrongKind', 'error', property.keyRange, configMessages.fieldForLoss, { field: property.key }, at);
    if (kind === 'loss' && ACTIVATION_FIELDS.includes(property.key)) problems.add('fieldWrongKind', 'error', property.keyRange, configMessages.fieldForActivation, { field: property.key }, at);
  }

  const params = readParams(context, propertyOf(node, 'params'), entry, framework, index);

  const readTensor = (property: ConfigProperty): Tensor | undefined => {
    try {
      return tensorFromNode(property.value, text, property.key);
    } catch (error) {
      if (!(error instanceof FormulaLensError)) throw error;
      problems.addError('badTensor', error, property.value.range, index);
      return undefined;
    }
  };
  const descriptionNode = propertyOf(node, 'description')?.value;
  const description = descriptionNode?.type === 'string' ? descriptionNode.value : undefined;
  const base = { index, range: node.range, name, nameRange, framework, frameworkFrom, params, fields, ...(description === undefined ? {} : { description }) };

  if (kind === 'activation') {
    const xProperty = propertyOf(node, 'x');
    if (!xProperty) problems.add('missingField', 'error', nameRange, configMessages.missingX, {}, at);
    const x = xProperty ? readTensor(xProperty) : undefined;
    const upstreamProperty = propertyOf(node, 'upstream');
    const upstream = upstreamProperty ? readTensor(upstreamProperty) : undefined;
    if (!entry || !x || problems.errors > errorsBefore) return undefined;
    return check(context, { ...base, kind: 'activation', id: entry.id, x, ...(upstream ? { upstream } : {}) });
  }

  const lossEntry = entry?.kind === 'loss' ? entry : undefined;
  let reduction: Reduction | undefined;
  const reductionProperty = propertyOf(node, 'reduction');
  if (reductionProperty) {
    const value = reductionProperty.value;
    if (value.type !== 'string' || !(REDUCTIONS as readonly string[]).includes(value.value)) {
      problems.add('badReduction', 'error', value.range, configMessages.reductionInvalid, {}, at);
    } else if (lossEntry && !lossEntry.reductions.includes(value.value as Reduction)) {
      problems.add('badReduction', 'error', value.range, catalogMessages.unknownReduction, { function: lossEntry.id, reduction: value.value, choices: lossEntry.reductions.join(', ') }, at);
    } else {
      reduction = value.value as Reduction;
    }
  }
  const functionName = lossEntry?.id ?? name;
  const needsTarget = lossEntry ? lossEntry.targetKind !== 'none' : true;
  const inputs = lossEntry?.predictionInputs ?? 1;
  const required = (field: string): ConfigProperty | undefined => {
    const property = propertyOf(node, field);
    if (!property) problems.add('missingField', 'error', nameRange, configMessages.missingLossField, { function: functionName, field }, at);
    return property;
  };
  const optional = (field: string, used: boolean): ConfigProperty | undefined => {
    const property = propertyOf(node, field);
    if (property && !used) {
      if (lossEntry) problems.add('fieldUnused', 'warning', property.keyRange, configMessages.fieldUnused, { function: functionName, field }, at);
      return undefined;
    }
    return property;
  };

  let yTrue: Tensor | null | undefined = null;
  const yTrueProperty = needsTarget ? required('y_true') : optional('y_true', false);
  if (yTrueProperty) {
    if (yTrueProperty.value.type === 'null') {
      problems.add('badTensor', 'error', yTrueProperty.value.range, configMessages.targetNull, { function: functionName }, at);
      yTrue = undefined;
    } else {
      yTrue = readTensor(yTrueProperty);
    }
  } else if (needsTarget) {
    yTrue = undefined;
  }
  const yPredProperty = required('y_pred');
  const yPred = yPredProperty ? readTensor(yPredProperty) : undefined;
  const yPred2Property = inputs >= 2 ? required('y_pred2') : optional('y_pred2', false);
  const yPred2 = yPred2Property ? readTensor(yPred2Property) : undefined;
  const yPred3Property = inputs >= 3 ? required('y_pred3') : optional('y_pred3', false);
  const yPred3 = yPred3Property ? readTensor(yPred3Property) : undefined;
  if (!lossEntry || yTrue === undefined || !yPred || problems.errors > errorsBefore) return undefined;
  return check(context, {
    ...base,
    kind: 'loss',
    id: lossEntry.id,
    ...(reduction ? { reduction } : {}),
    yTrue,
    yPred,
    ...(yPred2 ? { yPred2 } : {}),
    ...(yPred3 ? { yPred3 } : {}),
  });
}

/** Reads `params`, checking each one against the function so every problem points at its own value. */
function readParams(context: FileContext, property: ConfigProperty | undefined, entry: CatalogEntry | undefined, framework: Framework, index: number): Record<string, ParamValue> {
  const params: Record<string, ParamValue> = {};
  if (!property) return params;
  const { problems, text } = context;
  const at = { entryIndex: index };
  if (property.value.type !== 'object') {
    problems.add('badParams', 'error', property.value.range, configMessages.paramsNotObject, {}, at);
    return params;
  }
  for (const param of property.value.properties) {
    let value: ParamValue | undefined;
    try {
      value = paramValueFromNode(param.value, text);
    } catch (error) {
      if (!(error instanceof FormulaLensError)) throw error;
      problems.addError('badParamValue', error, param.value.range, index);
      continue;
    }
    if (value === undefined) {
      problems.add('badParamValue', 'error', param.value.range, configMessages.paramValueInvalid, { param: param.key }, at);
      continue;
    }
    if (entry) {
      const spec = findParamSpec(entry, param.key);
      if (!spec) {
        const known = entry.params.map((p) => p.name);
        const suggestion = suggestField(param.key, known);
        problems.add('unknownParam', 'error', param.keyRange, catalogMessages.unknownParam, { function: entry.id, param: param.key, known: known.join(', ') || '-' }, { ...at, ...(suggestion ? { suggestions: [suggestion] } : {}) });
        continue;
      }
      try {
        resolveParams(entry, framework, { [param.key]: value });
      } catch (error) {
        if (!(error instanceof FormulaLensError)) throw error;
        problems.addError('badParamValue', error, param.value.range, index);
        continue;
      }
    }
    params[param.key] = value;
  }
  return params;
}

function totalValues(entry: ConfigEntry): number {
  const tensors = entry.kind === 'activation' ? [entry.x, entry.upstream] : [entry.yTrue, entry.yPred, entry.yPred2, entry.yPred3];
  return tensors.reduce((sum, tensor) => sum + (tensor ? sizeOf(tensor.shape) : 0), 0);
}

/** Evaluates a valid entry once so shape and value errors show up while editing. */
function check(context: FileContext, entry: ConfigEntry): ConfigEntry {
  if (!context.checkByEvaluating || totalValues(entry) > CHECK_BY_EVALUATING_LIMIT) return entry;
  try {
    runEvaluation(entry);
  } catch (error) {
    const at = { entryIndex: entry.index };
    if (error instanceof FormulaLensError) context.problems.add('evaluationFailed', 'error', entry.nameRange, error.text, error.args, at);
    else context.problems.add('evaluationFailed', 'error', entry.nameRange, configMessages.evaluationCrashed, { detail: error instanceof Error ? error.message : String(error) }, at);
  }
  return entry;
}
