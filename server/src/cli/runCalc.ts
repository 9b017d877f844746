// `pnpm calc`: reads a term sheet file and prints its value result, or one analysis of it.
import { resolve } from 'node:path';
import { runAnalysis } from './calcAnalysis';
import { parseCalcArgs } from './calcArgs';
import { calcExit } from './calcIo';
import type { CalcIo } from './calcIo';
import { computeValue } from '@parley/shared/engine';
import { formatValueTable } from '@parley/shared/report';
import {
  isTermSheetFormat,
  TERMSHEET_FORMAT_V1 as TERMSHEET_FORMAT_V1,
  validateTermSheet,
} from '@parley/shared/termsheet';

export { calcExit };
export type { CalcIo };

export const calcUsage = [
  'Usage: pnpm calc FILE [--format json|table] [ANALYSIS]',
  '',
  `Computes the value sharing of a ${TERMSHEET_FORMAT_V1} file, or one analysis of it.`,
  '  --format json   print the parley.value/v1 result, or the analysis (default)',
  '  --format table  print readable tables and the issues',
  '',
  'Analyses (at most one):',
  '  --sensitivity PARTY [--step PCT] [--scenario ID]',
  "      each parameter and driver moved by -PCT % and +PCT % (default 10): PARTY's net and NPV",
  '  --break-even [PARTY] [--scenario ID]',
  "      the multiple of the scenario's volumes at which each party's net changes sign",
  '  --risk [--paths N] [--seed N] [--scenario ID]',
  '      probability-weighted totals, and a seeded Monte Carlo (default 1000 paths, seed 1)',
  '  --exit PARTY@PERIOD [--scenario ID]',
  "      PARTY gives notice in PERIOD: the settlement and everyone's figures after its exit",
  '',
  'Exit status: 0 no errors, 1 the term sheet has errors (they are printed),',
  `2 the file is unreadable, not JSON or not ${TERMSHEET_FORMAT_V1}, or bad arguments`,
  '(an unknown party or scenario, a period outside the term).',
].join('\n');

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * `pnpm calc` without the process: returns the exit status instead of exiting, so the
 * whole command can be tested in-process.
 */
export async function runCalc(argv: readonly string[], io: CalcIo): Promise<number> {
  const args = parseCalcArgs(argv);
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

  if (args.analysis.kind !== 'value') return runAnalysis(args, input, io);

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
