// Clause-body Markdown on generated content: output reads back to itself, keeps every character
// and parameter reference, survives a clause body, and any input reaches a fixed point.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readFragmentBlocks, writeBlocks } from './fragment';
import type { BlockNode, InlineNode, MarkName } from './markdown-ast';
import { parseMarkdown } from './markdown-parse';
import { serializeBlocks } from './markdown-serialize';

// Text made mostly of the characters Markdown gives a meaning to.
const text = fc
  .array(
    fc.constantFrom(
      'a',
      'b',
      ' ',
      '*',
      '~',
      '`',
      '\\',
      '{',
      '}',
      '#',
      '>',
      '-',
      '+',
      '1',
      '.',
      ')',
      '_',
      'param:',
      '{{param:x}}',
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((parts) => parts.join(''));

const marks = fc.subarray<MarkName>(['bold', 'italic', 'strike', 'code']);

const inline: fc.Arbitrary<InlineNode> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ type: fc.constant('text' as const), text, marks }) },
  { weight: 1, arbitrary: fc.constant({ type: 'hardBreak' as const }) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('fixed.csp', 'streams.0.unitPrice', 'a')
      .map((path) => ({ type: 'paramRef' as const, path })),
  },
);

const inlines = fc.array(inline, { maxLength: 6 });

const { block } = fc.letrec<{ block: BlockNode }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ type: fc.constant('paragraph' as const), content: inlines }),
    fc.record({
      type: fc.constant('heading' as const),
      level: fc.constantFrom(1 as const, 2 as const, 3 as const),
      content: inlines,
    }),
    fc.record({
      type: fc.constant('bulletList' as const),
      items: fc.array(fc.array(tie('block'), { maxLength: 3 }), { minLength: 1, maxLength: 3 }),
    }),
    fc.record({
      type: fc.constant('orderedList' as const),
      start: fc.integer({ min: 0, max: 12 }),
      items: fc.array(fc.array(tie('block'), { maxLength: 3 }), { minLength: 1, maxLength: 3 }),
    }),
    fc.record({
      type: fc.constant('blockquote' as const),
      content: fc.array(tie('block'), { maxLength: 3 }),
    }),
  ),
}));

/** The visible characters of a block tree, whitespace collapsed, in reading order. */
function plainText(blocks: BlockNode[]): string {
  const out: string[] = [];
  const walk = (b: BlockNode): void => {
    if (b.type === 'paragraph' || b.type === 'heading') {
      for (const n of b.content) {
        if (n.type === 'text') out.push(n.text);
        else if (n.type === 'paramRef') out.push(`<${n.path}>`);
        else out.push(' ');
      }
      out.push(' ');
    } else if (b.type === 'blockquote') b.content.forEach(walk);
    else b.items.forEach((item) => item.forEach(walk));
  };
  blocks.forEach(walk);
  return out.join('').replace(/\s+/g, ' ').trim();
}

describe('clause body Markdown, any content', () => {
  it('writes Markdown that reads back to the same Markdown', () => {
    fc.assert(
      fc.property(fc.array(block, { maxLength: 4 }), (blocks) => {
        const md = serializeBlocks(blocks);
        expect(serializeBlocks(parseMarkdown(md))).toBe(md);
        expect(md).not.toMatch(/[ \t]$/m);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every character of the text and every parameter reference', () => {
    fc.assert(
      fc.property(fc.array(block, { maxLength: 4 }), (blocks) => {
        expect(plainText(parseMarkdown(serializeBlocks(blocks)))).toBe(plainText(blocks));
      }),
      { numRuns: 300 },
    );
  });

  it('stores any content in a clause body and reads it back as the same Markdown', () => {
    fc.assert(
      fc.property(fc.array(block, { maxLength: 4 }), (blocks) => {
        const doc = new Y.Doc();
        const body = doc.getXmlFragment('body');
        writeBlocks(body, blocks);
        expect(serializeBlocks(readFragmentBlocks(body))).toBe(serializeBlocks(blocks));
      }),
      { numRuns: 200 },
    );
  });

  it('reads any string without throwing and reaches a fixed point', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (md) => {
        const once = serializeBlocks(parseMarkdown(md));
        expect(serializeBlocks(parseMarkdown(once))).toBe(once);
      }),
      { numRuns: 300 },
    );
  });
});
