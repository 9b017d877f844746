// Text anchors on real Yjs documents: a range follows its text through concurrent edits, keeps
// what is left of it, and becomes detached once its text is gone.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { markdownToFragment } from '../room/markdown';
import { resolveTextAnchor, textAnchorPositions } from './anchors';

function bodyDoc(markdown: string): { doc: Y.Doc; body: Y.XmlFragment } {
  const doc = new Y.Doc();
  const body = doc.getXmlFragment('body');
  markdownToFragment(markdown, body);
  return { doc, body };
}

function firstText(body: Y.XmlFragment, paragraph = 0): Y.XmlText {
  const element = body.get(paragraph) as Y.XmlElement;
  return element.get(0) as Y.XmlText;
}

function fork(doc: Y.Doc): { doc: Y.Doc; body: Y.XmlFragment } {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return { doc: copy, body: copy.getXmlFragment('body') };
}

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
}

describe('text anchors', () => {
  it('resolve to the selected text', () => {
    const { body } = bodyDoc('The quick brown fox jumps.');
    const anchor = textAnchorPositions(firstText(body), 10, 5);
    expect(resolveTextAnchor(body, anchor)).toMatchObject({ detached: false, text: 'brown' });
  });

  it('follow the text through concurrent inserts and deletes around and inside the range', () => {
    const alice = bodyDoc('The quick brown fox jumps.');
    const bob = fork(alice.doc);
    const anchor = textAnchorPositions(firstText(alice.body), 10, 5); // "brown"

    // Alice types before the range and deletes after it; Bob edits inside and at both edges.
    firstText(alice.body).insert(0, 'Oh! ');
    firstText(alice.body).delete(19, 4); // " fox", shifted by the four characters typed before it
    firstText(bob.body).insert(12, 'OO'); // "brOOown"
    firstText(bob.body).insert(10, '[');
    firstText(bob.body).insert(18, ']'); // right after "brOOown"
    sync(alice.doc, bob.doc);

    expect(firstText(alice.body).toString()).toBe(firstText(bob.body).toString());
    expect(firstText(alice.body).toString()).toBe('Oh! The quick [brOOown] jumps.');
    for (const side of [alice, bob]) {
      expect(resolveTextAnchor(side.body, anchor)).toMatchObject({
        detached: false,
        text: 'brOOown',
      });
    }
  });

  it('keep what is left when part of the range is deleted concurrently', () => {
    const alice = bodyDoc('The quick brown fox jumps.');
    const bob = fork(alice.doc);
    const anchor = textAnchorPositions(firstText(alice.body), 4, 11); // "quick brown"
    firstText(alice.body).delete(4, 6); // "quick "
    firstText(bob.body).insert(0, 'So, ');
    sync(alice.doc, bob.doc);
    expect(resolveTextAnchor(bob.body, anchor)).toMatchObject({ detached: false, text: 'brown' });
  });

  it('span paragraphs and come back as plain text', () => {
    const { body } = bodyDoc('First **bold** line.\n\nSecond line.');
    const first = firstText(body);
    const second = firstText(body, 1);
    const anchor = {
      start: textAnchorPositions(first, 6, 1).start,
      end: textAnchorPositions(second, 0, 6).end,
    };
    const resolved = resolveTextAnchor(body, anchor);
    expect(resolved.detached).toBe(false);
    expect(resolved.text).toBe('bold line.Second');
  });

  it('become detached when the range is deleted, even while others type around it', () => {
    const alice = bodyDoc('The quick brown fox jumps.');
    const bob = fork(alice.doc);
    const anchor = textAnchorPositions(firstText(alice.body), 10, 5);
    firstText(alice.body).delete(10, 5);
    firstText(bob.body).insert(0, 'Hey ');
    sync(alice.doc, bob.doc);
    for (const side of [alice, bob]) {
      expect(resolveTextAnchor(side.body, anchor)).toEqual({
        detached: true,
        from: null,
        to: null,
        text: '',
      });
    }
  });

  it('become detached when their whole paragraph is removed', () => {
    const { body } = bodyDoc('Keep this.\n\nDrop this paragraph.');
    const anchor = textAnchorPositions(firstText(body, 1), 0, 4);
    body.delete(1, 1);
    expect(resolveTextAnchor(body, anchor).detached).toBe(true);
  });

  it('are detached when they do not decode or point into another document', () => {
    const { body } = bodyDoc('Some text.');
    expect(resolveTextAnchor(body, { start: 'AAAA', end: 'AAAA' }).detached).toBe(true);
    const other = bodyDoc('Other text.');
    const foreign = textAnchorPositions(firstText(other.body), 0, 4);
    expect(resolveTextAnchor(body, foreign).detached).toBe(true);
  });
});
