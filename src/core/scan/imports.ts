/**
 * Import bindings and API spellings: which module each local name stands for (`F` is
 * `torch.nn.functional`), and how a resolved dotted path becomes an `apiTable` key.
 */
import type { Framework } from '../catalog/types';
import { isName, isOp, stringValue, TokenKind, type Token } from './tokens';
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
  const root = path.split('.')[0] ?? '';
  if (root === 'torch' || root === 'torchvision') return 'torch';
  if (root === 'tensorflow' || root === 'keras' || root === 'tf_keras') return 'keras';
  if (root === 'tfjs') return 'tfjs';
  return undefined;
}

/** Maps a resolved Python path (`tensorflow.keras.layers.ReLU`) to its apiTable key (`layers.ReLU`). */
export function pythonApiKey(path: string): string {
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

  bind(local: string, path: string): void {
    this.aliases.set(local, path);
    this.noteFramework(path);
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

/** Reads a dotted name starting at token i; returns the name and the index after it. */
function readDotted(tokens: readonly Token[], i: number): { name: string; next: number } | undefined {
  if (!isName(tokens[i])) return undefined;
  let name = tokens[i]!.text;
  let j = i + 1;
  while (isOp(tokens[j], '.') && isName(tokens[j + 1])) {
    name += `.${tokens[j + 1]!.text}`;
    j += 2;
  }
  return { name, next: j };
}

/** Collects `import` / `from ... import` bindings of Python tokens (at any indentation). */
export function collectPythonImports(tokens: readonly Token[]): ImportContext {
  const collector = new ImportCollector();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.indent < 0 || token.kind !== TokenKind.Name) continue;
    if (token.text === 'import') {
      let j = i + 1;
      for (;;) {
        const dotted = readDotted(tokens, j);
        if (!dotted) break;
        j = dotted.next;
        if (isName(tokens[j], 'as') && isName(tokens[j + 1])) {
          collector.bind(tokens[j + 1]!.text, dotted.name);
          j += 2;
        } else {
          const root = dotted.name.split('.')[0]!;
          collector.bind(root, root);
        }
        if (!isOp(tokens[j], ',')) break;
        j++;
      }
    } else if (token.text === 'from') {
      let j = i + 1;
      if (isOp(tokens[j], '.') || isOp(tokens[j], '...')) continue; // relative imports name no framework
      const dotted = readDotted(tokens, j);
      if (!dotted || !isName(tokens[dotted.next], 'import')) continue;
      j = dotted.next + 1;
      if (isOp(tokens[j], '*')) {
        collector.star(dotted.name);
        continue;
      }
      if (isOp(tokens[j], '(')) j++;
      while (isName(tokens[j])) {
        const imported = tokens[j]!.text;
        j++;
        let local = imported;
        if (isName(tokens[j], 'as') && isName(tokens[j + 1])) {
          local = tokens[j + 1]!.text;
          j += 2;
        }
        collector.bind(local, `${dotted.name}.${imported}`);
        if (!isOp(tokens[j], ',')) break;
        j++;
      }
    }
  }
  return collector.result();
}

/** Collects ES `import` and CommonJS `require` bindings of JS/TS tokens. */
export function collectJsImports(tokens: readonly Token[], text: string): ImportContext {
  const collector = new ImportCollector();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind !== TokenKind.Name) continue;
    if (token.text === 'import' && !isOp(tokens[i + 1], '(') && !isOp(tokens[i + 1], '.') && !isOp(tokens[i - 1], '.')) {
      // Find `from 'module'` ending this statement, then read the bindings between.
      let end = i + 1;
      while (end < tokens.length && !(isName(tokens[end], 'from') && tokens[end + 1]?.kind === TokenKind.String) && !isOp(tokens[end], ';')) end++;
      const source = tokens[end + 1];
      if (!isName(tokens[end], 'from') || !source) continue;
      const module = jsModulePath(stringValue(text, source));
      readJsBindings(tokens, i + 1, end, module, collector);
      i = end + 1;
    } else if (token.text === 'require' && isOp(tokens[i + 1], '(') && tokens[i + 2]?.kind === TokenKind.String && isOp(tokens[i - 1], '=')) {
      const module = jsModulePath(stringValue(text, tokens[i + 2]!));
      // `const tf = require(...)` or `const { layers, losses: l } = require(...)`.
      const before = tokens[i - 2];
      if (isName(before)) collector.bind(before!.text, module);
      else if (isOp(before, '}')) {
        let open = i - 2;
        while (open > 0 && !isOp(tokens[open], '{')) open--;
        readJsBindings(tokens, open, i - 1, module, collector);
      }
    }
  }
  return collector.result();
}

/** Reads `Default, * as NS, { a, b as c, d: e }` between two token indices. */
function readJsBindings(tokens: readonly Token[], from: number, to: number, module: string, collector: ImportCollector): void {
  let inBraces = false;
  for (let j = from; j < to; j++) {
    const token = tokens[j]!;
    if (isOp(token, '{')) inBraces = true;
    else if (isOp(token, '}')) inBraces = false;
    else if (isOp(token, '*') && isName(tokens[j + 1], 'as') && isName(tokens[j + 2])) {
      collector.bind(tokens[j + 2]!.text, module);
      j += 2;
    } else if (isName(token) && token.text !== 'type') {
      if (!inBraces) {
        collector.bind(token.text, module);
        continue;
      }
      const imported = token.text;
      if ((isName(tokens[j + 1], 'as') || isOp(tokens[j + 1], ':')) && isName(tokens[j + 2])) {
        collector.bind(tokens[j + 2]!.text, `${module}.${imported}`);
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

/** Resolves the head of a dotted name to a module path, by import or by convention. */
export function resolveHead(head: string, imports: ImportContext, language: 'python' | 'js'): string | undefined {
  return imports.aliases.get(head) ?? (language === 'python' ? PYTHON_DEFAULT_ALIASES : JS_DEFAULT_ALIASES).get(head);
}
