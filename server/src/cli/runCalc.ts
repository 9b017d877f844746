import { resolve } from 'node:path';
import { computeValue } from '@parley/shared/engine';
import { formatValueTable } from '@parley/shared/report';
import {
  isTermSheetFormat,
  TERMSHEET_FORMAT_V1 as TERMSHEET_FORMAT_V1,
  validateTermSheet,
} from '@parley/shared/termsheet';

export type CalcIo = {
  /** Directory that relative FILE arguments are resolved against. */
  cwd: string;
  readFile(path: string): Promise<string>;
  stdout(text: string): void;
  stderr(text: string): void;
};

export const calcUsage = [
  'Usage: pnpm calc FILE [--format json|table]',
  '',
  `Computes the value sharing of a ${TERMSHEET_FORMAT_V1} file.`,
  '  --format json   print the parley.value/v1 result (default)',
  '  --format table  print a readable table per scenario and the issues',
  '',
  'Exit status: 0 no errors, 1 the term sheet has errors (they are printed),',
  `2 the file is unreadable, not JSON or not ${TERMSHEET_FORMAT_V1}, or bad arguments.`,
].join('\n');

export const calcExit = { ok: 0, termSheetErrors: 1, badInput: 2 } as const;

type Format = 'json' | 'table';
type Parsed = { file: string; format: Format; help: boolean } | { error: string };

function parseArgs(argv: readonly string[]): Parsed {
  let file: string | undefined;
  let format: Format = 'json';
  let help = false;
  let optionsEnded = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!optionsEnded && arg === '--') {
      optionsEnded = true;
    } else if (!optionsEnded && (arg === '--help' || arg === '-h')) {
      help = true;
    } else if (!optionsEnded && (arg === '--format' || arg.startsWith('--format='))) {
      const value = arg === '--format' ? argv[++i] : arg.slice('--format='.length);
      if (value !== 'json' && value !== 'table') {
        return { error: `--format must be json or table, got ${value ?? 'nothing'}` };
      }
      format = value;
    } else if (!optionsEnded && arg.startsWith('-') && arg !== '-') {
      return { error: `unknown option ${arg}` };
    } else if (file === undefined) {
      file = arg;
    } else {
      return { error: `unexpected argument ${arg} (only one FILE is read)` };
    }
  }
  if (help) return { file: file ?? '', format, help };
  if (file === undefined) return { error: 'missing FILE' };
  return { file, format, help };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * `pnpm calc` without the process: returns the exit status instead of exiting, so the
 * whole command can be tested in-process.
 */
export async function runCalc(argv: readonly string[], io: CalcIo): Promise<number> {
  const args = parseArgs(argv);
  if ('error' in args) {
    io.stderr(`calc: ${args.error}\n\n${calcUsage}\n`);
    return calcExit.badInput;
  }
  if (args.help) {
    io.stdout(`${calcUsage}\n`);
    return calcExit.ok;
  }

  const path = resolve(io.cwd, args.file);
  let text: string;
  try {
    text = await io.readFile(path);
  } catch (error) {
    io.stderr(`calc: cannot read ${args.file}: ${errorMessage(error)}\n`);
    return calcExit.badInput;
  }
  let input: unknown;
  try {
    // Editors on some systems save UTF-8 with a byte-order mark, which JSON.parse rejects.
    input = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (error) {
    io.stderr(`calc: ${args.file} is not valid JSON: ${errorMessage(error)}\n`);
    return calcExit.badInput;
  }
  if (!isTermSheetFormat(input)) {
    io.stderr(
      `calc: ${args.file} is not a ${TERMSHEET_FORMAT_V1} document (its "format" is ${describeFormat(input)})\n`,
    );
    return calcExit.badInput;
  }

  const result = computeValue(input);
  if (args.format === 'json') {
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    io.stdout(formatValueTable(result, validateTermSheet(input).termsheet ?? undefined));
  }
  const errors = result.issues.filter((issue) => issue.severity === 'error').length;
  if (errors > 0) {
    io.stderr(`calc: ${args.file} has ${errors} error${errors === 1 ? '' : 's'}\n`);
    return calcExit.termSheetErrors;
  }
  return calcExit.ok;
}

function describeFormat(input: unknown): string {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return `missing: the file holds ${input === null ? 'null' : Array.isArray(input) ? 'an array' : `a ${typeof input}`}`;
  }
  const format = (input as { format?: unknown }).format;
  return format === undefined ? 'missing' : JSON.stringify(format);
}
