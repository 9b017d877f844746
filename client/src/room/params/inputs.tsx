// The parameter inputs: labelled for screen readers with clause and field, announcing their issues
// and who last changed them, and refusing text that is not a valid number instead of writing it.
import type { Issue } from '@parley/shared/termsheet';
import { useEffect, useRef, useState } from 'react';
import { currencySymbol } from '../../lib/format';
import type { ChangeMark } from '../activity/activityStore';
import { useChangeMark } from '../activity/useChangeMark';
import type { NumberUnit } from './fieldSpec';
import { describeValue, parseNumberField, toDisplay } from './numberField';
import type { NumberRules } from './numberField';
import { fieldId, groupIssuesOver, issuesAt, useParams } from './ParamsContext';
import type { DocPath } from '../docWrites';
import { dottedPath } from './fieldSpec';
import { ParamCommentButton } from '../comments';
import { humanizeMessage } from '../names';
import { useRoom } from '../RoomContext';

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
  const { model } = useRoom();
  if (issues.length === 0 && !localError) return null;
  // Read when drawn: the names only change with the sheet, which redraws the field anyway.
  const sheet = model.state.getState().sheet;
  return (
    <div id={`${id}-err`} className="field-errors">
      {localError && <p className="field-error">{localError}</p>}
      {issues.map((issue, i) => (
        <p key={i} className={issue.severity === 'error' ? 'field-error' : 'field-warning'}>
          {humanizeMessage(issue.message, sheet, issue.clauseId)}
        </p>
      ))}
    </div>
  );
}

/** Ids of group error blocks above a field, so the field is announced with them. */
function groupErrorIds(clauseId: string, issues: Issue[]): string[] {
  return [...new Set(issues.map((i) => `${fieldId(clauseId, i.param ?? '')}-group-err`))];
}

/** How long typing may pause before a valid number is saved. */
export const COMMIT_PAUSE_MS = 800;

export interface NumberInputProps {
  path: DocPath;
  label: string;
  value: unknown;
  unit: NumberUnit;
  nullable?: boolean;
  /** Inclusive bounds in stored units; default to the term sheet's limits for the unit. */
  min?: number;
  max?: number;
  int?: boolean;
  placeholder?: string;
  compact?: boolean;
  hideLabel?: boolean;
  /** What the screen shows when the full (accessible) label would be too long. */
  visibleLabel?: string;
}

function isUndoKey(e: React.KeyboardEvent): 'undo' | 'redo' | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const key = e.key.toLowerCase();
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !e.shiftKey) return 'redo';
  return null;
}

/**
 * A number field that saves whole numbers only: on Enter, when it loses focus, or when typing
 * pauses, never in the middle of typing one. Text that is not a valid value is flagged at the
 * field and never saved; Escape brings back the saved value.
 */
export function NumberInput({
  path,
  label,
  value,
  unit,
  nullable = false,
  min,
  max,
  int,
  placeholder,
  compact,
  hideLabel,
  visibleLabel,
}: NumberInputProps) {
  const ctx = useParams();
  const dotted = dottedPath(path);
  const id = fieldId(ctx.clauseId, dotted);
  /** The text in the box while it is edited, or while it holds something that was not saved. */
  const [draft, setDraft] = useState<string | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const timer = useRef<number | null>(null);
  const own = issuesAt(ctx.issues, dotted);
  const group = groupIssuesOver(ctx.issues, dotted);
  const mark = useFieldMark(dotted, (v) => describeValue(v, unit, ctx.currency));
  const invalid =
    own.some((i) => i.severity === 'error') ||
    group.some((i) => i.severity === 'error') ||
    !!localError;
  const rules: NumberRules = {
    unit,
    nullable,
    currency: ctx.currency,
    ...(min !== undefined ? { min } : {}),
    ...(max !== undefined ? { max } : {}),
    ...(int ? { int } : {}),
  };
  const parse = (text: string) => parseNumberField(text, rules);

  // Kept in a ref so the pause timer and unmount see the latest draft and value.
  const latest = useRef<{ draft: string | null; value: unknown; commit(text: string): boolean }>({
    draft,
    value,
    commit: () => false,
  });
  const commit = (text: string): boolean => {
    if (timer.current !== null) {
      window.clearTimeout(timer.current);
      timer.current = null;
    }
    const parsed = parse(text);
    if (!parsed.ok) {
      setLocalError(`${parsed.message} (not saved)`);
      return false;
    }
    setLocalError(null);
    if (parsed.value !== latest.current.value && !(parsed.value === null && value === undefined)) {
      // One saved number is one step of undo, never merged with the edit before or after it.
      ctx.history?.stopCapturing();
      ctx.set(path, parsed.value);
      ctx.history?.stopCapturing();
    }
    return true;
  };
  latest.current = { draft, value, commit };

  // Someone else changed the value while this field shows it: follow, unless the text here is a
  // change of this member's own that is not saved yet.
  const previous = useRef(value);
  useEffect(() => {
    const before = previous.current;
    previous.current = value;
    if (before === value || draft === null) return;
    const parsed = parse(draft);
    if (parsed.ok && parsed.value === before) {
      setDraft(toDisplay(value, unit));
      setLocalError(null);
    }
    // Runs for a new value only: the draft is compared with the value before it.
  }, [value]);

  // A valid number typed but not yet saved when the field goes away is saved then.
  useEffect(
    () => () => {
      if (timer.current === null) return;
      window.clearTimeout(timer.current);
      const { draft: text, commit: save } = latest.current;
      if (text !== null) save(text);
    },
    [],
  );

  const onChange = (text: string) => {
    setDraft(text);
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    const parsed = parse(text);
    if (!parsed.ok) {
      setLocalError(parsed.message);
      return;
    }
    setLocalError(null);
    timer.current = window.setTimeout(() => {
      timer.current = null;
      latest.current.commit(text);
    }, COMMIT_PAUSE_MS);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      if (draft !== null) commit(draft);
      return;
    }
    if (e.key === 'Escape' && draft !== null) {
      e.preventDefault();
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = null;
      setDraft(toDisplay(value, unit));
      setLocalError(null);
      return;
    }
    const step = isUndoKey(e);
    if (!step || !ctx.history) return;
    const parsed = draft === null ? null : parse(draft);
    const unsaved = draft !== null && !(parsed?.ok && parsed.value === (value ?? null));
    // Typing not yet saved is taken back by the box itself; saved changes by the room's history.
    if (unsaved) return;
    e.preventDefault();
    if (step === 'undo') ctx.history.undo();
    else ctx.history.redo();
  };

  const shown = draft ?? toDisplay(value, unit);
  const describedBy = [
    describe(own, localError, groupErrorIds(ctx.clauseId, group), id),
    mark.noteId,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`field field-number${compact ? ' field-compact' : ''}${mark.className}`}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {visibleLabel ?? shortLabel(label, ctx.clauseTitle)}
      </label>
      {!hideLabel && <ParamCommentButton clauseId={ctx.clauseId} param={dotted} label={label} />}
      <div
        className={`input-affix${invalid ? ' is-invalid' : ''}${!ctx.canEdit ? ' is-readonly' : ''}`}
        title={mark.note ?? undefined}
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
          aria-describedby={describedBy || undefined}
          onFocus={() => {
            // The text stays as shown (it parses as it is), so a selection made on focus holds.
            if (draft === null) setDraft(toDisplay(value, unit));
          }}
          onBlur={() => {
            if (draft === null) return;
            if (commit(draft)) setDraft(null);
          }}
          onKeyDown={onKeyDown}
          onChange={(e) => onChange(e.target.value)}
        />
        {unit === 'percent' && <span className="affix">%</span>}
      </div>
      {mark.hidden}
      <FieldErrors id={id} issues={own} localError={localError} />
    </div>
  );
}

/** "Changed by Ada Kestrel (Kestrel Mobile), was 45 %". */
export function changeNoteText(
  mark: ChangeMark,
  parties: { id: string; name: string }[],
  describeOld: (value: unknown) => string,
): string {
  const party = parties.find((p) => p.id === mark.partyId)?.name;
  const who = `${mark.name}${party ? ` (${party})` : mark.partyId === null ? ' (mediator)' : ''}`;
  return `Changed by ${who}, was ${'old' in mark ? describeOld(mark.old) : 'not set'}`;
}

/** Plain values in words, for fields that are not numbers. */
function describeText(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (typeof value === 'string') return value === '' ? 'empty' : `“${value}”`;
  if (Array.isArray(value)) return value.join(', ') || 'none';
  return String(value);
}

/**
 * The change mark of one field: the class that flashes it and marks it, its note ("Changed by …,
 * was …") for the tooltip, and the same note for screen readers under an id to describe it with.
 */
function useFieldMark(dotted: string, describeOld: (value: unknown) => string) {
  const ctx = useParams();
  const { mark, flashing } = useChangeMark(ctx.clauseId, dotted);
  const note = mark ? changeNoteText(mark, ctx.parties, describeOld) : null;
  const noteId = note ? `${fieldId(ctx.clauseId, dotted)}-changed` : undefined;
  return {
    note,
    noteId,
    className: `${mark ? ' has-change-mark' : ''}${flashing ? ' is-flashing' : ''}`,
    hidden: note ? (
      <>
        <span id={noteId} className="visually-hidden" data-testid="change-note">
          {note}
        </span>
        {flashing && mark && (
          <span className="change-chip" aria-hidden="true">
            {mark.name}
          </span>
        )}
      </>
    ) : null,
  };
}

function describedBy(...ids: (string | undefined | false)[]): string | undefined {
  const list = ids.filter((id): id is string => typeof id === 'string' && id.length > 0);
  return list.length ? list.join(' ') : undefined;
}

/** Shown at a text field that reached its limit: the server would refuse anything longer. */
function LengthNote({ id, length, max }: { id: string; length: number; max?: number }) {
  if (max === undefined || length < max) return null;
  return (
    <p id={`${id}-limit`} className="field-warning" role="status">
      At most {max} characters.
    </p>
  );
}

export function TextInput({
  path,
  label,
  value,
  hideLabel,
  maxLength,
}: {
  path: DocPath;
  label: string;
  value: unknown;
  hideLabel?: boolean;
  maxLength?: number;
}) {
  const ctx = useParams();
  const dotted = dottedPath(path);
  const id = fieldId(ctx.clauseId, dotted);
  const own = issuesAt(ctx.issues, dotted);
  const mark = useFieldMark(dotted, describeText);
  const text = typeof value === 'string' ? value : '';
  const atLimit = maxLength !== undefined && text.length >= maxLength;
  return (
    <div className={`field${mark.className}`} title={mark.note ?? undefined}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {shortLabel(label, ctx.clauseTitle)}
      </label>
      {!hideLabel && <ParamCommentButton clauseId={ctx.clauseId} param={dotted} label={label} />}
      <input
        id={id}
        aria-label={label}
        className={`input${own.length ? ' is-invalid' : ''}`}
        value={text}
        maxLength={maxLength}
        readOnly={!ctx.canEdit}
        aria-invalid={own.some((i) => i.severity === 'error') || undefined}
        aria-describedby={describedBy(
          own.length > 0 && `${id}-err`,
          atLimit && `${id}-limit`,
          mark.noteId,
        )}
        onChange={(e) => ctx.set(path, e.target.value)}
      />
      {mark.hidden}
      <LengthNote id={id} length={text.length} max={maxLength} />
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
  const mark = useFieldMark(dotted, (old) =>
    typeof old === 'string'
      ? (options.find((o) => o.value === old)?.label ?? old)
      : describeText(old),
  );
  return (
    <div className={`field${mark.className}`} title={mark.note ?? undefined}>
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
        aria-describedby={describedBy(own.length > 0 && `${id}-err`, mark.noteId)}
        onChange={(e) => ctx.set(path, e.target.value)}
      >
        {!known && <option value={current}>{current ? `${current} (unknown)` : 'Choose…'}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {mark.hidden}
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
  const dotted = dottedPath(path);
  const id = fieldId(ctx.clauseId, dotted);
  const mark = useFieldMark(dotted, describeText);
  return (
    <div className={`field field-check${mark.className}`} title={mark.note ?? undefined}>
      <input
        id={id}
        type="checkbox"
        className="checkbox"
        checked={value === true}
        disabled={!ctx.canEdit}
        aria-label={label}
        aria-describedby={mark.noteId}
        onChange={(e) => ctx.set(path, e.target.checked)}
      />
      <label htmlFor={id}>{shortLabel(label, ctx.clauseTitle)}</label>
      {mark.hidden}
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
  const names = (old: unknown) =>
    Array.isArray(old)
      ? old.map((p) => ctx.parties.find((party) => party.id === p)?.name ?? String(p)).join(', ') ||
        'all parties'
      : describeText(old);
  const mark = useFieldMark(dotted, names);
  return (
    <fieldset
      className={`field party-list${mark.className}`}
      title={mark.note ?? undefined}
      aria-describedby={describedBy(own.length > 0 && `${id}-err`, mark.noteId)}
    >
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
      {mark.hidden}
      <FieldErrors id={id} issues={own} />
    </fieldset>
  );
}
