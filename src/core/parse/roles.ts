/**
 * Which found literal is y_true and which is y_pred: by name first (`y_true`, `target`, `labels`,
 * `logits`, `input`...), then by position in the order the user's framework writes them.
 */
import type { ParsedLiteral } from './literal';

/** Lower case without separators, so `yTrue`, `y_true` and `Y-True` meet (kept local so the parser does not load the catalog). */
function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The loss inputs a literal can stand for. */
export type LossRole = 'y_true' | 'y_pred' | 'y_pred2' | 'y_pred3';

/** Names (normalized: lower case, no separators) that say which input a literal is. */
const ROLE_NAMES: Readonly<Record<LossRole, readonly string[]>> = {
  y_true: ['ytrue', 'target', 'targets', 'label', 'labels', 'y', 'truth', 'groundtruth', 'gt', 'ytarget', 'true', 'expected'],
  y_pred: ['ypred', 'input', 'input1', 'inputs', 'pred', 'preds', 'prediction', 'predictions', 'logits', 'output', 'outputs', 'probs', 'probabilities', 'yhat', 'scores', 'x1', 'anchor'],
  y_pred2: ['ypred2', 'input2', 'x2', 'positive'],
  y_pred3: ['ypred3', 'input3', 'x3', 'negative'],
};

/** The role a name announces, if any (`yTrue`, `y_true`, `self.labels` all count). */
export function roleOfName(name: string | undefined): LossRole | undefined {
  if (!name) return undefined;
  const last = normalizeName(name.split('.').pop() ?? name);
  for (const role of Object.keys(ROLE_NAMES) as LossRole[]) if (ROLE_NAMES[role].includes(last)) return role;
  return undefined;
}

/**
 * Assigns literals to loss inputs. Named literals take their role; unnamed literals, then arrays
 * with other names, fill the remaining roles in order: `keras` order reads (y_true, y_pred),
 * `torch` order reads (input, target).
 */
export function assignLossRoles(literals: readonly ParsedLiteral[], order: 'keras' | 'torch' = 'keras'): Partial<Record<LossRole, ParsedLiteral>> {
  const assigned: Partial<Record<LossRole, ParsedLiteral>> = {};
  const unnamed: ParsedLiteral[] = [];
  const otherNamed: ParsedLiteral[] = [];
  for (const literal of literals) {
    const role = roleOfName(literal.name);
    if (role && !assigned[role]) assigned[role] = literal;
    else if (literal.name === undefined) unnamed.push(literal);
    // Named scalars such as `margin=1.0` or `reduction_weight = 0.5` are options, not inputs.
    else if (literal.tensor.shape.length > 0) otherNamed.push(literal);
  }
  unnamed.push(...otherNamed);
  const positional: readonly LossRole[] = order === 'keras' ? ['y_true', 'y_pred', 'y_pred2', 'y_pred3'] : ['y_pred', 'y_true', 'y_pred2', 'y_pred3'];
  for (const role of positional) {
    if (assigned[role]) continue;
    const next = unnamed.shift();
    if (!next) break;
    assigned[role] = next;
  }
  return assigned;
}
