// The analyses of `pnpm calc` (--sensitivity, --break-even, --risk, --exit): run one on the term
// sheet, print it as JSON or tables, and map its issues to the command's exit status.
import { breakEven, monteCarlo, sensitivity, separation } from '@parley/shared/analysis';
import {
  formatBreakEvenTable,
  formatRiskTable,
  formatSensitivityTable,
  formatSeparationTable,
} from '@parley/shared/report';
import type { Issue, TermSheet } from '@parley/shared/termsheet';
import { validateTermSheet } from '@parley/shared/termsheet';
import type { CalcArgs } from './calcArgs';
import { calcExit } from './calcIo';
import type { CalcIo } from './calcIo';

/** Problems with what was asked rather than with the sheet: bad arguments, exit status 2. */
const optionCodes = new Set(['unknown-party', 'unknown-scenario', 'invalid-option']);

function isOptionProblem(issue: Issue): boolean {
  return issue.severity === 'error' && issue.path === '' && optionCodes.has(issue.code);
}

interface Run {
  issues: Issue[];
  result: unknown;
  table(ts: TermSheet | null): string;
}

function run(args: CalcArgs, input: unknown): Run {
  const a = args.analysis;
  const scenario = args.scenarioId === undefined ? {} : { scenarioId: args.scenarioId };
  switch (a.kind) {
    case 'sensitivity': {
      const out = sensitivity(input, {
        partyId: a.partyId,
        ...scenario,
        ...(a.stepPct === undefined ? {} : { stepPct: a.stepPct }),
      });
      return { ...out, table: (ts) => formatSensitivityTable(out, ts) };
    }
    case 'break-even': {
      const out = breakEven(input, {
        ...scenario,
        ...(a.partyId === undefined ? {} : { partyId: a.partyId }),
      });
      return { ...out, table: (ts) => formatBreakEvenTable(out, ts) };
    }
    case 'risk': {
      const out = monteCarlo(input, {
        ...scenario,
        ...(a.paths === undefined ? {} : { paths: a.paths }),
        ...(a.seed === undefined ? {} : { seed: a.seed }),
      });
      return { ...out, table: (ts) => formatRiskTable(out, ts) };
    }
    case 'exit': {
      const out = separation(input, { partyId: a.partyId, period: a.period, ...scenario });
      return { ...out, table: (ts) => formatSeparationTable(out, ts) };
    }
    default:
      throw new RangeError(`not an analysis: ${a.kind}`);
  }
}

export function runAnalysis(args: CalcArgs, input: unknown, io: CalcIo): number {
  const out = run(args, input);
  const errors = out.issues.filter((i) => i.severity === 'error');
  if (out.result === null && errors.length > 0 && errors.every(isOptionProblem)) {
    io.stderr(`calc: ${errors.map((e) => e.message).join('; ')}\n`);
    return calcExit.badInput;
  }
  if (args.format === 'json') {
    const { table: _table, ...analysis } = out;
    io.stdout(`${JSON.stringify(analysis, null, 2)}\n`);
  } else {
    io.stdout(out.table(validateTermSheet(input).termsheet));
  }
  if (errors.length > 0) {
    io.stderr(`calc: ${args.file} has ${errors.length} error${errors.length === 1 ? '' : 's'}\n`);
    return calcExit.termSheetErrors;
  }
  return calcExit.ok;
}
