/**
 * A configuration written as a training config file: YAML (lists of numbers on one line each, so points
 * stay readable) or JSON (the same layout). Reading the file back gives the same configuration.
 */
import { Document, isSeq, visit } from 'yaml';

/** The formats a config file can have. */
export type TrainingFileFormat = 'yaml' | 'json';

/** The comment a saved YAML file starts with. */
const YAML_HEADER = '# Formula Lens training configuration: train it with "Train in Playground" above this line,\n# or from a terminal with `formula-lens train <this file>`.\n';

function isScalar(value: unknown): boolean {
  return value === null || typeof value !== 'object';
}

/** JSON with two-space indentation where lists of scalars stay on one line. */
function formatJson(value: unknown, indent: string): string {
  if (isScalar(value)) return JSON.stringify(value) ?? 'null';
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every(isScalar)) return `[${value.map((item) => JSON.stringify(item)).join(', ')}]`;
    return `[\n${value.map((item) => inner + formatJson(item, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${formatJson(item, inner)}`).join(',\n')}\n${indent}}`;
}

/** The text of a config file holding `config` (a JSON object in the user format). */
export function writeTrainingConfig(config: Readonly<Record<string, unknown>>, format: TrainingFileFormat): string {
  if (format === 'json') return `${formatJson(config, '')}\n`;
  const document = new Document(config);
  visit(document, {
    Seq(_key, node) {
      // Rows of numbers in flow style: `[0.5, -1.2]` on one line instead of one number per line.
      if (node.items.every((item) => !isSeq(item) && !(item !== null && typeof item === 'object' && 'items' in item))) node.flow = true;
    },
  });
  return YAML_HEADER + document.toString({ lineWidth: 0, flowCollectionPadding: false });
}
