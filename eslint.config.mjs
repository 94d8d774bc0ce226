// ESLint flat config. The restricted-import rules back the per-folder tsconfig boundaries:
// src/core and src/protocol are pure (no vscode, no node built-ins, no DOM), webview/ never imports vscode.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.cache/**', 'test-results/**', '.vscode-test/**', 'examples/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.mjs', 'scripts/**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly', fetch: 'readonly', setInterval: 'readonly', clearInterval: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/protocol/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'src/core and src/protocol are pure: no vscode import.' }, ...nodeBuiltins.map((name) => ({ name, message: 'src/core and src/protocol are pure: no node built-ins.' }))],
        patterns: [{ group: ['../commands/*', '../providers/*', '../panel/*', '../extension', '../cli', '*/webview/*'], message: 'The core may not depend on host or webview code.' }],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'require', 'Buffer', 'navigator'],
    },
  },
  {
    files: ['webview/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'The webview cannot use the vscode API; post a message to the host.' }, ...nodeBuiltins.map((name) => ({ name, message: 'The webview runs in a browser: no node built-ins.' }))] }],
    },
  },
);
