// A comment's body drawn from its parsed Markdown as React elements: what people write is never
// inserted as HTML, so a comment cannot run script in anyone's browser.
import { parseCommentMarkdown } from '@parley/shared/comments';
import type { CommentInline } from '@parley/shared/comments';
import type { ReactNode } from 'react';

function renderInline(node: CommentInline, key: number): ReactNode {
  switch (node.type) {
    case 'text':
      return node.text;
    case 'strong':
      return <strong key={key}>{node.children.map(renderInline)}</strong>;
    case 'emphasis':
      return <em key={key}>{node.children.map(renderInline)}</em>;
    case 'code':
      return <code key={key}>{node.text}</code>;
    case 'link':
      return (
        <a key={key} href={node.href} rel="noopener noreferrer nofollow" target="_blank">
          {node.text}
        </a>
      );
    case 'mention':
      return (
        <span key={key} className="mention-chip" data-member-id={node.memberId}>
          @{node.name}
        </span>
      );
    case 'break':
      return <br key={key} />;
  }
}

/** A comment body from the Markdown AST: React elements with text children, never HTML. */
export function CommentBody({ body }: { body: string }) {
  const ast = parseCommentMarkdown(body);
  return (
    <div className="comment-body">
      {ast.children.map((paragraph, i) => (
        <p key={i}>{paragraph.children.map(renderInline)}</p>
      ))}
    </div>
  );
}
