// Comment helpers people notice: mention typing and storage, the parameter picker's paths, and the
// words used for anchors, parties and audiences.
import { describe, expect, it } from 'vitest';
import { anchorLabel, humanizeParam, visibilityLabel } from './format';
import { mentionQuery } from './mentionQuery';
import { editShown, insertMention, toShown, toStored } from './mentionText';
import { paramLeafPaths } from './paramPaths';

const parties = [
  { id: 'csp', name: 'Kestrel Mobile', role: 'csp' },
  { id: 'insurer', name: 'Aldermoor Health Insurance', role: 'insurer' },
] as never[];

describe('comment helpers', () => {
  it('suggests mentions only while an @name is being typed at the caret', () => {
    expect(mentionQuery('Thanks @Ad', 10)).toEqual({ at: 7, query: 'ad' });
    expect(mentionQuery('@', 1)).toEqual({ at: 0, query: '' });
    expect(mentionQuery('mail me at ada@example.com', 26)).toBeNull();
    expect(mentionQuery('Thanks @Ada and more', 20)).toBeNull();
  });

  it('shows mentions as @Name while typing and stores them in the mention syntax', () => {
    const stored = 'Thanks @[Ada Kestrel](member:m-1), see @[Ben](member:m-2).';
    const shown = toShown(stored);
    expect(shown.text).toBe('Thanks @Ada Kestrel, see @Ben.');
    expect(toStored(shown)).toBe(stored);
    // Typing before and after a mention keeps it; cutting into it leaves plain text.
    const before = editShown(shown, 'Many Thanks @Ada Kestrel, see @Ben.', 5);
    expect(toStored(before)).toBe(`Many ${stored}`);
    const inside = editShown(shown, 'Thanks @Ada Kestrl, see @Ben.', 17);
    expect(toStored(inside)).toBe('Thanks @Ada Kestrl, see @[Ben](member:m-2).');
    const picked = insertMention(toShown('Hi @Be'), 3, 6, 'Ben [CFO]', 'm-2');
    expect(picked.shown.text).toBe('Hi @Ben CFO ');
    expect(picked.caret).toBe(12);
    expect(toStored(picked.shown)).toBe('Hi @[Ben CFO](member:m-2) ');
  });

  it('lists every leaf parameter, keeping lists of plain values whole', () => {
    expect(
      paramLeafPaths({
        fixed: { csp: 20, insurer: 40 },
        streams: [{ unitPrice: 100, payers: ['insurer'] }],
        note: null,
      }),
    ).toEqual(['fixed.csp', 'fixed.insurer', 'streams.0.unitPrice', 'streams.0.payers', 'note']);
  });

  it('names parameters, parties and audiences in words', () => {
    // Rows by their own names when the params are at hand, else by what they are and their number.
    expect(humanizeParam('streams.0.unitPrice')).toBe('Stream 1 · Unit price');
    expect(
      humanizeParam('streams.0.unitPrice', parties, { streams: [{ name: 'Subscriptions' }] }),
    ).toBe('Subscriptions · Unit price');
    expect(humanizeParam('fixed.csp', parties)).toBe('Fixed split · Kestrel Mobile');
    expect(anchorLabel({ type: 'param', clauseId: 'c', param: 'fixed.csp' }, parties)).toBe(
      'Parameter: Fixed split · Kestrel Mobile',
    );
    expect(visibilityLabel('party', 'csp', parties)).toBe('Internal · Kestrel Mobile');
    expect(visibilityLabel('caucus', 'insurer', parties)).toBe(
      'Caucus · Aldermoor Health Insurance + mediator',
    );
    expect(visibilityLabel('room', null, parties)).toBe('Room-wide');
  });
});
