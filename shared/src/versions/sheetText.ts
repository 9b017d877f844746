// A clause's text as a reader sees it: Markdown blocks turned into paragraphs of plain words, each
// parameter chip shown as its value. Compare, redlines and every export read clauses this way.
import { parseMarkdown } from '../room/markdown-parse';
import type { BlockNode, InlineNode } from '../room/markdown-ast';
import { paramValueText, valueAt } from './paramText';
import type { LooseSheet } from './paramText';

type LooseClause = NonNullable<LooseSheet['clauses']>[number];

function inlineText(sheet: LooseSheet, clause: LooseClause, nodes: InlineNode[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'text') return node.text;
      if (node.type === 'hardBreak') return ' ';
      return paramValueText(sheet, clause.id, node.path, valueAt(clause.params, node.path));
    })
    .join('');
}

function blockParagraphs(
  sheet: LooseSheet,
  clause: LooseClause,
  block: BlockNode,
  prefix: string,
): string[] {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return [prefix + inlineText(sheet, clause, block.content)];
    case 'blockquote':
      return block.content.flatMap((b) => blockParagraphs(sheet, clause, b, prefix));
    case 'bulletList':
      return block.items.flatMap((item) =>
        item.flatMap((b, i) => blockParagraphs(sheet, clause, b, i === 0 ? `${prefix}• ` : prefix)),
      );
    case 'orderedList':
      return block.items.flatMap((item, n) =>
        item.flatMap((b, i) =>
          blockParagraphs(sheet, clause, b, i === 0 ? `${prefix}${block.start + n}. ` : prefix),
        ),
      );
  }
}

/** The clause's text as paragraphs of plain text, values in place of chips. */
export function clauseParagraphs(sheet: LooseSheet, clause: LooseClause): string[] {
  const text = clause.text ?? '';
  if (text.trim() === '') return [];
  return parseMarkdown(text)
    .flatMap((block) => blockParagraphs(sheet, clause, block, ''))
    .filter((p) => p.trim() !== '');
}

/** The clause's text as one string, paragraphs separated by line breaks. */
export function clausePlainText(sheet: LooseSheet, clause: LooseClause): string {
  return clauseParagraphs(sheet, clause).join('\n');
}
