/** The CLI's contact with the outside: output streams, files, stdin, and the user-error type. */
import { readFileSync } from 'node:fs';
import { FormulaLensError, type LocalizedText } from '../core/l10n';
import { cliMessages } from './messages';

/** Where a command writes; tests pass collectors instead of process streams. */
export interface CliIO {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly readStdin: () => Promise<string>;
  /** A transient progress line (a terminal's stderr); absent when output is not a terminal. */
  readonly progress?: (line: string, final: boolean) => void;
}

/** Exit codes: 0 success, 2 usage or input error (one clear line on stderr), 1 internal failure. */
export const ExitCode = { Ok: 0, Internal: 1, Usage: 2 } as const;

/** Throws a user-facing CLI error. */
export function fail(text: LocalizedText, args: Record<string, string | number> = {}): never {
  throw new FormulaLensError(text, args);
}

/** Reads a UTF-8 file, turning I/O errors into a clear one-line error naming the file. */
export function readTextFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    return fail(cliMessages.cannotRead, { file: path, reason });
  }
}

/** Reads all of stdin as UTF-8. */
export async function readProcessStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
