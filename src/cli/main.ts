/** The `formula-lens` command line: argument parsing, dispatch, localized one-line errors. */
import { parseArgs } from 'node:util';
import { FormulaLensError, localize, setCoreLocale, toLocale } from '../core/l10n';
import { runBatch } from './commands/batch';
import { frameworkOption, reductionOption, runEval, runLoss } from './commands/evaluate';
import { runList } from './commands/list';
import { runScan } from './commands/scan';
import { runTrain } from './commands/train';
import { ExitCode, fail, readTextFile, type CliIO } from './io';
import { cliMessages } from './messages';
import { parseParamOptions } from './params';

/** Picks the language: --lang, else LC_ALL / LC_MESSAGES / LANG (`zh_CN*` gives Chinese). */
function chooseLocale(argv: readonly string[], env: NodeJS.ProcessEnv): void {
  const flag = argv.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
  const fromFlag = flag < 0 ? undefined : argv[flag]!.includes('=') ? argv[flag]!.split('=')[1] : argv[flag + 1];
  // Empty variables count as unset, as in POSIX locale resolution.
  setCoreLocale(toLocale(fromFlag || env.LC_ALL || env.LC_MESSAGES || env.LANG));
}

const OPTIONS = {
  json: { type: 'boolean' },
  grad: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  framework: { type: 'string', short: 'f' },
  param: { type: 'string', short: 'p', multiple: true },
  reduction: { type: 'string', short: 'r' },
  'y-true': { type: 'string' },
  'y-pred': { type: 'string' },
  'y-pred2': { type: 'string' },
  'y-pred3': { type: 'string' },
  steps: { type: 'string' },
  epochs: { type: 'string' },
  lang: { type: 'string' },
} as const;

/** Extra commands registered by later features (scan, train), looked up by name. */
export type CommandHandler = (positionals: readonly string[], values: Readonly<Record<string, unknown>>, io: CliIO) => Promise<number> | number;
const extraCommands = new Map<string, CommandHandler>();

/** Registers a command implemented in its own module. */
export function registerCommand(name: string, handler: CommandHandler): void {
  extraCommands.set(name, handler);
}

const NEGATIVE_NUMBER = /^-(\d|\.\d|inf|Infinity|nan)/i;
const VALUE_OPTIONS = new Set(Object.entries(OPTIONS).filter(([, spec]) => spec.type === 'string').flatMap(([name, spec]) => ['--' + name, ...('short' in spec ? ['-' + spec.short] : [])]));

/**
 * `eval relu -3` must read `-3` as the array, not as a flag: negative-number positionals move
 * behind a `--` (keeping their order), while option values such as `--y-true -1` stay in place.
 */
function withNegativeNumbersAsPositionals(argv: readonly string[]): string[] {
  const args: string[] = [];
  const trailing: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      trailing.push(...argv.slice(i + 1));
      break;
    }
    if (VALUE_OPTIONS.has(arg) && i + 1 < argv.length) {
      args.push(`${arg}=${argv[i + 1]!}`);
      i++;
    } else if (NEGATIVE_NUMBER.test(arg)) {
      trailing.push(arg);
    } else {
      args.push(arg);
    }
  }
  return trailing.length > 0 ? [...args, '--', ...trailing] : args;
}

async function dispatch(argv: readonly string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    // Negative numbers are values, not options: `eval relu -3` must not read `-3` as a flag.
    parsed = parseArgs({ args: withNegativeNumbersAsPositionals(argv), options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    return fail(cliMessages.badOption, { detail: (error as Error).message.split('\n')[0]! });
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || command === 'help') {
    io.out(localize(cliMessages.usage));
    return ExitCode.Ok;
  }
  if (!command) fail(cliMessages.missingCommand);
  const common = () => ({ framework: frameworkOption(values.framework), params: parseParamOptions(values.param), grad: values.grad ?? false, json: values.json ?? false });
  switch (command) {
    case 'list':
      return runList(values.json ?? false, io);
    case 'eval':
      return runEval(rest[0], rest[1], common(), io);
    case 'loss':
      return runLoss(rest[0], { yTrue: values['y-true'], yPred: values['y-pred'], yPred2: values['y-pred2'], yPred3: values['y-pred3'], reduction: reductionOption(values.reduction) }, common(), io);
    case 'batch':
      return runBatch(rest[0] === undefined || rest[0] === '-' ? await io.readStdin() : readTextFile(rest[0]), io);
    case 'scan':
      return runScan(rest[0], values.json ?? false, io);
    case 'train':
      return runTrain(rest[0], { steps: values.steps, epochs: values.epochs, json: values.json ?? false, ...(io.progress ? { progress: io.progress } : {}) }, io);
    default: {
      const handler = extraCommands.get(command);
      if (!handler) return fail(cliMessages.unknownCommand, { name: command });
      return handler(rest, values, io);
    }
  }
}

/** Runs the CLI and returns its exit code; expected errors print one line, never a stack trace. */
export async function runCli(argv: readonly string[], io: CliIO, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  chooseLocale(argv, env);
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof FormulaLensError) {
      io.err(`formula-lens: ${error.localizedMessage()}`);
      return ExitCode.Usage;
    }
    io.err(`formula-lens: ${localize(cliMessages.unexpectedError, { detail: (error as Error)?.message ?? String(error) })}`);
    return ExitCode.Internal;
  }
}
