/**
 * Facts the misuse rules reason about, derived from a code analysis: which names hold which
 * loss or activation (`criterion = nn.CrossEntropyLoss()`), every call site with its resolved
 * API key, what a call's argument expression computes, and `forward` return expressions.
 */
import { expressionStart, type CodeAnalysis } from './codeScanner';
import { readArgs, type ArgNode } from './argReader';
import { headSignatures, jsApiKey, nameSignature, pythonApiKey, resolveHead } from './imports';
import { TokenKind } from './tokens';
import type { Mention } from './types';

/** A call `callee(...)` whose callee is a dotted name. */
export interface CallSite {
  /** Token indices: first and last name of the callee, its `(` and `)`. */
  readonly first: number;
  readonly last: number;
  readonly open: number;
  readonly close: number;
  /** The callee resolved through imports to an apiTable-style key (`layers.Dense`, `nn.Sequential`), if it resolves. */
  readonly key?: string;
}

/** An activation applied by an expression, and how to undo it. */
export interface AppliedActivation {
  readonly mention: Mention;
  /** Source range of the expression's input (`z` in `torch.sigmoid(z)`), when known. */
  readonly inner?: { readonly start: number; readonly end: number };
}

/** Everything the rules look up. */
export class CodeFacts {
  readonly calls: CallSite[] = [];
  private readonly mentionByToken = new Map<number, Mention>();
  private readonly mentionsByCallStart = new Map<number, Mention[]>();
  private readonly assignments = new Map<string, { offset: number; mention: Mention }[]>();
  /** Fingerprints of the last name of every assigned target, so most calls skip the lookup without slicing. */
  private readonly assignedSignatures = new Set<number>();

  constructor(readonly analysis: CodeAnalysis) {
    analysis.mentions.forEach((mention, index) => {
      this.mentionByToken.set(analysis.mentionTokens[index]!, mention);
      if (mention.callRange) {
        const list = this.mentionsByCallStart.get(mention.callRange.start) ?? [];
        list.push(mention);
        this.mentionsByCallStart.set(mention.callRange.start, list);
      }
    });
    this.collectCalls();
    if (analysis.language === 'python') this.collectAssignments();
  }

  private quoteChar: "'" | '"' | undefined;

  /** The quote character most strings of the file use, for inserted text. */
  get quote(): "'" | '"' {
    if (this.quoteChar) return this.quoteChar;
    let single = 0;
    let double = 0;
    const { tokens, text } = this.analysis;
    for (let i = 0; i < tokens.length; i++) {
      if (tokens.kind(i) !== TokenKind.String) continue;
      const quoteChar = text.charCodeAt(tokens.contentStart(i) - 1);
      if (quoteChar === 39) single++;
      else if (quoteChar === 34) double++;
    }
    this.quoteChar = double > single ? '"' : "'";
    return this.quoteChar;
  }

  private collectCalls(): void {
    const { tokens, match, language } = this.analysis;
    const heads = headSignatures(this.analysis.imports, language);
    for (let i = 0; i < tokens.length; i++) {
      if (!tokens.isName(i) || tokens.isDot(i - 1)) continue;
      let last = i;
      while (tokens.isDot(last + 1) && tokens.isName(last + 2)) last += 2;
      const open = last + 1;
      if (tokens.isOp(open, '(') && match[open]! > open) {
        const call: { -readonly [K in keyof CallSite]: CallSite[K] } = { first: i, last, open, close: match[open]! };
        // Only names that imports (or conventions) can resolve get a key; the rest are never sliced.
        const head = !heads || heads.has(nameSignature(tokens.source, tokens.start(i), tokens.end(i))) ? resolveHead(tokens.text(i), this.analysis.imports, language) : undefined;
        if (head !== undefined) {
          let path = head;
          for (let k = i + 2; k <= last; k += 2) path += `.${tokens.text(k)}`;
          call.key = language === 'python' ? pythonApiKey(path) : jsApiKey(path);
        }
        this.calls.push(call);
      }
      i = last;
    }
  }

  /** The callee of a call as written (`self.criterion`, `layers.Dense`). */
  calleeOf(call: CallSite): string {
    const { tokens } = this.analysis;
    let callee = tokens.text(call.first);
    for (let k = call.first + 2; k <= call.last; k += 2) callee += `.${tokens.text(k)}`;
    return callee;
  }

  /** `target = <API call>` at the start of a logical line. */
  private collectAssignments(): void {
    const { tokens, match } = this.analysis;
    for (let i = 0; i < tokens.length; i++) {
      if (tokens.indent(i) < 0 || !tokens.isName(i)) continue;
      let last = i;
      while (tokens.isOp(last + 1, '.') && tokens.isName(last + 2)) last += 2;
      if (!tokens.isOp(last + 1, '=')) continue;
      const valueFirst = last + 2;
      let valueLast = valueFirst;
      while (tokens.isOp(valueLast + 1, '.') && tokens.isName(valueLast + 2)) valueLast += 2;
      const open = valueLast + 1;
      if (!tokens.isOp(open, '(')) continue;
      const close = match[open]!;
      if (close < 0) continue;
      if (close + 1 < tokens.length && tokens.kind(close + 1) !== TokenKind.Newline) continue;
      const mention = this.mentionByToken.get(valueLast);
      if (!mention || mention.source !== 'call') continue;
      const target = compact(this.analysis.text.slice(tokens.start(i), tokens.end(last)));
      const list = this.assignments.get(target) ?? [];
      list.push({ offset: tokens.start(i), mention });
      this.assignments.set(target, list);
      this.assignedSignatures.add(nameSignature(tokens.source, tokens.start(last), tokens.end(last)));
    }
  }

  /** The mention whose name token is at token index k. */
  mentionAtToken(k: number): Mention | undefined {
    return this.mentionByToken.get(k);
  }

  /** What a name holds at an offset: the latest assignment before it (or the first one, for methods defined earlier). */
  assigned(name: string, offset: number): Mention | undefined {
    const list = this.assignments.get(compact(name));
    if (!list) return undefined;
    let found = list[0]!.mention;
    for (const entry of list) if (entry.offset < offset) found = entry.mention;
    return found;
  }

  /** True when some name in the file is assigned this mention. */
  isAssigned(mention: Mention): boolean {
    for (const list of this.assignments.values()) if (list.some((entry) => entry.mention === mention)) return true;
    return false;
  }

  private owned: Map<number, Mention[]> | undefined;
  private callsByStart: Map<number, CallSite> | undefined;

  /** Mentions that are arguments of the call starting at an offset (`activation='relu'` of a `Dense(...)`). */
  ownedBy(callStart: number): readonly Mention[] {
    if (!this.owned) {
      this.owned = new Map();
      for (const mention of this.analysis.mentions) {
        const start = mention.owner?.callRange?.start;
        if (start === undefined) continue;
        const list = this.owned.get(start) ?? [];
        list.push(mention);
        this.owned.set(start, list);
      }
    }
    return this.owned.get(callStart) ?? [];
  }

  /** Mentions whose own call starts at an offset. */
  callingAt(callStart: number): readonly Mention[] {
    return this.mentionsByCallStart.get(callStart) ?? [];
  }

  /** The call site (dotted callee) starting at an offset. */
  callStartingAt(start: number): CallSite | undefined {
    if (!this.callsByStart) {
      this.callsByStart = new Map();
      for (const call of this.calls) {
        const at = this.analysis.tokens.start(call.first);
        if (!this.callsByStart.has(at)) this.callsByStart.set(at, call);
      }
    }
    return this.callsByStart.get(start);
  }

  /** A mention whose call spans exactly start..end. */
  mentionCalling(start: number, end: number): Mention | undefined {
    return this.mentionsByCallStart.get(start)?.find((m) => m.callRange!.end === end);
  }

  /**
   * What calling `(` at `open` invokes: a functional API mention (`F.cross_entropy(...)`), a
   * name assigned an API object (`criterion(...)`), or an inline object (`nn.BCELoss()(...)`).
   */
  callTarget(open: number): { mention: Mention; functional: boolean } | undefined {
    const { tokens, text } = this.analysis;
    const before = open - 1;
    if (tokens.isName(before)) {
      const own = this.mentionByToken.get(before);
      // A class called with its constructor arguments builds the object; it does not apply it.
      if (own && own.source === 'call') return isFunctional(own) ? { mention: own, functional: true } : undefined;
      if (!this.assignedSignatures.has(nameSignature(tokens.source, tokens.start(before), tokens.end(before)))) return undefined;
      const start = expressionStart(this.analysis, before);
      const mention = this.assigned(text.slice(tokens.start(start), tokens.end(before)), tokens.start(open));
      return mention ? { mention, functional: false } : undefined;
    }
    if (tokens.isOp(before, ')')) {
      const start = expressionStart(this.analysis, before);
      const inline = this.mentionCalling(tokens.start(start), tokens.end(before));
      if (inline && !isFunctional(inline)) return { mention: inline, functional: false };
    }
    return undefined;
  }

  /** The activation an expression (tokens first..last) applies last, if it is a sigmoid/softmax-like call. */
  appliedActivation(first: number, last: number): AppliedActivation | undefined {
    const { tokens, match } = this.analysis;
    const start = tokens.start(first);
    const end = tokens.end(last);
    const direct = this.mentionCalling(start, end);
    if (direct && direct.kind === 'activation') {
      if (direct.source === 'method') return { mention: direct, inner: { start, end: direct.apiRange.start } };
      const data = direct.rawArgs?.find((arg) => arg.role === 'data');
      return { mention: direct, ...(data ? { inner: { start: data.range.start, end: data.range.end } } : {}) };
    }
    // A module applied to its input: `self.softmax(h)`, `nn.Sigmoid()(h)`.
    if (!tokens.isOp(last, ')')) return undefined;
    const open = match[last]!;
    if (open <= first) return undefined;
    const target = this.callTarget(open);
    if (!target || target.functional || target.mention.kind !== 'activation') return undefined;
    const input = readArgs(this.analysis, open).find((arg) => arg.name === undefined && !arg.starred);
    return { mention: target.mention, ...(input ? { inner: { start: input.start, end: input.end } } : {}) };
  }

  /** The arguments of the call whose `(` is at open. */
  args(open: number): ArgNode[] {
    return readArgs(this.analysis, open);
  }

  private scopes: Int32Array | undefined;

  /**
   * The `def` a token is inside (token index of the innermost enclosing `def`, -1 at module level),
   * from indentation. Python only; JS tokens are all at -1.
   */
  scopeOf(k: number): number {
    this.scopes ??= this.computeScopes();
    return this.scopes[k] ?? -1;
  }

  private computeScopes(): Int32Array {
    const { tokens, language } = this.analysis;
    const scopes = new Int32Array(tokens.length).fill(-1);
    if (language !== 'python') return scopes;
    const defs: { indent: number; token: number }[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const indent = tokens.indent(i);
      if (indent >= 0) {
        while (defs.length > 0 && defs[defs.length - 1]!.indent >= indent) defs.pop();
      }
      scopes[i] = defs.length > 0 ? defs[defs.length - 1]!.token : -1;
      if (indent >= 0 && tokens.isName(i, 'def')) defs.push({ indent, token: i });
    }
    return scopes;
  }

  /** Return expressions (token ranges) of every `def forward(...)` in the file. */
  forwardReturns(): [number, number][] {
    const { tokens } = this.analysis;
    const out: [number, number][] = [];
    for (let i = 0; i < tokens.length; i++) {
      const defIndent = tokens.indent(i);
      if (defIndent < 0 || !tokens.isName(i, 'def') || !tokens.isName(i + 1, 'forward')) continue;
      for (let k = i + 2; k < tokens.length; k++) {
        const indent = tokens.indent(k);
        if (indent >= 0 && indent <= defIndent) break;
        if (indent < 0 || !tokens.isName(k, 'return')) continue;
        let end = k + 1;
        while (end < tokens.length && tokens.kind(end) !== TokenKind.Newline) end++;
        if (end > k + 1) out.push([k + 1, end - 1]);
      }
    }
    return out;
  }
}

/** A dotted name without whitespace (`self . criterion` is `self.criterion`). */
function compact(name: string): string {
  return /\s/.test(name) ? name.replace(/\s+/g, '') : name;
}

/** True for functional APIs (`F.cross_entropy`, `torch.sigmoid`), false for classes/modules (`nn.Sigmoid`). */
export function isFunctional(mention: Mention): boolean {
  if (mention.source === 'method') return true;
  const first = mention.api.charCodeAt(mention.api.lastIndexOf('.') + 1);
  return !(first >= 65 && first <= 90);
}
