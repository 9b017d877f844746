// A clause body as the suggestion rules read it, in the document before a write and after it.
import { getClauseMap } from '@parley/shared/room';
import { markedChars } from '@parley/shared/suggestions';
import type { MarkedChar } from '@parley/shared/suggestions';
import * as Y from 'yjs';

/** The clause's body fragment, or null when the clause or its body is missing. */
export function clauseBodyOf(doc: Y.Doc, clauseId: string): Y.XmlFragment | null {
  const body = getClauseMap(doc, clauseId)?.get('body');
  return body instanceof Y.XmlFragment ? body : null;
}

export function charsOf(doc: Y.Doc, clauseId: string): Map<string, MarkedChar> {
  const body = clauseBodyOf(doc, clauseId);
  return body === null ? new Map() : markedChars(body);
}

const idText = (item: { id: Y.ID } | null): string =>
  item === null ? 'root' : `${item.id.client}:${item.id.clock}`;

/**
 * The body's shape without its characters: every paragraph, list, chip and text by its Yjs id
 * and attributes. Equal shapes mean a write changed characters only, no block or chip.
 */
export function bodyShape(body: Y.XmlFragment): string {
  const parts: string[] = [idText(body._item)];
  const visit = (node: Y.XmlFragment | Y.XmlElement): void => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) parts.push(`text ${idText(child._item)}`);
      else if (child instanceof Y.XmlElement) {
        parts.push(
          `<${child.nodeName} ${idText(child._item)} ${JSON.stringify(child.getAttributes())}`,
        );
        visit(child);
        parts.push('>');
      } else parts.push('?');
    }
  };
  visit(body);
  return parts.join('\n');
}
