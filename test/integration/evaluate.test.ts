/**
 * Evaluating selections and evaluation files in a real editor: each command runs on real selections
 * (arguments skip the pickers), and the shown results are read back through
 * `formulaLens.internal.lastResult` (inline decorations, results view HTML, last message).
 * Documents are untitled or reverted afterwards, so examples/ stays as it is on disk.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { examplesFolder, extension, openExample, waitFor } from './helpers';

/** A tensor as the snapshot carries it (flat, row-major; NaN and infinities as strings). */
interface PlainTensor {
  shape: number[];
  data: (number | string)[];
}

/** The parts of `formulaLens.internal.lastResult` these tests read. */
interface Snapshot {
  results: {
    id: number;
    command: string;
    title: string;
    sections: Record<string, unknown>[];
    target: { uri: string; version: number; style: string } | null;
    progressShown: boolean;
    durationMs: number;
  } | null;
  inline: { uri: string; line: number; text: string; tone: string }[];
  view: { visible: boolean; html: string } | null;
  message: { severity: string; text: string } | null;
}

async function lastResult(): Promise<Snapshot> {
  return (await vscode.commands.executeCommand('formulaLens.internal.lastResult')) as Snapshot;
}

/** The first section of the last results, which must exist. */
async function firstSection(): Promise<Record<string, unknown>> {
  const snapshot = await lastResult();
  assert.ok(snapshot.results, `no result; last message: ${JSON.stringify(snapshot.message)}`);
  return snapshot.results.sections[0]!;
}

function data(tensor: unknown): (number | string)[] {
  return (tensor as PlainTensor).data;
}

function assertClose(actual: (number | string)[], expected: number[], tolerance = 1e-12): void {
  assert.equal(actual.length, expected.length, `length: ${JSON.stringify(actual)}`);
  actual.forEach((value, i) => {
    assert.equal(typeof value, 'number', `element ${i} is ${String(value)}`);
    assert.ok(Math.abs((value as number) - expected[i]!) <= tolerance * Math.max(1, Math.abs(expected[i]!)), `element ${i}: ${String(value)} vs ${expected[i]}`);
  });
}

/** Opens an untitled document (never saved) with `content`. */
async function untitled(content: string, language = 'python'): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language, content });
  return vscode.window.showTextDocument(document, vscode.ViewColumn.One);
}

/** The range of the `occurrence`-th `text` in the editor's document. */
function rangeOf(editor: vscode.TextEditor, text: string, occurrence = 0): vscode.Range {
  const whole = editor.document.getText();
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) offset = whole.indexOf(text, offset + 1);
  assert.ok(offset >= 0, `"${text}" is not in ${editor.document.uri.toString()}`);
  return new vscode.Range(editor.document.positionAt(offset), editor.document.positionAt(offset + text.length));
}

function select(editor: vscode.TextEditor, ...texts: string[]): void {
  editor.selections = texts.map((text) => {
    const range = rangeOf(editor, text);
    return new vscode.Selection(range.start, range.end);
  });
}

/** Closes every editor without saving (untitled documents are discarded, edited examples reverted). */
async function closeAllWithoutSaving(): Promise<void> {
  for (const document of vscode.workspace.textDocuments) {
    if (document.isDirty && document.uri.scheme === 'file') {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  }
  for (const document of vscode.workspace.textDocuments) {
    if (document.isDirty && document.uri.scheme === 'untitled') {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

let temporaryFolder: string | undefined;

/** Writes a file into a temporary folder outside the workspace and returns its Uri. */
function temporaryFile(name: string, content: string): vscode.Uri {
  temporaryFolder ??= mkdtempSync(join(tmpdir(), 'formula-lens-evaluate-'));
  const path = join(temporaryFolder, name);
  writeFileSync(path, content);
  return vscode.Uri.file(path);
}

const AROUND_ZERO = '[-3.0, -1.0, -0.25, 0.0, 0.25, 1.0, 3.0]';

describe('Evaluate selections and evaluation files', () => {
  before(async () => {
    await extension().activate();
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('formulaLens.hideInlineResults');
  });
  after(async () => {
    await closeAllWithoutSaving();
  });

  describe('Apply Activation to Selection', () => {
    it('applies relu to the selected array of examples/arrays.py and shows output, derivative and statistics', async () => {
      const editor = await openExample('arrays.py');
      select(editor, AROUND_ZERO);
      await vscode.commands.executeCommand('formulaLens.applyActivation', { name: 'relu', framework: 'torch' });
      const section = await firstSection();
      assert.equal(section.kind, 'activation');
      assert.equal(section.id, 'relu');
      assert.equal(section.framework, 'torch');
      assert.equal(section.frameworkSource, 'argument');
      assert.equal(section.label, 'around_zero');
      assertClose(data(section.output), [0, 0, 0, 0, 0.25, 1, 3]);
      assertClose(data(section.derivative), [0, 0, 0, 0, 1, 1, 1]);
      const statistics = section.statistics as { count: number; dead: number; saturated: number; output: { min: number; max: number } };
      assert.equal(statistics.count, 7);
      assert.equal(statistics.dead, 4);
      assert.equal(statistics.saturated, 0);
      assert.deepEqual([statistics.output.min, statistics.output.max], [0, 3]);

      const snapshot = await lastResult();
      const line = rangeOf(editor, AROUND_ZERO).end.line;
      assert.deepEqual(snapshot.inline.map((item) => [item.line, item.text]), [[line, '→ relu: [0, 0, 0, 0, 0.25, 1, 3]  (4 dead, 0 saturated of 7)']]);
      assert.ok(snapshot.view?.visible, 'the results view is shown');
      assert.match(snapshot.view.html, /Rectified Linear Unit|ReLU/);
      assert.match(snapshot.view.html, /<td>0\.25<\/td><td>0\.25<\/td><td>1<\/td>/);
      assert.match(snapshot.view.html, /data-action="replaceSelection"/);
      assert.equal(editor.document.isDirty, false, 'evaluating never edits the document');
    });

    it('takes parameters and the framework from the argument (leaky_relu slope 0.2 under keras)', async () => {
      const editor = await untitled('values = [-2, -0.5, 0, 1.5]\n');
      select(editor, '[-2, -0.5, 0, 1.5]');
      await vscode.commands.executeCommand('formulaLens.applyActivation', { name: 'leaky_relu', framework: 'keras', params: { negative_slope: 0.2 } });
      const section = await firstSection();
      assert.deepEqual(section.params, { negative_slope: 0.2 });
      assertClose(data(section.output), [-0.4, -0.1, 0, 1.5]);
      assertClose(data(section.derivative), [0.2, 0.2, 0.2, 1]);
    });

    it('detects the framework from the imports (Keras hard_sigmoid is relu6(x + 3) / 6)', async () => {
      const editor = await untitled('import keras\n\nx = [-3.0, 0.0, 1.5]\n');
      select(editor, '[-3.0, 0.0, 1.5]');
      await vscode.commands.executeCommand('formulaLens.applyActivation', { name: 'hard_sigmoid' });
      const section = await firstSection();
      assert.equal(section.framework, 'keras');
      assert.equal(section.frameworkSource, 'imports');
      assertClose(data(section.output), [0, 0.5, 0.75]);
    });

    it('uses the array under the cursor when nothing is selected', async () => {
      const editor = await untitled('a = [1.0, 2.0]\nb = [-1.0, 4.0]\n');
      const cursor = rangeOf(editor, '4.0').start;
      editor.selection = new vscode.Selection(cursor, cursor);
      await vscode.commands.executeCommand('formulaLens.applyActivation', { name: 'relu' });
      const section = await firstSection();
      assert.equal(section.label, 'b');
      assertClose(data(section.output), [0, 4]);
    });

    it('copies the result, inserts it below and replaces the selection, each in one undoable edit', async () => {
      const original = 'import torch\nlogits = torch.tensor([[1.0, 2.0], [0.5, -1.0]])\nprint(logits)\n';
      const editor = await untitled(original);
      select(editor, 'torch.tensor([[1.0, 2.0], [0.5, -1.0]])');
      await vscode.commands.executeCommand('formulaLens.applyActivation', { name: 'relu' });

      await vscode.commands.executeCommand('formulaLens.copyResult', { format: 'numpy' });
      assert.equal(await vscode.env.clipboard.readText(), 'np.array([[1.0, 2.0], [0.5, 0.0]])');

      await vscode.commands.executeCommand('formulaLens.insertResultBelow');
      // Rows of the inserted 2-D literal line up under the first one.
      const rowIndent = ' '.repeat('logits_relu = torch.tensor('.length + 1);
      assert.equal(editor.document.getText(), `import torch\nlogits = torch.tensor([[1.0, 2.0], [0.5, -1.0]])\nlogits_relu = torch.tensor([[1.0, 2.0],\n${rowIndent}[0.5, 0.0]], dtype=torch.float64)\nprint(logits)\n`);
      const afterInsert = await lastResult();
      assert.deepEqual(afterInsert.inline, [], 'an edit clears the inline result');
      await vscode.commands.executeCommand('undo');
      assert.equal(editor.document.getText(), original);

      // The undo changed the version: run again before replacing.
      select(editor, 'torch.tensor([[1.0, 2.0], [0.5, -1.0]])');
      await vscode.commands.executeCommand('formulaLens.applyActivation', { name: 'relu' });
      await vscode.commands.executeCommand('formulaLens.replaceSelectionWithResult');
      assert.equal(editor.document.getText(), 'import torch\nlogits = torch.tensor([[1.0, 2.0], [0.5, 0.0]], dtype=torch.float64)\nprint(logits)\n');
      await vscode.commands.executeCommand('undo');
      assert.equal(editor.document.getText(), original);

      // The result is now older than the text: writing it back is refused with a message.
      await vscode.commands.executeCommand('formulaLens.insertResultBelow');
      assert.equal(editor.document.getText(), original);
      assert.match((await lastResult()).message?.text ?? '', /changed since this result/);
    });

    it('hides the inline result on Escape (formulaLens.hideInlineResults) and on edit', async () => {
      const editor = await untitled('x = [1.0, -1.0]\n');
      select(editor, '[1.0, -1.0]');
      await vscode.commands.executeCommand('formulaLens.applyActivation', { name: 'sigmoid' });
      assert.equal((await lastResult()).inline.length, 1);
      await vscode.commands.executeCommand('formulaLens.hideInlineResults');
      assert.deepEqual((await lastResult()).inline, []);

      await vscode.commands.executeCommand('formulaLens.applyActivation', { name: 'sigmoid' });
      assert.equal((await lastResult()).inline.length, 1);
      await editor.edit((builder) => builder.insert(new vscode.Position(1, 0), '# edited\n'));
      await waitFor(async () => (await lastResult()).inline.length === 0, 'the inline result to go away after an edit');
    });
  });

  describe('Compute Loss on Selection', () => {
    it('computes mse on y_true = ... and y_pred = ... selected together, with contributions and gradient', async () => {
      const editor = await openExample('arrays.py');
      const start = rangeOf(editor, 'y_true = [').start;
      const end = rangeOf(editor, '3.7, 12.0]').end;
      editor.selection = new vscode.Selection(start, end);
      await vscode.commands.executeCommand('formulaLens.computeLoss', { name: 'mse', framework: 'torch' });
      const section = await firstSection();
      assert.equal(section.kind, 'loss');
      assert.equal(section.reduction, 'mean');
      assert.deepEqual(section.sourceNames, { y_true: 'y_true', y_pred: 'y_pred' });
      const diffs = [0.1, -0.1, 0.2, -0.3, 7];
      assertClose(data(section.value), [diffs.reduce((sum, d) => sum + d * d, 0) / 5], 1e-12);
      assertClose(data(section.grad), diffs.map((d) => (2 * d) / 5), 1e-12);
      const contributions = section.contributions as number[];
      assertClose([contributions.reduce((sum, c) => sum + c, 0)], [data(section.value)[0] as number], 1e-12);
      const snapshot = await lastResult();
      assert.match(snapshot.inline[0]!.text, /^→ mse \(mean\) = 9\.83$/);
      assert.match(snapshot.view!.html, /Gradient with respect to y_pred/);
    });

    it('reads names in any order from two selections (multi-cursor) and warns about logits passed as probabilities', async () => {
      const editor = await untitled('scores = [2.0, -1.0, 0.5]\nlabels = [1, 0, 1]\n');
      select(editor, 'scores = [2.0, -1.0, 0.5]', 'labels = [1, 0, 1]');
      await vscode.commands.executeCommand('formulaLens.computeLoss', { name: 'binary_crossentropy', framework: 'keras', reduction: 'sum' });
      const section = await firstSection();
      assert.deepEqual(section.sourceNames, { y_true: 'labels', y_pred: 'scores' });
      assert.equal(section.reduction, 'sum');
      const warnings = section.warnings as string[];
      assert.equal(warnings.length, 1);
      assert.match(warnings[0]!, /outside \[0, 1\].*from_logits=True/);
      assert.equal((await lastResult()).inline[0]!.tone, 'warning');
    });

    it('warns when categorical cross-entropy gets labels that are not one-hot', async () => {
      const editor = await untitled('y_true = [[0.5, 0.5], [1, 0]]\ny_pred = [[0.6, 0.4], [0.9, 0.1]]\n');
      editor.selection = new vscode.Selection(0, 0, 2, 0);
      await vscode.commands.executeCommand('formulaLens.computeLoss', { name: 'categorical_crossentropy', framework: 'keras' });
      const warnings = (await firstSection()).warnings as string[];
      assert.equal(warnings.length, 1);
      assert.match(warnings[0]!, /rows 1 are not one-hot/);
    });

    it('takes the missing input from the clipboard when the argument says so', async () => {
      const editor = await untitled('y_pred = [0.9, 0.2]\n');
      select(editor, '[0.9, 0.2]');
      await vscode.env.clipboard.writeText('[1, 0]');
      await vscode.commands.executeCommand('formulaLens.computeLoss', { name: 'bce', framework: 'torch', clipboard: 'y_true' });
      const section = await firstSection();
      assert.equal((section.sourceNames as Record<string, string>).y_true, 'clipboard');
      assertClose(data(section.value), [-(Math.log(0.9) + Math.log(0.8)) / 2], 1e-12);
    });

    it('says how to give a loss both inputs when the selection holds one', async () => {
      const editor = await untitled('p = [0.5]\n');
      select(editor, '[0.5]');
      await vscode.commands.executeCommand('formulaLens.computeLoss', { name: 'mse' });
      const message = (await lastResult()).message;
      assert.equal(message?.severity, 'error');
      assert.match(message!.text, /mse needs 2 arrays \(y_true, y_pred\); found 1/);
    });
  });

  describe('Compare Frameworks on Selection', () => {
    it('shows BCE at p = 0 as 100 in torch and 16.12 in Keras and TF.js, with the difference marked', async () => {
      const editor = await untitled('y_true = [1.0]\ny_pred = [0.0]\n');
      editor.selection = new vscode.Selection(0, 0, 2, 0);
      await vscode.commands.executeCommand('formulaLens.compareFrameworks', { name: 'binary_crossentropy' });
      const section = await firstSection();
      assert.equal(section.kind, 'compare');
      assert.equal(section.functionKind, 'loss');
      const columns = section.columns as { framework: string; ok: boolean; value: PlainTensor }[];
      assert.deepEqual(columns.map((column) => column.framework), ['torch', 'keras', 'tfjs']);
      assertClose(data(columns[0]!.value), [100]);
      assertClose(data(columns[1]!.value), [-Math.log(1e-7)], 1e-9);
      assert.deepEqual(section.valueDiffers, [1]);
      const snapshot = await lastResult();
      assert.match(snapshot.inline[0]!.text, /torch 100 · keras 16\.1181 · tfjs 16\.118/);
      assert.match(snapshot.view!.html, /class="differs"/);
    });

    it('highlights the leaky_relu defaults that differ between frameworks', async () => {
      const editor = await untitled('x = [-1.0, 0.0, 2.0]\n');
      select(editor, '[-1.0, 0.0, 2.0]');
      await vscode.commands.executeCommand('formulaLens.compareFrameworks', { name: 'leaky_relu' });
      const section = await firstSection();
      assert.deepEqual(section.differingParams, ['negative_slope']);
      const columns = section.columns as { framework: string; params: Record<string, number>; value: PlainTensor }[];
      assert.deepEqual(columns.map((column) => column.params.negative_slope), [0.01, 0.2, 0.3]);
      assert.deepEqual(section.valueDiffers, [1, 0, 0]);
    });
  });

  describe('bad input and limits', () => {
    it('refuses a selection over formulaLens.maxSelectionNumbers, naming the limit', async () => {
      await vscode.workspace.getConfiguration('formulaLens').update('maxSelectionNumbers', 5, vscode.ConfigurationTarget.Global);
      try {
        const editor = await untitled(`x = ${AROUND_ZERO}\n`);
        select(editor, AROUND_ZERO);
        await vscode.commands.executeCommand('formulaLens.applyActivation', { name: 'relu' });
        const message = (await lastResult()).message;
        assert.equal(message?.severity, 'error');
        assert.match(message!.text, /more than 5 numbers.*formulaLens\.maxSelectionNumbers/);
      } finally {
        await vscode.workspace.getConfiguration('formulaLens').update('maxSelectionNumbers', undefined, vscode.ConfigurationTarget.Global);
      }
    });

    it('points a malformed literal at its document line and column', async () => {
      const editor = await untitled('# numbers\nx = [1, 2,, 3]\n');
      select(editor, 'x = [1, 2,, 3]');
      await vscode.commands.executeCommand('formulaLens.applyActivation', { name: 'relu' });
      const message = (await lastResult()).message;
      assert.equal(message?.severity, 'error');
      assert.match(message!.text, /^Line 2, column 11: Expected a number or a list here, found ","/);
    });

    it('names an unknown function and a malformed argument', async () => {
      const editor = await untitled('x = [1.0]\n');
      select(editor, '[1.0]');
      await vscode.commands.executeCommand('formulaLens.applyActivation', { name: 'relux' });
      assert.match((await lastResult()).message!.text, /Unknown function "relux". Did you mean: relu/);
      await vscode.commands.executeCommand('formulaLens.applyActivation', { name: 'relu', params: 'slope' });
      assert.match((await lastResult()).message!.text, /argument "params" is not valid/);
      await vscode.commands.executeCommand('formulaLens.applyActivation', { name: 'leaky_relu', params: { negative_slope: 'steep' } });
      assert.match((await lastResult()).message!.text, /negative_slope.*must be a number/);
    });

    it('shows a notification while a large selection is evaluated', async () => {
      const values = Array.from({ length: 400_000 }, (_, i) => ((i % 2000) - 1000) / 100);
      const editor = await untitled(`x = [${values.join(', ')}]\n`);
      editor.selection = new vscode.Selection(0, 4, 0, editor.document.lineAt(0).text.length);
      await vscode.commands.executeCommand('formulaLens.applyActivation', { name: 'tanh' });
      const snapshot = await lastResult();
      assert.ok(snapshot.results, JSON.stringify(snapshot.message));
      const statistics = snapshot.results.sections[0]!.statistics as { count: number };
      assert.equal(statistics.count, values.length);
      // Over 100k numbers the notification shows before the extension host blocks on parsing.
      assert.equal(snapshot.results.progressShown, true, `no progress notification (took ${snapshot.results.durationMs} ms)`);
      assert.match(snapshot.view!.html, /Showing the first 200 of 400000 rows/);
    });
  });

  describe('evaluation files', () => {
    it('offers ▶ Evaluate lenses and runs one entry and all entries of evaluations.formulalens.yaml', async () => {
      const editor = await openExample('evaluations.formulalens.yaml');
      const uri = editor.document.uri;
      const lenses = await waitFor(async () => {
        const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
        return found.some((lens) => lens.command?.command === 'formulaLens.runConfigEntry') ? found : undefined;
      }, 'the Evaluate lenses');
      const ours = lenses.filter((lens) => lens.command?.command === 'formulaLens.runConfigEntry');
      assert.equal(ours[0]!.command!.title, '▶ Evaluate all (9)');
      assert.equal(ours.filter((lens) => lens.command!.title === '▶ Evaluate').length, 9);

      const first = ours[1]!;
      await vscode.commands.executeCommand(first.command!.command, ...(first.command!.arguments ?? []));
      const section = await firstSection();
      assert.equal(section.id, 'relu');
      assertClose(data(section.output), [0, 0, 0, 0.5, 2]);
      assert.deepEqual((await lastResult()).inline.map((item) => [item.line, item.text]), [[first.range.start.line, '→ [0, 0, 0, 0.5, 2]']]);

      await vscode.commands.executeCommand(ours[0]!.command!.command, ...(ours[0]!.command!.arguments ?? []));
      const snapshot = await lastResult();
      assert.equal(snapshot.results?.sections.length, 9);
      assert.deepEqual(snapshot.results.sections.map((s) => s.kind), ['activation', 'activation', 'activation', 'activation', 'activation', 'loss', 'loss', 'loss', 'loss']);
      assert.equal(snapshot.inline.length, 9);
      const bce = snapshot.results.sections[6]!;
      assert.equal(bce.id, 'binary_crossentropy');
      assert.equal(editor.document.isDirty, false, 'running entries never edits the file');
    });

    it('reports an unknown function as a diagnostic at its exact range, updated as the file changes', async () => {
      // A copy outside examples/: the web workbench saves edits automatically, and the examples must stay as they are.
      const uri = temporaryFile('metrics.formulalens.json', readFileSync(join(examplesFolder().uri.fsPath, 'metrics.formulalens.json'), 'utf8'));
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      const ours = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Formula Lens');
      const name = rangeOf(editor, '"sigmoid"');
      await editor.edit((builder) => builder.replace(name, '"sigmoidd"'));
      const diagnostic = await waitFor(() => ours()[0], 'the unknown-function diagnostic');
      assert.equal(ours().length, 1);
      assert.equal(diagnostic.code, 'unknownFunction');
      assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
      assert.equal(editor.document.getText(diagnostic.range), '"sigmoidd"');
      assert.deepEqual([diagnostic.range.start.line, diagnostic.range.start.character], [name.start.line, name.start.character]);
      assert.match(diagnostic.message, /Unknown function "sigmoidd". Did you mean: sigmoid/);
      await editor.edit((builder) => builder.replace(rangeOf(editor, '"sigmoidd"'), '"sigmoid"'));
      await waitFor(() => (ours().length === 0 ? true : undefined), 'the diagnostic to go away after the fix');
    });

    it('reports a YAML syntax error at its position', async () => {
      const uri = temporaryFile('broken.formulalens.yaml', 'evaluations:\n  - activation: relu\n    x: [1, 2\n  - loss: mse\n');
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      const diagnostic = await waitFor(() => vscode.languages.getDiagnostics(uri).find((d) => d.source === 'Formula Lens' && d.code === 'syntax'), 'the YAML syntax diagnostic');
      assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
      assert.ok(diagnostic.range.start.line >= 2, `at line ${diagnostic.range.start.line}`);
      assert.match(diagnostic.message, /YAML/);
    });

    it('lists the activations and losses of a training config and of a Keras model JSON without changing them', async () => {
      const editor = await openExample('configs/train.yaml');
      const before = editor.document.getText();
      await vscode.commands.executeCommand('formulaLens.evaluateConfigFile');
      const section = await firstSection();
      assert.equal(section.kind, 'foreign');
      const ids = (section.findings as { id?: string }[]).map((finding) => finding.id);
      for (const id of ['gelu', 'log_softmax', 'nll_loss', 'smooth_l1', 'kl_divergence']) assert.ok(ids.includes(id), `${id} in ${ids.join(', ')}`);
      assert.equal(editor.document.getText(), before);
      assert.equal(editor.document.isDirty, false);

      const model = {
        class_name: 'Sequential',
        keras_version: '3.5.0',
        config: { name: 'sequential', layers: [
          { class_name: 'Dense', config: { units: 16, activation: 'relu' } },
          { class_name: 'LeakyReLU', config: { negative_slope: 0.1 } },
          { class_name: 'Dense', config: { units: 3, activation: 'softmax' } },
        ] },
      };
      await untitled(JSON.stringify(model, null, 2), 'json');
      await vscode.commands.executeCommand('formulaLens.evaluateConfigFile');
      const keras = await firstSection();
      assert.equal(keras.fileKind, 'keras-model');
      const findings = keras.findings as { id?: string; params: Record<string, unknown>; formula?: string }[];
      assert.deepEqual(findings.map((finding) => finding.id), ['relu', 'leaky_relu', 'softmax']);
      assert.deepEqual(findings[1]!.params, { negative_slope: 0.1 });
      assert.ok(findings.every((finding) => typeof finding.formula === 'string' && finding.formula.length > 0));
      assert.match((await lastResult()).view!.html, /Keras model/);
    });
  });

  describe('afterwards', () => {
    it('leaves the example files as they are on disk', async () => {
      const folder = examplesFolder();
      for (const name of ['arrays.py', 'evaluations.formulalens.yaml', 'metrics.formulalens.json', 'configs/train.yaml']) {
        const uri = vscode.Uri.joinPath(folder.uri, name);
        const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
        if (!document) continue;
        assert.equal(document.isDirty, false, `${name} has unsaved changes`);
        assert.equal(document.getText(), readFileSync(uri.fsPath, 'utf8'), `${name} differs from the file on disk`);
      }
    });
  });
});
