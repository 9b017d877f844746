// Clause-body Markdown through a real Yjs fragment: a long document stays unchanged, other
// spellings come back canonical, and no HTML is ever produced.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { canonicalMarkdown, fragmentToMarkdown, markdownToFragment } from './markdown';

function roundTrip(md: string): string {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment('body');
  markdownToFragment(md, fragment);
  return fragmentToMarkdown(fragment);
}

const canonical = [
  'Plain paragraph.',
  '# Title\n\n## Section\n\n### Sub',
  'One **bold**, one *italic*, one ~~struck~~ and `code` word.',
  '***both*** and **bold *with italic* inside** and *italic **with bold** inside*',
  'The price is {{param:streams.0.unitPrice}} cents per {{param:fixed.csp}}.',
  'First line\\\nsecond line\\\nthird',
  '- one\n- two\n- three',
  '1. first\n2. second\n3. third',
  '3. starts at three\n4. next',
  '> quoted\n>\n> second paragraph',
  '- item\n  - nested\n  - nested two\n- back out',
  '1. item\n\n   second paragraph of item\n2. next',
  '> - quoted list\n> - item',
  'Para one.\n\nPara two.',
  'Stars alone: 5 * 3 = 15, a\\*b, and \\*not italic\\*.',
  'Tilde ~5 % and \\~\\~not struck\\~\\~.',
  'Escaped \\`tick\\` and \\{{param:x}} and back\\slash\\\\',
  '\\# not a heading\n\n\\- not a list\n\n1\\. not ordered\n\n\\> not a quote',
  'Code with tick: ``a`b`` and ``` `` ```, padded `` `x` ``',
  'Windows C:\\path\\to stays as written.',
  '**bold** {{param:a}} *it*',
  '-',
  '- a\n-\n- c',
  'Trailing break\\',
];

// Lists separated only by a blank line would merge into one, so blocks are kept apart.
const longDocument = canonical.join('\n\nNext.\n\n');

describe('clause body Markdown', () => {
  it.each(canonical.map((s, i) => [i, s]))(
    'keeps canonical Markdown unchanged through a clause body (%i)',
    (_i, md) => {
      expect(roundTrip(md as string)).toBe(md);
    },
  );

  it('keeps a long document with every construct unchanged', () => {
    expect(roundTrip(longDocument)).toBe(longDocument);
  });

  it('rewrites other Markdown spellings canonically', () => {
    expect(canonicalMarkdown('* a\n+ b\n\n\n\ntext  \nmore')).toBe('- a\n- b\n\ntext\\\nmore');
    expect(canonicalMarkdown('soft\nwrapped **bold\nacross** lines')).toBe(
      'soft wrapped **bold across** lines',
    );
    expect(canonicalMarkdown('1) one\n7) two')).toBe('1. one\n2. two');
    expect(canonicalMarkdown('- a\n    - deep')).toBe('- a\n  - deep');
    expect(canonicalMarkdown('> a\nlazy')).toBe('> a lazy');
    expect(canonicalMarkdown('**unclosed bold')).toBe('\\*\\*unclosed bold');
    expect(canonicalMarkdown('trailing spaces   \n\n')).toBe('trailing spaces');
    expect(canonicalMarkdown('#### four')).toBe('\\#### four');
  });

  it('never produces HTML', () => {
    expect(canonicalMarkdown('<b>x</b> & <script>')).toBe('<b>x</b> & <script>');
  });
});
