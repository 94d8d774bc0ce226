/**
 * Finds activation and loss mentions in Python and JS/TS token streams: framework API calls
 * and references (resolved through imports), tensor methods, and names in strings where the
 * context says they name a function (`activation=`, `loss:`, `layers.Activation(...)`,
 * `compile('adam', 'mse')`). One pass over the tokens; no regexes over the raw text.
 */
import type { Framework } from '../catalog/types';
import {
  PYTHON_APIS,
  PYTHON_STRING_FACTORIES,
  TFJS_APIS,
  TFJS_TENSOR_METHODS,
  TORCH_TENSOR_METHODS,
  type ApiSpec,
} from './apiTable';
import { readArgs, splitTopLevel, type ArgNode, type TokenView } from './argReader';
import { collectJsImports, collectPythonImports, frameworkOfModule, jsApiKey, mergeImports, pythonApiKey, resolveHead } from './imports';
import { tokenizeJs } from './jsTokenizer';
import { LineIndex } from './lineIndex';
import { kindOfKey, resolveStringName } from './names';
import { buildParams, type WrittenArg } from './paramBuilder';
import { tokenizePython } from './pythonTokenizer';
import { isName, isOp, matchBrackets, stringValue, TokenKind, type Token } from './tokens';
import type { ImportContext, Mention, MentionOwner, ScanOptions, TextRange } from './types';

/** Everything the scanner learned about a code document; the misuse rules build on it. */
export interface CodeAnalysis extends TokenView {
  readonly lines: LineIndex;
  readonly imports: ImportContext;
  readonly mentions: readonly Mention[];
  /** Token index of each mention's name token (same order as `mentions`). */
  readonly mentionTokens: readonly number[];
  /** Framework the document uses, from imports or, failing that, its first framework API. */
  readonly framework?: Framework;
}

/** An owner plus the framework its callee belongs to, if known. */
interface OwnerInfo extends MentionOwner {
  readonly framework?: Framework;
}

type Draft = Omit<Mention, 'framework'> & { framework: Framework | undefined };

/** Receivers whose `.relu(...)` is a module attribute, not a tensor method. */
const NOT_TENSORS = new Set(['self', 'cls', 'this', 'super', 'nn', 'F', 'torch', 'tf', 'keras', 'layers', 'activations', 'losses', 'ops', 'np', 'math', 'jnp', 'jax']);

/** Tokenizes a code document (Python or JS/TS). */
export function tokenizeCode(text: string, language: 'python' | 'js'): Token[] {
  return language === 'python' ? tokenizePython(text) : tokenizeJs(text);
}

class CodeScanner {
  private readonly drafts: Draft[] = [];
  private readonly nameTokens: number[] = [];
  private readonly pendingOwners = new Map<number, OwnerInfo>();
  private readonly stack: number[] = [];
  private readonly tokens: readonly Token[];
  private readonly python: boolean;

  constructor(
    private readonly view: TokenView,
    private readonly lines: LineIndex,
    private readonly imports: ImportContext,
  ) {
    this.tokens = view.tokens;
    this.python = view.language === 'python';
  }

  private range(start: number, end: number): TextRange {
    return this.lines.range(start, end);
  }

  private tokenRange(k: number): TextRange {
    const token = this.tokens[k]!;
    return this.range(token.start, token.end);
  }

  private isDot(token: Token | undefined): boolean {
    return token !== undefined && token.kind === TokenKind.Op && (token.text === '.' || token.text === '?.');
  }

  run(): { drafts: Draft[]; nameTokens: number[] } {
    const tokens = this.tokens;
    const n = tokens.length;
    for (let i = 0; i < n; i++) {
      const token = tokens[i]!;
      switch (token.kind) {
        case TokenKind.Op:
          this.trackBracket(i, token.text);
          continue;
        case TokenKind.String:
          this.stringKey(i);
          continue;
        case TokenKind.Name:
          i = this.name(i);
          continue;
        default:
          continue;
      }
    }
    return { drafts: this.drafts, nameTokens: this.nameTokens };
  }

  private trackBracket(i: number, op: string): void {
    if (op === '(' || op === '[' || op === '{') this.stack.push(i);
    else if ((op === ')' || op === ']' || op === '}') && this.stack.length > 0) {
      const opener = this.view.match[i]!;
      // Pop to the matching opener; an unmatched closer leaves the stack alone.
      const at = opener >= 0 ? this.stack.lastIndexOf(opener) : -1;
      if (at >= 0) this.stack.length = at;
    }
  }

  private stackTop(): number {
    return this.stack.length > 0 ? this.stack[this.stack.length - 1]! : -1;
  }

  /** `{'activation': 'relu'}` (Python dict) or `{'loss': 'mse'}` (JS quoted key). */
  private stringKey(i: number): void {
    const tokens = this.tokens;
    if (!isOp(tokens[i + 1], ':') || !(isOp(tokens[i - 1], '{') || isOp(tokens[i - 1], ','))) return;
    if (!isOp(tokens[this.stackTop()], '{')) return;
    const kind = kindOfKey(stringValue(this.view.text, tokens[i]!));
    if (kind) this.handleValue(i + 2, kind, this.ownerOf(this.stackTop()));
  }

  /** Handles a Name token; returns the index of the last token consumed. */
  private name(i: number): number {
    const tokens = this.tokens;
    const token = tokens[i]!;
    if (this.python && token.indent >= 0 && (token.text === 'import' || token.text === 'from')) {
      let j = i;
      while (j + 1 < tokens.length && tokens[j + 1]!.kind !== TokenKind.Newline) j++;
      return j;
    }
    if (!this.python && token.text === 'import' && !isOp(tokens[i + 1], '(') && !isOp(tokens[i + 1], '.')) return this.skipJsImport(i);
    const previous = tokens[i - 1];
    if (this.isDot(previous)) {
      // `.relu()` right after a call or subscript: `self.fc(x).relu()`.
      const before = tokens[i - 2];
      if (isOp(before, ')') || isOp(before, ']')) this.tensorMethod(i);
      return i;
    }
    if (isName(previous, 'def') || isName(previous, 'class') || isName(previous, 'function')) return i;
    const next = tokens[i + 1];
    const keyPosition = isOp(previous, '(') || isOp(previous, ',') || (!this.python && isOp(previous, '{'));
    if (keyPosition && ((this.python && isOp(next, '=')) || (!this.python && isOp(next, ':')))) {
      const kind = kindOfKey(token.text);
      if (kind) this.handleValue(i + 2, kind, this.ownerOf(this.stackTop()));
      return i;
    }
    let last = i;
    while (this.isDot(tokens[last + 1]) && isName(tokens[last + 2])) last += 2;
    this.chain(i, last);
    return last;
  }

  private skipJsImport(i: number): number {
    const tokens = this.tokens;
    let j = i + 1;
    while (j < tokens.length && !isOp(tokens[j], ';') && !(isName(tokens[j], 'from') && tokens[j + 1]?.kind === TokenKind.String)) j++;
    return isName(tokens[j], 'from') ? j + 1 : i;
  }

  private chainText(first: number, last: number): string {
    let text = this.tokens[first]!.text;
    for (let k = first + 2; k <= last; k += 2) text += `.${this.tokens[k]!.text}`;
    return text;
  }

  private resolvedPath(first: number, last: number): string | undefined {
    const head = resolveHead(this.tokens[first]!.text, this.imports, this.python ? 'python' : 'js');
    if (head === undefined) return undefined;
    let path = head;
    for (let k = first + 2; k <= last; k += 2) path += `.${this.tokens[k]!.text}`;
    return path;
  }

  private apiKey(path: string): string {
    return this.python ? pythonApiKey(path) : jsApiKey(path);
  }

  /** A dotted name `first..last` (names at even offsets): an API, a factory, a tensor method, or `compile`. */
  private chain(first: number, last: number): void {
    const tokens = this.tokens;
    const call = isOp(tokens[last + 1], '(');
    const path = this.resolvedPath(first, last);
    const table = this.python ? PYTHON_APIS : TFJS_APIS;
    let key = path !== undefined ? this.apiKey(path) : undefined;
    let spec = key !== undefined ? table.get(key) : undefined;
    if (!spec && path === undefined && this.python) {
      for (const module of this.imports.starModules) {
        const candidate = pythonApiKey(`${module}.${this.chainText(first, last)}`);
        if (table.has(candidate) || PYTHON_STRING_FACTORIES.has(candidate)) {
          key = candidate;
          spec = table.get(candidate);
          break;
        }
      }
    }
    if (spec) {
      this.emitApi(spec, first, last, call);
      return;
    }
    if (!call) return;
    if (this.python && key !== undefined) {
      const factoryKind = PYTHON_STRING_FACTORIES.get(key);
      if (factoryKind) {
        this.factoryString(last + 1, factoryKind);
        return;
      }
    }
    const framework = path !== undefined ? frameworkOfModule(path) : undefined;
    if (last > first && framework === undefined && !NOT_TENSORS.has(tokens[first]!.text)) this.tensorMethod(last);
    if (this.python && last > first && tokens[last]!.text === 'compile') this.compilePositional(last + 1);
  }

  /** Converts argument nodes to written arguments (positions stop counting after a starred argument). */
  private written(nodes: readonly ArgNode[]): WrittenArg[] {
    const out: WrittenArg[] = [];
    let position = 0;
    let positionsKnown = true;
    for (const node of nodes) {
      const text = this.view.text.slice(node.start, node.end);
      if (node.starred) {
        positionsKnown = false;
        continue;
      }
      if (node.name === undefined && !this.python && text === 'undefined') {
        position++;
        continue;
      }
      const base = { isLiteral: node.isLiteral, text, range: this.range(node.start, node.end), ...(node.isLiteral ? { value: node.value } : {}) };
      if (node.name !== undefined) out.push({ ...base, name: node.name });
      else if (positionsKnown) out.push({ ...base, position: position++ });
    }
    return out;
  }

  private emitApi(spec: ApiSpec, first: number, last: number, call: boolean): void {
    const tokens = this.tokens;
    let args: WrittenArg[] = [];
    let callRange: TextRange | undefined;
    if (call) {
      const open = last + 1;
      const close = this.view.match[open]!;
      let nodes = readArgs(this.view, open);
      if (spec.configObject) nodes = [...(nodes[0]?.entries ?? [])];
      args = this.written(nodes);
      if (close >= 0) callRange = this.range(tokens[first]!.start, tokens[close]!.end);
    }
    const built = buildParams(spec.id, spec, args);
    const owner = this.pendingOwners.get(first);
    this.push(last, {
      kind: spec.kind,
      id: spec.id,
      framework: spec.framework,
      api: this.chainText(first, last),
      source: call ? 'call' : 'reference',
      range: this.tokenRange(last),
      apiRange: this.range(tokens[first]!.start, tokens[last]!.end),
      ...(callRange ? { callRange } : {}),
      params: built.params,
      expressions: built.expressions,
      defaults: built.defaults,
      ...(built.reduction !== undefined ? { reduction: built.reduction } : {}),
      ...(call ? { rawArgs: built.rawArgs } : {}),
      ...(owner ? { owner: stripFramework(owner) } : {}),
    });
  }

  /** `x.relu()`, `logits.softmax(dim=1)`: only with the arguments a tensor method takes. */
  private tensorMethod(nameIndex: number): void {
    const tokens = this.tokens;
    const spec = (this.python ? TORCH_TENSOR_METHODS : TFJS_TENSOR_METHODS).get(tokens[nameIndex]!.text);
    const open = nameIndex + 1;
    if (!spec || !isOp(tokens[open], '(')) return;
    const close = this.view.match[open]!;
    if (close < 0) return;
    const nodes = readArgs(this.view, open);
    // Data arguments mean this is some object's own method (`self.act.relu(x)`), not a tensor's.
    for (const node of nodes) {
      if (node.starred) return;
      if (node.name === undefined && !(node.isLiteral && typeof node.value === 'number')) return;
      if (node.name !== undefined && !spec.positional.includes(node.name) && !(node.name in (spec.rename ?? {}))) return;
    }
    if (nodes.filter((node) => node.name === undefined).length > spec.positional.length) return;
    const built = buildParams(spec.id, spec, this.written(nodes));
    const dot = nameIndex - 1;
    const receiverStart = tokens[expressionStart(this.view, dot - 1)]!.start;
    this.push(nameIndex, {
      kind: spec.kind,
      id: spec.id,
      framework: spec.framework,
      api: `.${tokens[nameIndex]!.text}`,
      source: 'method',
      range: this.tokenRange(nameIndex),
      apiRange: this.range(tokens[dot]!.start, tokens[nameIndex]!.end),
      callRange: this.range(receiverStart, tokens[close]!.end),
      params: built.params,
      expressions: built.expressions,
      defaults: built.defaults,
      rawArgs: built.rawArgs,
    });
  }

  /** `layers.Activation('gelu')`, `keras.losses.get('mse')`: the first positional string. */
  private factoryString(open: number, kind: 'activation' | 'loss'): void {
    const first = readArgs(this.view, open).find((node) => node.name === undefined);
    if (first && first.first === first.last && this.tokens[first.first]!.kind === TokenKind.String) {
      this.emitString(first.first, kind, this.ownerOf(open));
    }
  }

  /** Keras `model.compile('adam', 'binary_crossentropy')`: the loss is the second positional argument. */
  private compilePositional(open: number): void {
    const positional = readArgs(this.view, open).filter((node) => node.name === undefined && !node.starred);
    const second = positional[1];
    if (second && second.first === second.last && this.tokens[second.first]!.kind === TokenKind.String) {
      this.emitString(second.first, 'loss', this.ownerOf(open));
    }
  }

  /** The value after `activation=` / `loss:`: a string, a list/tuple/dict of strings, or a reference. */
  private handleValue(v: number, kind: 'activation' | 'loss', owner: OwnerInfo | undefined): void {
    const tokens = this.tokens;
    const token = tokens[v];
    if (!token) return;
    if (token.kind === TokenKind.String) {
      if (isValueEnd(tokens[v + 1])) this.emitString(v, kind, owner);
      return;
    }
    const close = this.view.match[v]!;
    if ((isOp(token, '[') || isOp(token, '(') || isOp(token, '{')) && close > v) {
      const dict = isOp(token, '{');
      for (const [a, b] of splitTopLevel(this.view, v + 1, close - 1)) {
        const valueIndex = dict ? (isOp(tokens[a + 1], ':') ? a + 2 : -1) : a;
        if (valueIndex >= 0 && valueIndex === b && tokens[b]!.kind === TokenKind.String) this.emitString(b, kind, owner);
        else if (valueIndex >= 0 && isName(tokens[valueIndex]) && owner) this.pendingOwners.set(valueIndex, owner);
      }
      return;
    }
    if (token.kind === TokenKind.Name && owner) this.pendingOwners.set(v, owner);
  }

  private emitString(k: number, kind: 'activation' | 'loss', owner: OwnerInfo | undefined): void {
    const token = this.tokens[k]!;
    const value = stringValue(this.view.text, token);
    const resolved = resolveStringName(value, kind, this.python ? 'python' : 'js');
    if (!resolved) return;
    const range = this.range(token.contentStart, token.contentEnd);
    this.push(k, {
      kind,
      id: resolved.id,
      framework: this.python ? owner?.framework : 'tfjs',
      api: value,
      source: 'string',
      range,
      apiRange: range,
      params: { ...resolved.params },
      expressions: {},
      defaults: {},
      ...(owner ? { owner: stripFramework(owner) } : {}),
    });
  }

  /** The call whose bracket is at `open` (or whose only argument is the `{` config object at `open`). */
  private ownerOf(open: number): OwnerInfo | undefined {
    const tokens = this.tokens;
    let paren = open;
    if (!this.python && isOp(tokens[paren], '{') && isOp(tokens[paren - 1], '(')) paren--;
    if (!isOp(tokens[paren], '(')) return undefined;
    const last = paren - 1;
    if (!isName(tokens[last])) return undefined;
    let first = last;
    while (this.isDot(tokens[first - 1]) && isName(tokens[first - 2])) first -= 2;
    const close = this.view.match[paren]!;
    const path = this.resolvedPath(first, last);
    const framework = path !== undefined ? frameworkOfModule(path) : undefined;
    return {
      api: this.chainText(first, last),
      range: this.tokenRange(last),
      ...(close >= 0 ? { callRange: this.range(tokens[first]!.start, tokens[close]!.end) } : {}),
      ...(framework ? { framework } : {}),
    };
  }

  private push(nameToken: number, draft: Draft): void {
    this.drafts.push(draft);
    this.nameTokens.push(nameToken);
  }
}

function stripFramework(owner: OwnerInfo): MentionOwner {
  return { api: owner.api, range: owner.range, ...(owner.callRange ? { callRange: owner.callRange } : {}) };
}

/** Words that can precede an expression but are not part of it. */
const KEYWORDS = new Set(['return', 'yield', 'await', 'in', 'not', 'and', 'or', 'if', 'else', 'elif', 'lambda', 'assert', 'del', 'is', 'typeof', 'new', 'void', 'delete', 'throw', 'case', 'of', 'instanceof']);

/** Index of the first token of the primary expression ending at token `end` (`self.fc(x)` for its `)`). */
export function expressionStart(view: TokenView, end: number): number {
  const { tokens, match } = view;
  let k = end;
  for (;;) {
    const token = tokens[k];
    if (!token) return Math.max(0, end);
    if (isOp(token, ')') || isOp(token, ']')) {
      const opener = match[k]!;
      if (opener < 0) return k;
      const before = tokens[opener - 1];
      if ((isName(before) && !KEYWORDS.has(before!.text)) || isOp(before, ')') || isOp(before, ']')) {
        k = opener - 1;
        continue;
      }
      return opener;
    }
    if (isName(token)) {
      const dot = tokens[k - 1];
      const receiver = tokens[k - 2];
      if (dot && dot.kind === TokenKind.Op && (dot.text === '.' || dot.text === '?.') && ((isName(receiver) && !KEYWORDS.has(receiver!.text)) || isOp(receiver, ')') || isOp(receiver, ']'))) {
        k -= 2;
        continue;
      }
      return k;
    }
    return k;
  }
}

/** True when a token ends a value: a comma or closing bracket (or the end). */
function isValueEnd(token: Token | undefined): boolean {
  return token === undefined || (token.kind === TokenKind.Op && (token.text === ',' || token.text === ')' || token.text === ']' || token.text === '}' || token.text === ';'));
}

/** Scans Python or JS/TS code. `tokens` may be passed when already tokenized (notebooks). */
export function analyzeCode(text: string, language: 'python' | 'js', options: ScanOptions = {}, tokens?: Token[]): CodeAnalysis {
  const tokenList = tokens ?? tokenizeCode(text, language);
  const match = matchBrackets(tokenList);
  const own = language === 'python' ? collectPythonImports(tokenList) : collectJsImports(tokenList, text);
  const imports = mergeImports(own, options.context);
  const lines = new LineIndex(text);
  const view: TokenView = { text, tokens: tokenList, match, language };
  const { drafts, nameTokens } = new CodeScanner(view, lines, imports).run();
  const firstApi = drafts.find((draft) => draft.source !== 'string' && draft.framework !== undefined)?.framework;
  const detected = imports.frameworks[0] ?? firstApi;
  const fallback: Framework = detected ?? options.defaultFramework ?? (language === 'python' ? 'keras' : 'tfjs');
  const mentions: Mention[] = drafts.map((draft) => ({ ...draft, framework: draft.framework ?? fallback }));
  return { ...view, lines, imports, mentions, mentionTokens: nameTokens, ...(detected ? { framework: detected } : {}) };
}
