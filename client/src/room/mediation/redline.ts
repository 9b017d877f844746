// Clause text as a redline reads it: the Markdown turned into words, with parameter chips as the
// values they show and formatting marks kept, then compared word by word with the proposed text.
import { parseMarkdown } from '@parley/shared/room';
import type { BlockNode, InlineNode, MarkName } from '@parley/shared/room';
import { diffTokens } from '@parley/shared/versions';
import type { DiffOp } from '@parley/shared/versions';

export interface TextToken {
  kind: 'word' | 'space' | 'chip' | 'break' | 'block' | 'bullet';
  text: string;
  marks: MarkName[];
}

const WORDS = /(\s+|[.,;:!?()“”"])/;

function inlineTokens(nodes: InlineNode[], chip: (path: string) => string, out: TextToken[]): void {
  for (const node of nodes) {
    if (node.type === 'hardBreak') out.push({ kind: 'break', text: '\n', marks: [] });
    else if (node.type === 'paramRef') out.push({ kind: 'chip', text: chip(node.path), marks: [] });
    else
      for (const part of node.text.split(WORDS))
        if (part)
          out.push({ kind: /^\s+$/.test(part) ? 'space' : 'word', text: part, marks: node.marks });
  }
}

function blockTokens(blocks: BlockNode[], chip: (path: string) => string, out: TextToken[]): void {
  for (const block of blocks) {
    if (out.length > 0) out.push({ kind: 'block', text: '\n\n', marks: [] });
    if (block.type === 'paragraph' || block.type === 'heading')
      inlineTokens(block.content, chip, out);
    else if (block.type === 'blockquote') blockTokens(block.content, chip, out);
    else
      block.items.forEach((item, i) => {
        if (i > 0) out.push({ kind: 'block', text: '\n\n', marks: [] });
        const bullet = block.type === 'bulletList' ? '•' : `${(block.start ?? 1) + i}.`;
        out.push({ kind: 'bullet', text: bullet, marks: [] });
        out.push({ kind: 'space', text: ' ', marks: [] });
        const inner: TextToken[] = [];
        blockTokens(item, chip, inner);
        out.push(...inner);
      });
  }
}

/** Clause Markdown as tokens a person reads, each chip drawn by `chip` (the value it shows). */
export function readableTokens(markdown: string, chip: (path: string) => string): TextToken[] {
  const out: TextToken[] = [];
  blockTokens(parseMarkdown(markdown), chip, out);
  return out;
}

/** The redline of the proposed text against the current one, word by word. */
export function redline(before: TextToken[], after: TextToken[]): DiffOp<TextToken>[] {
  return diffTokens(before, after, (t) => `${t.kind}:${t.text}`);
}
