/**
 * Compiles a checked formula tree into a block program: a flat list of instructions, each a tight
 * loop over a block of 1024 float64 values, run block by block over the input arrays. No `eval`, no
 * `new Function`: the "code" is an array of kernel references and register indices. Identical
 * subexpressions are computed once (hash-consing), constant subtrees are folded at compile time with
 * the same scalar functions, f(u) and f(−u) share one instruction when f has a mirrored kernel (see
 * `signedKeys.ts`), steps nothing reads are dropped, and scratch registers are reused once their last
 * reader has run.
 */
import { implementationFor, getFormulaFunction } from './functions';
import { BINARY_KERNELS, copyKernel, LEFT_CONSTANT_KERNELS, negateKernel, RIGHT_CONSTANT_KERNELS, squareKernel } from './arithmeticKernels';
import type { ScalarKernel } from './arithmeticKernels';
import type { BinaryKernel, MirroredKernel, ParamKernel, TernaryKernel, UnaryKernel } from './functions';
import type { FormulaVariable } from './language';
import { constantSignedKey, differenceSignedKey, negatedSignedKey, productSignedKey } from './signedKeys';
import type { SignedKey } from './signedKeys';
import type { BinaryOperator, FormulaNode } from './tree';

/** Values per block: 8 KiB per register, so the registers of a formula stay in L1/L2 cache. */
export const BLOCK_SIZE = 1024;

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

/** A value during compilation: a variable's input array, a constant, or output `output` of instruction `index`. */
type Operand =
  | { readonly kind: 'input'; readonly index: number }
  | { readonly kind: 'constant'; readonly value: number }
  | { readonly kind: 'result'; readonly index: number; readonly output: 0 | 1 };

/** An instruction before register allocation. */
type PendingInstruction =
  | { readonly kind: 'unary'; readonly kernel: UnaryKernel; readonly args: readonly [Operand] }
  | { readonly kind: 'mirrored'; readonly kernel: MirroredKernel; readonly args: readonly [Operand] }
  | { readonly kind: 'param'; readonly kernel: ParamKernel; readonly param: number; readonly args: readonly [Operand] }
  | { readonly kind: 'scalar'; readonly kernel: ScalarKernel; readonly constant: number; readonly args: readonly [Operand] }
  | { readonly kind: 'binary'; readonly kernel: BinaryKernel; readonly args: readonly [Operand, Operand] }
  | { readonly kind: 'ternary'; readonly kernel: TernaryKernel; readonly args: readonly [Operand, Operand, Operand] }
  | { readonly kind: 'fill'; readonly constant: number; readonly args: readonly [] };

/** An instruction after register allocation; a, b, c, out index the register file. */
type Instruction = { readonly kind: PendingInstruction['kind']; readonly run: (registers: Float64Array[], n: number) => void };

function operandKey(operand: Operand): string {
  if (operand.kind === 'constant') return `c${Object.is(operand.value, -0) ? '-0' : String(operand.value)}`;
  if (operand.kind === 'input') return `i${operand.index}`;
  return `r${operand.index}${operand.output === 0 ? '' : `.${operand.output}`}`;
}

/** Number of registers an instruction writes. */
function outputCount(step: PendingInstruction): number {
  return step.kind === 'mirrored' ? 2 : 1;
}

/** Builds the instruction list with hash-consing, constant folding and mirrored pairs. */
class ProgramBuilder {
  readonly instructions: PendingInstruction[] = [];
  private readonly known = new Map<string, Operand>();
  /** Signed keys of the results that are a product, quotient, difference or negation (by operand key). */
  private readonly signedKeys = new Map<string, SignedKey>();
  /** The first f(u) of each mirrored function and magnitude class, by `f(key)`. */
  private readonly mirrorCandidates = new Map<string, { readonly index: number; readonly negative: boolean }>();

  constructor(private readonly variables: readonly FormulaVariable[]) {}

  private emit(key: string, instruction: PendingInstruction): Operand {
    const existing = this.known.get(key);
    if (existing) return existing;
    this.instructions.push(instruction);
    const result: Operand = { kind: 'result', index: this.instructions.length - 1, output: 0 };
    this.known.set(key, result);
    return result;
  }

  /** The signed key of an operand: its recorded one, or itself as a positive magnitude. */
  private signedKeyOf(operand: Operand): SignedKey {
    if (operand.kind === 'constant') return constantSignedKey(operand.value);
    const key = operandKey(operand);
    return this.signedKeys.get(key) ?? { key, negative: false, loose: false };
  }

  /** Records the signed key of a newly emitted result (a hash-consed one keeps its first; folded constants have their own). */
  private withSignedKey(result: Operand, signedKey: SignedKey | undefined): Operand {
    if (!signedKey || result.kind !== 'result') return result;
    const key = operandKey(result);
    if (!this.signedKeys.has(key)) this.signedKeys.set(key, signedKey);
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
        return this.withSignedKey(this.emit(`neg(${operandKey(a)})`, { kind: 'unary', kernel: negateKernel, args: [a] }), negatedSignedKey(this.signedKeyOf(a)));
      }
      case 'binary': {
        const [a, b] = [this.compile(node.left), this.compile(node.right)];
        return this.withSignedKey(this.binary(node.operator, a, b), this.binarySignedKey(node.operator, a, b));
      }
      case 'call':
        return this.call(node.name, node.args.map((arg) => this.compile(arg)));
    }
  }

  /** Products, quotients and differences keep track of their sign; sums and powers are not odd in one operand. */
  private binarySignedKey(operator: BinaryOperator, a: Operand, b: Operand): SignedKey | undefined {
    if (operator === '*' || operator === '/') return productSignedKey(operator, this.signedKeyOf(a), this.signedKeyOf(b));
    if (operator === '-') return differenceSignedKey(operandKey(a), operandKey(b));
    return undefined;
  }

  /**
   * f(u) for an f with a mirrored kernel. The first f(u) of a magnitude class is a plain instruction;
   * when f(−u) comes, that instruction becomes the mirrored kernel and f(−u) its second output (−u
   * itself, if computed only for this, is dropped at link time).
   */
  private mirroredCall(name: string, key: string, kernel: UnaryKernel, mirrored: MirroredKernel, arg: Operand): Operand {
    const existing = this.known.get(key);
    if (existing) return existing;
    const signedKey = this.signedKeyOf(arg);
    const classKey = `${name}(${signedKey.key})`;
    const candidate = this.mirrorCandidates.get(classKey);
    if (candidate && candidate.negative !== signedKey.negative) {
      const first = this.instructions[candidate.index]!;
      this.instructions[candidate.index] = { kind: 'mirrored', kernel: mirrored, args: [first.args[0]!] };
      const result: Operand = { kind: 'result', index: candidate.index, output: 1 };
      this.known.set(key, result);
      return result;
    }
    const result = this.emit(key, { kind: 'unary', kernel, args: [arg] });
    if (!candidate && result.kind === 'result') this.mirrorCandidates.set(classKey, { index: result.index, negative: signedKey.negative });
    return result;
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
        if (implementation.mirrored) return this.mirroredCall(name, key, implementation.kernel, implementation.mirrored, args[0]!);
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

/** Marks the steps the last one (the root) reads, directly or not; the others are dead. */
function liveSteps(steps: readonly PendingInstruction[]): boolean[] {
  const live = new Array<boolean>(steps.length).fill(false);
  live[steps.length - 1] = true;
  for (let index = steps.length - 1; index >= 0; index--) {
    if (!live[index]) continue;
    for (const arg of steps[index]!.args) if (arg.kind === 'result') live[arg.index] = true;
  }
  return live;
}

/** Allocates registers and turns the live pending instructions into closures over the register file. */
function link(pending: readonly PendingInstruction[], root: Operand, inputCount: number): { instructions: Instruction[]; registerCount: number; outputIndex: number } {
  const steps = [...pending];
  // The root must be the last instruction, writing straight into `out` (so never a two-output one).
  if (root.kind === 'constant') steps.push({ kind: 'fill', constant: root.value, args: [] });
  else if (root.kind === 'input' || root.index !== steps.length - 1 || root.output !== 0 || steps[root.index]!.kind === 'mirrored') {
    steps.push({ kind: 'unary', kernel: copyKernel, args: [root] });
  }
  const live = liveSteps(steps);
  // Registers are tracked per output: slot = 2 × instruction index + output.
  const slot = (operand: Operand & { kind: 'result' }): number => 2 * operand.index + operand.output;
  const lastUse = new Array<number>(2 * steps.length).fill(-1);
  steps.forEach((step, index) => {
    if (live[index]) for (const arg of step.args) if (arg.kind === 'result') lastUse[slot(arg)] = index;
  });
  // Register file: [inputs..., out, scratch...]. Filled constants keep their register for good.
  const outputIndex = inputCount;
  const registerOf = new Array<number>(2 * steps.length).fill(-1);
  const free: number[] = [];
  let registerCount = 0;
  const resolve = (operand: Operand): number => {
    if (operand.kind === 'input') return operand.index;
    if (operand.kind === 'result') return registerOf[slot(operand)]!;
    throw new Error('formula program: unmaterialized constant operand');
  };
  const instructions: Instruction[] = [];
  steps.forEach((step, index) => {
    if (!live[index]) return;
    const args = step.args.map(resolve);
    const targets: number[] = [];
    if (index === steps.length - 1) targets.push(outputIndex);
    else {
      for (let output = 0; output < outputCount(step); output++) {
        // A filled constant is written once before the first block, so its register is never shared.
        const target = step.kind === 'fill' ? outputIndex + 1 + registerCount++ : free.pop() ?? outputIndex + 1 + registerCount++;
        registerOf[2 * index + output] = target;
        targets.push(target);
      }
    }
    // A register read twice by this step (r · r) is freed once.
    const lastReads = new Set<number>();
    for (const arg of step.args) if (arg.kind === 'result' && lastUse[slot(arg)] === index && steps[arg.index]!.kind !== 'fill') lastReads.add(registerOf[slot(arg)]!);
    free.push(...lastReads);
    // An output nobody reads (one half of a mirrored pair whose reader was dropped) is scratch at once.
    targets.forEach((target, output) => {
      if (index !== steps.length - 1 && step.kind !== 'fill' && lastUse[2 * index + output] === -1) free.push(target);
    });
    instructions.push(bind(step, args, targets));
  });
  return { instructions, registerCount, outputIndex };
}

function bind(step: PendingInstruction, args: readonly number[], targets: readonly number[]): Instruction {
  const [a = 0, b = 0, c = 0] = args;
  const [target = 0, second = 0] = targets;
  switch (step.kind) {
    case 'unary': {
      const kernel = step.kernel;
      return { kind: step.kind, run: (r, n) => kernel(r[a]!, r[target]!, n) };
    }
    case 'mirrored': {
      const kernel = step.kernel;
      return { kind: step.kind, run: (r, n) => kernel(r[a]!, r[target]!, r[second]!, n) };
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
