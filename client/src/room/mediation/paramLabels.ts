// Parameters named and valued for people in mediation views: readable paths with party names,
// values in the sheet's currency, and the numeric fields walk-away values apply to.
import { formatMoney, formatNumber, formatPercent } from '../../lib/format';
import type { FieldSpec } from '../params/fieldSpec';
import { paramName } from '../names';
import type { SheetParty } from '../sheet';

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

/** "fixed.csp" → "Fixed split · Kestrel Mobile", with row names from the clause's params. */
export function paramLabel(path: string, parties: SheetParty[], params: unknown = {}): string {
  return paramName(params, path, parties);
}

export function formatParamValue(spec: FieldSpec, value: unknown, currency: string): string {
  if (value === undefined) return '—';
  if (typeof value === 'number' && spec.type === 'number') {
    if (spec.unit === 'money') return formatMoney(value, currency);
    if (spec.unit === 'percent') return formatPercent(value, 2);
    return formatNumber(value);
  }
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return JSON.stringify(value);
}

/** Numeric leaves of a clause's params, where walk-away values make sense. */
export function numericParams(
  spec: FieldSpec,
  params: unknown,
  prefix = '',
): { path: string; spec: Extract<FieldSpec, { type: 'number' }> }[] {
  const here = (key: string | number) => (prefix ? `${prefix}.${key}` : String(key));
  if (spec.type === 'number') {
    return typeof params === 'number' || params === null ? [{ path: prefix, spec }] : [];
  }
  if (typeof params !== 'object' || params === null) return [];
  const record = params as Record<string, unknown>;
  if (spec.type === 'object') {
    return spec.fields.flatMap((f) => numericParams(f.spec, record[f.key], here(f.key)));
  }
  if (spec.type === 'partyRecord') {
    return Object.keys(record).flatMap((k) => numericParams(spec.value, record[k], here(k)));
  }
  if (spec.type === 'array' && Array.isArray(params)) {
    return params.flatMap((item, i) => numericParams(spec.item, item, here(i)));
  }
  return [];
}
