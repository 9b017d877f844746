// The arguments of `pnpm calc`: the file, the output format, and at most one analysis with its
// own options. Anything else is a usage error (exit status 2).

export type Format = 'json' | 'table';

export type CalcAnalysis =
  | { kind: 'value' }
  | { kind: 'sensitivity'; partyId: string; stepPct?: number }
  | { kind: 'break-even'; partyId?: string }
  | { kind: 'risk'; paths?: number; seed?: number }
  | { kind: 'exit'; partyId: string; period: number };

export interface CalcArgs {
  file: string;
  format: Format;
  help: boolean;
  analysis: CalcAnalysis;
  scenarioId?: string;
}

type Parsed = CalcArgs | { error: string };

const WHOLE = /^(0|[1-9][0-9]*)$/;
const DECIMAL = /^(0|[1-9][0-9]*)(\.[0-9]+)?$/;

interface Raw {
  file?: string;
  format: Format;
  help: boolean;
  sensitivity?: string;
  breakEven?: string | true;
  risk: boolean;
  exit?: string;
  step?: string;
  paths?: string;
  seed?: string;
  scenario?: string;
}

const valued = ['--format', '--sensitivity', '--exit', '--step', '--paths', '--seed', '--scenario'];

function collect(argv: readonly string[]): Raw | { error: string } {
  const raw: Raw = { format: 'json', help: false, risk: false };
  const positionals: string[] = [];
  let optionsEnded = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (optionsEnded || arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      optionsEnded = true;
      continue;
    }
    if (arg === '--help' || arg === '-h') {
      raw.help = true;
      continue;
    }
    if (arg === '--risk') {
      raw.risk = true;
      continue;
    }
    if (arg === '--break-even' || arg.startsWith('--break-even=')) {
      if (arg.startsWith('--break-even=')) raw.breakEven = arg.slice('--break-even='.length);
      else {
        // An optional PARTY: the next argument, unless it is an option.
        const next = argv[i + 1];
        if (next !== undefined && !next.startsWith('-')) {
          raw.breakEven = next;
          i++;
        } else raw.breakEven = true;
      }
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (!valued.includes(name)) return { error: `unknown option ${arg}` };
    const value = eq < 0 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined || (eq < 0 && value.startsWith('--'))) {
      return { error: `${name} needs a value` };
    }
    if (name === '--format') {
      if (value !== 'json' && value !== 'table') {
        return { error: `--format must be json or table, got ${value}` };
      }
      raw.format = value;
    } else if (name === '--sensitivity') raw.sensitivity = value;
    else if (name === '--exit') raw.exit = value;
    else if (name === '--step') raw.step = value;
    else if (name === '--paths') raw.paths = value;
    else if (name === '--seed') raw.seed = value;
    else raw.scenario = value;
  }
  // `--break-even sheet.json`: with no other FILE, the word after --break-even was the FILE.
  if (positionals.length === 0 && typeof raw.breakEven === 'string' && !raw.help) {
    positionals.push(raw.breakEven);
    raw.breakEven = true;
  }
  if (positionals.length > 1) {
    return { error: `unexpected argument ${positionals[1] ?? ''} (only one FILE is read)` };
  }
  const file = positionals[0];
  return file === undefined ? raw : { ...raw, file };
}

function analysisOf(raw: Raw): CalcAnalysis | { error: string } {
  const chosen = [
    raw.sensitivity !== undefined ? '--sensitivity' : null,
    raw.breakEven !== undefined ? '--break-even' : null,
    raw.risk ? '--risk' : null,
    raw.exit !== undefined ? '--exit' : null,
  ].filter((x): x is string => x !== null);
  if (chosen.length > 1) return { error: `choose one analysis, not ${chosen.join(' and ')}` };
  const only = (option: string, value: unknown, analysis: string) =>
    value !== undefined && chosen[0] !== analysis ? `${option} goes with ${analysis}` : null;
  const misplaced =
    only('--step', raw.step, '--sensitivity') ??
    only('--paths', raw.paths, '--risk') ??
    only('--seed', raw.seed, '--risk') ??
    (raw.scenario !== undefined && chosen.length === 0
      ? '--scenario goes with an analysis (--sensitivity, --break-even, --risk or --exit)'
      : null);
  if (misplaced) return { error: misplaced };

  if (raw.sensitivity !== undefined) {
    if (raw.step === undefined) return { kind: 'sensitivity', partyId: raw.sensitivity };
    if (!DECIMAL.test(raw.step))
      return { error: `--step must be a number of percent, got ${raw.step}` };
    return { kind: 'sensitivity', partyId: raw.sensitivity, stepPct: Number(raw.step) };
  }
  if (raw.breakEven !== undefined) {
    return raw.breakEven === true
      ? { kind: 'break-even' }
      : { kind: 'break-even', partyId: raw.breakEven };
  }
  if (raw.risk) {
    for (const [option, value] of [
      ['--paths', raw.paths],
      ['--seed', raw.seed],
    ] as const) {
      if (value !== undefined && !WHOLE.test(value)) {
        return { error: `${option} must be a whole number, got ${value}` };
      }
    }
    return {
      kind: 'risk',
      ...(raw.paths === undefined ? {} : { paths: Number(raw.paths) }),
      ...(raw.seed === undefined ? {} : { seed: Number(raw.seed) }),
    };
  }
  if (raw.exit !== undefined) {
    const at = raw.exit.lastIndexOf('@');
    const partyId = raw.exit.slice(0, at);
    const period = raw.exit.slice(at + 1);
    if (at <= 0 || !WHOLE.test(period)) {
      return { error: `--exit needs PARTY@PERIOD, e.g. csp@6, got ${raw.exit}` };
    }
    return { kind: 'exit', partyId, period: Number(period) };
  }
  return { kind: 'value' };
}

export function parseCalcArgs(argv: readonly string[]): Parsed {
  const raw = collect(argv);
  if ('error' in raw) return raw;
  const analysis = analysisOf(raw);
  if ('error' in analysis) return analysis;
  const args: CalcArgs = {
    file: raw.file ?? '',
    format: raw.format,
    help: raw.help,
    analysis,
    ...(raw.scenario === undefined ? {} : { scenarioId: raw.scenario }),
  };
  if (!raw.help && raw.file === undefined) return { error: 'missing FILE' };
  return args;
}
