// The search bar of the room: finds words in clause titles and text, highlights every match,
// and steps through them with Enter and Shift+Enter, scrolling each into view.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from '../../lib/store';
import { useRoom } from '../RoomContext';
import { findInSheet } from './findInSheet';
import type { SheetMatch } from './findInSheet';

interface HighlightRegistry {
  set(name: string, value: unknown): void;
  delete(name: string): void;
}

/** The CSS Custom Highlight registry, where the browser has one. */
function highlights(): { registry: HighlightRegistry; make: (ranges: Range[]) => unknown } | null {
  const css = (globalThis as { CSS?: { highlights?: HighlightRegistry } }).CSS;
  const Maker = (globalThis as { Highlight?: new (...ranges: Range[]) => unknown }).Highlight;
  if (!css?.highlights || !Maker) return null;
  return { registry: css.highlights, make: (ranges) => new Maker(...ranges) };
}

export default function SheetSearch() {
  const { ui, model } = useRoom();
  const open = useStore(ui.state, (s) => s.searchOpen);
  const revision = useStore(model.state, (s) => s.revision);
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState(0);
  const [matches, setMatches] = useState<SheetMatch[]>([]);
  const input = useRef<HTMLInputElement>(null);
  /** Whether Enter has shown a match yet: the first Enter shows the first match. */
  const stepped = useRef(false);

  // Matches are found again when the query or the document changes (after the editors drew it).
  useEffect(() => {
    if (!open) return;
    const frame = requestAnimationFrame(() => {
      const root = document.getElementById('clauses');
      setMatches(root ? findInSheet(root, query) : []);
    });
    return () => cancelAnimationFrame(frame);
  }, [open, query, revision]);

  // The box takes the focus when it opens, however it was opened (Ctrl+F, "/", the header button).
  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);

  const index = matches.length === 0 ? -1 : Math.min(current, matches.length - 1);
  const active = index >= 0 ? matches[index] : undefined;

  useEffect(() => {
    const h = highlights();
    if (!h) return;
    const ranges = matches.flatMap((m) => (m.range ? [m.range] : []));
    if (!open || ranges.length === 0) {
      h.registry.delete('sheet-search');
      h.registry.delete('sheet-search-current');
      return;
    }
    h.registry.set('sheet-search', h.make(ranges));
    if (active?.range) h.registry.set('sheet-search-current', h.make([active.range]));
    else h.registry.delete('sheet-search-current');
    return () => {
      h.registry.delete('sheet-search');
      h.registry.delete('sheet-search-current');
    };
  }, [matches, active, open]);

  const go = (to: number) => {
    if (matches.length === 0) return;
    const next = (to + matches.length) % matches.length;
    stepped.current = true;
    setCurrent(next);
    const match = matches[next]!;
    const target = match.range?.startContainer.parentElement ?? match.element;
    target.scrollIntoView({ block: 'center', behavior: 'smooth' });
  };

  const summary = useMemo(() => {
    if (query.trim() === '') return 'Type to search clause titles and text';
    if (matches.length === 0) return 'No matches';
    return `${index + 1} of ${matches.length}`;
  }, [query, matches.length, index]);

  if (!open) return null;
  return (
    <div className="sheet-search" role="search" aria-label="Search the term sheet">
      <label htmlFor="sheet-search-input" className="visually-hidden">
        Search the term sheet
      </label>
      <input
        id="sheet-search-input"
        ref={input}
        className="input sheet-search-input"
        type="search"
        placeholder="Search the term sheet"
        autoComplete="off"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setCurrent(0);
          stepped.current = false;
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            if (!stepped.current) go(e.shiftKey ? index - 1 : index);
            else go(e.shiftKey ? index - 1 : index + 1);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            ui.setSearchOpen(false);
          }
        }}
      />
      <span className="sheet-search-count small muted" role="status" aria-live="polite">
        {summary}
      </span>
      <button
        type="button"
        className="btn btn-icon btn-xs"
        aria-label="Previous match"
        disabled={matches.length === 0}
        onClick={() => go(index - 1)}
      >
        ↑
      </button>
      <button
        type="button"
        className="btn btn-icon btn-xs"
        aria-label="Next match"
        disabled={matches.length === 0}
        onClick={() => go(index + 1)}
      >
        ↓
      </button>
      <button
        type="button"
        className="btn btn-icon btn-xs"
        aria-label="Close the search"
        onClick={() => ui.setSearchOpen(false)}
      >
        ×
      </button>
      {query.trim() !== '' && matches.length > 0 && (
        <ol className="sheet-search-results" aria-label="Matches">
          {matches.slice(0, 50).map((m, i) => (
            <li key={i}>
              <button
                type="button"
                className={`sheet-search-result${i === index ? ' is-current' : ''}`}
                aria-current={i === index ? 'true' : undefined}
                onClick={() => go(i)}
              >
                <strong>{m.clauseTitle}</strong>
                {m.where === 'title' ? ' (title)' : ''}: …{m.before}
                <mark>{m.match}</mark>
                {m.after}…
              </button>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
