// Comment bodies parsed into a tree of safe inline nodes, never HTML, so what one member types
// cannot run in another member's browser.
import { MENTION_PATTERN } from './mentions';

/**
 * The safe tree a comment body renders from. It holds no HTML and no raw markup: every node is
 * rendered as a plain element (or text) by the client, so `<script>` stays the seven characters
 * it was typed as.
 */
export type CommentInline =
  | { type: 'text'; text: string }
  | { type: 'strong'; children: CommentInline[] }
  | { type: 'emphasis'; children: CommentInline[] }
  | { type: 'code'; text: string }
  /** Only http(s) targets become links; the label is plain text. */
  | { type: 'link'; href: string; text: string }
  | { type: 'mention'; memberId: string; name: string }
  | { type: 'break' };

export interface CommentParagraph {
  type: 'paragraph';
  children: CommentInline[];
}

export interface CommentAst {
  type: 'root';
  children: CommentParagraph[];
}

const MAX_NESTING = 4;
const LINK = /\[([^\]\n[]{1,500})\]\((https?:\/\/[^\s()<>"'`]{1,2000})\)/y;
const ESCAPABLE = new Set(['\\', '`', '*', '_', '[', ']', '(', ')', '@']);

function stickyMention(text: string, at: number): RegExpExecArray | null {
  const re = new RegExp(MENTION_PATTERN.source, 'y');
  re.lastIndex = at;
  return re.exec(text);
}

function push(out: CommentInline[], node: CommentInline): void {
  const last = out[out.length - 1];
  if (node.type === 'text' && last?.type === 'text') last.text += node.text;
  else if (node.type !== 'text' || node.text.length > 0) out.push(node);
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

/** Index of the closing delimiter for an opener at `from`, or -1. */
function findClose(text: string, delim: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\\') {
      i += 2;
      continue;
    }
    if (ch === '`') {
      const end = text.indexOf('`', i + 1);
      if (end !== -1) {
        i = end + 1;
        continue;
      }
    }
    if (text.startsWith(delim, i)) {
      // `**` must not be read as the close of a single `*`.
      if (delim.length === 1 && text[i + 1] === delim) {
        i += 2;
        continue;
      }
      if (text[i - 1] !== ' ' && (delim !== '_' || !isWordChar(text[i + 1]))) return i;
    }
    i += 1;
  }
  return -1;
}

function parseInline(text: string, depth: number): CommentInline[] {
  const out: CommentInline[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    const next = text[i + 1];
    if (ch === '\\' && next !== undefined && ESCAPABLE.has(next)) {
      push(out, { type: 'text', text: next });
      i += 2;
      continue;
    }
    if (ch === '\n') {
      out.push({ type: 'break' });
      i += 1;
      continue;
    }
    if (ch === '`') {
      const end = text.indexOf('`', i + 1);
      if (end > i + 1) {
        out.push({ type: 'code', text: text.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    if (ch === '@' && next === '[') {
      const m = stickyMention(text, i);
      if (m) {
        out.push({ type: 'mention', name: m[1] ?? '', memberId: m[2] ?? '' });
        i += m[0].length;
        continue;
      }
    }
    if (ch === '[') {
      LINK.lastIndex = i;
      const m = LINK.exec(text);
      if (m) {
        out.push({ type: 'link', text: m[1] ?? '', href: m[2] ?? '' });
        i += m[0].length;
        continue;
      }
    }
    if (depth < MAX_NESTING && (ch === '*' || ch === '_')) {
      const strong = next === ch;
      const delim = strong ? ch + ch : ch;
      const innerStart = i + delim.length;
      const opensWord = text[innerStart] !== undefined && text[innerStart] !== ' ';
      const leftOk = ch === '*' || !isWordChar(text[i - 1]);
      if (opensWord && leftOk) {
        const end = findClose(text, delim, innerStart);
        if (end > innerStart) {
          const children = parseInline(text.slice(innerStart, end), depth + 1);
          out.push(strong ? { type: 'strong', children } : { type: 'emphasis', children });
          i = end + delim.length;
          continue;
        }
      }
    }
    push(out, { type: 'text', text: ch });
    i += 1;
  }
  return out;
}

/**
 * Parses the comment Markdown subset: paragraphs (blank line), line breaks, `**bold**`,
 * `*italic*` or `_italic_`, `` `code` ``, `[label](https://…)` links and
 * `@[Name](member:ID)` mentions. Everything else, HTML included, is literal text.
 */
export function parseCommentMarkdown(body: string): CommentAst {
  const normalized = body.replace(/\r\n?/g, '\n');
  const children: CommentParagraph[] = [];
  for (const block of normalized.split(/\n[ \t]*\n/)) {
    const trimmed = block.replace(/^\n+|\n+$/g, '');
    if (trimmed.trim().length === 0) continue;
    children.push({ type: 'paragraph', children: parseInline(trimmed, 0) });
  }
  return { type: 'root', children };
}

/** The plain text of a tree (mentions as `@Name`), e.g. for a notification or a screen reader. */
export function commentAstToText(ast: CommentAst): string {
  const inline = (nodes: CommentInline[]): string =>
    nodes
      .map((node) => {
        switch (node.type) {
          case 'text':
          case 'code':
          case 'link':
            return node.text;
          case 'strong':
          case 'emphasis':
            return inline(node.children);
          case 'mention':
            return `@${node.name}`;
          case 'break':
            return '\n';
        }
      })
      .join('');
  return ast.children.map((p) => inline(p.children)).join('\n\n');
}
