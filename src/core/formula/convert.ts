/**
 * The second gate: walks a mathjs expression tree and converts it into a checked FormulaNode,
 * accepting only numbers, pi and e, the formula's variables, + - * / ^, unary minus and plus,
 * parentheses, and whitelisted calls with the right number of arguments. User trees carry the
 * scanner's identifier tokens so a refusal points at the name; generated trees (derivatives) must
 * pass the same whitelist or the compiler reports an internal error.
 */
import { FormulaLensError } from '../l10n';
import type { MathNode } from './mathjsSubset';
import { FORMULA_CONSTANTS, FORMULA_EXAMPLES, isConstantName, isVariableOf } from './language';
import type { FormulaKind } from './language';
import { argumentCounts, getFormulaFunction, suggestFunctions } from './functions';
import { formulaMessages } from './messages';
import { refusalAt } from './position';
import type { FormulaToken } from './scanner';
import { variablesText } from './scanner';
import type { BinaryOperator, FormulaNode } from './tree';
import { mentionsVariable } from './tree';

/** What the converter needs to know besides the tree. */
export interface ConvertSource {
  readonly kind: FormulaKind;
  /** The formula text and its identifier tokens in source order, for user formulas; absent for generated trees. */
  readonly text?: string;
  readonly identifiers?: readonly FormulaToken[];
}

const BINARY_FUNCTIONS: Readonly<Record<string, BinaryOperator>> = { add: '+', subtract: '-', multiply: '*', divide: '/', pow: '^' };

/** Refusals for mathjs node types outside the language (the scanner normally stops these first). */
const REFUSED_NODE_TYPES: Readonly<Record<string, keyof typeof formulaMessages>> = {
  AccessorNode: 'propertyAccessNotAllowed',
  IndexNode: 'propertyAccessNotAllowed',
  ArrayNode: 'matrixNotAllowed',
  AssignmentNode: 'assignmentNotAllowed',
  FunctionAssignmentNode: 'assignmentNotAllowed',
  BlockNode: 'multipleStatements',
  ConditionalNode: 'conditionalNotAllowed',
  ObjectNode: 'objectNotAllowed',
  RangeNode: 'rangeNotAllowed',
  RelationalNode: 'comparisonNotAllowed',
};

/** The mathjs node fields the converter reads; mathjs's own types are unions too wide to narrow by `type`. */
interface LooseNode {
  readonly type: string;
  readonly value?: unknown;
  readonly name?: string;
  readonly fn?: LooseNode | string;
  readonly op?: string;
  readonly args?: readonly LooseNode[];
  readonly content?: LooseNode;
}

class Converter {
  private cursor = 0;

  constructor(private readonly source: ConvertSource) {}

  /** Position of the next identifier in source order (where a refusal about a name points). */
  private takeIdentifier(): number {
    const token = this.source.identifiers?.[this.cursor];
    this.cursor++;
    return token?.offset ?? 0;
  }

  private refuse(offset: number, message: keyof typeof formulaMessages, args: Record<string, string | number> = {}): never {
    if (this.source.text === undefined) {
      throw new FormulaLensError(formulaMessages.internalError, { detail: `generated ${message} ${JSON.stringify(args)}` });
    }
    throw refusalAt(this.source.text, offset, formulaMessages[message], args);
  }

  /** Where to point when the problem is not a name: the next name, or the start. */
  private fallbackOffset(): number {
    return this.source.identifiers?.[this.cursor]?.offset ?? 0;
  }

  convert(node: LooseNode): FormulaNode {
    switch (node.type) {
      case 'ParenthesisNode':
        return this.convert(node.content!);
      case 'ConstantNode':
        if (typeof node.value === 'number') return { type: 'number', value: node.value };
        return this.refuse(this.fallbackOffset(), 'valueExpected');
      case 'SymbolNode':
        return this.symbol(node.name ?? '', this.takeIdentifier());
      case 'OperatorNode':
        return this.operator(node);
      case 'FunctionNode':
        return this.call(node);
      default: {
        const message = REFUSED_NODE_TYPES[node.type] ?? 'valueExpected';
        return this.refuse(this.fallbackOffset(), message, { operator: node.op ?? '', example: FORMULA_EXAMPLES[this.source.kind] });
      }
    }
  }

  private symbol(name: string, offset: number): FormulaNode {
    const { kind } = this.source;
    if (isVariableOf(kind, name)) return { type: 'variable', name };
    if (isConstantName(name)) return { type: 'number', value: FORMULA_CONSTANTS[name]! };
    if (getFormulaFunction(name)) return this.refuse(offset, 'functionNeedsCall', { name });
    return this.refuse(offset, kind === 'activation' ? 'unknownSymbolActivation' : 'unknownSymbolLoss', { name });
  }

  private operator(node: LooseNode): FormulaNode {
    const fn = typeof node.fn === 'string' ? node.fn : '';
    const args = node.args ?? [];
    if (fn === 'unaryPlus' && args.length === 1) return this.convert(args[0]!);
    if (fn === 'unaryMinus' && args.length === 1) return { type: 'negate', argument: this.convert(args[0]!) };
    const operator = BINARY_FUNCTIONS[fn];
    // add and multiply may be n-ary after mathjs rewrites; they fold left, as written.
    const arityOk = operator === '+' || operator === '*' ? args.length >= 2 : args.length === 2;
    if (!operator || !arityOk) return this.refuse(this.fallbackOffset(), 'operatorNotAllowed', { operator: node.op ?? fn });
    let result = this.convert(args[0]!);
    for (const arg of args.slice(1)) result = { type: 'binary', operator, left: result, right: this.convert(arg) };
    return result;
  }

  private call(node: LooseNode): FormulaNode {
    const fnNode = node.fn;
    if (typeof fnNode !== 'object' || fnNode.type !== 'SymbolNode') return this.refuse(this.fallbackOffset(), 'propertyAccessNotAllowed');
    const name = fnNode.name ?? '';
    const offset = this.takeIdentifier();
    const spec = getFormulaFunction(name);
    if (!spec) {
      if (isVariableOf(this.source.kind, name) || isConstantName(name)) return this.refuse(offset, 'notAFunction', { name });
      const suggestions = suggestFunctions(name);
      return suggestions.length > 0
        ? this.refuse(offset, 'unknownFunction', { name, suggestions: suggestions.join(', ') })
        : this.refuse(offset, 'unknownFunctionNoSuggestion', { name });
    }
    const rawArgs = node.args ?? [];
    const counts = argumentCounts(spec);
    if (!counts.includes(rawArgs.length)) {
      return this.refuse(offset, 'wrongArity', { name, expected: counts.join(' or '), actual: rawArgs.length });
    }
    const args = rawArgs.map((arg) => this.convert(arg));
    if (spec.parameter) {
      if (args.length === 1) args.push({ type: 'number', value: spec.parameter.default });
      else if (mentionsVariable(args[1]!)) {
        return this.refuse(offset, 'parameterNotConstant', { name, param: spec.parameter.name, variables: variablesText(this.source.kind) });
      }
    }
    return { type: 'call', name, args };
  }
}

/** Converts a mathjs tree into a checked FormulaNode, or throws a positioned FormulaLensError. */
export function toFormulaNode(node: MathNode, source: ConvertSource): FormulaNode {
  return new Converter(source).convert(node as unknown as LooseNode);
}
