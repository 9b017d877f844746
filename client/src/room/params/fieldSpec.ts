/**
 * Editor descriptions derived from a clause kind's zod params schema. The schema gives the shape
 * (objects, lists, records, numbers, enums); the field names give the meaning a person needs
 * (an amount in the sheet's currency, a percentage, a party, a stream, a driver).
 */

export type NumberUnit = 'money' | 'percent' | 'count' | 'plain';

export type FieldSpec =
  | {
      type: 'number';
      unit: NumberUnit;
      nullable: boolean;
      min?: number;
      max?: number;
      /** Only whole numbers (counts, amounts in minor units). */
      int?: boolean;
    }
  | { type: 'text'; maxLength?: number }
  | { type: 'boolean' }
  | { type: 'enum'; options: string[] }
  | { type: 'ref'; refers: 'party' | 'stream' | 'driver' }
  | { type: 'partyList' }
  | { type: 'textList' }
  | { type: 'partyRecord'; value: FieldSpec; meaning: PartyRecordMeaning }
  | { type: 'object'; fields: ObjectField[]; open: boolean }
  | { type: 'array'; item: FieldSpec }
  | { type: 'unknown' };

export type PartyRecordMeaning = 'share' | 'floor' | 'cap' | 'amount';

export interface ObjectField {
  key: string;
  spec: FieldSpec;
  optional: boolean;
  defaultValue?: unknown;
}

interface ZodLike {
  _zod?: { def?: ZodDef };
}

interface ZodDef {
  type: string;
  innerType?: ZodLike;
  shape?: Record<string, ZodLike>;
  element?: ZodLike;
  valueType?: ZodLike;
  entries?: Record<string, string | number>;
  options?: ZodLike[];
  in?: ZodLike;
  out?: ZodLike;
  catchall?: ZodLike;
  defaultValue?: unknown;
  checks?: {
    _zod?: { def?: { check?: string; value?: number; format?: string; maximum?: number } };
  }[];
}

const moneyKeys = new Set([
  'unitPrice',
  'upfront',
  'fixedPerPeriod',
  'amount',
  'netBelow',
  'ratePerFte',
  'upTo',
  'ratePerUnit',
  'capPerPeriod',
]);
const percentKeys = /(Pct|Percent)$/;
const countKeys = new Set([
  'noticePeriods',
  'forPeriods',
  'periods',
  'durationMonths',
  'renewalMonths',
  'years',
]);
const partyKeys = new Set(['party', 'funder']);
const recordMeaning: Record<string, PartyRecordMeaning> = {
  fixed: 'share',
  split: 'share',
  beneficiaries: 'share',
  floors: 'floor',
  caps: 'cap',
  amounts: 'amount',
};

function defOf(schema: unknown): ZodDef | undefined {
  return (schema as ZodLike | undefined)?._zod?.def;
}

function unwrap(schema: unknown): {
  def: ZodDef | undefined;
  optional: boolean;
  nullable: boolean;
  defaultValue?: unknown;
} {
  let def = defOf(schema);
  let optional = false;
  let nullable = false;
  let defaultValue: unknown;
  for (let guard = 0; def && guard < 10; guard++) {
    if (def.type === 'optional') optional = true;
    else if (def.type === 'nullable') nullable = true;
    else if (def.type === 'default' || def.type === 'prefault') {
      optional = true;
      defaultValue =
        typeof def.defaultValue === 'function'
          ? (def.defaultValue as () => unknown)()
          : def.defaultValue;
    } else if (def.type !== 'readonly' && def.type !== 'catch') break;
    def = defOf(def.innerType);
  }
  if (def?.type === 'pipe') def = defOf(def.in);
  return { def, optional, nullable, ...(defaultValue !== undefined ? { defaultValue } : {}) };
}

function numberBounds(def: ZodDef): { min?: number; max?: number; int: boolean } {
  let min: number | undefined;
  let max: number | undefined;
  let int = false;
  for (const check of def.checks ?? []) {
    const c = check._zod?.def;
    if (!c) continue;
    if (c.check === 'greater_than' && typeof c.value === 'number') min = c.value;
    if (c.check === 'less_than' && typeof c.value === 'number') max = c.value;
    if (c.check === 'number_format' && (c.format === 'safeint' || c.format === 'int32')) int = true;
  }
  return { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}), int };
}

function numberUnit(key: string, parentKey: string | undefined): NumberUnit {
  if (
    moneyKeys.has(key) ||
    (parentKey && (recordMeaning[parentKey] === 'floor' || recordMeaning[parentKey] === 'cap'))
  )
    return 'money';
  if (percentKeys.test(key) || (parentKey && recordMeaning[parentKey] === 'share'))
    return 'percent';
  if (countKeys.has(key)) return 'count';
  return 'plain';
}

/** Builds the editor description of `schema`, found under `key` (and `parentKey`) in the params. */
export function specFromSchema(schema: unknown, key = '', parentKey?: string): FieldSpec {
  const { def, nullable } = unwrap(schema);
  if (!def) return { type: 'unknown' };
  switch (def.type) {
    case 'number': {
      const bounds = numberBounds(def);
      return {
        type: 'number',
        unit: numberUnit(key, parentKey),
        nullable,
        ...(bounds.min !== undefined ? { min: bounds.min } : {}),
        ...(bounds.max !== undefined ? { max: bounds.max } : {}),
        ...(bounds.int ? { int: true } : {}),
      };
    }
    case 'string': {
      if (partyKeys.has(key)) return { type: 'ref', refers: 'party' };
      if (key === 'stream') return { type: 'ref', refers: 'stream' };
      if (key === 'driver') return { type: 'ref', refers: 'driver' };
      const max = (def.checks ?? [])
        .map((c) => c._zod?.def)
        .find((c) => c?.check === 'max_length')?.maximum;
      return max !== undefined ? { type: 'text', maxLength: max } : { type: 'text' };
    }
    case 'boolean':
      return { type: 'boolean' };
    case 'enum':
      return { type: 'enum', options: Object.values(def.entries ?? {}).map(String) };
    case 'literal':
      return { type: 'text' };
    case 'array': {
      const item = specFromSchema(def.element, key, parentKey);
      if (item.type === 'text' && key === 'requires') return { type: 'partyList' };
      if (item.type === 'ref' && item.refers === 'party') return { type: 'partyList' };
      if (item.type === 'text') return { type: 'textList' };
      return { type: 'array', item };
    }
    case 'record': {
      const meaning = recordMeaning[key];
      // A free-form record (custom clauses): its existing entries are edited by their values.
      if (!meaning) return { type: 'object', fields: [], open: true };
      return { type: 'partyRecord', value: specFromSchema(def.valueType, key, key), meaning };
    }
    case 'object': {
      const fields: ObjectField[] = Object.entries(def.shape ?? {}).map(
        ([fieldKey, fieldSchema]) => {
          const inner = unwrap(fieldSchema);
          return {
            key: fieldKey,
            spec: specFromSchema(fieldSchema, fieldKey, key || undefined),
            optional: inner.optional,
            ...(inner.defaultValue !== undefined ? { defaultValue: inner.defaultValue } : {}),
          };
        },
      );
      const open = defOf(def.catchall)?.type === 'unknown';
      return { type: 'object', fields, open };
    }
    default:
      return { type: 'unknown' };
  }
}

/** A spec for a value with no schema field (extra keys of text-only kinds), from the value itself. */
export function specFromValue(value: unknown, key: string): FieldSpec {
  if (typeof value === 'number')
    return { type: 'number', unit: numberUnit(key, undefined), nullable: false };
  if (typeof value === 'string') return { type: 'text' };
  if (typeof value === 'boolean') return { type: 'boolean' };
  if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
    return { type: 'textList' };
  return { type: 'unknown' };
}

const labelWords: Record<string, string> = {
  unitPrice: 'Unit price',
  fixedPerPeriod: 'Fixed per period',
  upfront: 'Upfront',
  perUnit: 'Per unit',
  costRecovery: 'Cost recovery',
  method: 'Split method',
  fixed: 'Fixed split',
  tiers: 'Tiers',
  upTo: 'Pool up to',
  split: 'Split',
  contribution: 'Contribution',
  dimensions: 'Dimensions',
  weightPct: 'Weight',
  amounts: 'Contribution',
  floors: 'Floors per period',
  caps: 'Caps per period',
  kpis: 'KPIs',
  betterWhen: 'Better when',
  ratePerUnit: 'Rate per unit',
  capPerPeriod: 'Cap per period',
  funder: 'Funder',
  beneficiaries: 'Beneficiaries',
  noticePeriods: 'Notice periods',
  triggers: 'Exit triggers',
  netBelow: 'Net below',
  forPeriods: 'For periods',
  lines: 'Legacy lines',
  fte: 'FTE',
  ratePerFte: 'Rate per FTE',
  slaCreditPct: 'SLA credit',
  expectedBreaches: 'Expected breaches',
  streams: 'Streams',
  costs: 'Cost lines',
  requires: 'Requires',
  durationMonths: 'Duration (months)',
  renewalMonths: 'Renewal (months)',
  licenceMonthsAfterExit: 'Licence after exit (months)',
  dataController: 'Data controller',
  escalationDays: 'Escalation (days)',
  mediationDays: 'Mediation (days)',
  daysToPay: 'Days to pay',
  invoiceCurrency: 'Invoice currency',
  lateInterestPct: 'Late interest (% per year)',
  id: 'ID',
};

/** "fixedPerPeriod" → "Fixed per period", with the field dictionary taking precedence. */
export function humanize(key: string): string {
  const known = labelWords[key];
  if (known) return known;
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function unitSuffix(spec: FieldSpec, currency: string): string {
  if (spec.type !== 'number') return '';
  if (spec.unit === 'money') return ` (${currency})`;
  if (spec.unit === 'percent') return ' (%)';
  return '';
}

/** The words after a party's name for each entry of a party record, e.g. "share (%)". */
export function partyRecordLabel(meaning: PartyRecordMeaning, currency: string): string {
  switch (meaning) {
    case 'share':
      return 'share (%)';
    case 'floor':
      return `floor per period (${currency})`;
    case 'cap':
      return `cap per period (${currency})`;
    case 'amount':
      return 'contribution';
  }
}

/** Dotted path as the engine's `Issue.param` spells it. */
export function dottedPath(path: readonly (string | number)[]): string {
  return path.join('.');
}

/** A fresh value for a new list row or an absent optional field. */
export function emptyValue(
  spec: FieldSpec,
  context: { parties: string[]; streams: string[]; drivers: string[] },
  index = 0,
): unknown {
  switch (spec.type) {
    case 'number':
      return spec.nullable ? null : 0;
    case 'text':
      return '';
    case 'boolean':
      return false;
    case 'enum':
      return spec.options[0] ?? '';
    case 'ref': {
      const pool =
        spec.refers === 'party'
          ? context.parties
          : spec.refers === 'stream'
            ? context.streams
            : context.drivers;
      return pool[0] ?? '';
    }
    case 'partyList':
    case 'textList':
      return [];
    case 'partyRecord': {
      const record: Record<string, number> = {};
      if (spec.meaning === 'share' && context.parties.length > 0) {
        // An even split that sums to exactly 100 with 4 decimals; the remainder goes to the first party.
        const n = context.parties.length;
        const each = Math.floor((100 / n) * 10000) / 10000;
        context.parties.forEach((p, i) => {
          record[p] = i === 0 ? Math.round((100 - each * (n - 1)) * 10000) / 10000 : each;
        });
      } else {
        for (const p of context.parties) record[p] = 0;
      }
      return record;
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const field of spec.fields) {
        if (field.optional && field.defaultValue === undefined) continue;
        if (field.key === 'id') out.id = `new-${Date.now().toString(36)}-${index}`;
        else if (field.key === 'name') out.name = `New item ${index + 1}`;
        else out[field.key] = field.defaultValue ?? emptyValue(field.spec, context, index);
      }
      return out;
    }
    case 'array':
      return [];
    case 'unknown':
      return null;
  }
}
