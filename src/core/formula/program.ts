/**
 * Compiles a checked formula tree into a block program: a flat list of instructions, each a tight
 * loop over a block of 1024 float64 values, run block by block over the input arrays. No `eval`, no
 * `new Function`: the "code" is an array of kernel references and register indices. Identical
 * subexpressions are computed once (hash-consing), constant subtrees are folded at compile time with
 * the same scalar functions, and scratch registers are reused once their last reader has run.
 */
import { implementationFor, getFormulaFunction } from './functions';
import type { BinaryKernel, ParamKernel, TernaryKernel, UnaryKernel } from './functions';
import type { FormulaVariable } from './language';
import type { BinaryOperator, FormulaNode } from './tree';

/** Values per block: 8 KiB per register, so the registers of a formula stay in L1/L2 cache. */
export const BLOCK_SIZE = 1024;

/** out[i] = f(a[i], c) or f(c, a[i]) with a compile-time constant c. */
type ScalarKernel = (a: Float64Array, c: number, out: Float64Array, n: number) => void;

const BINARY_KERNELS: Readonly<Record<BinaryOperator, BinaryKernel>> = {
  '+': (a, b, o, n) => { for (let i = 0; i < n; i++) o[i] = a[i] + b[i]; },
  '-': (a, b, o, n) => { for (let i = 0; i < n; i++) o[i] = a[i] - b[i]; },
  '*': (a, b, o, n) => { for (let i = 0; i < n; i++) o[i] = a[i] * b[i]; },
  '/': (a, b, o, n) => { for (let i = 0; i < n; i++) o[i] = a[i] / b[i]; },
  '^': (a, b, o, n) => { for (let i = 0; i < n; i++) o[i] = Math.pow(a[i], b[i]); },
};

/** Register-op-constant kernels (x + c, x * c...). */
const RIGHT_CONSTANT_KERNELS: Readonly<Record<BinaryOperator, ScalarKernel>> = {
  '+': (a, c, o, n) => { for (let i = 0; i < n; i++) o[i] = a[i] + c; },
  '-': (a, c, o, n) => { for (let i = 0; i < n; i++) o[i] = a[i] - c; },
  '*': (a, c, o, n) => { for (let i = 0; i < n; i++) o[i] = a[i] * c; },
  '/': (a, c, o, n) => { for (let i = 0; i < n; i++) o[i] = a[i] / c; },
  '^': (a, c, o, n) => { for (let i = 0; i < n; i++) o[i] = Math.pow(a[i], c); },
};

/** Constant-op-register kernels (c - x, c / x...). */
const LEFT_CONSTANT_KERNELS: Readonly<Record<BinaryOperator, ScalarKernel>> = {
  '+': (a, c, o, n) => { for (let i = 0; i < n; i++) o[i] = c + a[i]; },
  '-': (a, c, o, n) => { for (let i = 0; i < n; i++) o[i] = c - a[i]; },
  '*': (a, c, o, n) => { for (let i = 0; i < n; i++) o[i] = c * a[i]; },
  '/': (a, c, o, n) => { for (let i = 0; i < n; i++) o[i] = c / a[i]; },
  '^': (a, c, o, n) => { for (let i = 0; i < n; i++) o[i] = Math.pow(c, a[i]); },
};

const negateKernel: UnaryKernel = (a, o, n) => { for (let i = 0; i < n; i++) o[i] = -a[i]; };
const squareKernel: UnaryKernel = (a, o, n) => { for (let i = 0; i < n; i++) o[i] = a[i] * a[i]; };
const copyKernel: UnaryKernel = (a, o, n) => { for (let i = 0; i < n; i++) o[i] = a[i]; };

function applyBinary(operator: BinaryOperator, a: number, b: number): number {
  switch (operator) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return a / b;
    case '^':
      return Math.pow(a, b);
  }
}

/** A value during compilation: a variable's input array, a constant, or the result of instruction `index`. */
type Operand = { readonly kind: 'input'; readonly index: number } | { readonly kind: 'constant'; readonly value: number } | { readonly kind: 'result'; readonly index: number };

/** An instruction before register allocation. */
type PendingInstruction =
  | { readonly kind: 'unary'; readonly kernel: UnaryKernel; readonly args: readonly [Operand] }
  | { readonly kind: 'param'; readonly kernel: ParamKernel; readonly param: number; readonly args: readonly [Operand] }
  | { readonly kind: 'scalar'; readonly kernel: ScalarKernel; readonly constant: number; readonly args: readonly [Operand] }
  | { readonly kind: 'binary'; readonly kernel: BinaryKernel; readonly args: readonly [Operand, Operand] }
  | { readonly kind: 'ternary'; readonly kernel: TernaryKernel; readonly args: readonly [Operand, Operand, Operand] }
  | { readonly kind: 'fill'; readonly constant: number; readonly args: readonly [] };

/** An instruction after register allocation; a, b, c, out index the register file. */
type Instruction = { readonly kind: PendingInstruction['kind']; readonly run: (registers: Float64Array[], n: number) => void };

function operandKey(operand: Operand): string {
  if (operand.kind === 'constant') return `c${Object.is(operand.value, -0) ? '-0' : String(operand.value)}`;
  return `${operand.kind === 'input' ? 'i' : 'r'}${operand.index}`;
}

/** Builds the instruction list with hash-consing and constant folding. */
class ProgramBuilder {
  readonly instructions: PendingInstruction[] = [];
  private readonly known = new Map<string, Operand>();

  constructor(private readonly variables: readonly FormulaVariable[]) {}

  private emit(key: string, instruction: PendingInstruction): Operand {
    const existing = this.known.get(key);
    if (existing) return existing;
    this.instructions.push(instruction);
    const result: Operand = { kind: 'result', index: this.instructions.length - 1 };
    this.known.set(key, result);
    return result;
  }

  /** Constants that feed register-only kernels (min(x, 0), clip...) become filled registers. */
  private materialize(operand: Operand): Operand {
    if (operand.kind !== 'constant') return operand;
    return this.emit(`fill:${operandKey(operand)}`, { kind: 'fill', constant: operand.value, args: [] });
  }

  compile(node: FormulaNode): Operand {
    switch (node.type) {
      case 'number':
        return { kind: 'constant', value: node.value };
      case 'variable':
        return { kind: 'input', index: this.variables.indexOf(node.name) };
      case 'negate': {
        const a = this.compile(node.argument);
        if (a.kind === 'constant') return { kind: 'constant', value: -a.value };
        return this.emit(`neg(${operandKey(a)})`, { kind: 'unary', kernel: negateKernel, args: [a] });
      }
      case 'binary':
        return this.binary(node.operator, this.compile(node.left), this.compile(node.right));
      case 'call':
        return this.call(node.name, node.args.map((arg) => this.compile(arg)));
    }
  }

  private binary(operator: BinaryOperator, a: Operand, b: Operand): Operand {
    if (a.kind === 'constant' && b.kind === 'constant') return { kind: 'constant', value: applyBinary(operator, a.value, b.value) };
    const key = `${operator}(${operandKey(a)},${operandKey(b)})`;
    if (b.kind === 'constant') {
      // x^2 as x*x: the commonest power, and exact like Math.pow(x, 2).
      if (operator === '^' && b.value === 2) return this.emit(key, { kind: 'unary', kernel: squareKernel, args: [a] });
      return this.emit(key, { kind: 'scalar', kernel: RIGHT_CONSTANT_KERNELS[operator], constant: b.value, args: [a] });
    }
    if (a.kind === 'constant') return this.emit(key, { kind: 'scalar', kernel: LEFT_CONSTANT_KERNELS[operator], constant: a.value, args: [b] });
    return this.emit(key, { kind: 'binary', kernel: BINARY_KERNELS[operator], args: [a, b] });
  }

  private call(name: string, args: Operand[]): Operand {
    const spec = getFormulaFunction(name);
    const implementation = spec && implementationFor(spec, args.length);
    if (!implementation) throw new Error(`formula program: no implementation of ${name} with ${args.length} arguments`);
    const key = `${name}(${args.map(operandKey).join(',')})`;
    const constants = args.map((arg) => (arg.kind === 'constant' ? arg.value : undefined));
    const allConstant = constants.every((value) => value !== undefined);
    switch (implementation.kind) {
      case 'unary':
        if (allConstant) return { kind: 'constant', value: implementation.scalar(constants[0]!) };
        return this.emit(key, { kind: 'unary', kernel: implementation.kernel, args: [args[0]!] });
      case 'param': {
        // The converter guarantees the parameter does not depend on a variable, so it folded to a constant.
        const parameter = constants[1];
        if (parameter === undefined) throw new Error(`formula program: the parameter of ${name} is not constant`);
        if (allConstant) return { kind: 'constant', value: implementation.scalar(constants[0]!, parameter) };
        return this.emit(key, { kind: 'param', kernel: implementation.kernel, param: parameter, args: [args[0]!] });
      }
      case 'binary':
        if (allConstant) return { kind: 'constant', value: implementation.scalar(constants[0]!, constants[1]!) };
        return this.emit(key, { kind: 'binary', kernel: implementation.kernel, args: [this.materialize(args[0]!), this.materialize(args[1]!)] });
      case 'ternary':
        if (allConstant) return { kind: 'constant', value: implementation.scalar(constants[0]!, constants[1]!, constants[2]!) };
        return this.emit(key, { kind: 'ternary', kernel: implementation.kernel, args: [this.materialize(args[0]!), this.materialize(args[1]!), this.materialize(args[2]!)] });
    }
  }
}

/** A compiled formula: evaluates elementwise over float64 arrays. */
export interface BlockProgram {
  /** Number of instructions per block (for tests and diagnostics). */
  readonly instructionCount: number;
  /** Number of scratch registers. */
  readonly registerCount: number;
  /** out[i] = f(inputs[0][i], inputs[1][i], ...) for every i < out.length. `out` may be one of the inputs. */
  run(inputs: readonly Float64Array[], out: Float64Array): void;
  /** f at one point. */
  runScalar(values: readonly number[]): number;
}

/** Allocates registers and turns pending instructions into closures over the register file. */
function link(pending: readonly PendingInstruction[], root: Operand, inputCount: number): { instructions: Instruction[]; registerCount: number; outputIndex: number } {
  const steps = [...pending];
  // The root must be the last instruction, writing straight into `out`.
  if (root.kind === 'constant') steps.push({ kind: 'fill', constant: root.value, args: [] });
  else if (root.kind === 'input' || root.index !== steps.length - 1) steps.push({ kind: 'unary', kernel: copyKernel, args: [root] });
  const lastUse = new Array<number>(steps.length).fill(-1);
  steps.forEach((step, index) => {
    for (const arg of step.args) if (arg.kind === 'result') lastUse[arg.index] = index;
  });
  // Register file: [inputs..., out, scratch...]. Filled constants keep their register for good.
  const outputIndex = inputCount;
  const registerOf = new Array<number>(steps.length).fill(-1);
  const free: number[] = [];
  let registerCount = 0;
  const resolve = (operand: Operand): number => {
    if (operand.kind === 'input') return operand.index;
    if (operand.kind === 'result') return registerOf[operand.index]!;
    throw new Error('formula program: unmaterialized constant operand');
  };
  const instructions: Instruction[] = [];
  steps.forEach((step, index) => {
    const isRoot = index === steps.length - 1;
    const args = step.args.map(resolve);
    let target: number;
    if (isRoot) target = outputIndex;
    else {
      // A filled constant is written once before the first block, so its register is never shared.
      target = step.kind === 'fill' ? outputIndex + 1 + registerCount++ : free.pop() ?? outputIndex + 1 + registerCount++;
      registerOf[index] = target;
    }
    // A register read twice by this step (r · r) is freed once.
    const lastReads = new Set<number>();
    for (const arg of step.args) if (arg.kind === 'result' && lastUse[arg.index] === index && steps[arg.index]!.kind !== 'fill') lastReads.add(registerOf[arg.index]!);
    free.push(...lastReads);
    instructions.push(bind(step, args, target));
  });
  return { instructions, registerCount, outputIndex };
}

function bind(step: PendingInstruction, args: readonly number[], target: number): Instruction {
  const [a = 0, b = 0, c = 0] = args;
  switch (step.kind) {
    case 'unary': {
      const kernel = step.kernel;
      return { kind: step.kind, run: (r, n) => kernel(r[a]!, r[target]!, n) };
    }
    case 'param': {
      const { kernel, param } = step;
      return { kind: step.kind, run: (r, n) => kernel(r[a]!, r[target]!, n, param) };
    }
    case 'scalar': {
      const { kernel, constant } = step;
      return { kind: step.kind, run: (r, n) => kernel(r[a]!, constant, r[target]!, n) };
    }
    case 'binary': {
      const kernel = step.kernel;
      return { kind: step.kind, run: (r, n) => kernel(r[a]!, r[b]!, r[target]!, n) };
    }
    case 'ternary': {
      const kernel = step.kernel;
      return { kind: step.kind, run: (r, n) => kernel(r[a]!, r[b]!, r[c]!, r[target]!, n) };
    }
    case 'fill': {
      const constant = step.constant;
      return { kind: step.kind, run: (r, n) => r[target]!.fill(constant, 0, n) };
    }
  }
}

/** Compiles a checked tree over the given variables (in argument order) into a block program. */
export function compileProgram(tree: FormulaNode, variables: readonly FormulaVariable[]): BlockProgram {
  const builder = new ProgramBuilder(variables);
  const root = builder.compile(tree);
  const { instructions, registerCount, outputIndex } = link(builder.instructions, root, variables.length);
  const registers: Float64Array[] = [];
  for (let i = 0; i <= outputIndex; i++) registers.push(new Float64Array(0));
  for (let i = 0; i < registerCount; i++) registers.push(new Float64Array(BLOCK_SIZE));
  // Fill instructions that are not the root only need to run once: their registers are never reused.
  const once = instructions.filter((instruction, index) => instruction.kind === 'fill' && index !== instructions.length - 1);
  const perBlock = instructions.filter((instruction) => !once.includes(instruction));
  for (const instruction of once) instruction.run(registers, BLOCK_SIZE);
  const inputCount = variables.length;
  const scalarInputs = variables.map(() => new Float64Array(1));
  const scalarOut = new Float64Array(1);

  const runBlocks = (inputs: readonly Float64Array[], out: Float64Array): void => {
    const length = out.length;
    for (let k = 0; k < inputCount; k++) {
      if (inputs[k]!.length !== length) throw new RangeError(`formula: input ${variables[k]} has ${inputs[k]!.length} values, the output has ${length}`);
    }
    const whole = length <= BLOCK_SIZE;
    for (let start = 0; start < length; start += BLOCK_SIZE) {
      const n = Math.min(BLOCK_SIZE, length - start);
      for (let k = 0; k < inputCount; k++) registers[k] = whole ? inputs[k]! : inputs[k]!.subarray(start, start + n);
      registers[outputIndex] = whole ? out : out.subarray(start, start + n);
      for (const instruction of perBlock) instruction.run(registers, n);
    }
  };

  return {
    instructionCount: perBlock.length,
    registerCount,
    run: runBlocks,
    runScalar(values) {
      for (let k = 0; k < inputCount; k++) scalarInputs[k]![0] = values[k] ?? NaN;
      runBlocks(scalarInputs, scalarOut);
      return scalarOut[0]!;
    },
  };
}
