/**
 * Misuse rules: likely bugs in how activations and losses are combined or configured, each
 * with a stable code, a one-sentence localized reason and, where one edit fixes it, a quick
 * fix. The rules are deliberately narrow: correct code must produce no warning.
 */
import type { LocalizedText } from '../l10n';
import { TFJS_ACTIVATION_NAMES, TFJS_LOSS_NAMES } from './apiTable';
import { CodeFacts, isFunctional, type AppliedActivation, type CallSite } from './codeFacts';
import { analyzeCode } from './codeScanner';
import { scanMessages } from './messages';
import { analyzeCells, notebookCells, partAt, toCellRange } from './notebook';
import { analysisOf, languageFamily } from './scanDocument';
import { tokenAtOrAfter } from './tokens';
import type { Mention, Misuse, MisuseCode, MisuseFix, NotebookCellInput, ScanOptions, ScanResult, TextRange } from './types';

type Rule = (facts: CodeFacts) => Misuse[];

/** Layers that pass their input through unchanged in value range, so the layer before them is the output layer. */
const TRANSPARENT_LAYERS = new Set(['Dropout', 'SpatialDropout1D', 'SpatialDropout2D', 'SpatialDropout3D', 'GaussianNoise', 'GaussianDropout', 'AlphaDropout', 'Flatten', 'Reshape', 'Permute', 'RepeatVector', 'ActivityRegularization', 'Masking', 'Identity', 'Input', 'InputLayer']);
/** Argument names that hold a loss's predictions. */
const PREDICTION_SLOTS = new Set(['input', 'logits', 'y_pred', 'output', 'inputs', 'predictions', 'yPred']);

function isTorchCrossEntropy(loss: Mention): boolean {
  return loss.kind === 'loss' && loss.framework === 'torch' && (loss.id === 'sparse_categorical_crossentropy' || loss.id === 'categorical_crossentropy');
}

/** Losses that expect raw logits: BCE-with-logits, torch cross-entropy, and any loss built with from_logits=True. */
function takesLogits(loss: Mention): boolean {
  return loss.kind === 'loss' && (loss.id === 'binary_crossentropy_with_logits' || isTorchCrossEntropy(loss) || loss.params.from_logits === true);
}

/** The rule an activation fed into a loss breaks, if any. */
function codeFor(activation: Mention, loss: Mention): MisuseCode | undefined {
  if (activation.id === 'softmax' && isTorchCrossEntropy(loss)) return 'softmax-before-cross-entropy';
  if ((activation.id === 'sigmoid' || activation.id === 'softmax') && takesLogits(loss)) return 'activation-before-logits-loss';
  return undefined;
}

function messageFor(code: MisuseCode): LocalizedText {
  return code === 'softmax-before-cross-entropy' ? scanMessages.softmaxBeforeCrossEntropy : scanMessages.activationBeforeLogitsLoss;
}

class RuleContext {
  constructor(readonly facts: CodeFacts) {}

  get text(): string {
    return this.facts.analysis.text;
  }

  range(start: number, end: number): TextRange {
    return this.facts.analysis.lines.range(start, end);
  }

  fix(start: number, end: number, newText: string, title: LocalizedText): MisuseFix {
    return { range: this.range(start, end), newText, title };
  }

  /** The `(` token right after a mention's name, if the mention is a call. */
  openAfter(range: TextRange): number {
    const { tokens } = this.facts.analysis;
    const k = tokenAtOrAfter(tokens, range.end);
    return tokens.isOp(k, '(') ? k : -1;
  }

  /** An edit that appends `keyword=value` to the call whose `(` is at open, or undefined when arguments are starred. */
  appendArgument(open: number, argument: string, title: LocalizedText): MisuseFix | undefined {
    const { tokens } = this.facts.analysis;
    const args = this.facts.args(open);
    if (args.some((arg) => arg.starred)) return undefined;
    const at = args.length === 0 ? tokens.end(open) : args[args.length - 1]!.end;
    return this.fix(at, at, args.length === 0 ? argument : `, ${argument}`, title);
  }
}

/** Applies a loss to `sigmoid(...)`/`softmax(...)`: `criterion(F.softmax(out, dim=1), y)`, `loss_fn(torch.sigmoid(z), y)`. */
const activationIntoLossCall: Rule = (facts) => {
  if (!facts.analysis.mentions.some(takesLogits)) return [];
  const ctx = new RuleContext(facts);
  const { tokens } = facts.analysis;
  const out: Misuse[] = [];
  for (let open = 1; open < tokens.length; open++) {
    if (!tokens.isOp(open, '(')) continue;
    const target = facts.callTarget(open);
    if (!target || !takesLogits(target.mention)) continue;
    const loss = target.mention;
    const args = facts.args(open);
    let prediction;
    if (target.functional) {
      const slot = loss.rawArgs?.find((arg) => arg.slot !== undefined && PREDICTION_SLOTS.has(arg.slot));
      prediction = slot ? args.find((arg) => arg.start === slot.range.start) : undefined;
    } else {
      const keras = loss.framework === 'keras';
      prediction = args.find((arg) => arg.name === (keras ? 'y_pred' : 'input')) ?? args.filter((arg) => arg.name === undefined && !arg.starred)[keras ? 1 : 0];
    }
    if (!prediction) continue;
    const applied = facts.appliedActivation(prediction.first, prediction.last);
    const code = applied ? codeFor(applied.mention, loss) : undefined;
    if (!applied || !code) continue;
    const args0 = { activation: applied.mention.api, loss: loss.api };
    const rangeToken = applied.mention.callRange && applied.mention.callRange.start === prediction.start ? applied.mention.range : ctx.range(tokens.start(prediction.first), tokens.end(prediction.last));
    out.push({
      code,
      range: rangeToken,
      severity: 'warning',
      message: messageFor(code),
      args: args0,
      ...(applied.inner ? { fix: ctx.fix(prediction.start, prediction.end, ctx.text.slice(applied.inner.start, applied.inner.end), scanMessages.fixRemoveActivation) } : {}),
    });
  }
  return out;
};

/** A PyTorch model whose output goes through sigmoid/softmax, in a file that trains it with a loss that takes logits. */
const activationAtModelOutput: Rule = (facts) => {
  if (facts.analysis.language !== 'python') return [];
  const losses = facts.analysis.mentions.filter((m) => m.framework === 'torch' && takesLogits(m));
  if (losses.length === 0) return [];
  const ctx = new RuleContext(facts);
  const { tokens } = facts.analysis;
  const out: Misuse[] = [];
  const report = (applied: AppliedActivation, range: TextRange, fix: MisuseFix | undefined): void => {
    for (const loss of losses) {
      const code = codeFor(applied.mention, loss);
      if (!code) continue;
      out.push({ code, range, severity: 'warning', message: messageFor(code), args: { activation: applied.mention.api, loss: loss.api }, ...(fix ? { fix } : {}) });
      return;
    }
  };
  for (const call of facts.calls) {
    if (call.key !== 'nn.Sequential') continue;
    const elements = facts.args(call.open).filter((arg) => !arg.starred && arg.name === undefined);
    const last = elements[elements.length - 1];
    if (!last) continue;
    const applied = facts.appliedActivation(last.first, last.last);
    if (!applied || applied.mention.callRange?.start !== last.start || isFunctional(applied.mention)) continue;
    const previous = elements[elements.length - 2];
    const fix = previous ? ctx.fix(previous.end, last.end, '', scanMessages.fixRemoveActivation) : undefined;
    report(applied, applied.mention.range, fix);
  }
  for (const [first, last] of facts.forwardReturns()) {
    const applied = facts.appliedActivation(first, last);
    if (!applied) continue;
    const start = tokens.start(first);
    const end = tokens.end(last);
    const direct = applied.mention.callRange?.start === start && applied.mention.callRange.end === end;
    const range = direct ? applied.mention.range : calleeRange(ctx, facts, last);
    const fix = applied.inner ? ctx.fix(start, end, ctx.text.slice(applied.inner.start, applied.inner.end), scanMessages.fixRemoveActivation) : undefined;
    report(applied, range, fix);
  }
  return out;
};

/** Range of the callee's last name in `callee(...)` ending at token `close`. */
function calleeRange(ctx: RuleContext, facts: CodeFacts, close: number): TextRange {
  const { tokens, match } = facts.analysis;
  const open = match[close]!;
  return ctx.range(tokens.start(open - 1), tokens.end(open - 1));
}

/** Keras: the last layer applies sigmoid/softmax but `compile` gets a loss with from_logits=True. */
const kerasActivationWithFromLogits: Rule = (facts) => {
  if (facts.analysis.language !== 'python' || !facts.analysis.mentions.some((m) => m.params.from_logits === true)) return [];
  const ctx = new RuleContext(facts);
  const { tokens } = facts.analysis;
  const out: Misuse[] = [];
  // Layer calls per enclosing function, in source order: only layers built where `compile` is called belong to its model.
  const layersByScope = new Map<number, CallSite[]>();
  for (const call of facts.calls) {
    if (!call.key?.startsWith('layers.') || TRANSPARENT_LAYERS.has(call.key.slice(7))) continue;
    const scope = facts.scopeOf(call.first);
    const list = layersByScope.get(scope) ?? [];
    list.push(call);
    layersByScope.set(scope, list);
  }
  for (const compile of facts.calls) {
    if (compile.last === compile.first || !tokens.isName(compile.last, 'compile')) continue;
    const compileStart = tokens.start(compile.first);
    const losses = facts.ownedBy(compileStart).filter((m) => m.kind === 'loss');
    const lossArg = facts.args(compile.open).find((arg) => arg.name === 'loss');
    // `loss=loss_fn` where `loss_fn = keras.losses.BinaryCrossentropy(from_logits=True)` earlier.
    if (lossArg && /^[A-Za-z_][\w.]*$/.test(ctx.text.slice(lossArg.start, lossArg.end))) {
      const assigned = facts.assigned(ctx.text.slice(lossArg.start, lossArg.end), lossArg.start);
      if (assigned && !losses.includes(assigned)) losses.push(assigned);
    }
    const fromLogits = losses.filter((loss) => loss.params.from_logits === true && loss.framework !== 'torch');
    if (fromLogits.length === 0) continue;
    const layer = lastBefore(layersByScope.get(facts.scopeOf(compile.first)) ?? [], tokens, compileStart);
    const activation = layer ? layerActivation(facts, tokens.start(layer.first)) : undefined;
    if (!activation || (activation.id !== 'sigmoid' && activation.id !== 'softmax')) continue;
    for (const loss of fromLogits) {
      const arg = loss.rawArgs?.find((a) => a.param === 'from_logits');
      out.push({
        code: 'activation-before-logits-loss',
        range: arg ? arg.range : loss.range,
        severity: 'warning',
        message: scanMessages.activationBeforeLogitsLoss,
        args: { activation: activation.api, loss: loss.api },
        ...(arg ? { fix: ctx.fix(arg.range.start, arg.range.end, 'False', scanMessages.fixSetFromLogitsFalse) } : {}),
      });
    }
  }
  return out;
};

/** The last call of a source-ordered list that starts before an offset (binary search). */
function lastBefore(calls: readonly CallSite[], tokens: CodeFacts['analysis']['tokens'], offset: number): CallSite | undefined {
  let low = 0;
  let high = calls.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (tokens.start(calls[mid]!.first) < offset) low = mid + 1;
    else high = mid;
  }
  return low > 0 ? calls[low - 1] : undefined;
}

/** The activation a Keras layer call applies: its `activation=` argument, or the layer itself (`layers.Softmax()`). */
function layerActivation(facts: CodeFacts, callStart: number): Mention | undefined {
  return facts.ownedBy(callStart).find((m) => m.kind === 'activation') ?? facts.callingAt(callStart).find((m) => m.kind === 'activation');
}

/** `Dense(1, activation='softmax')`, `tf.layers.dense({units: 1, activation: 'softmax'})`, `nn.Linear(h, 1), nn.Softmax(...)`. */
const singleUnitSoftmax: Rule = (facts) => {
  if (!facts.analysis.mentions.some((m) => m.id === 'softmax')) return [];
  const ctx = new RuleContext(facts);
  const { tokens } = facts.analysis;
  const out: Misuse[] = [];
  for (const mention of facts.analysis.mentions) {
    if (mention.id !== 'softmax' || !mention.owner) continue;
    const layerName = mention.owner.api.split('.').pop();
    if (layerName !== 'Dense' && layerName !== 'dense') continue;
    const open = ctx.openAfter(mention.owner.range);
    if (open < 0) continue;
    const args = facts.args(open);
    const fields = layerName === 'dense' ? (args[0]?.entries ?? []) : args;
    const units = fields.find((arg) => arg.name === 'units') ?? (layerName === 'Dense' ? args.find((arg) => arg.name === undefined) : undefined);
    if (!units || units.value !== 1) continue;
    out.push({
      code: 'single-unit-softmax',
      range: mention.range,
      severity: 'warning',
      message: scanMessages.singleUnitSoftmax,
      args: { layer: mention.owner.api },
      fix: ctx.fix(mention.range.start, mention.range.end, 'sigmoid', scanMessages.fixUseSigmoid),
    });
  }
  if (facts.analysis.language === 'python') {
    for (const call of facts.calls) {
      if (call.key !== 'nn.Sequential') continue;
      const elements = facts.args(call.open).filter((arg) => !arg.starred && arg.name === undefined);
      for (let k = 1; k < elements.length; k++) {
        const previous = elements[k - 1]!;
        const previousCall = facts.callStartingAt(previous.start);
        if (!previousCall || previousCall.key !== 'nn.Linear' || tokens.end(previousCall.close) !== previous.end) continue;
        const linearArgs = facts.args(previousCall.open);
        const outFeatures = linearArgs.find((arg) => arg.name === 'out_features') ?? linearArgs.filter((arg) => arg.name === undefined)[1];
        if (!outFeatures || outFeatures.value !== 1) continue;
        const element = elements[k]!;
        const softmax = facts.mentionCalling(element.start, element.end);
        if (!softmax || softmax.id !== 'softmax' || isFunctional(softmax)) continue;
        const prefix = softmax.api.includes('.') ? softmax.api.slice(0, softmax.api.lastIndexOf('.') + 1) : undefined;
        out.push({
          code: 'single-unit-softmax',
          range: softmax.range,
          severity: 'warning',
          message: scanMessages.singleUnitSoftmax,
          args: { layer: facts.calleeOf(previousCall) },
          ...(prefix ? { fix: ctx.fix(element.start, element.end, `${prefix}Sigmoid()`, scanMessages.fixUseSigmoid) } : {}),
        });
      }
    }
  }
  return out;
};

/** `nn.KLDivLoss()` / `reduction='mean'`: torch's mean is over elements, not the batch. */
const klDivMean: Rule = (facts) => {
  if (facts.analysis.language !== 'python') return [];
  const ctx = new RuleContext(facts);
  const out: Misuse[] = [];
  for (const mention of facts.analysis.mentions) {
    if (mention.id !== 'kl_divergence' || mention.framework !== 'torch' || mention.source !== 'call') continue;
    const base = { code: 'kl-div-mean-reduction' as const, severity: 'warning' as const, message: scanMessages.klDivMeanReduction, args: { loss: mention.api } };
    if (mention.reduction === 'mean') {
      const arg = mention.rawArgs?.find((a) => a.role === 'reduction');
      if (!arg) continue;
      const quoted = /^['"]/.test(arg.text);
      const start = arg.range.start + (quoted ? 1 : 0);
      const end = arg.range.end - (quoted ? 1 : 0);
      out.push({ ...base, range: arg.range, fix: ctx.fix(start, end, 'batchmean', scanMessages.fixUseBatchmean) });
      continue;
    }
    const legacy = mention.rawArgs?.some((a) => a.slot === 'size_average' || a.slot === 'reduce');
    if (mention.reduction !== undefined || 'reduction' in mention.expressions || legacy) continue;
    const open = ctx.openAfter(mention.range);
    if (open < 0) continue;
    const fix = ctx.appendArgument(open, `reduction=${facts.quote}batchmean${facts.quote}`, scanMessages.fixUseBatchmean);
    if (!fix) continue;
    out.push({ ...base, range: mention.range, fix });
  }
  return out;
};

/** `nn.Softmax()`, `F.softmax(x)`, `x.softmax()`: no dim. */
const softmaxWithoutDim: Rule = (facts) => {
  if (facts.analysis.language !== 'python') return [];
  const ctx = new RuleContext(facts);
  const out: Misuse[] = [];
  for (const mention of facts.analysis.mentions) {
    if ((mention.id !== 'softmax' && mention.id !== 'log_softmax') || mention.framework !== 'torch') continue;
    if (mention.source !== 'call' && mention.source !== 'method') continue;
    if ('axis' in mention.params || 'axis' in mention.expressions) continue;
    const open = ctx.openAfter(mention.range);
    if (open < 0) continue;
    const fix = ctx.appendArgument(open, 'dim=-1', scanMessages.fixAddDim);
    if (!fix) continue;
    out.push({ code: 'softmax-without-dim', range: mention.range, severity: 'warning', message: scanMessages.softmaxWithoutDim, args: { api: mention.api }, fix });
  }
  return out;
};

/** TF.js only accepts its own camelCase identifiers (`'binaryCrossentropy'`, `'hardSigmoid'`). */
const tfjsNames: Rule = (facts) => {
  const { language, imports, mentions } = facts.analysis;
  if (language !== 'js') return [];
  const usesTfjs = imports.frameworks.includes('tfjs') || mentions.some((m) => m.source !== 'string');
  if (!usesTfjs) return [];
  const ctx = new RuleContext(facts);
  const out: Misuse[] = [];
  for (const mention of mentions) {
    if (mention.source !== 'string') continue;
    const names = mention.kind === 'loss' ? TFJS_LOSS_NAMES : TFJS_ACTIVATION_NAMES;
    if (names.has(mention.api)) continue;
    const suggestion = tfjsNameFor(mention);
    const args = { name: mention.api, ...(suggestion ? { suggestion } : {}) };
    const message = suggestion
      ? mention.kind === 'loss' ? scanMessages.tfjsUnknownLoss : scanMessages.tfjsUnknownActivation
      : mention.kind === 'loss' ? scanMessages.tfjsNoLoss : scanMessages.tfjsNoActivation;
    out.push({
      code: 'tfjs-unsupported-name',
      range: mention.range,
      severity: 'warning',
      message,
      args,
      ...(suggestion ? { fix: ctx.fix(mention.range.start, mention.range.end, suggestion, scanMessages.fixUseTfjsName) } : {}),
    });
  }
  return out;
};

/** The TF.js identifier for a mention's function (and parameters, for tanh-GELU), if TF.js has one. */
function tfjsNameFor(mention: Mention): string | undefined {
  if (mention.kind === 'loss') {
    for (const [name, info] of TFJS_LOSS_NAMES) if (info.id === mention.id) return name;
    return undefined;
  }
  for (const [name, info] of TFJS_ACTIVATION_NAMES) {
    if (info.id !== mention.id) continue;
    if (info.params && Object.entries(info.params).some(([key, value]) => (mention.params[key] ?? 'none') !== value)) continue;
    return name;
  }
  return undefined;
}

/** `nn.BCELoss` in a file that defines a model but applies no sigmoid anywhere. */
const bceWithoutSigmoid: Rule = (facts) => {
  if (facts.analysis.language !== 'python') return [];
  const { mentions } = facts.analysis;
  const bce = mentions.filter((m) => m.id === 'binary_crossentropy' && m.framework === 'torch' && m.source === 'call');
  if (bce.length === 0) return [];
  const definesModel = facts.calls.some((call) => call.key === 'nn.Sequential') || facts.forwardReturns().length > 0;
  const squashes = mentions.some((m) => m.kind === 'activation' && (m.id === 'sigmoid' || m.id === 'softmax' || m.id === 'hardsigmoid'));
  if (!definesModel || squashes) return [];
  const ctx = new RuleContext(facts);
  return bce.map((mention): Misuse => {
    const name = mention.api.split('.').pop()!;
    const replacement = name === 'BCELoss' ? 'BCEWithLogitsLoss' : `${name}_with_logits`;
    const dotted = mention.api.includes('.');
    const qualified = `${mention.api.slice(0, mention.api.length - name.length)}${replacement}`;
    return {
      code: 'bce-without-sigmoid',
      range: mention.range,
      severity: 'information',
      message: scanMessages.bceWithoutSigmoid,
      args: { loss: mention.api, replacement: qualified },
      ...(dotted ? { fix: ctx.fix(mention.range.start, mention.range.end, replacement, scanMessages.fixUseReplacement) } : {}),
    };
  });
};

const RULES: readonly Rule[] = [activationIntoLossCall, activationAtModelOutput, kerasActivationWithFromLogits, singleUnitSoftmax, klDivMean, softmaxWithoutDim, tfjsNames, bceWithoutSigmoid];

function runRules(facts: CodeFacts): Misuse[] {
  const seen = new Set<string>();
  const out: Misuse[] = [];
  for (const rule of RULES) {
    for (const misuse of rule(facts)) {
      const key = `${misuse.code}@${misuse.range.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(misuse);
    }
  }
  return out.sort((a, b) => a.range.start - b.range.start);
}

/**
 * Finds misuses in a code document. Pass the `scanDocument` result to reuse its work; without
 * it (or for a result from elsewhere) the document is analysed again. Configs yield none.
 */
export function findMisuses(text: string, languageId: string, scan?: ScanResult, options: ScanOptions = {}): Misuse[] {
  const family = languageFamily(languageId);
  if (family === 'notebook') return findNotebookMisuses(notebookCells(text), options);
  if (family !== 'python' && family !== 'js') return [];
  const analysis = (scan ? analysisOf(scan) : undefined) ?? analyzeCode(text, family, options);
  return runRules(new CodeFacts(analysis));
}

/** Finds misuses across a notebook's code cells (a model in one cell, its loss in another); ranges are cell-relative. */
export function findNotebookMisuses(cells: readonly NotebookCellInput[], options: ScanOptions = {}): Misuse[] {
  const { analysis, joined } = analyzeCells(cells, options);
  const out: Misuse[] = [];
  for (const misuse of runRules(new CodeFacts(analysis))) {
    const part = partAt(joined.parts, misuse.range.start);
    if (!part) continue;
    const { fix, ...rest } = misuse;
    // A fix is kept only when it edits the same cell the warning is in.
    const fixInCell = fix && partAt(joined.parts, fix.range.start) === part ? { fix: { ...fix, range: toCellRange(fix.range, part) } } : {};
    out.push({ ...rest, range: toCellRange(misuse.range, part), ...fixInCell, cell: part.cell });
  }
  return out;
}
