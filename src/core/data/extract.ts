/**
 * From a table to training data: the chosen feature columns become the points, the label column the
 * labels (numbers as they are; text labels become class indices in sorted order). Rows with a missing or
 * non-numeric value are reported with their line and left out; the caller decides whether to go on without them.
 */
import { FormulaLensError } from '../l10n';
import { dataMessages } from './messages';
import { isMissing, numericValue, type DataTable, type RowProblem } from './table';

/** Which columns are the features and which is the label (indices into `table.columns`). */
export interface ColumnChoice {
  readonly features: readonly number[];
  readonly label: number;
}

/** Points and labels read from a table, with the rows that could not be used. */
export interface ExtractedData {
  readonly points: number[][];
  readonly labels: number[];
  /** The class names of text labels (label i means classNames[i]); null for numeric labels. */
  readonly classNames: readonly string[] | null;
  /** The table's own problems and the rows with unusable values, in line order. */
  readonly badRows: readonly RowProblem[];
  /** Rows in the source (usable or not). */
  readonly totalRows: number;
}

/** Label column names recognised without asking. */
const LABEL_NAMES = /^(labels?|targets?|y|class(es)?|category|output|outcome)$/i;

/** Rows looked at to guess which columns hold numbers. */
const SAMPLE_ROWS = 200;

/** A first guess at the columns: a column named like a label (else the last), and up to two numeric features. */
export function suggestColumns(table: DataTable): ColumnChoice {
  const named = table.columns.findIndex((name) => LABEL_NAMES.test(name.trim()));
  const label = named >= 0 ? named : table.columns.length - 1;
  const sample = table.rows.slice(0, SAMPLE_ROWS);
  // Numeric when nearly every present cell is a number: a stray "n/a" must not hide a feature (it is a bad row).
  const numeric = (column: number) => {
    const present = sample.filter((row) => !isMissing(row.cells[column]));
    const numbers = present.filter((row) => numericValue(row.cells[column]!) !== undefined).length;
    return present.length > 0 && numbers >= 0.9 * present.length;
  };
  const features = table.columns.map((_, i) => i).filter((i) => i !== label && numeric(i)).slice(0, 2);
  return { features, label };
}

function checkChoice(table: DataTable, choice: ColumnChoice): void {
  if (choice.features.length === 0) throw new FormulaLensError(dataMessages.needsFeature);
  for (const index of [...choice.features, choice.label]) {
    if (!Number.isInteger(index) || index < 0 || index >= table.columns.length) throw new FormulaLensError(dataMessages.unknownColumn, { index });
  }
  if (choice.features.includes(choice.label)) throw new FormulaLensError(dataMessages.labelIsFeature, { column: table.columns[choice.label]! });
}

/** Reads the chosen columns. Throws for an impossible choice; bad rows are reported, not thrown. */
export function extractData(table: DataTable, choice: ColumnChoice): ExtractedData {
  checkChoice(table, choice);
  // Text labels are class names: the label column is categorical when any present label is not a number.
  const textLabels = table.rows.some((row) => !isMissing(row.cells[choice.label]) && numericValue(row.cells[choice.label]!) === undefined);
  const names = textLabels ? [...new Set(table.rows.filter((row) => !isMissing(row.cells[choice.label])).map((row) => String(row.cells[choice.label]).trim()))].sort() : null;
  const classOf = new Map(names?.map((name, i) => [name, i]));
  const points: number[][] = [];
  const labels: number[] = [];
  const badRows: RowProblem[] = [...table.problems];
  for (const row of table.rows) {
    const problem = rowProblem(table, choice, row.cells, textLabels);
    if (problem) {
      badRows.push({ line: row.line, ...problem });
      continue;
    }
    points.push(choice.features.map((column) => numericValue(row.cells[column]!)!));
    labels.push(textLabels ? classOf.get(String(row.cells[choice.label]).trim())! : numericValue(row.cells[choice.label]!)!);
  }
  badRows.sort((a, b) => a.line - b.line);
  return { points, labels, classNames: names, badRows, totalRows: table.rows.length + table.problems.length };
}

/** Why a row cannot be used, or undefined when it can. */
function rowProblem(table: DataTable, choice: ColumnChoice, cells: readonly (string | number | boolean | null)[], textLabels: boolean): Omit<RowProblem, 'line'> | undefined {
  for (const column of [...choice.features, choice.label]) {
    const cell = cells[column];
    const name = table.columns[column]!;
    if (isMissing(cell)) return { text: dataMessages.missingValue, args: { column: name } };
    if (column === choice.label && textLabels) continue;
    const value = numericValue(cell!);
    if (value === undefined) return { text: dataMessages.notNumber, args: { column: name, value: String(cell).trim().slice(0, 40) } };
    if (!Number.isFinite(value)) return { text: dataMessages.notFinite, args: { column: name, value: String(cell).trim().slice(0, 40) } };
  }
  return undefined;
}
