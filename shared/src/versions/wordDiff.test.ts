// The word-level redline: words, spaces and line breaks kept, changes grouped as a reader expects.
import { describe, expect, it } from 'vitest';
import { redline, tokenize } from './wordDiff';

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
