// A word-level diff for redlines: which tokens of the new version are added and which of the old
// are removed, found by the longest common subsequence after trimming what both share at the ends.

export type DiffOp<T> = { kind: 'same' | 'added' | 'removed'; token: T };

/** Above this many cells the middle is shown as replaced whole rather than compared word by word. */
const MAX_CELLS = 4_000_000;

/**
 * The edit from `before` to `after`, token by token, with `key` deciding which tokens are equal.
 * Removals come before additions where both replace the same stretch, as a redline reads.
 */
export function diffTokens<T>(
  before: readonly T[],
  after: readonly T[],
  key: (t: T) => string,
): DiffOp<T>[] {
  const a = before.map(key);
  const b = after.map(key);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const ops: DiffOp<T>[] = [];
  for (let i = 0; i < start; i += 1) ops.push({ kind: 'same', token: after[i]! });
  const n = endA - start;
  const m = endB - start;
  if (n * m > MAX_CELLS) {
    for (let i = start; i < endA; i += 1) ops.push({ kind: 'removed', token: before[i]! });
    for (let j = start; j < endB; j += 1) ops.push({ kind: 'added', token: after[j]! });
  } else {
    // lengths[i][j]: the longest common subsequence of a[start+i..] and b[start+j..].
    const width = m + 1;
    const lengths = new Uint32Array((n + 1) * width);
    for (let i = n - 1; i >= 0; i -= 1)
      for (let j = m - 1; j >= 0; j -= 1)
        lengths[i * width + j] =
          a[start + i] === b[start + j]
            ? lengths[(i + 1) * width + j + 1]! + 1
            : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[start + i] === b[start + j]) {
        ops.push({ kind: 'same', token: after[start + j]! });
        i += 1;
        j += 1;
      } else if (
        j >= m ||
        (i < n && lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!)
      ) {
        ops.push({ kind: 'removed', token: before[start + i]! });
        i += 1;
      } else {
        ops.push({ kind: 'added', token: after[start + j]! });
        j += 1;
      }
    }
  }
  for (let j = endB; j < b.length; j += 1) ops.push({ kind: 'same', token: after[j]! });
  return ops;
}
