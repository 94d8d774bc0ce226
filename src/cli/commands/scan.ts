/** `formula-lens scan FILE`: every activation and loss a source, config or notebook file names. */
import { extname } from 'node:path';
import { scanDocument, scanNotebook, type Mention } from '../../core/scan/index';
import { localize } from '../../core/l10n';
import { stringifyNumbers } from '../../core/jsonNumbers';
import { fail, readTextFile, type CliIO } from '../io';
import { cliMessages } from '../messages';
import { renderTable } from '../table';

/** VS Code language ids by file extension (the scanner speaks language ids). */
const LANGUAGE_BY_EXTENSION: Readonly<Record<string, string>> = {
  '.py': 'python', '.pyi': 'python', '.js': 'javascript', '.mjs': 'javascript', '.cjs': 'javascript', '.jsx': 'javascriptreact',
  '.ts': 'typescript', '.mts': 'typescript', '.cts': 'typescript', '.tsx': 'typescriptreact', '.json': 'json', '.jsonc': 'jsonc',
  '.yaml': 'yaml', '.yml': 'yaml', '.ipynb': 'jupyter',
};

/** The JSON form of a mention: 1-based line and column of the name token. */
function mentionJson(mention: Mention): Record<string, unknown> {
  return {
    line: mention.range.startLine + 1,
    column: mention.range.startCharacter + 1,
    endColumn: mention.range.endCharacter + 1,
    ...(mention.cell === undefined ? {} : { cell: mention.cell }),
    kind: mention.kind,
    name: mention.id,
    framework: mention.framework,
    api: mention.api,
    params: mention.params,
    ...(Object.keys(mention.expressions).length > 0 ? { expressions: mention.expressions } : {}),
    ...(mention.reduction === undefined ? {} : { reduction: mention.reduction }),
  };
}

/** Runs `scan FILE [--json]`. */
export function runScan(file: string | undefined, json: boolean, io: CliIO): number {
  if (!file) fail(cliMessages.missingArgument, { argument: 'FILE', expected: localize(cliMessages.expectedFile) });
  const languageId = LANGUAGE_BY_EXTENSION[extname(file).toLowerCase()];
  if (!languageId) fail(cliMessages.unknownFileType, { file });
  const text = readTextFile(file);
  const mentions = languageId === 'jupyter' ? scanNotebook(text).mentions : scanDocument(text, languageId).mentions;
  if (json) {
    io.out(stringifyNumbers({ mentions: mentions.map(mentionJson) }));
    return 0;
  }
  if (mentions.length === 0) {
    io.out(localize(cliMessages.noMentions, { file }));
    return 0;
  }
  const rows = mentions.map((m) => [
    `${m.cell === undefined ? '' : `[${m.cell}] `}${m.range.startLine + 1}:${m.range.startCharacter + 1}`,
    m.kind,
    m.id,
    m.api,
    m.framework,
    Object.entries({ ...m.params, ...m.expressions }).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`).join(', '),
  ]);
  io.out(renderTable([cliMessages.headerLocation, cliMessages.headerKind, cliMessages.headerName, cliMessages.headerApi, cliMessages.headerFramework, cliMessages.headerParams].map((t) => localize(t)), rows));
  return 0;
}
