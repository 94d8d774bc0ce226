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
import { collectJsImports, collectPythonImports, frameworkOfModule, headSignatures, jsApiKey, mergeImports, nameSignature, pythonApiKey, resolveHead } from './imports';
import { tokenizeJs } from './jsTokenizer';
import { LineIndex } from './lineIndex';
import { kindOfKey, resolveStringName } from './names';
import { buildParams, type WrittenArg } from './paramBuilder';
import { tokenizePython } from './pythonTokenizer';
import { matchBrackets, TokenKind, type TokenList } from './tokens';
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

type Draft = { -readonly [K in keyof Omit<Mention, 'framework'>]: Mention[K] } & { framework: Framework | undefined };

/** Receivers whose `.relu(...)` is a module attribute, not a tensor method. */
const NOT_TENSORS = new Set(['self', 'cls', 'this', 'super', 'nn', 'F', 'torch', 'tf', 'keras', 'layers', 'activations', 'losses', 'ops', 'np', 'math', 'jnp', 'jax']);

/** Tokenizes a code document (Python or JS/TS). */
export function tokenizeCode(text: string, language: 'python' | 'js'): TokenList {
  return language === 'python' ? tokenizePython(text) : tokenizeJs(text);
}

class CodeScanner {
  private readonly drafts: Draft[] = [];
  private readonly nameTokens: number[] = [];
  private readonly pendingOwners = new Map<number, OwnerInfo>();
  private readonly stack: number[] = [];
  private readonly tokens: TokenList;
  private readonly python: boolean;
  /** Fingerprints of resolvable names and of tensor-method names: most names match neither and are never sliced. */
  private readonly heads: ReadonlySet<number> | undefined;
  private readonly methods: ReadonlySet<number>;
  /** API keys by resolved head, then the rest of the chain as written (`torch.nn` → `ReLU` → `nn.ReLU`). */
  private readonly apiKeys = new Map<string, Map<string, string>>();

  constructor(
    private readonly view: TokenView,
    private readonly lines: LineIndex,
    private readonly imports: ImportContext,
  ) {
    this.tokens = view.tokens;
    this.python = view.language === 'python';
    this.heads = headSignatures(imports, view.language);
    this.methods = new Set([...(this.python ? TORCH_TENSOR_METHODS : TFJS_TENSOR_METHODS).keys()].map((name) => nameSignature(name, 0, name.length)));
  }

  private signature(k: number): number {
    return nameSignature(this.tokens.source, this.tokens.start(k), this.tokens.end(k));
  }

  private range(start: number, end: number): TextRange {
    return this.lines.range(start, end);
  }

  private tokenRange(k: number): TextRange {
    return this.range(this.tokens.start(k), this.tokens.end(k));
  }

  run(): { drafts: Draft[]; nameTokens: number[] } {
    const tokens = this.tokens;
    const n = tokens.length;
    for (let i = 0; i < n; i++) {
      switch (tokens.kind(i)) {
        case TokenKind.Op:
          this.trackBracket(i);
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

  private trackBracket(i: number): void {
    const c = this.tokens.opChar(i);
    if (c === 0) return;
    // Unclosed openers (code being typed) stay on the stack so their keywords still find their call.
    if (c === 40 || c === 91 || c === 123) {
      this.stack.push(i);
      return;
    }
    const opener = this.view.match[i]!;
    if (opener >= 0 && this.stack.length > 0) {
      // Pop to the matching opener (unmatched brackets never reach here).
      while (this.stack.length > 0 && this.stack.pop() !== opener);
    }
  }

  private stackTop(): number {
    return this.stack.length > 0 ? this.stack[this.stack.length - 1]! : -1;
  }

  /** `{'activation': 'relu'}` (Python dict) or `{'loss': 'mse'}` (JS quoted key). */
  private stringKey(i: number): void {
    const tokens = this.tokens;
    if (!tokens.isOp(i + 1, ':') || !(tokens.isOp(i - 1, '{') || tokens.isOp(i - 1, ','))) return;
    if (!tokens.isOp(this.stackTop(), '{')) return;
    const kind = kindOfKey(tokens.stringValue(i));
    if (kind) this.handleValue(i + 2, kind, this.ownerOf(this.stackTop()));
  }

  /** Handles a Name token; returns the index of the last token consumed. */
  private name(i: number): number {
    const tokens = this.tokens;
    if (this.python && tokens.indent(i) >= 0 && (tokens.isName(i, 'import') || tokens.isName(i, 'from'))) {
      let j = i;
      while (j + 1 < tokens.length && tokens.kind(j + 1) !== TokenKind.Newline) j++;
      return j;
    }
    if (!this.python && tokens.isName(i, 'import') && !tokens.isOp(i + 1, '(') && !tokens.isOp(i + 1, '.')) return this.skipJsImport(i);
    // One look at the previous token decides most cases: `.name`, `def name`, `(name=`.
    const previousKind = tokens.kind(i - 1);
    const previousOp = tokens.opChar(i - 1);
    if (previousOp === 46 || (previousKind === TokenKind.Op && tokens.isOp(i - 1, '?.'))) {
      // `.relu()` right after a call or subscript: `self.fc(x).relu()`.
      if (tokens.isCloser(i - 2)) this.tensorMethod(i);
      return i;
    }
    if (previousKind === TokenKind.Name && (tokens.isName(i - 1, 'def') || tokens.isName(i - 1, 'class') || tokens.isName(i - 1, 'function'))) return i;
    const keyPosition = previousOp === 40 || previousOp === 44 || (!this.python && previousOp === 123);
    if (keyPosition && tokens.isOp(i + 1, this.python ? '=' : ':')) {
      const kind = kindOfKey(tokens.text(i));
      if (kind) this.handleValue(i + 2, kind, this.ownerOf(this.stackTop()));
      return i;
    }
    let last = i;
    while (tokens.isDot(last + 1) && tokens.isName(last + 2)) last += 2;
    this.chain(i, last);
    return last;
  }

  private skipJsImport(i: number): number {
    const tokens = this.tokens;
    let j = i + 1;
    while (j < tokens.length && !tokens.isOp(j, ';') && !(tokens.isName(j, 'from') && tokens.kind(j + 1) === TokenKind.String)) j++;
    return tokens.isName(j, 'from') ? j + 1 : i;
  }

  private chainText(first: number, last: number): string {
    let text = this.tokens.text(first);
    for (let k = first + 2; k <= last; k += 2) text += `.${this.tokens.text(k)}`;
    return text;
  }

  /** The module path the head name of a chain stands for (`F` → `torch.nn.functional`), if any. */
  private resolvedHead(first: number): string | undefined {
    if (this.heads && !this.heads.has(this.signature(first))) return undefined;
    return resolveHead(this.tokens.text(first), this.imports, this.python ? 'python' : 'js');
  }

  private resolvedPath(first: number, last: number): string | undefined {
    const head = this.resolvedHead(first);
    if (head === undefined) return undefined;
    let path = head;
    for (let k = first + 2; k <= last; k += 2) path += `.${this.tokens.text(k)}`;
    return path;
  }

  private apiKey(path: string): string {
    return this.python ? pythonApiKey(path) : jsApiKey(path);
  }

  /** The API key of the chain `first..last` under its resolved head, cached by head and the rest as written. */
  private chainApiKey(head: string, first: number, last: number): string {
    const rest = last === first ? '' : last === first + 2 ? this.tokens.text(last) : this.chainText(first + 2, last);
    let byRest = this.apiKeys.get(head);
    if (!byRest) this.apiKeys.set(head, (byRest = new Map()));
    let key = byRest.get(rest);
    if (key === undefined) {
      key = this.apiKey(rest === '' ? head : `${head}.${rest}`);
      byRest.set(rest, key);
    }
    return key;
  }

  /** A dotted name `first..last` (names at even offsets): an API, a factory, a tensor method, or `compile`. */
  private chain(first: number, last: number): void {
    const tokens = this.tokens;
    const call = tokens.isOp(last + 1, '(');
    const head = this.resolvedHead(first);
    const table = this.python ? PYTHON_APIS : TFJS_APIS;
    let key = head !== undefined ? this.chainApiKey(head, first, last) : undefined;
    let spec = key !== undefined ? table.get(key) : undefined;
    if (!spec && head === undefined && this.python) {
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
    // A framework's own function is no tensor method; the framework of a path is that of its root, which
    // the head holds. The fingerprint test first: it rules out most calls without reading the head.
    const tensorMethod = last > first && this.methods.has(this.signature(last)) && (head === undefined || frameworkOfModule(head) === undefined);
    if (tensorMethod && !NOT_TENSORS.has(tokens.text(first))) this.tensorMethod(last);
    if (this.python && last > first && tokens.isName(last, 'compile')) this.compilePositional(last + 1);
  }

  /** Converts argument nodes to written arguments (positions stop counting after a starred argument). */
  private written(nodes: readonly ArgNode[]): WrittenArg[] {
    // Sized up front and cut to length at the end: growing from [] would allocate room for 16.
    const out = new Array<WrittenArg>(nodes.length);
    let count = 0;
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
      if (node.name === undefined && !positionsKnown) continue;
      // One shape for every written argument (absent fields undefined): buildParams reads them all.
      const named = node.name !== undefined;
      out[count++] = { isLiteral: node.isLiteral, text, range: this.range(node.start, node.end), value: node.isLiteral ? node.value : undefined, name: node.name, position: named ? undefined : position++ };
    }
    if (count < out.length) out.length = count;
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
      if (close >= 0) callRange = this.range(tokens.start(first), tokens.end(close));
    }
    const built = buildParams(spec.id, spec, args);
    const draft: Draft = {
      kind: spec.kind,
      id: spec.id,
      framework: spec.framework,
      api: this.chainText(first, last),
      source: call ? 'call' : 'reference',
      range: this.tokenRange(last),
      apiRange: this.range(tokens.start(first), tokens.end(last)),
      params: built.params,
      expressions: built.expressions,
      defaults: built.defaults,
    };
    if (callRange) draft.callRange = callRange;
    if (built.reduction !== undefined) draft.reduction = built.reduction;
    if (call) draft.rawArgs = built.rawArgs;
    const owner = this.pendingOwners.get(first);
    if (owner) draft.owner = stripFramework(owner);
    this.push(last, draft);
  }

  /** `x.relu()`, `logits.softmax(dim=1)`: only with the arguments a tensor method takes. */
  private tensorMethod(nameIndex: number): void {
    const tokens = this.tokens;
    const open = nameIndex + 1;
    if (!tokens.isOp(open, '(') || !this.methods.has(this.signature(nameIndex))) return;
    const spec = (this.python ? TORCH_TENSOR_METHODS : TFJS_TENSOR_METHODS).get(tokens.text(nameIndex));
    if (!spec) return;
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
    const receiverStart = tokens.start(expressionStart(this.view, dot - 1));
    this.push(nameIndex, {
      kind: spec.kind,
      id: spec.id,
      framework: spec.framework,
      api: `.${tokens.text(nameIndex)}`,
      source: 'method',
      range: this.tokenRange(nameIndex),
      apiRange: this.range(tokens.start(dot), tokens.end(nameIndex)),
      callRange: this.range(receiverStart, tokens.end(close)),
      params: built.params,
      expressions: built.expressions,
      defaults: built.defaults,
      rawArgs: built.rawArgs,
    });
  }

  /** `layers.Activation('gelu')`, `keras.losses.get('mse')`: the first positional string. */
  private factoryString(open: number, kind: 'activation' | 'loss'): void {
    const first = readArgs(this.view, open).find((node) => node.name === undefined);
    if (first && first.first === first.last && this.tokens.kind(first.first) === TokenKind.String) {
      this.emitString(first.first, kind, this.ownerOf(open));
    }
  }

  /** Keras `model.compile('adam', 'binary_crossentropy')`: the loss is the second positional argument. */
  private compilePositional(open: number): void {
    const positional = readArgs(this.view, open).filter((node) => node.name === undefined && !node.starred);
    const second = positional[1];
    if (second && second.first === second.last && this.tokens.kind(second.first) === TokenKind.String) {
      this.emitString(second.first, 'loss', this.ownerOf(open));
    }
  }

  /** The value after `activation=` / `loss:`: a string, a list/tuple/dict of strings, or a reference. */
  private handleValue(v: number, kind: 'activation' | 'loss', owner: OwnerInfo | undefined): void {
    const tokens = this.tokens;
    const kindOfValue = tokens.kind(v);
    if (kindOfValue === TokenKind.String) {
      if (isValueEnd(tokens, v + 1)) this.emitString(v, kind, owner);
      return;
    }
    const close = v < tokens.length ? this.view.match[v]! : -1;
    if (close > v) {
      const dict = tokens.isOp(v, '{');
      for (const [a, b] of splitTopLevel(this.view, v + 1, close - 1)) {
        const valueIndex = dict ? (tokens.isOp(a + 1, ':') ? a + 2 : -1) : a;
        if (valueIndex >= 0 && valueIndex === b && tokens.kind(b) === TokenKind.String) this.emitString(b, kind, owner);
        else if (valueIndex >= 0 && tokens.isName(valueIndex) && owner) this.pendingOwners.set(valueIndex, owner);
      }
      return;
    }
    if (kindOfValue === TokenKind.Name && owner) this.pendingOwners.set(v, owner);
  }

  private emitString(k: number, kind: 'activation' | 'loss', owner: OwnerInfo | undefined): void {
    const value = this.tokens.stringValue(k);
    const resolved = resolveStringName(value, kind, this.python ? 'python' : 'js');
    if (!resolved) return;
    const range = this.range(this.tokens.contentStart(k), this.tokens.contentEnd(k));
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
    if (!this.python && tokens.isOp(paren, '{') && tokens.isOp(paren - 1, '(')) paren--;
    if (!tokens.isOp(paren, '(')) return undefined;
    const last = paren - 1;
    if (!tokens.isName(last)) return undefined;
    let first = last;
    while (tokens.isDot(first - 1) && tokens.isName(first - 2)) first -= 2;
    const close = this.view.match[paren]!;
    const path = this.resolvedPath(first, last);
    const framework = path !== undefined ? frameworkOfModule(path) : undefined;
    return {
      api: this.chainText(first, last),
      range: this.tokenRange(last),
      ...(close >= 0 ? { callRange: this.range(tokens.start(first), tokens.end(close)) } : {}),
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
  if (k < 0 || k >= tokens.length) return Math.max(0, Math.min(end, tokens.length - 1));
  for (;;) {
    if (tokens.isCloser(k)) {
      const opener = match[k]!;
      if (opener < 0) return k;
      if ((tokens.isName(opener - 1) && !KEYWORDS.has(tokens.text(opener - 1))) || tokens.isCloser(opener - 1)) {
        k = opener - 1;
        continue;
      }
      return opener;
    }
    if (tokens.isName(k) && tokens.isDot(k - 1) && ((tokens.isName(k - 2) && !KEYWORDS.has(tokens.text(k - 2))) || tokens.isCloser(k - 2))) {
      k -= 2;
      continue;
    }
    return k;
  }
}

/** True when a token ends a value: a comma or closing bracket (or the end). */
function isValueEnd(tokens: TokenList, k: number): boolean {
  return k >= tokens.length || tokens.isOp(k, ',') || tokens.isOp(k, ')') || tokens.isOp(k, ']') || tokens.isOp(k, '}') || tokens.isOp(k, ';');
}

/** Scans Python or JS/TS code. `tokens` may be passed when already tokenized (notebooks). */
export function analyzeCode(text: string, language: 'python' | 'js', options: ScanOptions = {}, tokens?: TokenList): CodeAnalysis {
  const tokenList = tokens ?? tokenizeCode(text, language);
  const match = matchBrackets(tokenList);
  const own = language === 'python' ? collectPythonImports(tokenList) : collectJsImports(tokenList);
  const imports = mergeImports(own, options.context);
  const lines = new LineIndex(text);
  const view: TokenView = { text, tokens: tokenList, match, language };
  const { drafts, nameTokens } = new CodeScanner(view, lines, imports).run();
  const firstApi = drafts.find((draft) => draft.source !== 'string' && draft.framework !== undefined)?.framework;
  const detected = imports.frameworks[0] ?? firstApi;
  const fallback: Framework = detected ?? options.defaultFramework ?? (language === 'python' ? 'keras' : 'tfjs');
  // Strings whose owner did not tell the framework take the document's.
  for (const draft of drafts) draft.framework ??= fallback;
  const mentions = drafts as Mention[];
  return { ...view, lines, imports, mentions, mentionTokens: nameTokens, ...(detected ? { framework: detected } : {}) };
}
