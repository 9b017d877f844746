// The Markdown writer of clause bodies: the block tree as canonical Markdown, escaping whatever
// would otherwise read back differently.
import type { BlockNode, InlineNode, MarkName } from './markdown-ast';
import { sortMarks } from './markdown-ast';
import { isAsciiPunctuation } from './markdown-parse';

// Writes canonical Markdown: one blank line between blocks, `- ` bullets, numbered items counting
// up from the list's start, `\` hard breaks, no trailing spaces. Reading canonical Markdown and
// writing it again gives back the same string.

const DELIMITER: Record<Exclude<MarkName, 'code'>, string> = {
  bold: '**',
  italic: '*',
  strike: '~~',
};

const DELIMITER_CHAR: Record<MarkName, string> = { bold: '*', italic: '*', strike: '~', code: '`' };

type Piece = { kind: 'text'; text: string } | { kind: 'raw'; text: string };

const isWhitespace = (ch: string | undefined): boolean => ch !== undefined && /^\s$/.test(ch);

function escapeText(text: string, before: string | undefined, after: string | undefined): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const prev = i > 0 ? text[i - 1] : before;
    const next = i < text.length - 1 ? text[i + 1] : after;
    let escape = false;
    switch (ch) {
      case '\\':
        escape = next === undefined || isAsciiPunctuation(next);
        break;
      case '`':
        escape = true;
        break;
      case '*':
        escape =
          (next !== undefined && !isWhitespace(next)) ||
          (prev !== undefined && !isWhitespace(prev));
        break;
      case '~':
        escape = prev === '~' || next === '~';
        break;
      case '{':
        escape = /^\{\{\s*param:/.test(text.slice(i)) || (i === text.length - 1 && after === '{');
        break;
    }
    out += escape ? `\\${ch}` : ch;
  }
  return out;
}

function codeSpan(text: string): string {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad =
    text.startsWith('`') ||
    text.endsWith('`') ||
    (text.startsWith(' ') && text.endsWith(' ') && text.trim() !== '')
      ? ' '
      : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

type Run = { text: string; marks: MarkName[] } | { path: string };

function normalizeRuns(nodes: InlineNode[]): Run[] {
  const runs: Run[] = [];
  for (const node of nodes) {
    if (node.type === 'paramRef') runs.push({ path: node.path });
    else if (node.type === 'text') {
      const text = node.text.replace(/\n/g, ' ');
      if (text === '') continue;
      const marks = node.marks.includes('code') ? (['code'] as MarkName[]) : sortMarks(node.marks);
      const last = runs[runs.length - 1];
      if (last && 'text' in last && last.marks.join() === marks.join()) last.text += text;
      else runs.push({ text, marks });
    }
  }
  return runs;
}

/** One line of inline content (no hard breaks), trimmed, with marks properly nested. */
function serializeLine(nodes: InlineNode[]): string {
  const pieces: Piece[] = [];
  const open: MarkName[] = [];
  let pendingSpace = '';
  const flushSpace = (): void => {
    if (pendingSpace !== '' && pieces.length > 0) pieces.push({ kind: 'text', text: pendingSpace });
    pendingSpace = '';
  };
  const closeTo = (keep: readonly MarkName[]): void => {
    const from = open.findIndex((m) => !keep.includes(m));
    if (from === -1) return;
    for (let j = open.length - 1; j >= from; j--) {
      pieces.push({ kind: 'raw', text: DELIMITER[open[j] as Exclude<MarkName, 'code'>] });
    }
    open.length = from;
  };
  const openAll = (marks: readonly MarkName[]): void => {
    for (const mark of marks) {
      if (mark === 'code' || open.includes(mark)) continue;
      pieces.push({ kind: 'raw', text: DELIMITER[mark] });
      open.push(mark);
    }
  };
  for (const run of normalizeRuns(nodes)) {
    if ('path' in run) {
      closeTo([]);
      flushSpace();
      pieces.push({ kind: 'raw', text: `{{param:${run.path}}}` });
      continue;
    }
    if (run.marks.includes('code')) {
      closeTo([]);
      flushSpace();
      pieces.push({ kind: 'raw', text: codeSpan(run.text) });
      continue;
    }
    const match = /^(\s*)(.*?)(\s*)$/s.exec(run.text) as RegExpExecArray;
    const [, lead = '', core = '', trail = ''] = match;
    if (core === '') {
      pendingSpace += run.text;
      continue;
    }
    pendingSpace += lead;
    // Closing delimiters go before the pending space so that they touch the text they close.
    closeTo(run.marks);
    if (pendingSpace === '' && pieces.length > 0) {
      // Right after text, a run such as `**` could close the innermost open mark of the same
      // character instead of opening; closing that mark too (it is reopened below) keeps the
      // run unambiguous for the reader.
      const opening = new Set(
        run.marks.filter((m) => !open.includes(m)).map((m) => DELIMITER_CHAR[m]),
      );
      while (open.length > 0 && opening.has(DELIMITER_CHAR[open[open.length - 1] as MarkName])) {
        closeTo(open.slice(0, -1));
      }
    }
    flushSpace();
    openAll(run.marks);
    pieces.push({ kind: 'text', text: core });
    pendingSpace = trail;
  }
  closeTo([]);
  return pieces
    .map((piece, index) => {
      if (piece.kind === 'raw') return piece.text;
      const before = pieces[index - 1]?.text;
      const after = pieces[index + 1]?.text;
      return escapeText(piece.text, before?.[before.length - 1], after?.[0]);
    })
    .join('');
}

function splitLines(nodes: InlineNode[]): InlineNode[][] {
  const lines: InlineNode[][] = [[]];
  for (const node of nodes) {
    if (node.type === 'hardBreak') lines.push([]);
    else (lines[lines.length - 1] as InlineNode[]).push(node);
  }
  return lines;
}

// A paragraph line that would read as the start of another block gets its marker escaped.
function escapeLineStart(line: string): string {
  if (/^[#>]/.test(line) || /^[-+*](\s|$)/.test(line)) return `\\${line}`;
  const ordered = /^([0-9]{1,9})([.)])(\s|$)/.exec(line);
  if (ordered) return `${ordered[1]}\\${line.slice((ordered[1] as string).length)}`;
  return line;
}

function serializeParagraph(content: InlineNode[]): string {
  const lines = splitLines(content).map((line) => escapeLineStart(serializeLine(line)));
  const last = lines.pop() as string;
  // Each hard break is a backslash ending its line; a trailing one simply ends the paragraph.
  const broken = lines.map((line) => `${line}\\`);
  if (last !== '') broken.push(last);
  return broken.join('\n');
}

function serializeHeading(level: number, content: InlineNode[]): string {
  const text = serializeLine(
    content.map((node): InlineNode =>
      node.type === 'hardBreak' ? { type: 'text', text: ' ', marks: [] } : node,
    ),
  );
  return text === '' ? '#'.repeat(level) : `${'#'.repeat(level)} ${text}`;
}

function serializeItem(blocks: BlockNode[], marker: string): string {
  let inner = '';
  for (const block of mergeAdjacentLists(blocks)) {
    const text = serializeBlock(block);
    if (text === '') continue;
    if (inner !== '') {
      inner += block.type === 'bulletList' || block.type === 'orderedList' ? '\n' : '\n\n';
    }
    inner += text;
  }
  if (inner === '') return marker.trimEnd();
  const indent = ' '.repeat(marker.length);
  return inner
    .split('\n')
    .map((line, i) => (i === 0 ? marker + line : line === '' ? '' : indent + line))
    .join('\n');
}

function serializeBlock(block: BlockNode): string {
  switch (block.type) {
    case 'paragraph':
      return serializeParagraph(block.content);
    case 'heading':
      return serializeHeading(block.level, block.content);
    case 'blockquote': {
      const inner = serializeBlocks(block.content);
      return inner
        .split('\n')
        .map((line) => (line === '' ? '>' : `> ${line}`))
        .join('\n');
    }
    case 'bulletList':
      return block.items.map((item) => serializeItem(item, '- ')).join('\n');
    case 'orderedList':
      return block.items.map((item, i) => serializeItem(item, `${block.start + i}. `)).join('\n');
  }
}

// Empty paragraphs (an editor's blank lines) and lists without items write nothing.
function isEmptyBlock(block: BlockNode): boolean {
  if (block.type === 'paragraph') {
    return block.content.every((node) => node.type === 'text' && node.text.trim() === '');
  }
  return (block.type === 'bulletList' || block.type === 'orderedList') && block.items.length === 0;
}

// Markdown cannot show two lists of the same kind one after the other: they read back as one
// list, so they are written as one.
function mergeAdjacentLists(blocks: BlockNode[]): BlockNode[] {
  const out: BlockNode[] = [];
  for (const block of blocks) {
    if (isEmptyBlock(block)) continue;
    const last = out[out.length - 1];
    if (last && last.type === 'bulletList' && block.type === 'bulletList') {
      out[out.length - 1] = { ...last, items: [...last.items, ...block.items] };
    } else if (last && last.type === 'orderedList' && block.type === 'orderedList') {
      out[out.length - 1] = { ...last, items: [...last.items, ...block.items] };
    } else out.push(block);
  }
  return out;
}

/** Writes clause-body blocks as canonical Markdown. */
export function serializeBlocks(blocks: BlockNode[]): string {
  return mergeAdjacentLists(blocks)
    .map(serializeBlock)
    .filter((text) => text !== '')
    .join('\n\n');
}
