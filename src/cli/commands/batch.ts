/**
 * `formula-lens batch`: evaluates a document of cases in the reference-data format
 * (`{"cases": [...]}`), one result per case; a case that fails gets an `error` and the rest still run.
 */
import { parseFramework, requireEntry } from '../../core/catalog/registry';
import { resolveParams } from '../../core/catalog/params';
import type { ParamValue, Reduction } from '../../core/catalog/types';
import { evaluateActivation, evaluateLoss } from '../../core/evaluate';
import { FormulaLensError, localize } from '../../core/l10n';
import { decodeNested, encodeNested, stringifyNumbers } from '../../core/jsonNumbers';
import { fromNested, toNested, type Tensor } from '../../core/tensor';
import { fail, type CliIO } from '../io';
import { cliMessages } from '../messages';

/** One case of a batch document (extra fields such as `expected` are ignored). */
interface BatchCase {
  readonly id?: unknown;
  readonly kind?: unknown;
  readonly name?: unknown;
  readonly framework?: unknown;
  readonly params?: unknown;
  readonly reduction?: unknown;
  readonly x?: unknown;
  readonly upstream?: unknown;
  readonly y_true?: unknown;
  readonly y_pred?: unknown;
  readonly y_pred2?: unknown;
  readonly y_pred3?: unknown;
}

class CaseError extends Error {}

function caseTensor(value: unknown, field: string): Tensor {
  const decoded = decodeNested(value);
  if (decoded === undefined) throw new CaseError(`${field}: ${localize(cliMessages.expectedArray)}`);
  try {
    return fromNested(decoded);
  } catch (error) {
    throw new CaseError(`${field}: ${(error as Error).message}`);
  }
}

function required(value: unknown, field: string): unknown {
  if (value === undefined) throw new CaseError(localize(cliMessages.batchCaseMissing, { field }));
  return value;
}

function encode(t: Tensor): unknown {
  return encodeNested(toNested(t) as number[]);
}

/** Evaluates one case into a result record (never throws). */
export function evaluateCase(item: BatchCase): Record<string, unknown> {
  const id = item.id ?? null;
  try {
    if (typeof item !== 'object' || item === null) throw new CaseError(localize(cliMessages.batchCaseMissing, { field: 'name' }));
    const name = String(required(item.name, 'name'));
    const framework = parseFramework(typeof item.framework === 'string' ? item.framework : 'torch');
    const params = (typeof item.params === 'object' && item.params !== null ? item.params : {}) as Record<string, ParamValue>;
    const kind = item.kind ?? requireEntry(name).kind;
    if (kind === 'activation') {
      const x = caseTensor(required(item.x, 'x'), 'x');
      const upstream = item.upstream === undefined ? undefined : caseTensor(item.upstream, 'upstream');
      const result = evaluateActivation(name, x, { framework, params, ...(upstream ? { upstream } : {}) });
      const jacobian = result.entry.jacobian?.(x, { framework, params: resolveParams(result.entry, framework, params) });
      return {
        id,
        value: encode(result.value),
        grad: encode(result.grad),
        ...(jacobian ? { jacobian: x.shape.length === 2 ? jacobian.map(encode) : encode(jacobian[0]!) } : {}),
        ...(result.gradParams ? { grad_params: Object.fromEntries(Object.entries(result.gradParams).map(([k, t]) => [k, encode(t)])) } : {}),
      };
    }
    if (kind === 'loss') {
      const yPred = caseTensor(required(item.y_pred, 'y_pred'), 'y_pred');
      const yTrue = item.y_true === undefined || item.y_true === null ? null : caseTensor(item.y_true, 'y_true');
      const yPred2 = item.y_pred2 === undefined ? undefined : caseTensor(item.y_pred2, 'y_pred2');
      const yPred3 = item.y_pred3 === undefined ? undefined : caseTensor(item.y_pred3, 'y_pred3');
      const reduction = (typeof item.reduction === 'string' ? item.reduction : 'mean') as Reduction;
      const result = evaluateLoss(name, { yTrue, yPred, ...(yPred2 ? { yPred2 } : {}), ...(yPred3 ? { yPred3 } : {}) }, { framework, params, reduction });
      return {
        id,
        value: encode(result.value),
        grad: encode(result.grad),
        ...(result.gradExtra ? { grad_extra: Object.fromEntries(Object.entries(result.gradExtra).map(([k, t]) => [k, encode(t as Tensor)])) } : {}),
      };
    }
    throw new CaseError(localize(cliMessages.batchBadKind, { kind: JSON.stringify(kind) }));
  } catch (error) {
    const message = error instanceof FormulaLensError ? error.localizedMessage() : (error as Error).message;
    return { id, value: null, grad: null, error: message };
  }
}

/** Runs `batch [FILE]`: unreadable input exits 2 with one line; case failures are reported per case. */
export function runBatch(text: string, io: CliIO): number {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    fail(cliMessages.badBatchDocument, { detail: (error as Error).message });
  }
  const cases = (document as { cases?: unknown } | null)?.cases;
  if (!Array.isArray(cases)) fail(cliMessages.badBatchDocument, { detail: '"cases" is not a list' });
  io.out(stringifyNumbers({ results: cases.map((item) => evaluateCase(item as BatchCase)) }));
  return 0;
}
