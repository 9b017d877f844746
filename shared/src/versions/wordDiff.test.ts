// The word-level redline: words, spaces and line breaks kept, changes grouped as a reader expects;
// and the diff of any tokens by a key, as the proposal redline compares formatted words.
import { describe, expect, it } from 'vitest';
import { diffTokens, redline, tokenize } from './wordDiff';

describe('redline', () => {
  it('keeps spaces and line breaks as tokens', () => {
    expect(tokenize('a  b\nc')).toEqual(['a', '  ', 'b', '\n', 'c']);
  });

  it('marks one replaced word', () => {
    expect(redline('pay within 30 days', 'pay within 45 days')).toEqual([
      { op: 'same', text: 'pay within ' },
      { op: 'removed', text: '30' },
      { op: 'added', text: '45' },
      { op: 'same', text: ' days' },
    ]);
  });

  it('reads two neighbouring replaced words as one change', () => {
    expect(redline('the old rule applies', 'the new law applies')).toEqual([
      { op: 'same', text: 'the ' },
      { op: 'removed', text: 'old rule' },
      { op: 'added', text: 'new law' },
      { op: 'same', text: ' applies' },
    ]);
  });

  it('gives the whole text as added or removed against nothing', () => {
    expect(redline('', 'New clause.')).toEqual([{ op: 'added', text: 'New clause.' }]);
    expect(redline('Old clause.', '')).toEqual([{ op: 'removed', text: 'Old clause.' }]);
    expect(redline('same', 'same')).toEqual([{ op: 'same', text: 'same' }]);
  });
});

const keyedWords = (text: string) => text.split(/(\s+|[.,;:!?])/).filter(Boolean);
const showKeyed = (before: string, after: string) =>
  diffTokens(keyedWords(before), keyedWords(after), (t) => t)
    .map((op) =>
      op.op === 'same' ? op.token : op.op === 'added' ? `[+${op.token}]` : `[-${op.token}]`,
    )
    .join('');

describe('word diff of tokens with a key', () => {
  it('marks the words added and removed, the rest as it was', () => {
    expect(showKeyed('The term is 36 months.', 'The term is 48 months.')).toBe(
      'The term is [-36][+48] months.',
    );
    expect(showKeyed('Pay monthly.', 'Pay monthly in arrears.')).toBe(
      'Pay monthly[+ ][+in][+ ][+arrears].',
    );
    expect(showKeyed('a b c', 'a b c')).toBe('a b c');
  });

  it('turns one version into the other', () => {
    const before = keyedWords('one two three four five six');
    const after = keyedWords('zero two three five six seven');
    const ops = diffTokens(before, after, (t) => t);
    expect(ops.filter((o) => o.op !== 'added').map((o) => o.token)).toEqual(before);
    expect(ops.filter((o) => o.op !== 'removed').map((o) => o.token)).toEqual(after);
  });
});
