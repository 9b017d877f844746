// Reading suggestions from a clause body as the editor stores them: grouped by author and id, and
// character by character with ids that line up across copies of the document.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { hasSuggestionMarks, listSuggestions, markedChars } from './read';

const ada = { id: 'a1', memberId: 'm-ada', name: 'Ada', partyId: 'csp' };
const bo = { id: 'b1', memberId: 'm-bo', name: 'Bo', partyId: 'insurer' };

function body(): { doc: Y.Doc; text: Y.XmlText } {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment('body');
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  fragment.insert(0, [paragraph]);
  paragraph.insert(0, [text]);
  text.insert(0, 'Pay within 30 days.');
  return { doc, text };
}

describe('suggestions in a clause body', () => {
  it('lists each suggestion with its author, text and context', () => {
    const { doc, text } = body();
    text.format(11, 2, { deletion: ada });
    text.insert(13, '45', { insertion: ada });
    text.insert(0, 'Please ', { insertion: bo });
    const list = listSuggestions('c-term', doc.getXmlFragment('body'));
    expect(
      list.map(({ key, author, inserted, deleted }) => ({ key, author, inserted, deleted })),
    ).toEqual([
      {
        key: 'm-bo/b1',
        author: { memberId: 'm-bo', name: 'Bo', partyId: 'insurer' },
        inserted: 'Please ',
        deleted: '',
      },
      {
        key: 'm-ada/a1',
        author: { memberId: 'm-ada', name: 'Ada', partyId: 'csp' },
        inserted: '45',
        deleted: '30',
      },
    ]);
    expect(list[1]!.context).toContain('Pay within 3045 days.');
  });

  it('ignores marks that do not carry an author', () => {
    const { doc, text } = body();
    text.format(0, 3, { insertion: { id: 1 } });
    expect(listSuggestions('c', doc.getXmlFragment('body'))).toEqual([]);
  });

  it('gives every character the same id in a copy of the document', () => {
    const { doc, text } = body();
    text.format(0, 3, { deletion: ada });
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const mine = markedChars(doc.getXmlFragment('body'));
    const theirs = markedChars(copy.getXmlFragment('body'));
    expect([...theirs.keys()]).toEqual([...mine.keys()]);
    const marked = [...mine.values()].filter((c) => c.deletion !== null).map((c) => c.char);
    expect(marked.join('')).toBe('Pay');
  });
});

describe('the clause text with suggestions pending', () => {
  it('leaves suggested insertions out and keeps suggested deletions until decided', async () => {
    const { fragmentToMarkdown } = await import('../room');
    const { doc, text } = body();
    text.format(11, 2, { deletion: ada });
    text.insert(13, '45\u200B', { insertion: ada });
    expect(fragmentToMarkdown(doc.getXmlFragment('body'))).toBe('Pay within 30 days.');
  });

  it('tells whether a body holds any suggestion, and forgets one that was removed', () => {
    const { doc, text } = body();
    const fragment = doc.getXmlFragment('body');
    text.format(0, 3, { bold: true });
    expect(hasSuggestionMarks(fragment)).toBe(false);
    text.format(4, 6, { deletion: ada });
    expect(hasSuggestionMarks(fragment)).toBe(true);
    text.format(4, 6, { deletion: null });
    expect(hasSuggestionMarks(fragment)).toBe(false);
    text.insert(0, 'Kindly ', { insertion: bo });
    expect(hasSuggestionMarks(fragment)).toBe(true);
  });
});
