/**
 * Localization completeness: every user-visible string exists in English and Simplified Chinese,
 * and host code shows no raw string literal where a localized one belongs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const root = process.cwd();

function listFiles(dir: string, suffix: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full, suffix) : full.endsWith(suffix) ? [full] : [];
  });
}

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(root, path), 'utf8')) as Record<string, unknown>;
}

const sourceFiles = [...listFiles(join(root, 'src'), '.ts'), ...listFiles(join(root, 'webview'), '.ts')];
const parsed = sourceFiles.map((file) => ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true));

function visit(node: ts.Node, callback: (node: ts.Node) => void): void {
  callback(node);
  node.forEachChild((child) => visit(child, callback));
}

function where(node: ts.Node): string {
  const source = node.getSourceFile();
  const { line, character } = source.getLineAndCharacterOfPosition(node.getStart());
  return `${relative(root, source.fileName)}:${line + 1}:${character + 1}`;
}

function propertyName(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;
}

test('manifest strings: every %key% of package.json exists in English and Chinese, and the two files have the same keys', () => {
  const manifest = readFileSync(join(root, 'package.json'), 'utf8');
  const english = readJson('package.nls.json');
  const chinese = readJson('package.nls.zh-cn.json');
  const used = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!);
  assert.deepEqual(used.filter((key) => !(key in english)), [], 'keys used in package.json but missing in package.nls.json');
  assert.deepEqual(Object.keys(english).filter((key) => !(key in chinese)), [], 'missing in package.nls.zh-cn.json');
  assert.deepEqual(Object.keys(chinese).filter((key) => !(key in english)), [], 'only in package.nls.zh-cn.json');
  for (const [key, value] of Object.entries(chinese)) assert.ok(typeof value === 'string' && value.trim() !== '', `empty Chinese text for ${key}`);
});

test('manifest: user-visible fields of package.json go through %keys%', () => {
  const pkg = readJson('package.json') as { displayName: string; description: string; contributes: Record<string, unknown> };
  const raw: string[] = [];
  const check = (value: unknown, path: string) => {
    if (typeof value === 'string' && !/^%[^%]+%$/.test(value)) raw.push(`${path} = ${JSON.stringify(value)}`);
  };
  check(pkg.displayName, 'displayName');
  check(pkg.description, 'description');
  const contributes = pkg.contributes as { commands?: { title: string; category?: string; command: string }[]; configuration?: { title?: string; properties?: Record<string, Record<string, unknown>> }; walkthroughs?: { title: string; description: string; steps: { title: string; description: string; media?: { altText?: string } }[] }[]; views?: Record<string, { name: string }[]>; viewsContainers?: Record<string, { title: string }[]> };
  for (const command of contributes.commands ?? []) {
    check(command.title, `commands[${command.command}].title`);
    check(command.category, `commands[${command.command}].category`);
  }
  check(contributes.configuration?.title, 'configuration.title');
  for (const [name, property] of Object.entries(contributes.configuration?.properties ?? {})) {
    check(property.description ?? property.markdownDescription, `configuration.${name}.description`);
    for (const [i, text] of ((property.enumDescriptions ?? property.markdownEnumDescriptions ?? []) as string[]).entries()) check(text, `configuration.${name}.enumDescriptions[${i}]`);
  }
  for (const walkthrough of contributes.walkthroughs ?? []) {
    check(walkthrough.title, 'walkthrough.title');
    check(walkthrough.description, 'walkthrough.description');
    for (const step of walkthrough.steps) {
      check(step.title, 'walkthrough step title');
      check(step.description, 'walkthrough step description');
      check(step.media?.altText, 'walkthrough step media altText');
    }
  }
  for (const views of Object.values(contributes.views ?? {})) for (const view of views) check(view.name, 'view name');
  for (const containers of Object.values(contributes.viewsContainers ?? {})) for (const container of containers) check(container.title, 'view container title');
  assert.deepEqual(raw, []);
});

test('host and webview strings: every l10n.t key has a Chinese translation, and the bundle has no stale keys', () => {
  const bundlePath = 'l10n/bundle.l10n.zh-cn.json';
  const bundle = readJson(bundlePath);
  const keys = new Set<string>();
  for (const source of parsed) {
    visit(source, (node) => {
      if (!ts.isCallExpression(node)) return;
      const callee = node.expression.getText(source);
      if (!/(^|\.)l10n\.t$/.test(callee)) return;
      const first = node.arguments[0];
      if (!first) return;
      if (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)) keys.add(first.text);
      else if (ts.isObjectLiteralExpression(first)) {
        const message = first.properties.find((p) => ts.isPropertyAssignment(p) && propertyName(p.name) === 'message') as ts.PropertyAssignment | undefined;
        if (message && ts.isStringLiteral(message.initializer)) keys.add(message.initializer.text);
      } else assert.fail(`${where(node)}: l10n.t needs a literal message so it can be translated`);
    });
  }
  const missing = [...keys].filter((key) => !(key in bundle));
  assert.deepEqual(missing, [], `keys missing in ${bundlePath}`);
  const stale = Object.keys(bundle).filter((key) => !keys.has(key) && !key.includes('/'));
  assert.deepEqual(stale, [], `keys in ${bundlePath} that no code uses`);
  for (const [key, value] of Object.entries(bundle)) assert.ok(typeof value === 'string' && value.trim() !== '', `empty translation for ${key}`);
});

test('core texts: every LocalizedText object literal has non-empty en and zh-cn', () => {
  const problems: string[] = [];
  for (const source of parsed) {
    visit(source, (node) => {
      if (!ts.isObjectLiteralExpression(node)) return;
      const props = new Map<string, ts.Expression>();
      for (const p of node.properties) if (ts.isPropertyAssignment(p)) { const name = propertyName(p.name); if (name) props.set(name, p.initializer); }
      if (!props.has('en') && !props.has('zh-cn')) return;
      // Only objects shaped like LocalizedText (string values under en / zh-cn).
      for (const key of ['en', 'zh-cn']) {
        const value = props.get(key);
        if (!value) { problems.push(`${where(node)}: missing ${key}`); continue; }
        if ((ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) && value.text.trim() === '') problems.push(`${where(node)}: empty ${key}`);
      }
    });
  }
  assert.deepEqual(problems, []);
});

test('host code shows no raw string literal to the user', () => {
  const hostFiles = parsed.filter((source) => /[/\\]src[/\\](commands|providers|panel|extension\.ts|[^/\\]+\.ts$)/.test(source.fileName) && !/[/\\]src[/\\](core|protocol|cli)[/\\]/.test(source.fileName));
  const userFacingCalls = /^(vscode\.)?window\.(showInformationMessage|showWarningMessage|showErrorMessage|showInputBox|showQuickPick|withProgress|setStatusBarMessage|createWebviewPanel)$/;
  const userFacingProps = new Set(['placeHolder', 'prompt', 'title', 'tooltip', 'label', 'detail', 'description']);
  const problems: string[] = [];
  const isRawText = (node: ts.Node) => (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && /[A-Za-z]{2,}\s+[A-Za-z]{2,}/.test(node.text);
  for (const source of hostFiles) {
    visit(source, (node) => {
      if (ts.isCallExpression(node) && userFacingCalls.test(node.expression.getText(source))) {
        for (const arg of node.arguments) if (isRawText(arg)) problems.push(`${where(arg)}: ${arg.getText(source)}`);
      }
      if (ts.isPropertyAssignment(node) && userFacingProps.has(propertyName(node.name) ?? '') && isRawText(node.initializer)) {
        problems.push(`${where(node.initializer)}: ${node.initializer.getText(source)}`);
      }
    });
  }
  assert.deepEqual(problems, [], 'wrap these in vscode.l10n.t(...)');
});

/**
 * English prose left in a text: words of three or more letters once code spans, placeholders, identifiers
 * (snake_case, dotted, camelCase), the product name and framework names are removed. A Chinese text for
 * English with prose must contain Chinese characters; math such as `x ≤ {0}` may stay identical.
 */
function englishProse(text: string): string[] {
  const stripped = text
    .replace(/`[^`]*`/g, ' ')
    .replace(/\{\w+\}/g, ' ')
    .replace(/\b(?:https?|command):\S+/g, ' ')
    .replace(/\b\w+(?:[_.]\w+)+\b/g, ' ')
    .replace(/\b[a-z]+[A-Z]\w*\b/g, ' ')
    .replace(/Formula Lens|PyTorch|Keras|TensorFlow(?:\.js)?|TF\.js|NumPy|LaTeX|JSON|YAML|CSV|PNG|SVG/g, ' ');
  return stripped.match(/[A-Za-z]{3,}/g) ?? [];
}

/** True when a text has English prose: a word of four or more letters, or two words of three or more. */
function hasProse(text: string): boolean {
  const words = englishProse(text);
  return words.length >= 2 || words.some((word) => word.length >= 4);
}

const HAN = /[\u3400-\u9fff]/;

/** Sorted placeholders of a text: `{0}` for l10n.t strings, `{name}` for core texts. */
function placeholders(text: string): string {
  return [...text.matchAll(/\{\w+\}/g)].map((match) => match[0]).sort().join(' ');
}

/** Problems of one English/Chinese pair: same placeholders, and Chinese characters wherever English has prose. */
function pairProblems(label: string, english: string, chinese: string): string[] {
  const problems: string[] = [];
  if (placeholders(english) !== placeholders(chinese)) problems.push(`${label}: placeholders differ (${placeholders(english) || 'none'} vs ${placeholders(chinese) || 'none'})`);
  if (hasProse(english) && !HAN.test(chinese)) problems.push(`${label}: the Chinese text ${JSON.stringify(chinese)} has no Chinese for ${JSON.stringify(english)}`);
  return problems;
}

test('translations keep every placeholder and are Chinese wherever the English has prose (bundle and manifest)', () => {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(readJson('l10n/bundle.l10n.zh-cn.json'))) problems.push(...pairProblems(`bundle ${JSON.stringify(key)}`, key, String(value)));
  const english = readJson('package.nls.json');
  const chinese = readJson('package.nls.zh-cn.json');
  for (const [key, value] of Object.entries(english)) if (typeof chinese[key] === 'string') problems.push(...pairProblems(`package.nls ${key}`, String(value), String(chinese[key])));
  assert.deepEqual(problems, []);
});

test('core texts: zh-cn keeps the placeholders of en and is Chinese wherever en has prose', () => {
  const problems: string[] = [];
  for (const source of parsed) {
    visit(source, (node) => {
      if (!ts.isObjectLiteralExpression(node)) return;
      const texts = new Map<string, string>();
      for (const p of node.properties) {
        if (!ts.isPropertyAssignment(p)) continue;
        const name = propertyName(p.name);
        if ((name === 'en' || name === 'zh-cn') && (ts.isStringLiteral(p.initializer) || ts.isNoSubstitutionTemplateLiteral(p.initializer))) texts.set(name, p.initializer.text);
      }
      const english = texts.get('en');
      const chinese = texts.get('zh-cn');
      if (english !== undefined && chinese !== undefined) problems.push(...pairProblems(where(node), english, chinese));
    });
  }
  assert.deepEqual(problems, []);
});

/** Product terms with one Chinese name everywhere (the panel title, hover links, commands, the walkthrough). */
const GLOSSARY: Readonly<Record<string, string>> = { Playground: '演练场' };

/** Glossary terms of an English text that its Chinese text leaves in English or names otherwise. */
function glossaryProblems(label: string, english: string, chinese: string): string[] {
  return Object.entries(GLOSSARY)
    .filter(([term, chineseTerm]) => english.includes(term) && (chinese.includes(term) || !chinese.includes(chineseTerm)))
    .map(([term, chineseTerm]) => `${label}: "${term}" is "${chineseTerm}" in Chinese: ${JSON.stringify(chinese)}`);
}

test('Chinese texts name product terms as the glossary does (Playground is 演练场)', () => {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(readJson('l10n/bundle.l10n.zh-cn.json'))) problems.push(...glossaryProblems(`bundle ${JSON.stringify(key)}`, key, String(value)));
  const english = readJson('package.nls.json');
  const chinese = readJson('package.nls.zh-cn.json');
  for (const [key, value] of Object.entries(english)) if (typeof chinese[key] === 'string') problems.push(...glossaryProblems(`package.nls ${key}`, String(value), String(chinese[key])));
  for (const source of parsed) {
    visit(source, (node) => {
      if (!ts.isObjectLiteralExpression(node)) return;
      const texts = new Map<string, string>();
      for (const p of node.properties) {
        const name = ts.isPropertyAssignment(p) ? propertyName(p.name) : undefined;
        if (ts.isPropertyAssignment(p) && (name === 'en' || name === 'zh-cn') && (ts.isStringLiteral(p.initializer) || ts.isNoSubstitutionTemplateLiteral(p.initializer))) texts.set(name, p.initializer.text);
      }
      const en = texts.get('en');
      const zh = texts.get('zh-cn');
      if (en !== undefined && zh !== undefined) problems.push(...glossaryProblems(where(node), en, zh));
    });
  }
  assert.deepEqual(problems, []);
});

/** The text of a string or template literal (template parts joined by a space), else undefined. */
function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ');
  return undefined;
}

/** Raw English in webview page code: element text, control labels, accessible names and text properties. */
function webviewRawText(sources: readonly ts.SourceFile[]): string[] {
  // DOM helpers of webview/dom.ts: el(tag, attributes, ...children) and the controls whose first argument is their label.
  const labelHelpers = new Set(['button', 'checkbox', 'labelled']);
  const textAttributes = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'title', 'placeholder', 'alt', 'label']);
  const textProperties = new Set(['textContent', 'innerText', 'title', 'placeholder', 'ariaLabel', 'alt']);
  const problems: string[] = [];
  const flag = (node: ts.Node) => {
    const text = literalText(node);
    if (text !== undefined && hasProse(text)) problems.push(`${where(node)}: ${node.getText()}`);
  };
  for (const source of sources) {
    visit(source, (node) => {
      if (ts.isCallExpression(node)) {
        const callee = node.expression.getText(source);
        if (callee === 'el') node.arguments.slice(2).forEach(flag);
        if (labelHelpers.has(callee) && node.arguments[0]) flag(node.arguments[0]);
        if (callee === 'labelled' && node.arguments[2]) flag(node.arguments[2]);
        if (/\.setAttribute$/.test(callee) && node.arguments[0] && textAttributes.has(literalText(node.arguments[0]) ?? '') && node.arguments[1]) flag(node.arguments[1]);
      }
      if (ts.isPropertyAssignment(node) && textAttributes.has(propertyName(node.name) ?? '')) flag(node.initializer);
      if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left) && textProperties.has(node.left.name.text)) flag(node.right);
    });
  }
  return problems;
}

/** Raw English in host code: Markdown, diagnostics, code actions, lenses, and text between tags of generated HTML. */
function hostRawText(sources: readonly ts.SourceFile[]): string[] {
  const textConstructors = /^(vscode\.)?(MarkdownString|Diagnostic|CodeAction|CodeLens|TreeItem|InlayHint)$/;
  const textMethods = /\.(appendMarkdown|appendText)$/;
  const problems: string[] = [];
  const flag = (node: ts.Node) => {
    const text = literalText(node);
    if (text !== undefined && hasProse(text)) problems.push(`${where(node)}: ${node.getText()}`);
  };
  for (const source of sources) {
    visit(source, (node) => {
      if (ts.isNewExpression(node) && textConstructors.test(node.expression.getText(source))) (node.arguments ?? []).forEach(flag);
      if (ts.isCallExpression(node) && textMethods.test(node.expression.getText(source)) && node.arguments[0]) flag(node.arguments[0]);
      // Text between HTML tags in generated pages, e.g. `<h3>Some words</h3>`.
      const text = ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node) ? node.text : undefined;
      if (text !== undefined) {
        for (const match of text.matchAll(/>([^<>$]*)</g)) if (hasProse(match[1]!)) problems.push(`${where(node)}: HTML text ${JSON.stringify(match[1]!.trim())}`);
      }
    });
  }
  return problems;
}

test('webview pages show no raw English: element text, buttons, labels and accessible names go through l10n.t', () => {
  const pageFiles = parsed.filter((source) => /[/\\]webview[/\\]/.test(source.fileName));
  assert.ok(pageFiles.length > 0, 'no webview source found');
  assert.deepEqual(webviewRawText(pageFiles), [], 'wrap these in l10n.t(...) from @vscode/l10n');
});

test('host views and editor features show no raw English: HTML text, Markdown, diagnostics, code actions', () => {
  const hostFiles = parsed.filter((source) => /[/\\]src[/\\](commands|providers|panel)[/\\]/.test(source.fileName));
  assert.deepEqual(hostRawText(hostFiles), [], 'wrap these in vscode.l10n.t(...)');
});

test('the raw-text checks catch what they look for (and let math and localized text through)', () => {
  const sample = (name: string, code: string) => ts.createSourceFile(join(root, name), code, ts.ScriptTarget.ES2022, true);
  const page = sample('webview/sample.ts', [
    "el('p', {}, 'Add an activation to draw it.');",
    "button('Save', save);",
    "el('div', { 'aria-label': `Chart of ${name}` });",
    "node.textContent = 'Loading the chart';",
    "el('th', {}, 'f(x)'); el('p', {}, l10n.t('Add an activation to draw it.')); button(l10n.t('Save'), save);",
  ].join('\n'));
  assert.equal(webviewRawText([page]).length, 4);
  const host = sample('src/providers/sample.ts', [
    "new vscode.Diagnostic(range, 'Softmax before cross-entropy');",
    "markdown.appendMarkdown('Open in Playground');",
    "const html = `<h3>Gradient with respect to y_pred</h3>`;",
    "new vscode.Diagnostic(range, vscode.l10n.t('Softmax before cross-entropy')); const cell = `<td>${value}</td><th>f′(x)</th>`;",
  ].join('\n'));
  assert.equal(hostRawText([host]).length, 3);
  assert.deepEqual(pairProblems('sample', 'Save', 'Save'), ['sample: the Chinese text "Save" has no Chinese for "Save"']);
  assert.deepEqual(pairProblems('sample', '{0} ≤ x ≤ {1}', '{0} ≤ x ≤ {1}'), []);
  assert.equal(pairProblems('sample', 'Saved {0}', '已保存').length, 1);
});
