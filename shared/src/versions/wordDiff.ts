// A word-level diff for redlines: text cut into words, spaces and line breaks, and the longest
// common subsequence of the two, after trimming what both share at the ends.

export type DiffKind = 'same' | 'added' | 'removed';

/** A stretch of text that both versions share, or that only one of them has. */
export interface RedlineSegment {
  op: DiffKind;
  text: string;
}

/** Above this many cells the middle is shown as replaced whole rather than compared word by word. */
const MAX_CELLS = 4_000_000;

/** Words, runs of spaces and line breaks, each a token of its own. */
export function tokenize(text: string): string[] {
  return text.match(/\n|[^\S\n]+|[^\s]+/g) ?? [];
}

/** One token of a diff: in both versions, or only in one. */
export interface DiffOp<T> {
  op: DiffKind;
  token: T;
}

/**
 * Token by token, removals before additions where both replace the same stretch; `key` says
 * which tokens are equal (tokens that are not strings, e.g. words with their formatting).
 */
export function diffTokens<T>(
  beforeTokens: readonly T[],
  afterTokens: readonly T[],
  key: (token: T) => string,
): DiffOp<T>[];
export function diffTokens(before: readonly string[], after: readonly string[]): DiffOp<string>[];
export function diffTokens<T>(
  beforeTokens: readonly T[],
  afterTokens: readonly T[],
  key: (token: T) => string = String,
): DiffOp<T>[] {
  const before = beforeTokens.map(key);
  const after = afterTokens.map(key);
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start])
    start += 1;
  let endA = before.length;
  let endB = after.length;
  while (endA > start && endB > start && before[endA - 1] === after[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const ops: DiffOp<T>[] = [];
  for (let i = 0; i < start; i += 1) ops.push({ op: 'same', token: afterTokens[i]! });
  const n = endA - start;
  const m = endB - start;
  if (n * m > MAX_CELLS) {
    for (let i = start; i < endA; i += 1) ops.push({ op: 'removed', token: beforeTokens[i]! });
    for (let j = start; j < endB; j += 1) ops.push({ op: 'added', token: afterTokens[j]! });
  } else {
    const width = m + 1;
    const lengths = new Uint32Array((n + 1) * width);
    for (let i = n - 1; i >= 0; i -= 1)
      for (let j = m - 1; j >= 0; j -= 1)
        lengths[i * width + j] =
          before[start + i] === after[start + j]
            ? lengths[(i + 1) * width + j + 1]! + 1
            : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && before[start + i] === after[start + j]) {
        ops.push({ op: 'same', token: afterTokens[start + j]! });
        i += 1;
        j += 1;
      } else if (
        j >= m ||
        (i < n && lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!)
      ) {
        ops.push({ op: 'removed', token: beforeTokens[start + i]! });
        i += 1;
      } else {
        ops.push({ op: 'added', token: afterTokens[start + j]! });
        j += 1;
      }
    }
  }
  for (let j = endB; j < after.length; j += 1) ops.push({ op: 'same', token: afterTokens[j]! });
  return ops;
}

/**
 * The redline from `before` to `after`, word by word, adjacent tokens of one kind merged. A space
 * between two changed words goes with them, so "a b" → "c d" reads as one replacement.
 */
export function redline(before: string, after: string): RedlineSegment[] {
  const ops = diffTokens(tokenize(before), tokenize(after));
  // A lone shared space between two changes reads better inside the change.
  for (let k = 1; k < ops.length - 1; k += 1) {
    const op = ops[k]!;
    if (op.op !== 'same' || !/^[^\S\n]+$/.test(op.token)) continue;
    if (ops[k - 1]!.op !== 'same' && ops[k + 1]!.op !== 'same') {
      ops.splice(k, 1, { op: 'removed', token: op.token }, { op: 'added', token: op.token });
      k += 1;
    }
  }
  const out: RedlineSegment[] = [];
  // Removals and additions that alternate are gathered: all removed words, then all added ones.
  let removed = '';
  let added = '';
  const flush = (): void => {
    if (removed !== '') out.push({ op: 'removed', text: removed });
    if (added !== '') out.push({ op: 'added', text: added });
    removed = '';
    added = '';
  };
  for (const { op, token } of ops) {
    if (op === 'removed') removed += token;
    else if (op === 'added') added += token;
    else {
      flush();
      const last = out[out.length - 1];
      if (last?.op === 'same') last.text += token;
      else out.push({ op: 'same', text: token });
    }
  }
  flush();
  return out;
}
