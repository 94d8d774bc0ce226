// Launches Debian's Chromium through playwright-core with the flags that work headless on these machines
// (Playwright's own browser download is not reachable). Shared by the integration and e2e runners.
import { chromium } from 'playwright-core';

/** Chromium flags for a headless, sandbox-less, offline run (also used by test/e2e). */
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

/** Starts Chromium with a fresh throw-away profile, made under `tmpDir` (Playwright uses the OS temp folder). */
export function launchChromium(executablePath, tmpDir) {
  if (tmpDir) process.env.TMPDIR = tmpDir;
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}
