// Taking the reader to a clause (and to one of its fields) from anywhere in the room: the outline,
// the value panel's issues, the mediation tabs and the visit summary all link this way.

/** Scrolls a clause block into view and focuses it, or the field of `param` inside it. */
export function scrollToClause(clauseId: string, param?: string): void {
  const block = document.getElementById(`clause-${clauseId}`);
  if (!block) return;
  block.scrollIntoView({ behavior: 'smooth', block: 'start' });
  const target = param
    ? (block.querySelector<HTMLElement>(
        `[id^="${`f-${clauseId}-${param}`.replace(/[^A-Za-z0-9_-]/g, '_')}"]`,
      ) ?? block)
    : block;
  target.focus({ preventScroll: true });
}
