/** Entry point of the `formula-lens` command (bundled to dist/cli.js). */
import { readProcessStdin } from './cli/io';
import { runCli } from './cli/main';

// A closed pipe (`formula-lens list | head`) is a normal end, not a crash.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

void runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  readStdin: readProcessStdin,
  // Progress redraws one line on a terminal and stays silent in pipes and CI logs.
  ...(process.stderr.isTTY ? { progress: (line: string, final: boolean) => process.stderr.write(`\r${line}\u001b[K${final ? '\n' : ''}`) } : {}),
}).then((code) => {
  process.exitCode = code;
});
