/**
 * Finds mentions in JSON and YAML: `activation: gelu`, `loss: {name: cross_entropy, label_smoothing: 0.1}`,
 * evaluation entries with sibling `params`/`reduction`, and Keras `model.to_json()` layer lists
 * (`{"class_name": "LeakyReLU", "config": {...}}`, `"activation": "relu"` inside layer configs).
 */
import type { Framework, ParamValue } from '../catalog/types';
import { KERAS_CLASS_NAMES, type ApiSpec } from './apiTable';
import { parseJsonTree, parseYamlTrees, type ConfigNode, type ConfigObject, type ConfigProp, type ConfigScalar } from './configTree';
import { LineIndex } from './lineIndex';
import { kindOfKey, resolveStringName } from './names';
import { buildParams, type WrittenArg } from './paramBuilder';
import type { Mention, MentionOwner, ScanOptions, ScanResult } from './types';

/** Keys whose value names the function in an object form (`{name: huber, delta: 1}`). */
const NAME_KEYS = ['name', 'type', 'class', 'id', 'fn', 'function'];
/** Keys holding the parameters of the function named next to them. */
const PARAMS_KEYS = ['params', 'kwargs', 'args', 'config', 'options'];
/** Sibling keys that describe the entry rather than parameterize the function. */
const ENTRY_KEYS = new Set([...NAME_KEYS, ...PARAMS_KEYS, 'framework', 'backend', 'library', 'reduction', 'module', 'registered_name', 'class_name']);

/** Arguments found next to a function name rather than inside an object form. */
interface SiblingArgs {
  readonly params: readonly WrittenArg[];
  readonly reduction: readonly WrittenArg[];
}

const NO_SIBLINGS: SiblingArgs = { params: [], reduction: [] };

/** Reads a framework from a config value (`torch`, `pytorch`, `keras`, `tensorflow`, `tfjs`...). */
export function frameworkFromText(value: string): Framework | undefined {
  const v = value.trim().toLowerCase();
  if (v.includes('tfjs') || v.includes('tensorflow.js') || v.includes('tf.js') || v.includes('tensorflowjs')) return 'tfjs';
  if (v.includes('torch')) return 'torch';
  if (v.includes('keras') || v.startsWith('tensorflow') || v === 'tf' || v === 'jax') return 'keras';
  return undefined;
}

function prop(object: ConfigObject, key: string): ConfigProp | undefined {
  return object.props.find((p) => p.key === key);
}

function stringScalar(node: ConfigNode | undefined): ConfigScalar | undefined {
  return node && node.type === 'scalar' && typeof node.value === 'string' ? node : undefined;
}

function frameworkOf(object: ConfigObject): Framework | undefined {
  for (const key of ['framework', 'backend', 'library']) {
    const value = stringScalar(prop(object, key)?.value);
    const framework = value ? frameworkFromText(value.value as string) : undefined;
    if (framework) return framework;
  }
  return undefined;
}

/** Walks config trees and collects mentions. */
class ConfigScanner {
  readonly mentions: Mention[] = [];
  private readonly lines: LineIndex;
  /** Start offsets already reported: a name can be reached both as a key's value and by the walk. */
  private readonly reported = new Set<number>();

  constructor(private readonly text: string) {
    this.lines = new LineIndex(text);
  }

  walk(node: ConfigNode, framework: Framework, owner: MentionOwner | undefined): void {
    if (node.type === 'array') {
      for (const item of node.items) this.walk(item, framework, owner);
      return;
    }
    if (node.type !== 'object') return;
    const here = frameworkOf(node) ?? framework;
    let childOwner = owner;
    const className = stringScalar(prop(node, 'class_name')?.value) ?? stringScalar(prop(node, 'className')?.value);
    const config = prop(node, 'config')?.value;
    if (className) {
      childOwner = { api: className.value as string, range: this.lines.range(className.start, className.end) };
      const spec = KERAS_CLASS_NAMES.get(className.value as string);
      if (spec && config?.type === 'object') this.kerasObject(spec, className, config, here);
      // Keras 3 serializes built-in functions as {class_name: "function", config: "relu", module: "keras.activations"}.
      const module = stringScalar(prop(node, 'module')?.value)?.value as string | undefined;
      const functionName = stringScalar(config);
      if (className.value === 'function' && functionName && module) {
        const kind = module.includes('activations') ? 'activation' : module.includes('losses') ? 'loss' : undefined;
        if (kind) this.stringMention(functionName, kind, here === 'tfjs' ? 'tfjs' : 'keras', owner);
      }
    }
    for (const p of node.props) {
      const kind = kindOfKey(p.key);
      if (kind) this.functionValue(node, p, kind, here, childOwner);
      if (p.value.type !== 'scalar') this.walk(p.value, here, childOwner);
    }
  }

  /** The value of an `activation`/`loss`-like key: a name, an object form, or a list/dict of them. */
  private functionValue(parent: ConfigObject, p: ConfigProp, kind: 'activation' | 'loss', framework: Framework, owner: MentionOwner | undefined): void {
    const value = p.value;
    if (value.type === 'scalar') {
      if (typeof value.value !== 'string') return;
      this.stringMention(value, kind, framework, owner, this.siblingParams(parent, p, kind));
      return;
    }
    if (value.type === 'array') {
      for (const item of value.items) {
        if (item.type === 'scalar' && typeof item.value === 'string') this.stringMention(item, kind, framework, owner);
        else if (item.type === 'object') this.objectForm(item, kind, framework, owner, true);
      }
      return;
    }
    if (prop(value, 'class_name') || prop(value, 'className')) return; // a serialized Keras object: the walk handles it
    if (!this.objectForm(value, kind, framework, owner, false)) {
      // {output_a: mse, output_b: binary_crossentropy}: one function per model output.
      for (const entry of value.props) {
        if (entry.value.type === 'scalar' && typeof entry.value.value === 'string') this.stringMention(entry.value, kind, framework, owner);
      }
    }
  }

  /** `{name: huber, delta: 1.0}` or `{name: huber, params: {delta: 1.0}}`; false when no name key resolves. */
  private objectForm(object: ConfigObject, kind: 'activation' | 'loss', framework: Framework, owner: MentionOwner | undefined, inList: boolean): boolean {
    const here = frameworkOf(object) ?? framework;
    for (const key of NAME_KEYS) {
      const name = stringScalar(prop(object, key)?.value);
      if (!name) continue;
      const resolved = resolveStringName(name.value as string, kind, 'config');
      if (!resolved) continue;
      const paramsObject = PARAMS_KEYS.map((k) => prop(object, k)?.value).find((v): v is ConfigObject => v?.type === 'object');
      const source = paramsObject ? paramsObject.props : object.props.filter((p) => !ENTRY_KEYS.has(p.key) && !(inList && p.key === 'weight'));
      const reductionProp = prop(object, 'reduction') ?? paramsObject?.props.find((p) => p.key === 'reduction');
      const args = [...source.filter((p) => p.key !== 'reduction'), ...(reductionProp ? [reductionProp] : [])].map((p) => this.written(p));
      const built = buildParams(resolved.id, undefined, args, resolved.params);
      this.push(name, kind, resolved.id, here, owner, built);
      return true;
    }
    return false;
  }

  /** Parameters next to a name: `activation_params: {...}`, or `params`/`reduction` of a single-function entry. */
  private siblingParams(parent: ConfigObject, p: ConfigProp, kind: 'activation' | 'loss'): SiblingArgs {
    const own = ['_params', '_kwargs', '_args', '_config'].map((suffix) => prop(parent, `${p.key}${suffix}`)?.value).find((v): v is ConfigObject => v?.type === 'object');
    const functionKeys = parent.props.filter((q) => kindOfKey(q.key) !== undefined && q.value.type === 'scalar');
    const single = functionKeys.length === 1;
    const shared = single ? PARAMS_KEYS.map((k) => prop(parent, k)?.value).find((v): v is ConfigObject => v?.type === 'object') : undefined;
    const paramsObject = own ?? shared;
    const reductionProp = kind === 'loss' && single ? prop(parent, 'reduction') : undefined;
    return {
      params: paramsObject ? paramsObject.props.map((q) => this.written(q)) : [],
      reduction: reductionProp ? [this.written(reductionProp)] : [],
    };
  }

  private written(p: ConfigProp): WrittenArg {
    const value = literalOf(p.value);
    return {
      name: p.key,
      isLiteral: value !== undefined,
      ...(value !== undefined ? { value } : {}),
      text: this.text.slice(p.value.start, p.value.end),
      range: this.lines.range(p.value.start, p.value.end),
    };
  }

  private stringMention(node: ConfigScalar, kind: 'activation' | 'loss', framework: Framework, owner: MentionOwner | undefined, siblings: SiblingArgs = NO_SIBLINGS): void {
    const resolved = resolveStringName(node.value as string, kind, framework === 'tfjs' ? 'js' : 'config');
    if (!resolved) return;
    const built = buildParams(resolved.id, undefined, [...siblings.params, ...siblings.reduction], resolved.params);
    this.push(node, kind, resolved.id, framework, owner, built);
  }

  /** `{"class_name": "LeakyReLU", "config": {"negative_slope": 0.3, ...}}`. */
  private kerasObject(spec: ApiSpec, className: ConfigScalar, config: ConfigObject, framework: Framework): void {
    const built = buildParams(spec.id, spec, config.props.map((p) => this.written(p)));
    const range = this.lines.range(className.start, className.end);
    this.mentions.push({
      kind: spec.kind,
      id: spec.id,
      framework: framework === 'tfjs' ? 'tfjs' : spec.framework,
      api: className.value as string,
      source: 'config',
      range,
      apiRange: range,
      params: built.params,
      expressions: built.expressions,
      defaults: built.defaults,
      ...(built.reduction !== undefined ? { reduction: built.reduction } : {}),
      rawArgs: built.rawArgs,
    });
  }

  private push(node: ConfigScalar, kind: 'activation' | 'loss', id: string, framework: Framework, owner: MentionOwner | undefined, built: ReturnType<typeof buildParams>): void {
    if (this.reported.has(node.start)) return;
    this.reported.add(node.start);
    const range = this.lines.range(node.start, node.end);
    this.mentions.push({
      kind,
      id,
      framework,
      api: node.value as string,
      source: 'string',
      range,
      apiRange: range,
      params: built.params,
      expressions: built.expressions,
      defaults: built.defaults,
      ...(built.reduction !== undefined ? { reduction: built.reduction } : {}),
      ...(built.rawArgs.length > 0 ? { rawArgs: built.rawArgs } : {}),
      ...(owner ? { owner } : {}),
    });
  }
}

/** A config value as a parameter literal: scalars, and lists (of lists) of numbers. */
function literalOf(node: ConfigNode): ParamValue | undefined {
  if (node.type === 'scalar') return node.value;
  if (node.type !== 'array') return undefined;
  const values: (number | number[])[] = [];
  for (const item of node.items) {
    const value = literalOf(item);
    if (typeof value === 'number') values.push(value);
    else if (Array.isArray(value) && value.every((v) => typeof v === 'number')) values.push(value as number[]);
    else return undefined;
  }
  return values as number[] | number[][];
}

/** Framework a config document as a whole declares or implies, if any. */
function detectConfigFramework(roots: readonly ConfigNode[]): Framework | undefined {
  for (const root of roots) {
    if (root.type !== 'object') continue;
    const declared = frameworkOf(root);
    if (declared) return declared;
    const generatedBy = stringScalar(prop(root, 'generatedBy')?.value)?.value as string | undefined;
    const format = stringScalar(prop(root, 'format')?.value)?.value as string | undefined;
    if ((generatedBy && frameworkFromText(generatedBy) === 'tfjs') || format === 'layers-model') return 'tfjs';
    if (prop(root, 'keras_version') || prop(root, 'class_name') || prop(root, 'modelTopology')) return 'keras';
  }
  return undefined;
}

/** Scans a JSON (or JSONC) or YAML document. */
export function scanConfig(text: string, format: 'json' | 'yaml', languageId: string, options: ScanOptions = {}): ScanResult {
  const roots = format === 'json' ? [parseJsonTree(text)].filter((n): n is ConfigNode => n !== undefined) : parseYamlTrees(text);
  const detected = detectConfigFramework(roots);
  const framework = detected ?? options.defaultFramework ?? 'torch';
  const scanner = new ConfigScanner(text);
  for (const root of roots) scanner.walk(root, framework, undefined);
  const mentions = scanner.mentions.sort((a, b) => a.range.start - b.range.start);
  return { languageId, ...(detected ? { framework: detected } : {}), mentions };
}
