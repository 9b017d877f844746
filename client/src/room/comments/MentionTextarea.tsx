import { MAX_COMMENT_BODY_LENGTH, formatMention } from '@parley/shared';
import type { MentionCandidate } from '@parley/shared';
import { useId, useRef, useState } from 'react';
import { mentionQuery } from './mentionQuery';
import type { KeyboardEvent } from 'react';

interface MentionTextareaProps {
  id?: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Members who can read the thread: the only ones worth mentioning. */
  candidates: MentionCandidate[];
  onSubmit?: () => void;
  placeholder?: string;
  rows?: number;
}

/** A comment composer that suggests room members after "@" (arrows, Enter or Tab to pick). */
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

  const refresh = (text: string, caret: number) => {
    setQuery(mentionQuery(text, caret));
    setActive(0);
  };

  const pick = (candidate: MentionCandidate) => {
    if (!query) return;
    const caret = ref.current?.selectionStart ?? value.length;
    const mention = `${formatMention(candidate.name, candidate.memberId)} `;
    const next = value.slice(0, query.at) + mention + value.slice(caret);
    onChange(next);
    setQuery(null);
    const at = query.at + mention.length;
    requestAnimationFrame(() => {
      ref.current?.focus();
      ref.current?.setSelectionRange(at, at);
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
        value={value}
        maxLength={MAX_COMMENT_BODY_LENGTH}
        placeholder={placeholder}
        role="combobox"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        aria-autocomplete="list"
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        onChange={(e) => {
          onChange(e.target.value);
          refresh(e.target.value, e.target.selectionStart);
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
