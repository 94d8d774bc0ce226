/**
 * Training configurations from text (JSON with comments or YAML): syntax errors and validation
 * errors both carry the position of what they are about (the field's key or value in the file).
 */
import { configFormatOf, parseConfigTree, propertyOf, type ConfigNode } from '../config/tree';
import { FormulaLensError } from '../l10n';
import { positionAt, type TextRange } from '../parse/position';
import { toNested } from '../tensor';
import type { TrainingConfig } from './config';
import { TrainingConfigError, type PathSegment } from './configReader';
import { trainMessages } from './messages';
import { parseTrainingConfig } from './validate';

/** The plain JSON value of a tree node. */
function plain(node: ConfigNode): unknown {
  switch (node.type) {
    case 'object': {
      const result: Record<string, unknown> = {};
      for (const property of node.properties) result[property.key] = plain(property.value);
      return result;
    }
    case 'array':
      return node.packed ? toNested(node.packed) : node.items.map(plain);
    case 'null':
      return null;
    default:
      return node.value;
  }
}

/** The text range a path points at: the value, or the key for errors about the key itself; the nearest existing ancestor otherwise. */
function rangeOf(root: ConfigNode, segments: readonly PathSegment[], aboutKey: boolean): TextRange {
  let node = root;
  let range = root.range;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    if (typeof segment === 'number') {
      const item = node.type === 'array' && !node.packed ? node.items[segment] : undefined;
      if (!item) return range;
      node = item;
      range = item.range;
      continue;
    }
    const property = propertyOf(node, segment);
    if (!property) return range;
    node = property.value;
    range = aboutKey && i === segments.length - 1 ? property.keyRange : property.value.range;
  }
  return range;
}

/**
 * Parses and validates a training configuration written as JSON or YAML (`fileName` picks the
 * format by extension, else the text decides). Errors point at the offending text.
 */
export function parseTrainingConfigText(text: string, fileName?: string): TrainingConfig {
  const tree = parseConfigTree(text, configFormatOf(fileName, text));
  const problem = tree.problems.find((p) => p.severity === 'error');
  if (problem) throw new FormulaLensError(problem.text, problem.args, positionAt(text, problem.range.start), positionAt(text, problem.range.end));
  if (!tree.root) throw new TrainingConfigError([], trainMessages.notObject, { actual: 'nothing' });
  try {
    return parseTrainingConfig(plain(tree.root));
  } catch (error) {
    if (!(error instanceof TrainingConfigError)) throw error;
    const aboutKey = error.text === trainMessages.unknownField || error.text === trainMessages.unknownFieldSuggest || error.text === trainMessages.duplicateField;
    const range = rangeOf(tree.root, error.segments, aboutKey);
    throw error.at(positionAt(text, range.start), positionAt(text, range.end));
  }
}
