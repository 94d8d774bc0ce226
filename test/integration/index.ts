/**
 * Mocha entry point loaded by VS Code as `extensionTestsPath` (desktop through @vscode/test-electron, or the
 * VS Code server in smoke-test-driver mode). Runs every `*.test.js` next to this file, so adding a suite is
 * adding a `test/integration/<feature>.test.ts` file.
 */
import Mocha from 'mocha';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';

/** The counts the launcher checks: a run with zero tests is a failure. */
interface SuiteReport {
  passed: number;
  failed: number;
  pending: number;
  failures: { title: string; message: string }[];
  /** The spec reporter's lines: the launchers print them (the host's console is not reliably forwarded). */
  output: string[];
}

/** Called by VS Code once the extension host is up; the returned promise rejects when any test failed. */
export function run(): Promise<void> {
  const grep = process.env.FORMULA_LENS_TEST_GREP;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, ...(grep ? { grep } : {}) });
  const files = readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort();
  for (const file of files) mocha.addFile(join(__dirname, file));

  const report: SuiteReport = { passed: 0, failed: 0, pending: 0, failures: [], output: [] };
  // The spec reporter prints through Base.consoleLog with printf-style arguments: format them here, once.
  (Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void }).consoleLog = (...args: unknown[]) => {
    const line = format(...args);
    report.output.push(line);
    console.log(line);
  };
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      // The launchers read this file for the counts and the output.
      const reportFile = process.env.FORMULA_LENS_TEST_REPORT;
      if (reportFile) writeFileSync(reportFile, JSON.stringify(report, null, 2));
      console.log(`${report.passed} passed, ${report.failed} failed, ${report.pending} skipped`);
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed.`));
      else if (report.passed === 0) reject(new Error('No integration test ran.'));
      else resolve();
    });
    runner.on('pass', () => report.passed++);
    runner.on('pending', () => report.pending++);
    runner.on('fail', (test, error: Error) => {
      report.failed++;
      report.failures.push({ title: test.fullTitle(), message: error?.stack ?? String(error) });
    });
  });
}
