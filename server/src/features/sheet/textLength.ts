// How long a clause's text is in the live document, counted without exporting it: the characters
// of its text nodes, so a write can be checked against the limit at the cost of one walk.
import { getClauseMap } from '@parley/shared/room';
import * as Y from 'yjs';

function charsIn(node: Y.XmlElement | Y.XmlFragment | Y.XmlText): number {
  if (node instanceof Y.XmlText) return node.length;
  let total = 0;
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText || child instanceof Y.XmlElement) total += charsIn(child);
  }
  return total;
}

/** Characters of the clause's text, or 0 when it has none. */
export function clauseTextLength(doc: Y.Doc, clauseId: string): number {
  const body = getClauseMap(doc, clauseId)?.get('body');
  return body instanceof Y.XmlFragment ? charsIn(body) : 0;
}
