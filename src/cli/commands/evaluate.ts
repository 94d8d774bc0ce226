/** `formula-lens eval` and `formula-lens loss`: one function on arrays given on the command line. */
import { parseFramework } from '../../core/catalog/registry';
import type { Framework, ParamValue, Reduction } from '../../core/catalog/types';
import { evaluateActivation, evaluateLoss } from '../../core/evaluate';
import { localize } from '../../core/l10n';
import { encodeNested, stringifyNumbers } from '../../core/jsonNumbers';
import { toNested, type Tensor } from '../../core/tensor';
import { parseArrayArgument } from '../arrays';
import { fail, type CliIO } from '../io';
import { cliMessages } from '../messages';
import { formatNumber, renderFields, renderTable } from '../table';

/** Options shared by eval and loss. */
export interface EvaluateOptions {
  readonly framework: Framework;
  readonly params: Record<string, ParamValue>;
  readonly grad: boolean;
  readonly json: boolean;
}

const REDUCTIONS: readonly Reduction[] = ['mean', 'sum', 'none', 'batchmean'];

/** Parses `--framework`, defaulting to torch. */
export function frameworkOption(value: string | undefined): Framework {
  return value === undefined ? 'torch' : parseFramework(value);
}

/** Parses `--reduction`, defaulting to mean. */
export function reductionOption(value: string | undefined): Reduction {
  if (value === undefined) return 'mean';
  if (!(REDUCTIONS as readonly string[]).includes(value)) fail(cliMessages.badReduction, { value });
  return value as Reduction;
}

/** Row labels for the elements of a tensor: `0, 1, ...` or `(r, c)`. */
function elementLabels(shape: readonly number[]): string[] {
  const size = shape.reduce((a, b) => a * b, 1);
  if (shape.length < 2) return Array.from({ length: size }, (_, i) => String(i));
  const cols = shape[1]!;
  return Array.from({ length: size }, (_, i) => `(${Math.floor(i / cols)}, ${i % cols})`);
}

function paramsText(params: Readonly<Record<string, ParamValue>>): string {
  const entries = Object.entries(params);
  return entries.length === 0 ? localize(cliMessages.noParams) : entries.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ');
}

/** Runs `eval NAME ARRAY`. */
export function runEval(name: string | undefined, arrayText: string | undefined, options: EvaluateOptions, io: CliIO): number {
  if (!name) fail(cliMessages.missingArgument, { argument: 'NAME', expected: localize(cliMessages.expectedName) });
  if (arrayText === undefined) fail(cliMessages.missingArgument, { argument: 'ARRAY', expected: localize(cliMessages.expectedArray) });
  const x = parseArrayArgument('ARRAY', arrayText);
  const result = evaluateActivation(name, x, { framework: options.framework, params: options.params });
  if (options.json) {
    io.out(stringifyNumbers({
      name: result.entry.id,
      framework: options.framework,
      params: result.params,
      shape: x.shape,
      x: encodeNested(toNested(x) as number[]),
      value: encodeNested(toNested(result.value) as number[]),
      ...(options.grad ? { grad: encodeNested(toNested(result.grad) as number[]) } : {}),
    }));
    return 0;
  }
  const labels = elementLabels(x.shape);
  const header = [localize(cliMessages.headerIndex), localize(cliMessages.headerInput), localize(cliMessages.headerValue), ...(options.grad ? [localize(cliMessages.headerGrad)] : [])];
  // Activations such as glu change the shape: show the input and the output side by side as far as both go.
  const rows = Array.from({ length: Math.max(x.data.length, result.value.data.length) }, (_, i) => [
    labels[i] ?? String(i),
    i < x.data.length ? formatNumber(x.data[i]!) : '',
    i < result.value.data.length ? formatNumber(result.value.data[i]!) : '',
    ...(options.grad ? [i < result.grad.data.length ? formatNumber(result.grad.data[i]!) : ''] : []),
  ]);
  io.out(renderFields([
    [localize(cliMessages.labelFunction), `${result.entry.id} — ${result.entry.formula.text}`],
    [localize(cliMessages.labelFramework), options.framework],
    [localize(cliMessages.labelParams), paramsText(result.params)],
  ]) + '\n\n' + renderTable(header, rows));
  return 0;
}

/** Inputs of `loss` besides the name. */
export interface LossArguments {
  readonly yTrue: string | undefined;
  readonly yPred: string | undefined;
  readonly yPred2: string | undefined;
  readonly yPred3: string | undefined;
  readonly reduction: Reduction;
}

function tensorOrScalar(t: Tensor): unknown {
  return encodeNested(toNested(t) as number[]);
}

/** Runs `loss NAME --y-true ARRAY --y-pred ARRAY`. */
export function runLoss(name: string | undefined, args: LossArguments, options: EvaluateOptions, io: CliIO): number {
  if (!name) fail(cliMessages.missingArgument, { argument: 'NAME', expected: localize(cliMessages.expectedLossName) });
  if (args.yPred === undefined) fail(cliMessages.missingArgument, { argument: '--y-pred', expected: localize(cliMessages.expectedArray) });
  const yPred = parseArrayArgument('--y-pred', args.yPred);
  const yTrue = args.yTrue === undefined ? null : parseArrayArgument('--y-true', args.yTrue);
  const yPred2 = args.yPred2 === undefined ? undefined : parseArrayArgument('--y-pred2', args.yPred2);
  const yPred3 = args.yPred3 === undefined ? undefined : parseArrayArgument('--y-pred3', args.yPred3);
  const result = evaluateLoss(name, { yTrue, yPred, ...(yPred2 ? { yPred2 } : {}), ...(yPred3 ? { yPred3 } : {}) }, { framework: options.framework, params: options.params, reduction: args.reduction });
  if (options.json) {
    io.out(stringifyNumbers({
      name: result.entry.id,
      framework: options.framework,
      params: result.params,
      reduction: result.reduction,
      value: tensorOrScalar(result.value),
      ...(options.grad ? { grad: tensorOrScalar(result.grad) } : {}),
      ...(options.grad && result.gradExtra ? { grad_extra: Object.fromEntries(Object.entries(result.gradExtra).map(([k, t]) => [k, tensorOrScalar(t as Tensor)])) } : {}),
    }));
    return 0;
  }
  const value = result.value.shape.length === 0 ? formatNumber(result.value.data[0]!) : `[${Array.from(result.value.data, formatNumber).join(', ')}]`;
  let text = renderFields([
    [localize(cliMessages.labelFunction), `${result.entry.id} — ${result.entry.formula.text}`],
    [localize(cliMessages.labelFramework), options.framework],
    [localize(cliMessages.labelParams), paramsText(result.params)],
    [localize(cliMessages.labelReduction), result.reduction],
    [localize(cliMessages.labelLoss), value],
  ]);
  if (options.grad) {
    const labels = elementLabels(yPred.shape);
    const rows = Array.from(yPred.data, (p, i) => [labels[i]!, yTrue && yTrue.data.length === yPred.data.length ? formatNumber(yTrue.data[i]!) : '', formatNumber(p), formatNumber(result.grad.data[i]!)]);
    text += '\n\n' + renderTable([localize(cliMessages.headerIndex), 'y_true', 'y_pred', localize(cliMessages.headerLossGrad)], rows);
  }
  io.out(text);
  return 0;
}
