/**
 * Training data from files and selections: CSV (quotes, separators, headers), JSON (rows as objects or lists,
 * columns), array literals (one matrix, or points and labels), and the extraction of features and labels with
 * every bad row reported by its line and left out.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dataMessages, DATA_LIMITS, detectDelimiter, extractData, readCsv, readDataTable, readJsonTable, readLiteralTable, suggestColumns } from '../../src/core/data/index';
import { FormulaLensError, localize } from '../../src/core/l10n';
import { parseTrainingConfig } from '../../src/core/train/index';

function problems(lines: readonly { line: number; text: unknown; args: Readonly<Record<string, string | number>> }[]): string[] {
  return lines.map((problem) => `${problem.line}: ${localize(problem.text as { en: string; 'zh-cn': string }, problem.args, 'en')}`);
}

test('CSV with a header: columns by name, rows with their lines, quoted fields with commas, quotes and line breaks', () => {
  const text = 'x,y,"the label"\n1,2,a\n"3","4","b, c"\n\n5,6,"say ""hi""\nthere"\n7,8,d\n';
  const table = readCsv(text);
  assert.deepEqual(table.columns, ['x', 'y', 'the label']);
  assert.deepEqual(table.rows.map((row) => row.line), [2, 3, 5, 7]);
  assert.deepEqual(table.rows[1]!.cells, ['3', '4', 'b, c']);
  assert.deepEqual(table.rows[2]!.cells, ['5', '6', 'say "hi"\nthere']);
  assert.deepEqual(table.problems, []);
});

test('CSV without a header gets numbered columns; semicolons, tabs and CRLF are understood', () => {
  assert.equal(detectDelimiter('1;2;3\n4;5;6'), ';');
  assert.equal(detectDelimiter('a\tb,c\td\n'), '\t');
  assert.equal(detectDelimiter('"a;b",c\n'), ',');
  const table = readCsv('\uFEFF1;2;0\r\n3;4;1\r\n');
  assert.deepEqual(table.columns, ['#1', '#2', '#3']);
  assert.deepEqual(table.rows.map((row) => [row.line, ...row.cells]), [[1, '1', '2', '0'], [2, '3', '4', '1']]);
  assert.deepEqual(readCsv('a\tb\n1\t2\n').rows[0]!.cells, ['1', '2']);
});

test('CSV rows with the wrong number of fields or an unclosed quote are problems at their line; comments and blank lines are skipped', () => {
  const table = readCsv('# exported data\nx,y,label\n1,2,0\n3,4\n\n5,6,1,9\n7,8,1\n9,"10,1\n');
  assert.deepEqual(table.rows.map((row) => row.line), [3, 7]);
  assert.deepEqual(problems(table.problems), ['4: 2 fields, expected 3', '6: 4 fields, expected 3', '8: a quoted field is never closed']);
});

test('repeated and blank header names are made unique', () => {
  assert.deepEqual(readCsv('x,x,,y\n1,2,3,4\n').columns, ['x', 'x (2)', '#3', 'y']);
});

test('JSON rows as objects: columns in order of first appearance, missing keys are empty cells, lines from the text', () => {
  const text = '[\n  {"x": 1, "y": 2, "label": "cat"},\n  {"y": 4, "x": 3, "label": "dog", "note": "late key"},\n  {"x": 5, "y": 6},\n  [7, 8]\n]';
  const table = readJsonTable(text);
  assert.deepEqual(table.columns, ['x', 'y', 'label', 'note']);
  assert.deepEqual(table.rows.map((row) => [row.line, ...row.cells]), [[2, 1, 2, 'cat', null], [3, 3, 4, 'dog', 'late key'], [4, 5, 6, null, null]]);
  assert.deepEqual(problems(table.problems), ['5: the row is a list, not a list or an object']);
});

test('JSON rows as lists, and objects of columns (a column of rows becomes one column per position)', () => {
  const lists = readJsonTable('// points\n[[1, 2, 0],\n [3, 4, 1],\n [5, 6],]');
  assert.deepEqual(lists.columns, ['#1', '#2', '#3']);
  assert.deepEqual(lists.rows.map((row) => row.line), [2, 3]);
  assert.deepEqual(problems(lists.problems), ['4: 2 fields, expected 3']);
  const columns = readJsonTable('{\n "points": [[1, 2],\n            [3, 4]],\n "labels": [0, 1]\n}');
  assert.deepEqual(columns.columns, ['points[0]', 'points[1]', 'labels']);
  assert.deepEqual(columns.rows.map((row) => [row.line, ...row.cells]), [[2, 1, 2, 0], [3, 3, 4, 1]]);
});

test('JSON syntax errors and unusable shapes throw with a position or a clear message', () => {
  assert.throws(() => readJsonTable('[\n  {"x": 1,,}\n]'), (error: unknown) => error instanceof FormulaLensError && error.text === dataMessages.jsonSyntax && error.position?.line === 1);
  assert.throws(() => readJsonTable('{"x": [1, 2], "y": [1]}'), (error: unknown) => error instanceof FormulaLensError && error.text === dataMessages.jsonColumnLength);
  assert.throws(() => readJsonTable('42'), (error: unknown) => error instanceof FormulaLensError && error.text === dataMessages.jsonShape);
  assert.throws(() => readJsonTable('[]'), (error: unknown) => error instanceof FormulaLensError && error.text === dataMessages.empty);
  assert.throws(() => readCsv('\n\n'), (error: unknown) => error instanceof FormulaLensError && error.text === dataMessages.empty);
});

test('a selected 2-D literal is a table with the line of every row, counted from the selection start', () => {
  const text = 'data = np.array([\n    [0.1, 0.2, 0],\n    [0.3, 0.4, 1],\n    [0.5, np.nan, 1],\n])';
  const table = readLiteralTable(text, 10);
  assert.deepEqual(table.columns, ['data[0]', 'data[1]', 'data[2]']);
  assert.deepEqual(table.rows.map((row) => row.line), [12, 13, 14]);
  assert.ok(Number.isNaN(table.rows[2]!.cells[1] as number));
  const extracted = extractData(table, { features: [0, 1], label: 2 });
  assert.deepEqual(problems(extracted.badRows), ['14: NaN in column "data[1]" is not a finite number']);
});

test('selected points and labels (X = [[...]], y = [...]) become feature columns and a label column', () => {
  const table = readLiteralTable('X = [[1, 2], [3, 4], [5, 6]]\ny = [0, 1, 1]');
  assert.deepEqual(table.columns, ['X[0]', 'X[1]', 'y']);
  assert.deepEqual(table.rows.map((row) => row.cells), [[1, 2, 0], [3, 4, 1], [5, 6, 1]]);
  assert.deepEqual(suggestColumns(table), { features: [0, 1], label: 2 });
  assert.throws(() => readLiteralTable('[1, 2, 3]'), (error: unknown) => error instanceof FormulaLensError && error.text === dataMessages.literalShape);
  assert.throws(() => readLiteralTable('X = [[1, 2], [3, 4]]\ny = [0, 1, 1]'), (error: unknown) => error instanceof FormulaLensError && error.text === dataMessages.literalShape);
  assert.throws(() => readLiteralTable('[[1, 2], [3]]'), (error: unknown) => error instanceof FormulaLensError && error.position !== undefined);
});

test('extraction: numeric features, text labels as sorted class indices, bad rows by line (missing, not a number, infinite)', () => {
  const table = readCsv('f1,f2,species\n1,2,setosa\n3,,virginica\nabc,4,setosa\n5,inf,setosa\n6,7,versicolor\n8,9,\n');
  const extracted = extractData(table, { features: [0, 1], label: 2 });
  assert.deepEqual(extracted.points, [[1, 2], [6, 7]]);
  assert.deepEqual(extracted.classNames, ['setosa', 'versicolor', 'virginica']);
  assert.deepEqual(extracted.labels, [0, 1]);
  assert.equal(extracted.totalRows, 6);
  assert.deepEqual(problems(extracted.badRows), [
    '3: no value in column "f2"',
    '4: "abc" in column "f1" is not a number',
    '5: inf in column "f2" is not a finite number',
    '7: no value in column "species"',
  ]);
});

test('extraction: numeric labels stay numbers; booleans count as 1/0; a feature cannot be the label', () => {
  const table = readJsonTable('[{"a": 1, "b": true, "t": 0.5}, {"a": "2", "b": false, "t": -1}]');
  const extracted = extractData(table, { features: [0, 1], label: 2 });
  assert.deepEqual(extracted.points, [[1, 1], [2, 0]]);
  assert.deepEqual(extracted.labels, [0.5, -1]);
  assert.equal(extracted.classNames, null);
  assert.throws(() => extractData(table, { features: [0, 2], label: 2 }), (error: unknown) => error instanceof FormulaLensError && error.text === dataMessages.labelIsFeature);
  assert.throws(() => extractData(table, { features: [], label: 2 }), (error: unknown) => error instanceof FormulaLensError && error.text === dataMessages.needsFeature);
  assert.throws(() => extractData(table, { features: [7], label: 2 }), (error: unknown) => error instanceof FormulaLensError && error.text === dataMessages.unknownColumn);
});

test('decimal notation only: hex, empty text and words are not numbers', () => {
  const table = readCsv('x,label\n0x1f,0\n 2.5e-1 ,1\n-.5,0\n+3.,1\n');
  const extracted = extractData(table, { features: [0], label: 1 });
  assert.deepEqual(extracted.points, [[0.25], [-0.5], [3]]);
  assert.deepEqual(problems(extracted.badRows), ['2: "0x1f" in column "x" is not a number']);
});

test('suggested columns: a label-like name wins, else the last column; features are the numeric columns before it', () => {
  assert.deepEqual(suggestColumns(readCsv('target,a,name,b,c\n1,2,z,3,4\n')), { features: [1, 3], label: 0 });
  assert.deepEqual(suggestColumns(readCsv('a,b,c\n1,2,3\n')), { features: [0, 1], label: 2 });
  // A stray word in a numeric column is a bad row, not a reason to drop the column.
  const rows = Array.from({ length: 30 }, (_, i) => `${i},${i === 3 ? 'n/a' : i * 2},${i % 2}`).join('\n');
  assert.deepEqual(suggestColumns(readCsv(`x1,x2,y\n${rows}\n`)), { features: [0, 1], label: 2 });
  assert.deepEqual(suggestColumns(readCsv('name,x,y\nann,1,0\nbob,2,1\n')), { features: [1], label: 2 });
});

test('size limits are enforced with a message', () => {
  const header = Array.from({ length: DATA_LIMITS.columns + 1 }, (_, i) => `c${i}`).join(',');
  assert.throws(() => readCsv(`${header}\n`), (error: unknown) => error instanceof FormulaLensError && error.text === dataMessages.tooManyColumns);
  const rows = `x,y\n${'1,2\n'.repeat(DATA_LIMITS.rows + 1)}`;
  assert.throws(() => readCsv(rows), (error: unknown) => error instanceof FormulaLensError && error.text === dataMessages.tooManyRows);
});

test('readDataTable picks the reader by source and extension, and imported data trains as explicit data', () => {
  assert.equal(readDataTable('[[1, 2, 0]]', 'file', 'points.json').format, 'json');
  assert.equal(readDataTable('1,2,0\n', 'file', 'points.csv').format, 'csv');
  assert.equal(readDataTable('[[1, 2, 0]]', 'selection', '').format, 'literal');
  const extracted = extractData(readCsv('x,y,label\n0,0,no\n1,1,yes\n0,1,yes\n1,0,no\n'), { features: [0, 1], label: 2 });
  const config = parseTrainingConfig({ data: { points: extracted.points, labels: extracted.labels }, loss: 'binary_crossentropy', model: { layers: [4] }, steps: 1 });
  assert.equal(config.data.kind, 'explicit');
  assert.equal(config.model.inputSize, 2);
});
