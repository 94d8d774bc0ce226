/**
 * Problems of a training config file as text ranges, for diagnostics: every JSON/YAML syntax problem, else
 * the validator's error at the exact key or value it names, plus the configuration's warnings (a softmax
 * applied twice...) at the field they are about.
 */
import { configFormatOf, parseConfigTree, propertyOf, type ConfigNode } from '../config/tree';
import { FormulaLensError, type LocalizedText } from '../l10n';
import type { TextRange } from '../parse/position';
import { parseTrainingConfigText, type TrainingConfig } from '../train/index';

/** One problem of a config file. */
export interface TrainingFileProblem {
  /** Offsets in the text, `end` exclusive. */
  readonly range: TextRange;
  readonly severity: 'error' | 'warning';
  readonly text: LocalizedText;
  readonly args: Readonly<Record<string, string | number>>;
}

/** The problems of a config file and, when it is valid, the validated configuration. */
export interface TrainingFileCheck {
  readonly problems: readonly TrainingFileProblem[];
  readonly config: TrainingConfig | null;
}

/** Splits a printed path (`model.layers[1].activation`) into keys and indices. */
export function pathSegments(path: string): (string | number)[] {
  const segments: (string | number)[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) segments.push(match[2] !== undefined ? Number(match[2]) : match[1]!);
  return segments;
}

/** The range of the value a path points at, or of its nearest existing ancestor. */
function rangeOfPath(root: ConfigNode, segments: readonly (string | number)[]): TextRange {
  let node = root;
  for (const segment of segments) {
    const next = typeof segment === 'number'
      ? (node.type === 'array' && !node.packed ? node.items[segment] : undefined)
      : propertyOf(node, segment)?.value;
    if (!next) break;
    node = next;
  }
  return node.range;
}

/** Checks a training config file's text. */
export function checkTrainingConfigText(text: string, fileName: string): TrainingFileCheck {
  const tree = parseConfigTree(text, configFormatOf(fileName, text));
  const syntax: TrainingFileProblem[] = tree.problems.map((problem) => ({ range: problem.range, severity: problem.severity, text: problem.text, args: problem.args }));
  if (syntax.some((problem) => problem.severity === 'error')) return { problems: syntax, config: null };
  try {
    const config = parseTrainingConfigText(text, fileName);
    const warnings = tree.root ? config.warnings.map((warning): TrainingFileProblem => ({ range: rangeOfPath(tree.root!, pathSegments(warning.path)), severity: 'warning', text: warning.text, args: warning.args })) : [];
    return { problems: [...syntax, ...warnings], config };
  } catch (error) {
    if (!(error instanceof FormulaLensError)) throw error;
    const start = error.position?.offset ?? 0;
    const end = error.endPosition?.offset ?? start;
    return { problems: [...syntax, { range: { start, end: Math.max(start, end) }, severity: 'error', text: error.text, args: error.args }], config: null };
  }
}
