/**
 * The formula lens in a real extension host: hovers (name, formula, chart, parameters with defaults marked,
 * notes, links) on the Keras and PyTorch examples, the CodeLens rows and their settings, a misuse diagnostic
 * for every rule in examples/, and every quick fix applied through `vscode.executeCodeActionProvider` and
 * `workspace.applyEdit`. Quick fixes run on untitled copies, so examples/ stays as it is on disk.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { examplesFolder, manifest, openExample, repoRoot, waitFor } from './helpers';

const SOURCE = 'Formula Lens';
const PLAYGROUND = 'formulaLens.openPlayground';

/** Markdown escapes removed, so assertions read the text a user sees. */
function unescape(markdown: string): string {
  return markdown.replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1');
}

/** 0-based position of `text` in a document (the `nth` occurrence), `offset` characters into it. */
function positionOf(document: vscode.TextDocument, text: string, offset = 0, nth = 0): vscode.Position {
  let index = -1;
  for (let k = 0; k <= nth; k++) {
    index = document.getText().indexOf(text, index + 1);
    assert.ok(index >= 0, `"${text}" (#${nth}) is not in ${document.uri.path}`);
  }
  return document.positionAt(index + offset);
}

/** 0-based line of the first line containing `text`. */
function lineOf(document: vscode.TextDocument, text: string): number {
  return positionOf(document, text).line;
}

/** The Formula Lens hover at `text` (+ offset) in a document, as plain text and raw Markdown. */
async function lensHover(document: vscode.TextDocument, text: string, offset = 1, nth = 0): Promise<{ text: string; markdown: vscode.MarkdownString; hover: vscode.Hover }> {
  const position = positionOf(document, text, offset, nth);
  const hovers = await waitFor(async () => {
    const all = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
    return all.find((hover) => hover.contents.some((part) => part instanceof vscode.MarkdownString && part.value.includes(`command:${PLAYGROUND}`))) ? all : undefined;
  }, `a Formula Lens hover at "${text}"`, 20_000);
  const hover = hovers.find((h) => h.contents.some((part) => part instanceof vscode.MarkdownString && part.value.includes(`command:${PLAYGROUND}`)))!;
  const markdown = hover.contents.find((part): part is vscode.MarkdownString => part instanceof vscode.MarkdownString && part.value.includes(`command:${PLAYGROUND}`))!;
  return { text: unescape(markdown.value), markdown, hover };
}

/** The SVG of the chart image in a hover. */
function chartSvg(markdown: vscode.MarkdownString): string {
  const match = /!\[[^\]]*\]\(data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)\)/.exec(markdown.value);
  assert.ok(match, 'the hover has an SVG chart as a data URI');
  return Buffer.from(match[1]!, 'base64').toString('utf8');
}

/** The argument of the first `command:` link to `command` in a hover. */
function linkArgument(markdown: vscode.MarkdownString, command: string): unknown {
  const match = new RegExp(`\\(command:${command.replace(/\./g, '\\.')}\\?([^ )]+)`).exec(markdown.value);
  assert.ok(match, `a link to ${command}`);
  return (JSON.parse(decodeURIComponent(match[1]!)) as unknown[])[0];
}

/** Our CodeLenses of a document. */
async function lensesOf(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  const all = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
  return all.filter((lens) => lens.command?.command === PLAYGROUND);
}

/** Formula Lens diagnostics of a document once they are published (and `ready` accepts them). */
async function lensDiagnostics(uri: vscode.Uri, ready: (diagnostics: vscode.Diagnostic[]) => boolean = (d) => d.length > 0, what = 'misuse diagnostics'): Promise<vscode.Diagnostic[]> {
  return waitFor(() => {
    const diagnostics = vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
    return ready(diagnostics) ? diagnostics : undefined;
  }, `${what} in ${uri.path}`, 20_000);
}

/** Sets a formulaLens user setting (undefined removes it); user settings keep examples/.vscode untouched. */
async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('formulaLens').update(key, value, vscode.ConfigurationTarget.Global);
}

/** Opens an untitled copy of an example (never saved). */
async function untitledCopy(relativePath: string, language: string): Promise<vscode.TextDocument> {
  const content = readFileSync(join(repoRoot, 'examples', relativePath), 'utf8');
  const document = await vscode.workspace.openTextDocument({ language, content });
  await vscode.window.showTextDocument(document);
  return document;
}

/** Closes the active editor without saving. */
async function closeWithoutSaving(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

describe('Formula lens: hovers', () => {
  it('Keras: name as written, formula and derivative, chart, parameters from the code, links', async () => {
    const { document } = await openExample('keras_classifier.py');
    const { text, markdown, hover } = await lensHover(document, 'LeakyReLU(negative_slope=0.2)');
    assert.match(text, /^\*\*layers\.LeakyReLU\*\* · Leaky ReLU · /);
    assert.match(text, /Keras 3/);
    assert.ok(text.includes('LeakyReLU(x) = x (x > 0); α·x (x ≤ 0)'), text);
    assert.ok(text.includes('LeakyReLU′(x) = 1 (x > 0); α (x ≤ 0)'), text);
    assert.match(text, /- `negative_slope` = `0\.2`\n/, 'the value from the code, with no default mark');
    assert.match(text, /\*\*Output range\*\* \(−∞, ∞\)/);
    const svg = chartSvg(markdown);
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.ok(!/NaN|Infinity/.test(svg));
    assert.deepEqual(linkArgument(markdown, PLAYGROUND), { focus: { kind: 'activation', id: 'leaky_relu', params: { negative_slope: 0.2 }, framework: 'keras' } });
    assert.deepEqual(linkArgument(markdown, 'formulaLens.internal.copyLatex'), { id: 'leaky_relu' });
    assert.deepEqual(linkArgument(markdown, 'formulaLens.applyActivation'), { name: 'leaky_relu', params: { negative_slope: 0.2 }, framework: 'keras' });
    assert.equal(markdown.supportHtml, false);
    const trusted = markdown.isTrusted;
    if (typeof trusted === 'object') assert.deepEqual([...trusted.enabledCommands].sort(), ['formulaLens.applyActivation', 'formulaLens.computeLoss', 'formulaLens.internal.copyLatex', PLAYGROUND]);
    else assert.notEqual(trusted, true, 'never trust every command');
    assert.ok(hover.range && document.getText(hover.range) === 'layers.LeakyReLU', 'the hover covers the name as written');
  });

  it('Keras: defaults are marked, a loss shows its reduction and the notes that change numbers', async () => {
    const { document } = await openExample('keras_classifier.py');
    const relu = (await lensHover(document, '"relu"')).text;
    assert.match(relu, /^\*\*relu\*\* · ReLU · activation · Keras 3/);
    assert.match(relu, /- `negative_slope` = `0` \*\(default\)\*/);
    assert.match(relu, /- `max_value` = `None` \*\(default\)\*/);
    assert.match(relu, /gradient 0: x ≤ 0/, 'the dead zone is described');

    const { text: bce, markdown } = await lensHover(document, '"binary_crossentropy"');
    assert.match(bce, /^\*\*binary_crossentropy\*\* · Binary cross-entropy · loss · Keras 3/i);
    assert.match(bce, /- `epsilon` = `1e-7` \*\(default\)\*/);
    assert.match(bce, /\*\*Reduction\*\* `'sum_over_batch_size'` \*\(default: a mean over the batch\)\*/);
    assert.match(bce, /\*\*Keras 3 notes\*\*/);
    assert.match(bce, /1e-7|1 − 1e-7|\[ε, 1 − ε\]/, 'the Keras clipping note');
    assert.match(bce, /Loss of one sample against the prediction p, for targets 0, 1\./);
    const svg = chartSvg(markdown);
    assert.match(svg, />y = 0<\/text>/);
    assert.match(svg, />y = 1<\/text>/);
    assert.deepEqual(linkArgument(markdown, 'formulaLens.computeLoss'), { name: 'binary_crossentropy', params: {}, framework: 'keras', reduction: 'mean' });

    const huber = (await lensHover(document, 'Huber(delta=1.5)')).text;
    assert.match(huber, /- `delta` = `1\.5`\n/);
  });

  it('PyTorch: parameters from the code, expressions shown as written, torch defaults marked, torch notes', async () => {
    const { document } = await openExample('torch_training.py');
    const gelu = (await lensHover(document, 'GELU(approximate')).text;
    assert.match(gelu, /^\*\*nn\.GELU\*\* · GELU · activation · PyTorch/);
    assert.match(gelu, /- `approximate` = `'tanh'`\n/);

    const { text: ce, markdown } = await lensHover(document, 'CrossEntropyLoss(label_smoothing');
    assert.match(ce, /^\*\*nn\.CrossEntropyLoss\*\* · /);
    assert.match(ce, /- `label_smoothing` = `0\.05`\n/);
    assert.match(ce, /- `weight` = `None` \*\(default\)\*/);
    assert.match(ce, /\*\*Reduction\*\* `'mean'` \*\(default\)\*/);
    assert.match(ce, /\*\*PyTorch notes\*\*/);
    assert.match(ce, /against the logit z of the true class/);
    assert.deepEqual(linkArgument(markdown, PLAYGROUND), { focus: { kind: 'loss', id: 'sparse_categorical_crossentropy', params: { label_smoothing: 0.05 }, framework: 'torch' } });

    const kl = (await lensHover(document, 'KLDivLoss(reduction')).text;
    assert.match(kl, /\*\*Reduction\*\* `'mean'`\n|\*\*Reduction\*\* `'mean'`$/m, 'a reduction written in the code carries no default mark');

    const bce = (await lensHover(document, 'BCEWithLogitsLoss(pos_weight')).text;
    assert.match(bce, /- `pos_weight` = `torch\.tensor\(\[2\.0\]\)` \*\(not evaluated; the chart uses the default None\)\*/);
    assert.match(bce, /- `log_clamp` = `-100` \*\(default\)\*|- `weight` = `None` \*\(default\)\*/);

    const softplus = (await lensHover(document, 'softplus(torch')).text;
    assert.match(softplus, /- `beta` = `2`\n- `threshold` = `20`/);
  });

  it('charts follow the colour theme: dark, light and high contrast palettes', async () => {
    const { document } = await openExample('torch_training.py');
    const workbench = vscode.workspace.getConfiguration('workbench');
    const original = workbench.inspect('colorTheme')?.globalValue;
    const themes: [string, vscode.ColorThemeKind, string][] = [
      ['Default Light Modern', vscode.ColorThemeKind.Light, '#1a85ff'],
      ['Default High Contrast', vscode.ColorThemeKind.HighContrast, '#ffff00'],
      ['Default Dark Modern', vscode.ColorThemeKind.Dark, '#3794ff'],
    ];
    try {
      for (const [theme, kind, color] of themes) {
        await workbench.update('colorTheme', theme, vscode.ConfigurationTarget.Global);
        await waitFor(() => vscode.window.activeColorTheme.kind === kind, `the ${theme} theme`);
        const svg = chartSvg((await lensHover(document, 'LeakyReLU(negative_slope')).markdown);
        assert.ok(svg.includes(`stroke="${color}"`), `${theme}: the curve is drawn in ${color}`);
      }
    } finally {
      await workbench.update('colorTheme', original, vscode.ConfigurationTarget.Global);
    }
  });

  it('no hover away from a function name', async () => {
    const { document } = await openExample('torch_training.py');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, 'optimizer.zero_grad', 3));
    assert.ok(hovers.every((hover) => hover.contents.every((part) => !(part instanceof vscode.MarkdownString) || !part.value.includes(`command:${PLAYGROUND}`))));
  });
});

describe('Formula lens: CodeLens', () => {
  afterEach(async () => {
    await setSetting('codeLens.mode', undefined);
    await setSetting('codeLens.maxLines', undefined);
  });

  it('one lens row per line with mentions, titled with the formula and the values in the code', async () => {
    const { document } = await openExample('keras_classifier.py');
    const lenses = await waitFor(async () => {
      const found = await lensesOf(document.uri);
      return found.length > 0 ? found : undefined;
    }, 'formula lenses');
    const byLine = new Map<number, vscode.CodeLens[]>();
    for (const lens of lenses) byLine.set(lens.range.start.line, [...(byLine.get(lens.range.start.line) ?? []), lens]);
    for (const [line, row] of byLine) {
      // Lenses of a line all start at its first column, so VS Code draws one row for them.
      assert.ok(row.every((lens) => lens.range.start.character === 0 && lens.range.isEmpty), `line ${line}`);
    }
    const title = (text: string) => (byLine.get(lineOf(document, text)) ?? []).map((lens) => lens.command!.title);
    assert.deepEqual(title('LeakyReLU(negative_slope=0.2)'), ['LeakyReLU(x) = x (x > 0); α·x (x ≤ 0) (negative_slope=0.2)']);
    assert.deepEqual(title('activation="relu"'), ['ReLU(x) = max(0, x)']);
    assert.deepEqual(title('Huber(delta=1.5)'), ['Huber: ℓ = ½d² (|d| ≤ δ); δ·(|d| − ½δ) (|d| > δ), d = ŷ − y (delta=1.5)']);
    const softmaxLine = lineOf(document, 'Dense(num_classes, activation="softmax")');
    assert.match(title('Dense(num_classes, activation="softmax")')[0]!, /^softmax\(x\)ᵢ = e\^\(xᵢ\) \/ Σⱼ e\^\(xⱼ\)/);
    const lens = byLine.get(softmaxLine)![0]!;
    assert.deepEqual(lens.command!.arguments, [{ focus: { kind: 'activation', id: 'softmax', params: {}, framework: 'keras' } }]);
    assert.ok(lens.command!.tooltip?.includes('softmax'));
    // Every mention's line has its row, and no line without a mention has one.
    const mentionLines = ['"relu"', '"gelu"', 'LeakyReLU(negative_slope', 'CategoricalCrossentropy(label', '"selu"', '"binary_crossentropy"', '"swish"', '"elu"', 'Huber(delta', 'SparseCategoricalCrossentropy(from', 'losses.categorical_crossentropy(', 'hard_sigmoid('].map((text) => lineOf(document, text));
    mentionLines.push(positionOf(document, '"softmax"', 0, 0).line, positionOf(document, '"softmax"', 0, 1).line);
    assert.deepEqual([...byLine.keys()].sort((a, b) => a - b), [...new Set(mentionLines)].sort((a, b) => a - b));
  });

  it('a line with two functions gets one row with a lens for each', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'python', content: 'import torch\nimport torch.nn.functional as F\nloss = F.binary_cross_entropy(torch.sigmoid(z), y)\n' });
    const lenses = await waitFor(async () => {
      const found = await lensesOf(document.uri);
      return found.length >= 2 ? found : undefined;
    }, 'two lenses on one line');
    assert.ok(lenses.every((lens) => lens.range.start.line === 2 && lens.range.start.character === 0));
    assert.deepEqual(lenses.map((lens) => (lens.command!.arguments![0] as { focus: { id: string } }).focus.id).sort(), ['binary_crossentropy', 'sigmoid']);
  });

  it('formulaLens.codeLens.mode: "losses" keeps only losses, "off" removes every lens; maxLines quiets long files', async () => {
    const { document } = await openExample('torch_training.py');
    const all = await waitFor(async () => {
      const found = await lensesOf(document.uri);
      return found.length > 0 ? found : undefined;
    }, 'formula lenses');
    assert.ok(all.some((lens) => (lens.command!.arguments![0] as { focus: { kind: string } }).focus.kind === 'activation'));
    // Values are listed under the name the code wrote: torch's `dim`, not the catalog's `axis`.
    assert.ok(all.some((lens) => lens.command!.title.startsWith('log_softmax(x)ᵢ = ') && lens.command!.title.endsWith('(dim=-1)')), all.map((lens) => lens.command!.title).join(' / '));
    await setSetting('codeLens.mode', 'losses');
    const losses = await waitFor(async () => {
      const found = await lensesOf(document.uri);
      return found.length > 0 && found.every((lens) => (lens.command!.arguments![0] as { focus: { kind: string } }).focus.kind === 'loss') ? found : undefined;
    }, 'loss lenses only');
    assert.ok(losses.length < all.length);
    await setSetting('codeLens.mode', 'off');
    await waitFor(async () => ((await lensesOf(document.uri)).length === 0 ? true : undefined), 'no lens');
    await setSetting('codeLens.mode', 'all');
    await setSetting('codeLens.maxLines', 20);
    await waitFor(async () => ((await lensesOf(document.uri)).length === 0 ? true : undefined), 'no lens in a file longer than maxLines');
    await setSetting('codeLens.maxLines', 0);
    await waitFor(async () => ((await lensesOf(document.uri)).length === all.length ? true : undefined), 'every lens back with no line limit');
  });
});

/** A misuse in examples/, where its warning is and what its quick fix makes of that line. */
interface MisuseCase {
  readonly file: string;
  readonly language: string;
  readonly code: string;
  /** Text on the warned line. */
  readonly line: string;
  /** The warned range's text. */
  readonly range: string;
  /** The line after the quick fix. */
  readonly fixed: string;
}

const CASES: readonly MisuseCase[] = [
  { file: 'keras_classifier.py', language: 'python', code: 'single-unit-softmax', line: 'layers.Dense(1, activation="softmax")', range: 'softmax', fixed: '            layers.Dense(1, activation="sigmoid"),' },
  { file: 'torch_training.py', language: 'python', code: 'softmax-before-cross-entropy', line: 'return self.probabilities(self.head(h))', range: 'probabilities', fixed: '        return self.head(h)' },
  { file: 'torch_training.py', language: 'python', code: 'kl-div-mean-reduction', line: 'nn.KLDivLoss(reduction="mean")', range: '"mean"', fixed: '        self.kl = nn.KLDivLoss(reduction="batchmean")' },
  { file: 'tfjs/model.ts', language: 'typescript', code: 'tfjs-unsupported-name', line: "loss: 'categorical_crossentropy'", range: 'categorical_crossentropy', fixed: "    loss: 'categoricalCrossentropy'," },
  { file: 'misuses/torch_binary.py', language: 'python', code: 'bce-without-sigmoid', line: 'criterion = nn.BCELoss()', range: 'BCELoss', fixed: '    criterion = nn.BCEWithLogitsLoss()' },
  { file: 'misuses/torch_attention.py', language: 'python', code: 'softmax-without-dim', line: 'weights = F.softmax(scores)', range: 'softmax', fixed: '    weights = F.softmax(scores, dim=-1)' },
  { file: 'misuses/torch_attention.py', language: 'python', code: 'activation-before-logits-loss', line: 'torch.sigmoid(logits), targets', range: 'sigmoid', fixed: '    return F.binary_cross_entropy_with_logits(logits, targets)' },
  { file: 'misuses/keras_logits.py', language: 'python', code: 'activation-before-logits-loss', line: 'SparseCategoricalCrossentropy(from_logits=True)', range: 'True', fixed: '    model.compile(optimizer="adam", loss=losses.SparseCategoricalCrossentropy(from_logits=False))' },
];

/** Every misuse code, from the `formulaLens.warnings.disabled` setting's enum. */
function misuseCodes(): string[] {
  const properties = (manifest() as unknown as { contributes: { configuration: { properties: Record<string, { items?: { enum?: string[] } }> } } }).contributes.configuration.properties;
  return properties['formulaLens.warnings.disabled']!.items!.enum!;
}

describe('Formula lens: misuse warnings and quick fixes', () => {
  afterEach(async () => {
    await setSetting('warnings.disabled', undefined);
  });

  it('examples/ holds a deliberate misuse for every rule', () => {
    const covered = new Set(CASES.map((c) => c.code));
    assert.deepEqual(misuseCodes().filter((code) => !covered.has(code)), []);
  });

  for (const misuse of CASES) {
    it(`${misuse.code} in ${misuse.file}: a diagnostic where the misuse is`, async () => {
      const { document } = await openExample(misuse.file);
      const line = lineOf(document, misuse.line);
      const diagnostics = await lensDiagnostics(document.uri, (d) => d.some((x) => x.code === misuse.code && x.range.start.line === line), `${misuse.code} on line ${line + 1}`);
      const diagnostic = diagnostics.find((x) => x.code === misuse.code && x.range.start.line === line)!;
      assert.equal(document.getText(diagnostic.range), misuse.range);
      assert.equal(diagnostic.severity, misuse.code === 'bce-without-sigmoid' ? vscode.DiagnosticSeverity.Information : vscode.DiagnosticSeverity.Warning);
      assert.ok(diagnostic.message.length > 20 && !/\{\w+\}/.test(diagnostic.message), diagnostic.message);
    });

    it(`${misuse.code} in ${misuse.file}: the quick fix is one preferred edit that fixes the line`, async () => {
      const document = await untitledCopy(misuse.file, misuse.language);
      try {
        const line = lineOf(document, misuse.line);
        const diagnostic = (await lensDiagnostics(document.uri, (d) => d.some((x) => x.code === misuse.code && x.range.start.line === line))).find((x) => x.code === misuse.code && x.range.start.line === line)!;
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
        // The API command returns actions without their diagnostics: every quick fix with an edit here is ours.
        const fixes = actions.filter((action) => action.kind?.value === vscode.CodeActionKind.QuickFix.value && action.edit);
        assert.equal(fixes.length, 1, `one quick fix for ${misuse.code}: ${actions.map((a) => a.title).join(', ')}`);
        const fix = fixes[0]!;
        assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
        assert.equal(fix.isPreferred, true);
        assert.ok(fix.title.length > 3 && !/\{\w+\}/.test(fix.title), fix.title);
        assert.ok(fix.edit);
        const edits = fix.edit.entries();
        assert.equal(edits.length, 1, 'one document');
        assert.equal(edits[0]![1].length, 1, 'one text edit: one undo step');
        assert.ok(await vscode.workspace.applyEdit(fix.edit));
        assert.equal(document.lineAt(line).text, misuse.fixed);
        await lensDiagnostics(document.uri, (d) => !d.some((x) => x.code === misuse.code && x.range.start.line === line), `${misuse.code} gone after the fix`);
        await vscode.commands.executeCommand('undo');
        await waitFor(() => document.getText() === readFileSync(join(repoRoot, 'examples', misuse.file), 'utf8'), 'one undo restores the text');
      } finally {
        await closeWithoutSaving();
      }
    });
  }

  it('formulaLens.warnings.disabled turns a rule off (and back on)', async () => {
    const { document } = await openExample('torch_training.py');
    await lensDiagnostics(document.uri, (d) => d.some((x) => x.code === 'kl-div-mean-reduction'));
    await setSetting('warnings.disabled', ['kl-div-mean-reduction']);
    const remaining = await lensDiagnostics(document.uri, (d) => !d.some((x) => x.code === 'kl-div-mean-reduction') && d.length > 0, 'the rule to go quiet');
    assert.ok(remaining.some((x) => x.code === 'softmax-before-cross-entropy'), 'other rules stay on');
    const range = remaining[0]!.range;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, new vscode.Range(lineOf(document, 'KLDivLoss'), 0, lineOf(document, 'KLDivLoss'), 80));
    assert.ok(!actions.some((action) => action.title.includes('batchmean')), `no quick fix for a disabled rule (checked near ${range.start.line})`);
    await setSetting('warnings.disabled', []);
    await lensDiagnostics(document.uri, (d) => d.some((x) => x.code === 'kl-div-mean-reduction'), 'the rule back on');
  });

  it('diagnostics follow edits (debounced) and correct code has none', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'python', content: 'import torch.nn as nn\nprobs = nn.Softmax()\n' });
    await vscode.window.showTextDocument(document);
    try {
      await lensDiagnostics(document.uri, (d) => d.some((x) => x.code === 'softmax-without-dim'));
      const editor = vscode.window.activeTextEditor!;
      await editor.edit((builder) => builder.replace(new vscode.Range(1, 0, 1, 20), 'probs = nn.Softmax(dim=1)'));
      await lensDiagnostics(document.uri, (d) => d.length === 0, 'no diagnostic for correct code');
    } finally {
      await closeWithoutSaving();
    }
  });
});

describe('Formula lens: notebooks', () => {
  it('cells are read with the notebook\'s imports; a misuse across cells is reported on its cell and fixed there', async () => {
    const uri = vscode.Uri.joinPath(examplesFolder().uri, 'misuses', 'notebook.ipynb');
    const notebook = await vscode.workspace.openNotebookDocument(uri);
    await vscode.window.showNotebookDocument(notebook);
    const codeCells = notebook.getCells().filter((cell) => cell.kind === vscode.NotebookCellKind.Code);
    const modelCell = codeCells.find((cell) => cell.document.getText().includes('nn.Sequential'))!.document;
    const lossCell = codeCells.find((cell) => cell.document.getText().includes('CrossEntropyLoss'))!.document;
    assert.equal(modelCell.uri.scheme, 'vscode-notebook-cell');
    const diagnostic = (await lensDiagnostics(modelCell.uri, (d) => d.some((x) => x.code === 'softmax-before-cross-entropy'))).find((x) => x.code === 'softmax-before-cross-entropy')!;
    assert.equal(modelCell.getText(diagnostic.range), 'Softmax');

    // The loss cell has no import of its own: torch semantics come from the first cell.
    const hover = (await lensHover(lossCell, 'CrossEntropyLoss')).text;
    assert.match(hover, /^\*\*nn\.CrossEntropyLoss\*\* · .* · PyTorch/);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', modelCell.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((action) => action.kind?.value === vscode.CodeActionKind.QuickFix.value && action.edit);
    assert.ok(fix?.edit, 'a quick fix in the cell');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    try {
      assert.ok(modelCell.getText().includes('nn.Linear(16, 3))'), modelCell.getText());
      await lensDiagnostics(modelCell.uri, (d) => d.length === 0, 'the warning gone after the fix');
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});
