// The Markdown reader of clause bodies: block structure first, then inline marks, into the block
// tree the room document stores.
import type { BlockNode, InlineNode, MarkName } from './markdown-ast';
import { sortMarks } from './markdown-ast';

// A small Markdown reader for the clause-body schema only. It follows CommonMark where the two
// overlap and never produces anything the TipTap schema cannot hold (no HTML, no code blocks).

const HEADING = /^ {0,3}(#{1,3})(?:[ \t]+(.*?))?[ \t]*$/;
const QUOTE = /^ {0,3}> ?(.*)$/;
const BULLET = /^( {0,3})([-+*])(?:[ \t](.*))?$/;
const ORDERED = /^( {0,3})([0-9]{1,9})([.)])(?:[ \t](.*))?$/;

const isBlank = (line: string): boolean => line.trim() === '';
const indentOf = (line: string): number => line.length - line.trimStart().length;

function isBlockStart(line: string): boolean {
  return HEADING.test(line) || QUOTE.test(line) || BULLET.test(line) || ORDERED.test(line);
}

type ListMarker = { ordered: boolean; indent: number; number: number; width: number; rest: string };

function listMarker(line: string): ListMarker | null {
  const bullet = BULLET.exec(line);
  if (bullet) {
    const indent = (bullet[1] ?? '').length;
    return { ordered: false, indent, number: 0, width: indent + 2, rest: bullet[3] ?? '' };
  }
  const ordered = ORDERED.exec(line);
  if (ordered) {
    const indent = (ordered[1] ?? '').length;
    const digits = ordered[2] ?? '1';
    return {
      ordered: true,
      indent,
      number: Number(digits),
      width: indent + digits.length + 2,
      rest: ordered[4] ?? '',
    };
  }
  return null;
}

function parseList(lines: string[], from: number): { block: BlockNode; next: number } {
  const first = listMarker(lines[from] ?? '') as ListMarker;
  const items: BlockNode[][] = [];
  let i = from;
  for (;;) {
    const marker = listMarker(lines[i] ?? '');
    if (!marker || marker.ordered !== first.ordered) break;
    const itemLines = [marker.rest];
    // Continuation lines are indented past the marker; two spaces is enough for any marker.
    const threshold = Math.min(marker.width, marker.indent + 2);
    let j = i + 1;
    while (j < lines.length) {
      const line = lines[j] as string;
      if (isBlank(line)) {
        let k = j;
        while (k < lines.length && isBlank(lines[k] as string)) k++;
        if (k < lines.length && indentOf(lines[k] as string) >= threshold) {
          for (; j < k; j++) itemLines.push('');
          continue;
        }
        break;
      }
      const indent = indentOf(line);
      if (indent >= threshold) {
        itemLines.push(line.slice(Math.min(indent, marker.width)));
      } else if (!isBlockStart(line) && !isBlank(itemLines[itemLines.length - 1] ?? '')) {
        itemLines.push(line); // lazy continuation of the item's paragraph
      } else break;
      j++;
    }
    items.push(parseBlocks(itemLines));
    i = j;
    let k = i;
    while (k < lines.length && isBlank(lines[k] as string)) k++;
    const following = k < lines.length ? listMarker(lines[k] as string) : null;
    if (!following || following.ordered !== first.ordered) break;
    i = k;
  }
  const block: BlockNode = first.ordered
    ? { type: 'orderedList', start: first.number, items }
    : { type: 'bulletList', items };
  return { block, next: i };
}

function parseBlocks(lines: string[]): BlockNode[] {
  const blocks: BlockNode[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as string;
    if (isBlank(line)) {
      i++;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      const level = (heading[1] ?? '#').length as 1 | 2 | 3;
      blocks.push({ type: 'heading', level, content: parseInline([heading[2] ?? '']) });
      i++;
      continue;
    }
    if (QUOTE.test(line)) {
      const inner: string[] = [];
      while (i < lines.length) {
        const current = lines[i] as string;
        const quoted = QUOTE.exec(current);
        if (quoted) inner.push(quoted[1] ?? '');
        else if (
          !isBlank(current) &&
          !isBlockStart(current) &&
          !isBlank(inner[inner.length - 1] ?? '')
        ) {
          inner.push(current); // lazy continuation of the quoted paragraph
        } else break;
        i++;
      }
      blocks.push({ type: 'blockquote', content: parseBlocks(inner) });
      continue;
    }
    if (listMarker(line)) {
      const { block, next } = parseList(lines, i);
      blocks.push(block);
      i = next;
      continue;
    }
    const paragraph: string[] = [line];
    i++;
    while (i < lines.length && !isBlank(lines[i] as string) && !isBlockStart(lines[i] as string)) {
      paragraph.push(lines[i] as string);
      i++;
    }
    blocks.push({ type: 'paragraph', content: parseInline(paragraph) });
  }
  return blocks;
}

/** Parses Markdown into clause-body blocks. */
export function parseMarkdown(markdown: string): BlockNode[] {
  return parseBlocks(markdown.replace(/\r\n?/g, '\n').split('\n'));
}

// ---- inline ----

const ASCII_PUNCTUATION = /^[!-/:-@[-`{-~]$/;
export const isAsciiPunctuation = (ch: string | undefined): boolean =>
  ch !== undefined && ASCII_PUNCTUATION.test(ch);
const isSpace = (ch: string | undefined): boolean => ch === undefined || /^\s$/.test(ch);

// Hard breaks travel through the inline tokenizer as this character, which Markdown text cannot
// contain because lines are split on it first.
const BREAK = '\n';

type Delim = {
  kind: 'delim';
  ch: '*' | '~';
  length: number;
  canOpen: boolean;
  canClose: boolean;
  opens: MarkName[];
  closes: MarkName[];
  used: number;
};
type Token =
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'break' }
  | { kind: 'param'; path: string }
  | Delim;

const PARAM_REF = /^\{\{\s*param:([^{}\s]+)\s*\}\}/;

function joinLines(lines: string[]): string {
  let out = '';
  lines.forEach((raw, index) => {
    let line = raw.trim();
    let hardBreak = / {2,}$/.test(raw) && index < lines.length - 1;
    const trailing = /\\+$/.exec(line);
    if (trailing && trailing[0].length % 2 === 1) {
      line = line.slice(0, -1).trimEnd();
      hardBreak = true;
    }
    out += line;
    if (hardBreak) out += BREAK;
    else if (index < lines.length - 1) out += ' ';
  });
  return out;
}

function tokenize(s: string): Token[] {
  const tokens: Token[] = [];
  let text = '';
  const flush = (): void => {
    if (text !== '') tokens.push({ kind: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < s.length) {
    const ch = s[i] as string;
    if (ch === '\\' && isAsciiPunctuation(s[i + 1])) {
      text += s[i + 1];
      i += 2;
      continue;
    }
    if (ch === BREAK) {
      flush();
      tokens.push({ kind: 'break' });
      i++;
      continue;
    }
    if (ch === '`') {
      let n = 1;
      while (s[i + n] === '`') n++;
      const fence = '`'.repeat(n);
      let close = s.indexOf(fence, i + n);
      while (close !== -1 && (s[close + n] === '`' || s[close - 1] === '`')) {
        let end = close;
        while (s[end] === '`') end++;
        close = s.indexOf(fence, end);
      }
      if (close === -1) {
        text += fence;
        i += n;
        continue;
      }
      let code = s.slice(i + n, close);
      if (code.length >= 2 && code.startsWith(' ') && code.endsWith(' ') && code.trim() !== '') {
        code = code.slice(1, -1);
      }
      flush();
      tokens.push({ kind: 'code', text: code });
      i = close + n;
      continue;
    }
    if (ch === '{') {
      const ref = PARAM_REF.exec(s.slice(i));
      if (ref) {
        flush();
        tokens.push({ kind: 'param', path: ref[1] as string });
        i += ref[0].length;
        continue;
      }
    }
    if (ch === '*' || ch === '~') {
      let n = 1;
      while (s[i + n] === ch) n++;
      const run = ch.repeat(n);
      if (ch === '~' && n !== 2) {
        text += run;
        i += n;
        continue;
      }
      flush();
      tokens.push({
        kind: 'delim',
        ch,
        length: n,
        canOpen: !isSpace(s[i + n]),
        canClose: i > 0 && !isSpace(s[i - 1]),
        opens: [],
        closes: [],
        used: 0,
      });
      i += n;
      continue;
    }
    text += ch;
    i++;
  }
  flush();
  return tokens;
}

type Opener = { token: Delim; length: number; mark: MarkName };

// Delimiters nest strictly: a run closes the innermost open marks of its own character, as many
// as it is long, and what is left of it opens new marks (bold outside italic). This reads every
// nesting the writer produces, including runs such as `****` that close and reopen.
function matchDelimiters(tokens: Token[]): void {
  const stack: Opener[] = [];
  for (const token of tokens) {
    if (token.kind === 'break') stack.length = 0; // marks never span a hard break
    if (token.kind !== 'delim') continue;
    let remaining = token.length;
    if (token.canClose) {
      for (;;) {
        const opener = stack[stack.length - 1];
        if (!opener || opener.token.ch !== token.ch || opener.length > remaining) break;
        stack.pop();
        opener.token.opens.push(opener.mark);
        opener.token.used += opener.length;
        token.closes.push(opener.mark);
        token.used += opener.length;
        remaining -= opener.length;
      }
    }
    if (remaining > 0 && token.canOpen) {
      if (token.ch === '~') {
        if (remaining === 2) stack.push({ token, length: 2, mark: 'strike' });
      } else {
        if (remaining >= 2) stack.push({ token, length: 2, mark: 'bold' });
        if (remaining % 2 === 1) stack.push({ token, length: 1, mark: 'italic' });
      }
    }
  }
}

function buildInline(tokens: Token[]): InlineNode[] {
  const nodes: InlineNode[] = [];
  const active = new Map<MarkName, number>();
  const current = (): MarkName[] => sortMarks([...active].filter(([, n]) => n > 0).map(([m]) => m));
  const pushText = (text: string, marks: MarkName[]): void => {
    if (text === '') return;
    const last = nodes[nodes.length - 1];
    if (last && last.type === 'text' && last.marks.join() === marks.join()) last.text += text;
    else nodes.push({ type: 'text', text, marks });
  };
  for (const token of tokens) {
    switch (token.kind) {
      case 'text':
        pushText(token.text, current());
        break;
      case 'code':
        // Code excludes every other mark in the editor schema.
        pushText(token.text, ['code']);
        break;
      case 'break':
        nodes.push({ type: 'hardBreak' });
        break;
      case 'param':
        nodes.push({ type: 'paramRef', path: token.path });
        break;
      case 'delim':
        for (const mark of token.closes) active.set(mark, (active.get(mark) ?? 1) - 1);
        pushText(token.ch.repeat(token.length - token.used), current());
        for (const mark of token.opens) active.set(mark, (active.get(mark) ?? 0) + 1);
        break;
    }
  }
  return nodes;
}

/** Parses the lines of one paragraph or heading into inline nodes. */
export function parseInline(lines: string[]): InlineNode[] {
  const tokens = tokenize(joinLines(lines));
  matchDelimiters(tokens);
  return buildInline(tokens);
}
