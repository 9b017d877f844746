// The parameter inputs: labelled for screen readers with clause and field, announcing their issues,
// and refusing text that is not a number instead of writing it.
import type { Issue } from '@parley/shared/termsheet';
import { useEffect, useState } from 'react';
import {
  centsToInput,
  currencySymbol,
  formatNumber,
  parseDecimal,
  parseMoneyInput,
  parsePercentInput,
} from '../../lib/format';
import type { ParseResult } from '../../lib/format';
import type { NumberUnit } from './fieldSpec';
import { fieldId, groupIssuesOver, issuesAt, useParams } from './ParamsContext';
import type { DocPath } from '../docWrites';
import { dottedPath } from './fieldSpec';
import { ParamCommentButton } from '../comments';

/** The label shown on screen drops the clause name the block heading already shows. */
function shortLabel(label: string, clauseTitle: string): string {
  const prefix = `${clauseTitle}: `;
  const rest = label.startsWith(prefix) ? label.slice(prefix.length) : label;
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

function describe(issues: Issue[], localError: string | null, groupIds: string[], id: string) {
  const ids = [...groupIds];
  if (issues.length > 0 || localError) ids.push(`${id}-err`);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function FieldErrors({
  id,
  issues,
  localError,
}: {
  id: string;
  issues: Issue[];
  localError?: string | null;
}) {
  if (issues.length === 0 && !localError) return null;
  return (
    <div id={`${id}-err`} className="field-errors">
      {localError && <p className="field-error">{localError}</p>}
      {issues.map((issue, i) => (
        <p key={i} className={issue.severity === 'error' ? 'field-error' : 'field-warning'}>
          {issue.message}
        </p>
      ))}
    </div>
  );
}

/** Ids of group error blocks above a field, so the field is announced with them. */
function groupErrorIds(clauseId: string, issues: Issue[]): string[] {
  return [...new Set(issues.map((i) => `${fieldId(clauseId, i.param ?? '')}-group-err`))];
}

function toDisplay(value: unknown, unit: NumberUnit): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'number') return String(value);
  if (unit === 'money') {
    const major = value / 100;
    return major.toLocaleString('en-GB', {
      minimumFractionDigits: Number.isInteger(major) ? 0 : 2,
      maximumFractionDigits: 2,
    });
  }
  return formatNumber(value);
}

function toEditable(value: unknown, unit: NumberUnit): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'number') return String(value);
  return unit === 'money' ? centsToInput(value) : String(value);
}

function parseFor(
  unit: NumberUnit,
  text: string,
  nullable: boolean,
): ParseResult | { ok: true; value: null } {
  if (nullable && text.trim() === '') return { ok: true, value: null };
  if (unit === 'money') return parseMoneyInput(text);
  if (unit === 'percent') return parsePercentInput(text);
  const parsed = parseDecimal(text);
  if (parsed.ok && unit === 'count' && !Number.isInteger(parsed.value))
    return { ok: false, message: 'Enter a whole number' };
  return parsed;
}

export interface NumberInputProps {
  path: DocPath;
  label: string;
  value: unknown;
  unit: NumberUnit;
  nullable?: boolean;
  placeholder?: string;
  compact?: boolean;
  hideLabel?: boolean;
  /** What the screen shows when the full (accessible) label would be too long. */
  visibleLabel?: string;
}

export function NumberInput({
  path,
  label,
  value,
  unit,
  nullable = false,
  placeholder,
  compact,
  hideLabel,
  visibleLabel,
}: NumberInputProps) {
  const ctx = useParams();
  const dotted = dottedPath(path);
  const id = fieldId(ctx.clauseId, dotted);
  const [draft, setDraft] = useState<string | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const own = issuesAt(ctx.issues, dotted);
  const group = groupIssuesOver(ctx.issues, dotted);
  const invalid =
    own.some((i) => i.severity === 'error') ||
    group.some((i) => i.severity === 'error') ||
    !!localError;

  useEffect(() => {
    if (draft === null) setLocalError(null);
  }, [value, draft]);

  const onChange = (text: string) => {
    setDraft(text);
    const parsed = parseFor(unit, text, nullable);
    if (!parsed.ok) {
      setLocalError(parsed.message);
      return;
    }
    setLocalError(null);
    if (parsed.value !== value) ctx.set(path, parsed.value);
  };

  const shown = draft ?? toDisplay(value, unit);
  return (
    <div className={`field field-number${compact ? ' field-compact' : ''}`}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {visibleLabel ?? shortLabel(label, ctx.clauseTitle)}
      </label>
      {!hideLabel && <ParamCommentButton clauseId={ctx.clauseId} param={dotted} label={label} />}
      <div
        className={`input-affix${invalid ? ' is-invalid' : ''}${!ctx.canEdit ? ' is-readonly' : ''}`}
      >
        {unit === 'money' && <span className="affix">{currencySymbol(ctx.currency)}</span>}
        <input
          id={id}
          aria-label={label}
          className="input input-number"
          inputMode="decimal"
          autoComplete="off"
          value={shown}
          placeholder={placeholder ?? (nullable ? 'No limit' : undefined)}
          readOnly={!ctx.canEdit}
          aria-invalid={invalid || undefined}
          aria-describedby={describe(own, localError, groupErrorIds(ctx.clauseId, group), id)}
          onFocus={() => setDraft(toEditable(value, unit))}
          onBlur={() => {
            setDraft(null);
            setLocalError(null);
          }}
          onChange={(e) => onChange(e.target.value)}
        />
        {unit === 'percent' && <span className="affix">%</span>}
      </div>
      <FieldErrors id={id} issues={own} localError={localError} />
    </div>
  );
}

export function TextInput({
  path,
  label,
  value,
  hideLabel,
}: {
  path: DocPath;
  label: string;
  value: unknown;
  hideLabel?: boolean;
}) {
  const ctx = useParams();
  const dotted = dottedPath(path);
  const id = fieldId(ctx.clauseId, dotted);
  const own = issuesAt(ctx.issues, dotted);
  return (
    <div className="field">
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {shortLabel(label, ctx.clauseTitle)}
      </label>
      {!hideLabel && <ParamCommentButton clauseId={ctx.clauseId} param={dotted} label={label} />}
      <input
        id={id}
        aria-label={label}
        className={`input${own.length ? ' is-invalid' : ''}`}
        value={typeof value === 'string' ? value : ''}
        readOnly={!ctx.canEdit}
        aria-invalid={own.some((i) => i.severity === 'error') || undefined}
        aria-describedby={own.length ? `${id}-err` : undefined}
        onChange={(e) => ctx.set(path, e.target.value)}
      />
      <FieldErrors id={id} issues={own} />
    </div>
  );
}

export function SelectInput({
  path,
  label,
  value,
  options,
  hideLabel,
}: {
  path: DocPath;
  label: string;
  value: unknown;
  options: { value: string; label: string }[];
  hideLabel?: boolean;
}) {
  const ctx = useParams();
  const dotted = dottedPath(path);
  const id = fieldId(ctx.clauseId, dotted);
  const own = issuesAt(ctx.issues, dotted);
  const current = typeof value === 'string' ? value : '';
  const known = options.some((o) => o.value === current);
  return (
    <div className="field">
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {shortLabel(label, ctx.clauseTitle)}
      </label>
      {!hideLabel && <ParamCommentButton clauseId={ctx.clauseId} param={dotted} label={label} />}
      <select
        id={id}
        aria-label={label}
        className={`input select${own.length ? ' is-invalid' : ''}`}
        value={current}
        disabled={!ctx.canEdit}
        aria-invalid={own.some((i) => i.severity === 'error') || undefined}
        aria-describedby={own.length ? `${id}-err` : undefined}
        onChange={(e) => ctx.set(path, e.target.value)}
      >
        {!known && <option value={current}>{current ? `${current} (unknown)` : 'Choose…'}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldErrors id={id} issues={own} />
    </div>
  );
}

export function CheckboxInput({
  path,
  label,
  value,
}: {
  path: DocPath;
  label: string;
  value: unknown;
}) {
  const ctx = useParams();
  const id = fieldId(ctx.clauseId, dottedPath(path));
  return (
    <div className="field field-check">
      <input
        id={id}
        type="checkbox"
        className="checkbox"
        checked={value === true}
        disabled={!ctx.canEdit}
        aria-label={label}
        onChange={(e) => ctx.set(path, e.target.checked)}
      />
      <label htmlFor={id}>{shortLabel(label, ctx.clauseTitle)}</label>
    </div>
  );
}

export function PartyListInput({
  path,
  label,
  value,
}: {
  path: DocPath;
  label: string;
  value: unknown;
}) {
  const ctx = useParams();
  const dotted = dottedPath(path);
  const id = fieldId(ctx.clauseId, dotted);
  const selected = Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string')
    : [];
  const own = issuesAt(ctx.issues, dotted);
  return (
    <fieldset className="field party-list" aria-describedby={own.length ? `${id}-err` : undefined}>
      <legend className="visually-hidden">{label}</legend>
      {ctx.parties.map((party) => {
        const checked = selected.includes(party.id);
        return (
          <label key={party.id} className={`chip-toggle${checked ? ' is-on' : ''}`}>
            <input
              type="checkbox"
              checked={checked}
              disabled={!ctx.canEdit}
              aria-label={`${label}: ${party.name}`}
              onChange={(e) => {
                const next = e.target.checked
                  ? ctx.parties
                      .map((p) => p.id)
                      .filter((p) => p === party.id || selected.includes(p))
                  : selected.filter((p) => p !== party.id);
                ctx.set(path, next);
              }}
            />
            {party.name.split(/\s+/)[0]}
          </label>
        );
      })}
      {selected.length === 0 && <span className="muted small">All parties</span>}
      <FieldErrors id={id} issues={own} />
    </fieldset>
  );
}
