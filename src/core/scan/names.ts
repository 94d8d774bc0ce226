/** Resolving names written in strings (`'relu'`, `'binaryCrossentropy'`, `gelu_new`) to catalog ids. */
import { resolveName } from '../catalog/registry';
import type { ParamValue } from '../catalog/types';
import { STRING_NAME_PARAMS, TFJS_ACTIVATION_NAMES, TFJS_LOSS_NAMES } from './apiTable';

/** A string name resolved to an entry, with any parameters the name itself fixes. */
export interface ResolvedString {
  readonly id: string;
  readonly params: Readonly<Record<string, ParamValue>>;
}

const NO_PARAMS: Readonly<Record<string, ParamValue>> = {};

/**
 * Resolves a string naming an activation or a loss. TF.js identifiers are looked up first in
 * JS/TS (they are exact there), then the catalog; undefined when it names something else.
 */
export function resolveStringName(name: string, kind: 'activation' | 'loss', language: 'python' | 'js' | 'config'): ResolvedString | undefined {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > 64) return undefined;
  if (language === 'js') {
    if (kind === 'activation') {
      const tfjs = TFJS_ACTIVATION_NAMES.get(trimmed);
      if (tfjs) return { id: tfjs.id, params: tfjs.params ?? NO_PARAMS };
    } else {
      const tfjs = TFJS_LOSS_NAMES.get(trimmed);
      if (tfjs) return { id: tfjs.id, params: NO_PARAMS };
    }
  }
  const special = STRING_NAME_PARAMS.get(trimmed);
  if (special && kind === 'activation') return { id: special.id, params: special.params };
  const entry = resolveName(trimmed);
  if (entry && entry.kind === kind) return { id: entry.id, params: NO_PARAMS };
  return undefined;
}

/** Splits a config/object key into snake_case words (`recurrentActivation` → `recurrent_activation`). */
function snakeKey(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[-\s]/g, '_').toLowerCase();
}

const ACTIVATION_KEY = /^(?:[a-z0-9]+_)*(?:activation|act)s?(?:_(?:fn|func|function|name|type|layer))?$/;
const LOSS_KEY = /^(?:[a-z0-9]+_)*loss(?:es)?(?:_(?:fn|func|function|name|type))?$|^criterion$/;

const keyKinds = new Map<string, 'activation' | 'loss' | null>();

/** Which kind of function a keyword, dict key or config key names (`activation`, `hidden_act`, `loss_fn`...). */
export function kindOfKey(key: string): 'activation' | 'loss' | undefined {
  if (key.length > 48) return undefined;
  let kind = keyKinds.get(key);
  if (kind === undefined) {
    const snake = snakeKey(key);
    kind = ACTIVATION_KEY.test(snake) ? 'activation' : LOSS_KEY.test(snake) ? 'loss' : null;
    if (keyKinds.size < 10_000) keyKinds.set(key, kind);
  }
  return kind ?? undefined;
}
