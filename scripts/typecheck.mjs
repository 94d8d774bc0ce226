// Type-checks every folder with its own tsconfig, so a forbidden import (vscode or DOM in the core) fails.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const projects = ['src/core', 'src/protocol', '.', 'webview', 'test/unit', 'test/integration', 'test/e2e', 'bench']
  .filter((dir) => existsSync(`${dir}/tsconfig.json`));
let failed = false;
for (const project of projects) {
  const result = spawnSync(process.execPath, [tsc, '--noEmit', '-p', project], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`typecheck failed in ${project}`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
