// A parameter's value and name as a reader of a document sees them: amounts in the sheet's
// currency, percentages with %, parties and streams by name.
import { numericParams, paramLabel } from '../analysis/param-fields';
import type { ParamUnit } from '../analysis/param-fields';
import { currencyDigits, formatMinorUnits } from '../report/money';
import type { Clause, TermSheet } from '../termsheet/schema';

/** A term sheet read loosely: a version may hold a sheet with problems a negotiation passes through. */
export interface LooseSheet {
  title?: string;
  currency?: string;
  parties?: { id: string; name?: string }[];
  assumptions?: { scenarios?: { id: string; name?: string }[] } & Record<string, unknown>;
  clauses?: { id: string; kind: string; title?: string; text?: string; params?: unknown }[];
}

export function asLooseSheet(value: unknown): LooseSheet {
  return typeof value === 'object' && value !== null ? (value as LooseSheet) : {};
}

function units(sheet: LooseSheet): Map<string, ParamUnit> {
  const out = new Map<string, ParamUnit>();
  try {
    for (const p of numericParams(sheet as unknown as TermSheet)) {
      out.set(`${p.clauseId} ${p.param}`, p.unit);
    }
  } catch {
    // A sheet too broken to walk shows plain numbers.
  }
  return out;
}

const unitCache = new WeakMap<LooseSheet, Map<string, ParamUnit>>();

function unitOf(sheet: LooseSheet, clauseId: string, path: string): ParamUnit | undefined {
  let map = unitCache.get(sheet);
  if (map === undefined) {
    map = units(sheet);
    unitCache.set(sheet, map);
  }
  return map.get(`${clauseId} ${path}`);
}

function plainNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 10_000) / 10_000);
}

/** An amount in minor units as major units with the currency: "EUR 1,234.56". */
export function moneyText(sheet: LooseSheet, amount: number): string {
  const currency = sheet.currency ?? '';
  return `${currency} ${formatMinorUnits(amount, currencyDigits(currency))}`.trim();
}

function partyName(sheet: LooseSheet, id: unknown): string | null {
  const party = sheet.parties?.find((p) => p.id === id);
  return party === undefined ? null : party.name || party.id;
}

function streamName(sheet: LooseSheet, id: unknown): string | null {
  for (const clause of sheet.clauses ?? []) {
    const streams = (clause.params as { streams?: unknown } | undefined)?.streams;
    if (!Array.isArray(streams)) continue;
    for (const s of streams) {
      const row = s as { id?: unknown; name?: unknown };
      if (row.id === id && typeof row.name === 'string') return row.name;
    }
  }
  return null;
}

/** The value of `path` in a clause's params, as a reader sees it. */
export function paramValueText(
  sheet: LooseSheet,
  clauseId: string,
  path: string,
  value: unknown,
): string {
  if (value === undefined) return 'not set';
  if (value === null) return 'no limit';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') {
    const unit = unitOf(sheet, clauseId, path);
    if (unit === 'amount') return moneyText(sheet, value);
    if (unit === 'share' || unit === 'percent') return `${plainNumber(value)} %`;
    return plainNumber(value);
  }
  if (typeof value === 'string')
    return partyName(sheet, value) ?? streamName(sheet, value) ?? value;
  if (Array.isArray(value)) {
    if (value.length === 0) return 'none';
    return value.map((v) => paramValueText(sheet, clauseId, path, v)).join(', ');
  }
  return JSON.stringify(value);
}

/** The value at a dotted path of a params object. */
export function valueAt(params: unknown, path: string): unknown {
  let current: unknown = params;
  for (const segment of path.split('.')) {
    if (Array.isArray(current)) current = current[Number(segment)];
    else if (typeof current === 'object' && current !== null)
      current = (current as Record<string, unknown>)[segment];
    else return undefined;
  }
  return current;
}

/** "Value sharing · fixed · Kestrel Mobile": the clause, list items by name, parties by name. */
export function paramNameText(
  sheet: LooseSheet,
  clause: { id: string; kind: string; title?: string; params?: unknown },
  path: string,
): string {
  const segments = path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  const label = paramLabel(
    {
      id: clause.id,
      kind: clause.kind,
      title: clause.title ?? '',
      params: clause.params ?? {},
    } as Clause,
    segments,
  );
  return label
    .split(' · ')
    .map((part) => partyName(sheet, part) ?? part)
    .join(' · ');
}
