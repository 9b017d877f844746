import { describe, expect, it } from 'vitest';
import { diffTokens } from './wordDiff';

const words = (text: string) => text.split(/(\s+|[.,;:!?])/).filter(Boolean);
const show = (before: string, after: string) =>
  diffTokens(words(before), words(after), (t) => t)
    .map((op) =>
      op.kind === 'same' ? op.token : op.kind === 'added' ? `[+${op.token}]` : `[-${op.token}]`,
    )
    .join('');

describe('word diff', () => {
  it('marks the words added and removed, the rest as it was', () => {
    expect(show('The term is 36 months.', 'The term is 48 months.')).toBe(
      'The term is [-36][+48] months.',
    );
    expect(show('Pay monthly.', 'Pay monthly in arrears.')).toBe(
      'Pay monthly[+ ][+in][+ ][+arrears].',
    );
    expect(show('a b c', 'a b c')).toBe('a b c');
  });

  it('turns one version into the other', () => {
    const before = words('one two three four five six');
    const after = words('zero two three five six seven');
    const ops = diffTokens(before, after, (t) => t);
    expect(ops.filter((o) => o.kind !== 'added').map((o) => o.token)).toEqual(before);
    expect(ops.filter((o) => o.kind !== 'removed').map((o) => o.token)).toEqual(after);
  });
});
