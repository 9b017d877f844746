// Comment Markdown and mentions: HTML stays literal text, only http(s) links become links, and
// mentions are found once each and shown as names in excerpts.
import { describe, expect, it } from 'vitest';
import { commentAstToText, parseCommentMarkdown } from './markdown';
import type { CommentInline } from './markdown';
import { commentExcerpt, formatMention, parseMentions } from './mentions';

function inline(body: string): CommentInline[] {
  return parseCommentMarkdown(body).children[0]?.children ?? [];
}

describe('comment Markdown', () => {
  it('keeps HTML and script tags as literal text', () => {
    const body = '<img src=x onerror=alert(1)> and <script>alert("x")</script>';
    expect(parseCommentMarkdown(body)).toEqual({
      type: 'root',
      children: [{ type: 'paragraph', children: [{ type: 'text', text: body }] }],
    });
  });

  it('reads bold, italic, code, links, mentions, breaks and paragraphs', () => {
    const ast = parseCommentMarkdown(
      '**Floor** is *too* low, see `fixed.csp` and [the memo](https://example.com/m?a=1).\n@[Ada Lovelace](member:m-ada) agrees\n\nNext',
    );
    expect(ast.children).toHaveLength(2);
    expect(ast.children[0]?.children).toEqual([
      { type: 'strong', children: [{ type: 'text', text: 'Floor' }] },
      { type: 'text', text: ' is ' },
      { type: 'emphasis', children: [{ type: 'text', text: 'too' }] },
      { type: 'text', text: ' low, see ' },
      { type: 'code', text: 'fixed.csp' },
      { type: 'text', text: ' and ' },
      { type: 'link', text: 'the memo', href: 'https://example.com/m?a=1' },
      { type: 'text', text: '.' },
      { type: 'break' },
      { type: 'mention', memberId: 'm-ada', name: 'Ada Lovelace' },
      { type: 'text', text: ' agrees' },
    ]);
  });

  it('links only http and https targets', () => {
    for (const href of ['javascript:alert(1)', 'data:text/html,x', 'vbscript:x', '//evil']) {
      const body = `[click](${href})`;
      expect(inline(body)).toEqual([{ type: 'text', text: body }]);
    }
  });

  it('leaves unclosed delimiters, snake_case and escapes as text', () => {
    expect(inline('a **b and c_d_e')).toEqual([{ type: 'text', text: 'a **b and c_d_e' }]);
    expect(inline('\\*not italic\\*')).toEqual([{ type: 'text', text: '*not italic*' }]);
    expect(inline('<b>*x*</b>')).toEqual([
      { type: 'text', text: '<b>' },
      { type: 'emphasis', children: [{ type: 'text', text: 'x' }] },
      { type: 'text', text: '</b>' },
    ]);
  });

  it('gives the plain text back', () => {
    const ast = parseCommentMarkdown('Hi @[Bo](member:m-bo), **see** [memo](http://x.y)');
    expect(commentAstToText(ast)).toBe('Hi @Bo, see memo');
  });
});

describe('mentions', () => {
  it('finds each mentioned member once, in order', () => {
    const body = `${formatMention('Ada', 'm-ada')} and ${formatMention('Bo [CSP]', 'm-bo')} and @[Ada again](member:m-ada)`;
    expect(parseMentions(body)).toEqual([
      { name: 'Ada', memberId: 'm-ada' },
      { name: 'Bo CSP', memberId: 'm-bo' },
    ]);
  });

  it('makes one-line excerpts with mentions as names', () => {
    expect(commentExcerpt('Hello\n\n@[Ada](member:m-ada)   there', 140)).toBe('Hello @Ada there');
    expect(commentExcerpt('x'.repeat(200), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
