/**
 * Import bindings and API spellings: which module each local name stands for (`F` is
 * `torch.nn.functional`), and how a resolved dotted path becomes an `apiTable` key.
 */
import type { Framework } from '../catalog/types';
import { TokenKind, type TokenList } from './tokens';
import type { ImportContext } from './types';

/** Names Python code conventionally uses without (or before) importing them. */
const PYTHON_DEFAULT_ALIASES: ReadonlyMap<string, string> = new Map([
  ['torch', 'torch'],
  ['nn', 'torch.nn'],
  ['F', 'torch.nn.functional'],
  ['torchvision', 'torchvision'],
  ['tf', 'tensorflow'],
  ['keras', 'keras'],
  ['layers', 'keras.layers'],
  ['activations', 'keras.activations'],
  ['losses', 'keras.losses'],
  ['ops', 'keras.ops'],
]);

/** TF.js code calls its namespace `tf` by convention. */
const JS_DEFAULT_ALIASES: ReadonlyMap<string, string> = new Map([['tf', 'tfjs']]);

const KERAS_PACKAGE_PREFIXES = ['tensorflow.keras.', 'tensorflow.python.keras.', 'tf_keras.', 'keras.src.', 'keras.api.'];

/** The framework a module path belongs to, if it is one of the three. */
export function frameworkOfModule(path: string): Framework | undefined {
  // Compares the root in place: called for every resolved call, it should not slice.
  if (hasRoot(path, 'torch') || hasRoot(path, 'torchvision')) return 'torch';
  if (hasRoot(path, 'tensorflow') || hasRoot(path, 'keras') || hasRoot(path, 'tf_keras')) return 'keras';
  if (hasRoot(path, 'tfjs')) return 'tfjs';
  return undefined;
}

/** True when `root` is the whole path or its part before the first dot. */
function hasRoot(path: string, root: string): boolean {
  return path.startsWith(root) && (path.length === root.length || path.charCodeAt(root.length) === 46);
}

const pythonKeys = new Map<string, string>();

/** Maps a resolved Python path (`tensorflow.keras.layers.ReLU`) to its apiTable key (`layers.ReLU`). */
export function pythonApiKey(path: string): string {
  let key = pythonKeys.get(path);
  if (key === undefined) {
    key = pythonApiKeyUncached(path);
    if (pythonKeys.size < 10_000) pythonKeys.set(path, key);
  }
  return key;
}

function pythonApiKeyUncached(path: string): string {
  let p = path;
  for (const prefix of KERAS_PACKAGE_PREFIXES) {
    if (p.startsWith(prefix)) {
      p = `keras.${p.slice(prefix.length)}`;
      break;
    }
  }
  if (p.startsWith('torch.nn.functional.')) return `F.${p.slice(20)}`;
  if (p.startsWith('torch.nn.modules.')) return `nn.${p.slice(p.lastIndexOf('.') + 1)}`;
  if (p.startsWith('torch.nn.')) return `nn.${p.slice(9)}`;
  if (p.startsWith('torchvision.ops.')) return `torchvision.ops.${p.slice(p.lastIndexOf('.') + 1)}`;
  if (p.startsWith('keras.layers.')) return `layers.${p.slice(13)}`;
  if (p.startsWith('keras.activations.')) return `activations.${p.slice(18)}`;
  if (p.startsWith('keras.losses.')) return `losses.${p.slice(13)}`;
  if (p.startsWith('keras.ops.nn.')) return `ops.${p.slice(13)}`;
  if (p.startsWith('keras.ops.')) return `ops.${p.slice(10)}`;
  if (p.startsWith('tensorflow.')) return `tf.${p.slice(11)}`;
  return p;
}

/** Maps a resolved TF.js path (`tfjs.layers.leakyReLU`) to its apiTable key (`tf.layers.leakyReLU`). */
export function jsApiKey(path: string): string {
  return path.startsWith('tfjs.') ? `tf.${path.slice(5)}` : path;
}

/** The module path a JS module specifier stands for (`@tensorflow/tfjs-node` is `tfjs`). */
function jsModulePath(specifier: string): string {
  return specifier.startsWith('@tensorflow/tfjs') ? 'tfjs' : specifier;
}

class ImportCollector {
  readonly aliases = new Map<string, string>();
  readonly starModules: string[] = [];
  readonly frameworks: Framework[] = [];

  /** Binds a local name to a module path; `root` is the path's first segment when the caller has it unjoined. */
  bind(local: string, path: string, root = path): void {
    this.aliases.set(local, path);
    this.noteFramework(root);
  }

  star(path: string): void {
    this.starModules.push(path);
    this.noteFramework(path);
  }

  private noteFramework(path: string): void {
    const framework = frameworkOfModule(path);
    if (framework && !this.frameworks.includes(framework)) this.frameworks.push(framework);
  }

  result(): ImportContext {
    return { aliases: this.aliases, starModules: this.starModules, frameworks: this.frameworks };
  }
}

/** Reads a dotted name starting at token i; returns the name, its first segment and the index after it. */
function readDotted(tokens: TokenList, i: number): { name: string; root: string; next: number } | undefined {
  if (!tokens.isName(i)) return undefined;
  const root = tokens.text(i);
  let name = root;
  let j = i + 1;
  while (tokens.isOp(j, '.') && tokens.isName(j + 1)) {
    name += `.${tokens.text(j + 1)}`;
    j += 2;
  }
  return { name, root, next: j };
}

/** Collects `import` / `from ... import` bindings of Python tokens (at any indentation). */
export function collectPythonImports(tokens: TokenList): ImportContext {
  const collector = new ImportCollector();
  for (let i = 0; i < tokens.length; i++) {
    if (tokens.indent(i) < 0 || tokens.kind(i) !== TokenKind.Name) continue;
    if (tokens.isName(i, 'import')) {
      let j = i + 1;
      for (;;) {
        const dotted = readDotted(tokens, j);
        if (!dotted) break;
        j = dotted.next;
        if (tokens.isName(j, 'as') && tokens.isName(j + 1)) {
          collector.bind(tokens.text(j + 1), dotted.name, dotted.root);
          j += 2;
        } else collector.bind(dotted.root, dotted.root);
        if (!tokens.isOp(j, ',')) break;
        j++;
      }
    } else if (tokens.isName(i, 'from')) {
      let j = i + 1;
      if (tokens.isOp(j, '.') || tokens.isOp(j, '...')) continue; // relative imports name no framework
      const dotted = readDotted(tokens, j);
      if (!dotted || !tokens.isName(dotted.next, 'import')) continue;
      j = dotted.next + 1;
      if (tokens.isOp(j, '*')) {
        collector.star(dotted.name);
        continue;
      }
      if (tokens.isOp(j, '(')) j++;
      while (tokens.isName(j)) {
        const imported = tokens.text(j);
        j++;
        let local = imported;
        if (tokens.isName(j, 'as') && tokens.isName(j + 1)) {
          local = tokens.text(j + 1);
          j += 2;
        }
        collector.bind(local, `${dotted.name}.${imported}`, dotted.root);
        if (!tokens.isOp(j, ',')) break;
        j++;
      }
    }
  }
  return collector.result();
}

/** Collects ES `import` and CommonJS `require` bindings of JS/TS tokens. */
export function collectJsImports(tokens: TokenList): ImportContext {
  const collector = new ImportCollector();
  for (let i = 0; i < tokens.length; i++) {
    if (tokens.kind(i) !== TokenKind.Name) continue;
    if (tokens.isName(i, 'import') && !tokens.isOp(i + 1, '(') && !tokens.isOp(i + 1, '.') && !tokens.isOp(i - 1, '.')) {
      // Find `from 'module'` ending this statement, then read the bindings between.
      let end = i + 1;
      while (end < tokens.length && !(tokens.isName(end, 'from') && tokens.kind(end + 1) === TokenKind.String) && !tokens.isOp(end, ';')) end++;
      if (!tokens.isName(end, 'from') || tokens.kind(end + 1) !== TokenKind.String) continue;
      const module = jsModulePath(tokens.stringValue(end + 1));
      readJsBindings(tokens, i + 1, end, module, collector);
      i = end + 1;
    } else if (tokens.isName(i, 'require') && tokens.isOp(i + 1, '(') && tokens.kind(i + 2) === TokenKind.String && tokens.isOp(i - 1, '=')) {
      const module = jsModulePath(tokens.stringValue(i + 2));
      // `const tf = require(...)` or `const { layers, losses: l } = require(...)`.
      const before = i - 2;
      if (tokens.isName(before)) collector.bind(tokens.text(before), module);
      else if (tokens.isOp(before, '}')) {
        let open = before;
        while (open > 0 && !tokens.isOp(open, '{')) open--;
        readJsBindings(tokens, open, i - 1, module, collector);
      }
    }
  }
  return collector.result();
}

/** Reads `Default, * as NS, { a, b as c, d: e }` between two token indices. */
function readJsBindings(tokens: TokenList, from: number, to: number, module: string, collector: ImportCollector): void {
  let inBraces = false;
  for (let j = from; j < to; j++) {
    if (tokens.isOp(j, '{')) inBraces = true;
    else if (tokens.isOp(j, '}')) inBraces = false;
    else if (tokens.isOp(j, '*') && tokens.isName(j + 1, 'as') && tokens.isName(j + 2)) {
      collector.bind(tokens.text(j + 2), module);
      j += 2;
    } else if (tokens.isName(j) && !tokens.isName(j, 'type')) {
      const imported = tokens.text(j);
      if (!inBraces) {
        collector.bind(imported, module);
        continue;
      }
      if ((tokens.isName(j + 1, 'as') || tokens.isOp(j + 1, ':')) && tokens.isName(j + 2)) {
        collector.bind(tokens.text(j + 2), `${module}.${imported}`);
        j += 2;
      } else collector.bind(imported, `${module}.${imported}`);
    }
  }
}

/** Imports of the document first, then those of the context (other notebook cells). */
export function mergeImports(own: ImportContext, context: ImportContext | undefined): ImportContext {
  if (!context) return own;
  const aliases = new Map(context.aliases);
  for (const [name, path] of own.aliases) aliases.set(name, path);
  const frameworks = [...own.frameworks];
  for (const framework of context.frameworks) if (!frameworks.includes(framework)) frameworks.push(framework);
  return { aliases, starModules: [...own.starModules, ...context.starModules], frameworks };
}

/** A cheap fingerprint of a name (first character and length), to skip names that cannot be bound without slicing them. */
export function nameSignature(source: string, start: number, end: number): number {
  return (source.charCodeAt(start) << 8) | Math.min(end - start, 255);
}

/** Fingerprints of every name `resolveHead` can resolve; undefined when any name might (star imports). */
export function headSignatures(imports: ImportContext, language: 'python' | 'js'): ReadonlySet<number> | undefined {
  if (language === 'python' && imports.starModules.length > 0) return undefined;
  const signatures = new Set<number>();
  for (const name of [...imports.aliases.keys(), ...(language === 'python' ? PYTHON_DEFAULT_ALIASES : JS_DEFAULT_ALIASES).keys()]) {
    signatures.add(nameSignature(name, 0, name.length));
  }
  return signatures;
}

/** Resolves the head of a dotted name to a module path, by import or by convention. */
export function resolveHead(head: string, imports: ImportContext, language: 'python' | 'js'): string | undefined {
  return imports.aliases.get(head) ?? (language === 'python' ? PYTHON_DEFAULT_ALIASES : JS_DEFAULT_ALIASES).get(head);
}
