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
  const contributes = pkg.contributes as { commands?: { title: string; category?: string; command: string }[]; configuration?: { title?: string; properties?: Record<string, Record<string, unknown>> }; walkthroughs?: { title: string; description: string; steps: { title: string; description: string }[] }[]; views?: Record<string, { name: string }[]>; viewsContainers?: Record<string, { title: string }[]> };
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
