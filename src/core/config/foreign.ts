/**
 * Finds the activations and losses in config files that are not ours: Keras `model.to_json()` /
 * `config.json` (layer `activation`s, activation layers such as LeakyReLU, the compile `loss` in
 * `training_config` / `compile_config`), TF.js `model.json`, and training YAML/JSON in the style of
 * Lightning, Hydra and home-grown scripts (`activation: gelu`, `loss: {name: cross_entropy,
 * label_smoothing: 0.1}`, `_target_: torch.nn.GELU`, `class_path` + `init_args`).
 */
import { findParamSpec } from '../catalog/params';
import { normalizeName, parseFramework, resolveName, spellingsOf } from '../catalog/registry';
import type { CatalogEntry, Framework, ParamValue, Reduction } from '../catalog/types';
import { paramValueFromNode } from './tensorField';
import { configFormatOf, parseConfigTree, propertyOf, type ConfigNode, type ConfigProperty } from './tree';
import type { ConfigProblem, ForeignConfig, ForeignFinding } from './types';

/** Keys whose value names an activation. */
const ACTIVATION_KEYS = new Set(['act', 'actfn', 'actfunc', 'hiddenact', 'outputact', 'finalact', 'nonlinearity', 'nonlin']);
/** Keys whose value names a loss, besides anything ending in `loss` / `losses`. */
const LOSS_KEYS = new Set(['criterion', 'criteria', 'lossfn', 'lossfunction', 'losstype', 'lossname', 'objective']);
/** Suffixes of keys that hold the parameters of a sibling (`activation_params`), not a function. */
const PARAM_SUFFIXES = ['params', 'kwargs', 'args', 'config', 'cfg', 'options', 'kw', 'parameters'];
/** Keys of an object that hold the function's name, in order of preference. */
const NAME_KEYS = ['name', 'type', '_target_', 'class_path', 'class_name', 'fn', 'function', 'id', 'cls'];
/** Keys of an object that hold the function's parameters as a sub-object. */
const PARAM_OBJECT_KEYS = ['params', 'init_args', 'config', 'kwargs', 'args', 'parameters', 'options'];
/** Bookkeeping keys of serialized objects that are neither parameters nor worth reporting. */
const NOISE_KEYS = new Set(['name', 'trainable', 'dtype', 'module', 'registered_name', 'build_config', 'class_name', 'config', 'reduction', '_target_', 'class_path', 'init_args', 'type', 'fn', 'function', 'id', 'cls', 'params', 'kwargs', 'args', 'parameters', 'options', '_partial_']);

/** Keras `reduction` strings mapped onto the catalog's reductions. */
const REDUCTIONS: Readonly<Record<string, Reduction>> = {
  sum_over_batch_size: 'mean',
  auto: 'mean',
  mean: 'mean',
  sum: 'sum',
  none: 'none',
  batchmean: 'batchmean',
};

function hasParamSuffix(normalized: string): boolean {
  return PARAM_SUFFIXES.some((suffix) => normalized.length > suffix.length && normalized.endsWith(suffix));
}

/** Which kind of function a key announces, if any. */
function kindOfKey(key: string): 'activation' | 'loss' | undefined {
  const normalized = normalizeName(key);
  if (hasParamSuffix(normalized)) return undefined;
  if (normalized.includes('activation') || ACTIVATION_KEYS.has(normalized)) return 'activation';
  if (normalized.endsWith('loss') || normalized.endsWith('losses') || LOSS_KEYS.has(normalized)) return 'loss';
  return undefined;
}

/**
 * Resolves a name. Where no key announced a function (a Keras layer's `class_name`, a Hydra
 * `_target_`), the spelling must match one of the entry's names exactly, so `torch.nn.Linear`
 * or `Dense` are not mistaken for the `linear` activation.
 */
function resolveForeignName(name: string, strict: boolean): CatalogEntry | undefined {
  const entry = resolveName(name);
  if (!entry || !strict) return entry;
  const last = name.split('.').pop() ?? name;
  return spellingsOf(entry).some((spelling) => spelling === name || spelling === last || spelling.split('.').pop() === last) ? entry : undefined;
}

/** The framework a spelling gives away (`torch.nn.GELU`, `keras.activations.gelu`, `tf.layers.leakyReLU`). */
function frameworkOfSpelling(name: string): Framework | undefined {
  if (/^(torch\.|nn\.|F\.)/.test(name)) return 'torch';
  if (/^tf\.(layers|losses|metrics)\./.test(name)) return 'tfjs';
  if (/^(keras\.|tf\.keras\.|tf\.nn\.|tf\.)/.test(name)) return 'keras';
  return undefined;
}

/** A parameter value as written, or undefined when it is not one (a foreign config is read, never judged). */
function paramValue(node: ConfigNode, text: string): ParamValue | undefined {
  try {
    return paramValueFromNode(node, text);
  } catch {
    return undefined;
  }
}

class ForeignWalker {
  readonly findings: ForeignFinding[] = [];
  private readonly handled = new Set<ConfigNode>();

  constructor(private readonly text: string, private readonly framework: Framework | undefined) {}

  /** Walks any value, looking for keys that announce functions and for serialized function objects. */
  walk(node: ConfigNode, path: string): void {
    if (this.handled.has(node)) return;
    if (node.type === 'array') {
      node.items.forEach((item, i) => this.walk(item, `${path}[${i}]`));
      return;
    }
    if (node.type !== 'object') return;
    if (this.readStructural(node, path)) return;
    for (const property of node.properties) {
      const childPath = path ? `${path}.${property.key}` : property.key;
      const kind = kindOfKey(property.key);
      if (kind) this.readFunctionValue(property.value, kind, childPath, this.siblingParams(node, property));
      else this.walk(property.value, childPath);
    }
  }

  /** A Keras serialized layer (`{"class_name": "LeakyReLU", "config": {...}}`) or a Hydra/Lightning target. */
  private readStructural(node: ConfigNode & { type: 'object' }, path: string): boolean {
    const className = propertyOf(node, 'class_name')?.value;
    const config = propertyOf(node, 'config')?.value;
    if (className?.type === 'string' && config?.type === 'object') {
      const entry = resolveForeignName(className.value, true);
      if (!entry) return false;
      this.add(entry.kind, className.value, entry, className, node, config, undefined, path);
      return true;
    }
    for (const key of ['_target_', 'class_path']) {
      const target = propertyOf(node, key)?.value;
      if (target?.type !== 'string') continue;
      const entry = resolveForeignName(target.value, true);
      if (!entry) return false;
      const initArgs = propertyOf(node, 'init_args')?.value;
      this.add(entry.kind, target.value, entry, target, node, node, initArgs, path);
      return true;
    }
    return false;
  }

  /** `<key>_params` / `<key>_kwargs` next to an `activation` key hold its parameters. */
  private siblingParams(parent: ConfigNode & { type: 'object' }, property: ConfigProperty): ConfigNode | undefined {
    const base = normalizeName(property.key);
    const sibling = parent.properties.find((other) => other !== property && other.value.type === 'object' && PARAM_SUFFIXES.some((suffix) => normalizeName(other.key) === base + suffix));
    return sibling?.value;
  }

  /** The value of a key that announced a function: a name, an object with a name, a list or a map of them. */
  private readFunctionValue(node: ConfigNode, kind: 'activation' | 'loss', path: string, extraParams: ConfigNode | undefined, depth = 0): void {
    if (depth > 20) return;
    if (node.type === 'string') {
      if (node.value.trim() === '') return;
      const entry = resolveForeignName(node.value, false);
      this.add(entry?.kind ?? kind, node.value, entry, node, node, extraParams, undefined, path);
      return;
    }
    if (node.type === 'array') {
      node.items.forEach((item, i) => this.readFunctionValue(item, kind, `${path}[${i}]`, undefined, depth + 1));
      return;
    }
    if (node.type !== 'object') return;
    if (this.readStructural(node, path)) return;
    // Keras 3 serializes built-in functions as {"class_name": "function", "config": "relu"}.
    const className = propertyOf(node, 'class_name')?.value;
    const config = propertyOf(node, 'config')?.value;
    if (className?.type === 'string' && className.value === 'function' && config?.type === 'string') {
      const entry = resolveForeignName(config.value, false);
      this.add(entry?.kind ?? kind, config.value, entry, config, node, undefined, undefined, path);
      return;
    }
    for (const key of NAME_KEYS) {
      const nameNode = propertyOf(node, key)?.value;
      if (nameNode?.type !== 'string') continue;
      const paramObject = PARAM_OBJECT_KEYS.map((k) => propertyOf(node, k)?.value).find((value) => value?.type === 'object');
      const entry = resolveForeignName(nameNode.value, false);
      this.add(entry?.kind ?? kind, nameNode.value, entry, nameNode, node, node, paramObject, path);
      return;
    }
    // No name: a map of functions, e.g. Keras multi-output losses {"output_a": "mse", "output_b": "mae"}.
    for (const property of node.properties) this.readFunctionValue(property.value, kind, `${path}.${property.key}`, undefined, depth + 1);
  }

  /**
   * Records a finding. Parameters come from `paramSource` (the object holding the name, or a
   * Keras `config`) and `nested` (a `params`/`init_args` sub-object); keys the function does
   * not know are listed in `otherKeys`.
   */
  private add(kind: 'activation' | 'loss', name: string, entry: CatalogEntry | undefined, nameNode: ConfigNode, valueNode: ConfigNode, paramSource: ConfigNode | undefined, nested: ConfigNode | undefined, path: string): void {
    this.handled.add(valueNode);
    const params: Record<string, ParamValue> = {};
    const otherKeys: string[] = [];
    let reduction: Reduction | undefined;
    for (const source of [paramSource, nested]) {
      if (source?.type !== 'object' || source === nameNode) continue;
      for (const property of source.properties) {
        if (property.key === 'reduction' && property.value.type === 'string') {
          reduction = REDUCTIONS[property.value.value.toLowerCase()] ?? reduction;
          continue;
        }
        if (property.value === nameNode || NOISE_KEYS.has(property.key)) continue;
        const value = paramValue(property.value, this.text);
        if (entry && value !== undefined && findParamSpec(entry, property.key)) params[property.key] = value;
        else otherKeys.push(property.key);
      }
    }
    const framework = frameworkOfSpelling(name) ?? this.framework;
    this.findings.push({
      kind: entry?.kind ?? kind,
      name,
      ...(entry ? { id: entry.id } : {}),
      range: nameNode.range,
      valueRange: valueNode.range,
      params,
      otherKeys,
      ...(reduction ? { reduction } : {}),
      ...(framework ? { framework } : {}),
      path,
    });
  }
}

/** The framework a file states (`framework: torch`, Keras `backend`, TF.js `generatedBy`). */
function fileFramework(root: ConfigNode): Framework | undefined {
  const generatedBy = propertyOf(root, 'generatedBy')?.value;
  if (propertyOf(root, 'modelTopology') || (generatedBy?.type === 'string' && generatedBy.value.includes('TensorFlow.js'))) return 'tfjs';
  if (propertyOf(root, 'keras_version') || (propertyOf(root, 'class_name') && propertyOf(root, 'config'))) return 'keras';
  for (const key of ['framework', 'backend']) {
    const value = propertyOf(root, key)?.value;
    if (value?.type !== 'string') continue;
    try {
      return parseFramework(value.value);
    } catch {
      // Not a framework name (`backend: nccl`): no hint from this key.
    }
  }
  return undefined;
}

/** Lists every activation and loss a foreign config names, with parameters and exact ranges. */
export function readForeignConfig(text: string, fileName?: string): ForeignConfig {
  const format = configFormatOf(fileName, text);
  const tree = parseConfigTree(text, format);
  const problems: ConfigProblem[] = tree.problems.map((problem) => ({ code: 'syntax', ...problem }));
  const root = tree.root;
  if (!root) return { format, kind: 'training-config', findings: [], problems };
  const framework = root.type === 'object' ? fileFramework(root) : undefined;
  const isKerasModel = root.type === 'object' && (framework === 'keras' || framework === 'tfjs') &&
    Boolean(propertyOf(root, 'keras_version') || propertyOf(root, 'modelTopology') || propertyOf(root, 'class_name'));
  const walker = new ForeignWalker(text, framework);
  walker.walk(root, '');
  const findings = [...walker.findings].sort((a, b) => a.range.start - b.range.start);
  return { format, kind: isKerasModel ? 'keras-model' : 'training-config', ...(framework ? { framework } : {}), findings, problems };
}
