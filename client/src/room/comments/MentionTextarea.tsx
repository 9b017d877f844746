// The comment composer: suggests members who can read the thread after "@", shows picked mentions
// as @Name, and sends them in the stored mention syntax the server understands.
import { MAX_COMMENT_BODY_LENGTH } from '@parley/shared/comments';
import type { MentionCandidate } from '@parley/shared/comments';
import { useId, useMemo, useRef, useState } from 'react';
import { mentionQuery } from './mentionQuery';
import { editShown, insertMention, toShown, toStored } from './mentionText';
import type { ShownText } from './mentionText';
import type { KeyboardEvent } from 'react';

interface MentionTextareaProps {
  id?: string;
  label: string;
  /** The body in the stored format, mentions as `@[Name](member:id)`. */
  value: string;
  /** Receives the body in the stored format. */
  onChange: (value: string) => void;
  /** Members who can read the thread: the only ones worth mentioning. */
  candidates: MentionCandidate[];
  onSubmit?: () => void;
  placeholder?: string;
  rows?: number;
}

/**
 * A comment composer that suggests room members after "@" (arrows, Enter or Tab to pick). It shows
 * a picked mention as `@Name` and hands the body on in the stored mention syntax.
 */
export function MentionTextarea({
  id,
  label,
  value,
  onChange,
  candidates,
  onSubmit,
  placeholder,
  rows = 3,
}: MentionTextareaProps) {
  const ownId = useId();
  const fieldId = id ?? ownId;
  const listId = `${fieldId}-mentions`;
  const ref = useRef<HTMLTextAreaElement>(null);
  const [query, setQuery] = useState<{ at: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const matches = query
    ? candidates.filter((c) => c.name.toLowerCase().includes(query.query)).slice(0, 6)
    : [];
  const open = matches.length > 0;
  const shown = useMemo(() => toShown(value), [value]);

  const refresh = (next: ShownText, caret: number) => {
    // A caret at the end of a picked mention is not a new one being typed.
    const inMention = next.mentions.some((m) => caret > m.start && caret <= m.end);
    setQuery(inMention ? null : mentionQuery(next.text, caret));
    setActive(0);
  };

  const commit = (next: ShownText): boolean => {
    const stored = toStored(next);
    // The limit counts the stored body, which is longer than what the field shows.
    if (stored.length > MAX_COMMENT_BODY_LENGTH && stored.length > value.length) return false;
    onChange(stored);
    return true;
  };

  const pick = (candidate: MentionCandidate) => {
    if (!query) return;
    const caret = ref.current?.selectionStart ?? shown.text.length;
    const next = insertMention(shown, query.at, caret, candidate.name, candidate.memberId);
    setQuery(null);
    if (!commit(next.shown)) return;
    requestAnimationFrame(() => {
      ref.current?.focus();
      ref.current?.setSelectionRange(next.caret, next.caret);
    });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (open) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const step = e.key === 'ArrowDown' ? 1 : -1;
        setActive((i) => (i + step + matches.length) % matches.length);
        return;
      }
      if (e.key === 'Enter' || e.key === 'Tab') {
        e.preventDefault();
        const chosen = matches[active];
        if (chosen) pick(chosen);
        return;
      }
      if (e.key === 'Escape') {
        e.preventDefault();
        setQuery(null);
        return;
      }
    }
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && onSubmit) {
      e.preventDefault();
      onSubmit();
    }
  };

  return (
    <div className="mention-field">
      <label htmlFor={fieldId} className="visually-hidden">
        {label}
      </label>
      <textarea
        ref={ref}
        id={fieldId}
        className="input comment-input"
        rows={rows}
        value={shown.text}
        placeholder={placeholder}
        role="combobox"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        aria-autocomplete="list"
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        onChange={(e) => {
          const caret = e.target.selectionStart;
          const next = editShown(shown, e.target.value, caret);
          if (commit(next)) refresh(next, caret);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setQuery(null), 150)}
      />
      {open && (
        <ul id={listId} role="listbox" className="mention-list" aria-label="Mention someone">
          {matches.map((c, i) => (
            <li
              key={c.memberId}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={`mention-option${i === active ? ' is-active' : ''}`}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(c);
              }}
            >
              <span className="mention-name">{c.name}</span>
              <span className="muted small">{c.role}</span>
            </li>
          ))}
        </ul>
      )}
      {value.length > MAX_COMMENT_BODY_LENGTH - 200 && (
        <p className="small muted" aria-live="polite">
          {MAX_COMMENT_BODY_LENGTH - value.length} characters left
        </p>
      )}
    </div>
  );
}
