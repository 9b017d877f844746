// The note under a text field near its limit: how much room is left, and at the limit that the
// server takes no more, so nobody learns it from a refusal after typing.
export function LimitNote({ id, length, max }: { id: string; length: number; max: number }) {
  if (length < max * 0.9) return null;
  return (
    <p id={id} className={length >= max ? 'field-warning' : 'hint'} aria-live="polite">
      {length >= max
        ? `That is the limit: at most ${max.toLocaleString('en-GB')} characters.`
        : `${(max - length).toLocaleString('en-GB')} characters left.`}
    </p>
  );
}
