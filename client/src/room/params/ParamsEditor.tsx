// A clause's parameter editors, built from its kind's schema: scalars, party records and tables of
// rows, each field showing its own issues and writing only itself.
import type { ReactNode } from 'react';
import type { DocPath } from '../docWrites';
import {
  dottedPath,
  emptyValue,
  humanize,
  partyRecordLabel,
  specFromValue,
  unitSuffix,
} from './fieldSpec';
import type { FieldSpec, ObjectField } from './fieldSpec';
import {
  CheckboxInput,
  FieldErrors,
  NumberInput,
  PartyListInput,
  SelectInput,
  TextInput,
} from './inputs';
import { fieldId, issuesAt, useParams } from './ParamsContext';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const methodLabels: Record<string, string> = {
  fixed: 'Fixed percentages',
  contribution: 'By contribution',
  tiered: 'Tiered by pool size',
  shapley: 'Shapley value',
  higher: 'Higher is better',
  lower: 'Lower is better',
};

function useRefOptions(refers: 'party' | 'stream' | 'driver') {
  const ctx = useParams();
  if (refers === 'party') return ctx.parties.map((p) => ({ value: p.id, label: p.name }));
  if (refers === 'stream') return ctx.streams.map((s) => ({ value: s.id, label: s.name || s.id }));
  return ctx.drivers.map((d) => ({ value: d, label: d }));
}

function RefSelect(props: {
  path: DocPath;
  label: string;
  value: unknown;
  refers: 'party' | 'stream' | 'driver';
  hideLabel?: boolean;
}) {
  const options = useRefOptions(props.refers);
  return <SelectInput {...props} options={options} />;
}

/** The bounds a number spec carries, as NumberInput props. */
function numberRules(spec: FieldSpec): { min?: number; max?: number; int?: boolean } {
  if (spec.type !== 'number') return {};
  return {
    ...(spec.min !== undefined ? { min: spec.min } : {}),
    ...(spec.max !== undefined ? { max: spec.max } : {}),
    ...(spec.int ? { int: true } : {}),
  };
}

/** One scalar-ish field: the input that fits its spec. */
function ScalarField({
  spec,
  path,
  label,
  value,
  hideLabel,
  placeholder,
}: {
  spec: FieldSpec;
  path: DocPath;
  label: string;
  value: unknown;
  hideLabel?: boolean;
  placeholder?: string;
}) {
  switch (spec.type) {
    case 'number':
      return (
        <NumberInput
          path={path}
          label={label}
          value={value}
          unit={spec.unit}
          nullable={spec.nullable}
          {...numberRules(spec)}
          compact={hideLabel}
          hideLabel={hideLabel}
          placeholder={placeholder}
        />
      );
    case 'boolean':
      return <CheckboxInput path={path} label={label} value={value} />;
    case 'enum':
      return (
        <SelectInput
          path={path}
          label={label}
          value={value}
          hideLabel={hideLabel}
          options={spec.options.map((o) => ({ value: o, label: methodLabels[o] ?? humanize(o) }))}
        />
      );
    case 'ref':
      return (
        <RefSelect
          path={path}
          label={label}
          value={value}
          refers={spec.refers}
          hideLabel={hideLabel}
        />
      );
    case 'partyList':
      return <PartyListInput path={path} label={label} value={value} />;
    case 'text':
      return (
        <TextInput
          path={path}
          label={label}
          value={value}
          hideLabel={hideLabel}
          {...(spec.maxLength !== undefined ? { maxLength: spec.maxLength } : {})}
        />
      );
    case 'textList':
      return <TextListField path={path} label={label} value={value} />;
    default:
      return null;
  }
}

function TextListField({ path, label, value }: { path: DocPath; label: string; value: unknown }) {
  const ctx = useParams();
  const id = fieldId(ctx.clauseId, dottedPath(path));
  const items = Array.isArray(value) ? value.map(String) : [];
  return (
    <div className="field">
      <label htmlFor={id}>
        {label.startsWith(`${ctx.clauseTitle}: `) ? label.slice(ctx.clauseTitle.length + 2) : label}
      </label>
      <input
        id={id}
        aria-label={label}
        className="input"
        value={items.join(', ')}
        readOnly={!ctx.canEdit}
        onChange={(e) =>
          ctx.set(
            path,
            e.target.value
              .split(',')
              .map((s) => s.trim())
              .filter((s) => s.length > 0),
          )
        }
      />
      <p className="hint">Separate items with commas.</p>
    </div>
  );
}

function GroupErrors({ path }: { path: DocPath }) {
  const ctx = useParams();
  const dotted = dottedPath(path);
  const own = issuesAt(ctx.issues, dotted);
  return <FieldErrors id={`${fieldId(ctx.clauseId, dotted)}-group`} issues={own} />;
}

/** Per-party inputs of a record such as a fixed split, floors or caps. */
function PartyRecordField({
  spec,
  path,
  value,
  title,
  prefix,
  unused = false,
}: {
  spec: Extract<FieldSpec, { type: 'partyRecord' }>;
  path: DocPath;
  value: unknown;
  title: string;
  prefix?: string;
  /** The clause's method does not use it: its total is information, not an error. */
  unused?: boolean;
}) {
  const ctx = useParams();
  const record = isRecord(value) ? value : {};
  const extra = Object.keys(record).filter((k) => !ctx.parties.some((p) => p.id === k));
  const suffix = partyRecordLabel(spec.meaning, ctx.currency);
  const valueSpec =
    spec.value.type === 'number'
      ? spec.value
      : { type: 'number' as const, unit: 'plain' as const, nullable: false };
  const total = Object.values(record).reduce<number>(
    (sum, v) => sum + (typeof v === 'number' ? v : 0),
    0,
  );
  const totalRounded = Math.round(total * 10000) / 10000;
  return (
    <fieldset className="param-group">
      <legend>{title}</legend>
      <GroupErrors path={path} />
      <div className="party-grid">
        {ctx.parties.map((party, i) => (
          <div key={party.id} className="party-cell">
            <span
              className="party-dot"
              style={{ background: `var(--party-${i % 16})` }}
              aria-hidden="true"
            />
            <NumberInput
              path={[...path, party.id]}
              label={`${ctx.clauseTitle}: ${prefix ? `${prefix} ` : ''}${party.name} ${suffix}`}
              value={record[party.id] ?? (spec.meaning === 'share' ? 0 : undefined)}
              unit={valueSpec.unit}
              {...numberRules(valueSpec)}
              placeholder={
                spec.meaning === 'floor'
                  ? 'No floor'
                  : spec.meaning === 'cap'
                    ? 'No cap'
                    : undefined
              }
            />
          </div>
        ))}
        {extra.map((key) => (
          <div key={key} className="party-cell">
            <NumberInput
              path={[...path, key]}
              label={`${ctx.clauseTitle}: ${prefix ? `${prefix} ` : ''}${key} (unknown party) ${suffix}`}
              value={record[key]}
              unit={valueSpec.unit}
              {...numberRules(valueSpec)}
            />
          </div>
        ))}
      </div>
      {spec.meaning === 'share' && (
        <p className={`split-total${totalRounded === 100 || unused ? '' : ' is-off'}`}>
          Total {totalRounded.toLocaleString('en-GB', { maximumFractionDigits: 4 })} %
          {totalRounded === 100
            ? ''
            : unused
              ? ' (it must be 100 % before this split is used)'
              : ' (must be 100 %)'}
        </p>
      )}
    </fieldset>
  );
}

interface Column {
  key: string;
  label: string;
  path: (string | number)[];
  spec: FieldSpec;
  partyName?: string;
  placeholder?: string;
}

/** The columns of a list's table: scalar fields, one column per party for records, nested objects flattened. */
function columnsFor(
  item: Extract<FieldSpec, { type: 'object' }>,
  ctx: ReturnType<typeof useParams>,
): Column[] {
  const columns: Column[] = [];
  for (const field of item.fields) {
    if (field.spec.type === 'partyRecord') {
      const suffix = partyRecordLabel(field.spec.meaning, ctx.currency);
      for (const party of ctx.parties)
        columns.push({
          key: `${field.key}.${party.id}`,
          label: `${party.name}${field.spec.meaning === 'share' ? ' (%)' : ''}`,
          path: [field.key, party.id],
          spec: field.spec.value,
          partyName: `${party.name} ${field.key === 'beneficiaries' ? 'beneficiary share (%)' : suffix}`,
          // An absent party counts as 0 in a split or a contribution dimension.
          placeholder: '0',
        });
    } else if (field.spec.type === 'object') {
      for (const sub of field.spec.fields)
        columns.push({
          key: `${field.key}.${sub.key}`,
          label: `${humanize(field.key)} ${humanize(sub.key).toLowerCase()}${unitSuffix(sub.spec, ctx.currency)}`,
          path: [field.key, sub.key],
          spec: sub.spec,
        });
    } else if (field.key === 'id') {
      // Ids are references other clauses use; new rows get a fresh one, so they are not edited here.
      continue;
    } else if (field.spec.type !== 'array' && field.spec.type !== 'unknown') {
      columns.push({
        key: field.key,
        label: `${humanize(field.key)}${unitSuffix(field.spec, ctx.currency)}`,
        path: [field.key],
        spec: field.spec,
      });
    }
  }
  return columns;
}

function rowName(row: unknown, index: number, listKey: string): string {
  if (isRecord(row)) {
    if (typeof row.name === 'string' && row.name.trim()) return row.name;
    if (typeof row.id === 'string' && row.id.trim()) return row.id;
  }
  const noun =
    listKey === 'tiers'
      ? 'Tier'
      : listKey === 'triggers'
        ? 'Trigger'
        : listKey === 'lines'
          ? 'Line'
          : 'Row';
  return `${noun} ${index + 1}`;
}

function getAt(value: unknown, path: (string | number)[]): unknown {
  let node = value;
  for (const key of path) {
    if (Array.isArray(node) && typeof key === 'number') node = node[key];
    else if (isRecord(node)) node = node[String(key)];
    else return undefined;
  }
  return node;
}

function ListTable({
  spec,
  path,
  value,
  listKey,
}: {
  spec: Extract<FieldSpec, { type: 'array' }>;
  path: DocPath;
  value: unknown;
  listKey: string;
}) {
  const ctx = useParams();
  const rows = Array.isArray(value) ? value : [];
  const title = humanize(listKey);
  if (spec.item.type !== 'object') {
    return (
      <div className="param-group">
        <p className="muted">
          {title}: {JSON.stringify(rows)}
        </p>
      </div>
    );
  }
  const columns = columnsFor(spec.item, ctx);
  const item = spec.item;
  const add = () =>
    ctx.push(
      path,
      emptyValue(
        item,
        {
          parties: ctx.parties.map((p) => p.id),
          streams: ctx.streams.map((s) => s.id),
          drivers: ctx.drivers,
        },
        rows.length,
      ),
    );
  return (
    <div className="param-group">
      <div className="param-group-head">
        <h4 className="param-group-title">{title}</h4>
        {ctx.canEdit && (
          <button type="button" className="btn btn-ghost btn-sm" onClick={add}>
            + Add {title.toLowerCase().replace(/s$/, '')}
          </button>
        )}
      </div>
      <GroupErrors path={path} />
      {rows.length === 0 ? (
        <p className="muted small">None yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="param-table">
            <caption className="visually-hidden">
              {ctx.clauseTitle}: {title}
            </caption>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c.key} scope="col">
                    {c.label}
                  </th>
                ))}
                {ctx.canEdit && (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => {
                const name = rowName(row, index, listKey);
                return (
                  <tr key={index}>
                    {columns.map((c) => {
                      const cellPath = [...path, index, ...c.path];
                      const label = `${ctx.clauseTitle}: ${name} ${c.partyName ?? c.label.charAt(0).toLowerCase() + c.label.slice(1)}`;
                      return (
                        <td key={c.key} className={`cell-${c.spec.type}`}>
                          <ScalarField
                            spec={c.spec}
                            path={cellPath}
                            label={label}
                            value={getAt(row, c.path)}
                            hideLabel
                            {...(c.placeholder ? { placeholder: c.placeholder } : {})}
                          />
                        </td>
                      );
                    })}
                    {ctx.canEdit && (
                      <td className="cell-actions">
                        <button
                          type="button"
                          className="btn btn-icon"
                          aria-label={`Remove ${name} from ${ctx.clauseTitle}`}
                          title="Remove"
                          onClick={() => ctx.remove([...path, index])}
                        >
                          ×
                        </button>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

/** Which group of a value-sharing clause each split method reads. */
const groupOfMethod: Record<string, string | null> = {
  fixed: 'fixed',
  tiered: 'tiers',
  contribution: 'contribution',
  shapley: null,
};

/** A group the clause's split method does not read, folded away with a word on why. */
function UnusedGroup({
  title,
  method,
  children,
}: {
  title: string;
  method: string;
  children: ReactNode;
}) {
  return (
    <details className="param-unused">
      <summary>
        {title}: not used by the {methodLabels[method] ?? humanize(method)} method
        <span className="muted small"> (kept in case the method changes)</span>
      </summary>
      {children}
    </details>
  );
}

function FieldRenderer({
  field,
  path,
  value,
  method,
  folded = false,
}: {
  field: ObjectField;
  path: DocPath;
  value: unknown;
  /** The clause's split method, when it has one: groups it does not read are folded away. */
  method?: string;
  /** Drawn inside a folded, unused group. */
  folded?: boolean;
}): ReactNode {
  const ctx = useParams();
  const fieldPath = [...path, field.key];
  const title = humanize(field.key);
  if (value === undefined && field.optional) {
    if (!ctx.canEdit || field.spec.type === 'number' || field.spec.type === 'text') {
      if (field.spec.type === 'number' && ctx.canEdit) {
        return (
          <NumberInput
            path={fieldPath}
            label={`${ctx.clauseTitle}: ${title}${unitSuffix(field.spec, ctx.currency)}`}
            value={undefined}
            unit={field.spec.unit}
            {...numberRules(field.spec)}
            placeholder="Not set"
          />
        );
      }
      return null;
    }
    return (
      <div className="param-optional">
        <button
          type="button"
          className="btn btn-ghost btn-sm"
          onClick={() =>
            ctx.set(
              fieldPath,
              emptyValue(field.spec, {
                parties: ctx.parties.map((p) => p.id),
                streams: ctx.streams.map((s) => s.id),
                drivers: ctx.drivers,
              }),
            )
          }
        >
          + Add {title.toLowerCase()}
        </button>
      </div>
    );
  }
  const unused =
    method !== undefined &&
    path.length === 0 &&
    Object.values(groupOfMethod).includes(field.key) &&
    groupOfMethod[method] !== field.key;
  if (unused && method !== undefined && value !== undefined) {
    return (
      <UnusedGroup title={title} method={method}>
        <FieldRenderer field={field} path={path} value={value} folded />
      </UnusedGroup>
    );
  }
  switch (field.spec.type) {
    case 'partyRecord':
      return (
        <PartyRecordField
          spec={field.spec}
          path={fieldPath}
          value={value}
          title={title}
          unused={folded}
        />
      );
    case 'array':
      return <ListTable spec={field.spec} path={fieldPath} value={value} listKey={field.key} />;
    case 'object':
      return (
        <div className="param-nested">
          {field.spec.fields.map((sub) => (
            <FieldRenderer
              key={sub.key}
              field={sub}
              path={fieldPath}
              value={isRecord(value) ? value[sub.key] : undefined}
            />
          ))}
        </div>
      );
    case 'unknown':
      return null;
    default:
      return (
        <ScalarField
          spec={field.spec}
          path={fieldPath}
          label={`${ctx.clauseTitle}: ${title}${unitSuffix(field.spec, ctx.currency)}`}
          value={value}
        />
      );
  }
}

/** The parameter editors of one clause, generated from its kind's params schema. */
export function ParamsEditor({
  spec,
  params,
}: {
  spec: FieldSpec;
  params: Record<string, unknown>;
}) {
  const fields: ObjectField[] = spec.type === 'object' ? [...spec.fields] : [];
  const known = new Set(fields.map((f) => f.key));
  for (const [key, value] of Object.entries(params)) {
    if (!known.has(key)) {
      const extra = specFromValue(value, key);
      if (extra.type !== 'unknown') fields.push({ key, spec: extra, optional: true });
    }
  }
  const scalars = fields.filter((f) => !['partyRecord', 'array', 'object'].includes(f.spec.type));
  const groups = fields.filter((f) => ['partyRecord', 'array', 'object'].includes(f.spec.type));
  const shownScalars = scalars.filter(
    (f) => params[f.key] !== undefined || !f.optional || f.spec.type === 'number',
  );
  if (shownScalars.length === 0 && groups.length === 0) return null;
  return (
    <div className="params">
      {shownScalars.length > 0 && (
        <div className="param-row">
          {shownScalars.map((field) => (
            <FieldRenderer key={field.key} field={field} path={[]} value={params[field.key]} />
          ))}
        </div>
      )}
      {groups.map((field) => (
        <FieldRenderer
          key={field.key}
          field={field}
          path={[]}
          value={params[field.key]}
          {...(typeof params.method === 'string' && params.method in groupOfMethod
            ? { method: params.method }
            : {})}
        />
      ))}
    </div>
  );
}
