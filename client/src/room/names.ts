// Names and values as people read them, wherever the room shows a parameter: "Subscriptions ·
// Unit price", "Fixed split · Kestrel Mobile", "€9.00", never a dotted path or an internal id.
import { clauseKinds } from '@parley/shared/termsheet';
import { formatNumber } from '../lib/format';
import { kindTitle } from './kindLabel';
import { humanize, specFromSchema } from './params/fieldSpec';
import type { FieldSpec } from './params/fieldSpec';
import { describeValue } from './params/numberField';
import type { Sheet, SheetClause } from './sheet';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const specCache = new Map<string, FieldSpec>();

/** The editor description of a clause kind's params (cached: the registry does not change). */
export function specForKind(kind: string): FieldSpec {
  let spec = specCache.get(kind);
  if (!spec) {
    const def = (clauseKinds as Record<string, { paramsSchema: unknown } | undefined>)[kind];
    spec = def ? specFromSchema(def.paramsSchema) : { type: 'unknown' };
    specCache.set(kind, spec);
  }
  return spec;
}

/** The spec of the field at a dotted path inside a clause's params. */
export function specAt(spec: FieldSpec, path: string): FieldSpec {
  let node: FieldSpec = spec;
  for (const key of path.split('.')) {
    if (node.type === 'object') {
      const field = node.fields.find((f) => f.key === key);
      node = field ? field.spec : { type: 'unknown' };
    } else if (node.type === 'array') node = node.item;
    else if (node.type === 'partyRecord') node = node.value;
    else return { type: 'unknown' };
  }
  return node;
}

const splitMethodLabels: Record<string, string> = {
  fixed: 'fixed percentages',
  contribution: 'by contribution',
  tiered: 'tiered by pool size',
  shapley: 'Shapley value',
  higher: 'higher is better',
  lower: 'lower is better',
};

/** The singular of a list's label: "Exit triggers" → "Exit trigger". */
function singular(listKey: string): string {
  const label = humanize(listKey);
  if (listKey === 'kpis') return 'KPI';
  if (listKey === 'costs') return 'Cost line';
  return label.replace(/ies$/, 'y').replace(/s$/, '');
}

/** The name of a list row: its own name, else what it is and whose, else what it is and its number. */
export function rowName(
  row: unknown,
  index: number,
  listKey: string,
  parties: readonly { id: string; name: string }[],
): string {
  if (isRecord(row)) {
    if (typeof row.name === 'string' && row.name.trim()) return row.name.trim();
    const whose = typeof row.party === 'string' ? row.party : null;
    const party = whose ? parties.find((p) => p.id === whose)?.name : undefined;
    if (party) return `${singular(listKey)} ${index + 1} (${party})`;
  }
  return `${singular(listKey)} ${index + 1}`;
}

/**
 * A parameter's name for people, from its dotted path in a clause's params: field labels from
 * the registry's dictionary, party names for party keys, row names for list items.
 */
export function paramName(
  params: unknown,
  path: string,
  parties: readonly { id: string; name: string }[],
): string {
  const parts: string[] = [];
  let node: unknown = params;
  let listKey = '';
  for (const segment of path.split('.')) {
    if ((Array.isArray(node) || node === undefined) && /^\d+$/.test(segment) && listKey) {
      const index = Number(segment);
      const rows: unknown[] = Array.isArray(node) ? node : [];
      // The row's name says what it is: "Subscriptions", "Tier 2"; the list's label would repeat it.
      parts.pop();
      parts.push(rowName(rows[index], index, listKey, parties));
      node = rows[index];
      listKey = '';
      continue;
    }
    const party = parties.find((p) => p.id === segment);
    parts.push(party ? party.name : humanize(segment));
    listKey = segment;
    node = isRecord(node) ? node[segment] : undefined;
  }
  return parts.join(' · ');
}

/** A clause's parameter by name, looked up in the sheet: "Revenue streams: Subscriptions · Unit price". */
export function clauseParamName(sheet: Sheet, clauseId: string, path: string): string {
  const clause = sheet.clauses.find((c) => c.id === clauseId);
  return paramName(clause?.params ?? {}, path, sheet.parties);
}

/** A parameter's value as people read it: amounts with the currency, shares with %, names for ids. */
export function paramValueText(
  sheet: Sheet,
  clause: SheetClause | undefined,
  path: string,
  value: unknown,
): string {
  const spec = clause ? specAt(specForKind(clause.kind), path) : ({ type: 'unknown' } as const);
  if (value === undefined) return 'not set';
  if (spec.type === 'number') return describeValue(value, spec.unit, sheet.currency);
  const partyName = (id: unknown) => sheet.parties.find((p) => p.id === id)?.name ?? String(id);
  if (spec.type === 'ref' && spec.refers === 'party') return partyName(value);
  if (spec.type === 'ref' && spec.refers === 'stream') {
    const revenue = sheet.clauses.find((c) => c.kind === 'revenue');
    const streams = Array.isArray(revenue?.params.streams) ? revenue.params.streams : [];
    const stream = streams.find((s) => isRecord(s) && s.id === value);
    return isRecord(stream) && typeof stream.name === 'string' ? stream.name : String(value);
  }
  if (spec.type === 'enum' && typeof value === 'string')
    return splitMethodLabels[value] ?? humanize(value).toLowerCase();
  if (spec.type === 'partyList' && Array.isArray(value))
    return value.length ? value.map(partyName).join(', ') : 'all parties';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (value === null) return 'no limit';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(String).join(', ');
  return JSON.stringify(value);
}

/** What the term sheet calls each id a message may quote: parties, scenarios, streams, KPIs, kinds. */
function quotedNames(sheet: Sheet): Map<string, string> {
  const names = new Map<string, string>();
  for (const [kind, def] of Object.entries(clauseKinds)) names.set(kind, def.label);
  for (const clause of sheet.clauses) {
    for (const list of ['streams', 'kpis']) {
      const rows = clause.params[list];
      if (!Array.isArray(rows)) continue;
      for (const row of rows)
        if (isRecord(row) && typeof row.id === 'string' && typeof row.name === 'string')
          names.set(row.id, row.name);
    }
    const dims = isRecord(clause.params.contribution) ? clause.params.contribution.dimensions : [];
    if (Array.isArray(dims))
      for (const d of dims)
        if (isRecord(d) && typeof d.id === 'string' && typeof d.name === 'string')
          names.set(d.id, d.name);
  }
  for (const s of sheet.assumptions.scenarios) if (s.id) names.set(s.id, s.name || s.id);
  for (const p of sheet.parties) if (p.id) names.set(p.id, p.name || p.id);
  for (const c of sheet.clauses) if (c.id) names.set(c.id, kindTitle(c));
  return names;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A message from the server or the engine with the room's internal ids replaced by what people
 * call those things: quoted ids by names, clause ids by titles, `{{param:…}}` and
 * `clauses.N.params.…` paths by the parameter's name.
 */
export function humanizeMessage(text: string, sheet: Sheet, clauseId?: string): string {
  let out = text.replace(
    /\bclauses\.(\d+)\.params\.([\w.-]+)/g,
    (_m, index: string, path: string) => {
      const clause = sheet.clauses[Number(index)];
      if (!clause) return humanize(path.split('.').pop() ?? path);
      return `"${kindTitle(clause)}": ${paramName(clause.params, path, sheet.parties)}`;
    },
  );
  const names = quotedNames(sheet);
  out = out.replace(/"([^"\s]{1,64})"/g, (m, id: string) => {
    const name = names.get(id);
    return name === undefined ? m : `"${name}"`;
  });
  // Clause ids also travel bare ("Clause c-term is locked"); longest first.
  // Only ids that cannot be ordinary words ("c-term", "clause7"), so "the term sheet" stays.
  const clauses = [...sheet.clauses]
    .filter((c) => /[-_:\d]/.test(c.id))
    .sort((a, b) => b.id.length - a.id.length);
  for (const clause of clauses) {
    const bare = new RegExp(`(?<![\\w"-])${escape(clause.id)}(?![\\w"-])`, 'g');
    out = out.replace(bare, `"${kindTitle(clause)}"`);
  }
  const params = sheet.clauses.find((c) => c.id === clauseId)?.params ?? {};
  out = out.replace(/\{\{\s*param:([^{}\s]+)\s*\}\}/g, (_m, path: string) =>
    paramName(params, path, sheet.parties),
  );
  return out;
}

function resolve(params: unknown, path: string): unknown {
  let node = params;
  for (const segment of path.split('.')) {
    if (Array.isArray(node) && /^\d+$/.test(segment)) node = node[Number(segment)];
    else if (isRecord(node)) node = node[segment];
    else return undefined;
  }
  return node;
}

/**
 * A chip as a person reads it: the value in its unit (amounts in the sheet's currency, shares as
 * percentages, names for parties and streams), and the parameter's name for its tooltip.
 */
export function chipText(
  sheet: Sheet,
  clauseId: string,
  path: string,
): { text: string; name: string; missing: boolean } {
  const clause = sheet.clauses.find((c) => c.id === clauseId);
  const value = clause ? resolve(clause.params, path) : undefined;
  const name = paramName(clause?.params ?? {}, path, sheet.parties);
  if (value === undefined) return { text: `missing: ${name}`, name, missing: true };
  return { text: paramValueText(sheet, clause, path, value), name, missing: false };
}
