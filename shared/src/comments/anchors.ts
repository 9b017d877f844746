// Comment anchors on clause text: Yjs relative positions that move with everyone's edits, resolved
// to offsets and text for display, or to "detached" once the anchored text is deleted.
import * as Y from 'yjs';
import { fromBase64, toBase64 } from 'lib0/buffer';
import type { TextAnchor } from './schemas';

/** Encodes a Yjs relative position as the base64 string a text anchor stores. */
export function encodeAnchorPosition(position: Y.RelativePosition): string {
  return toBase64(Y.encodeRelativePosition(position));
}

/** Decodes an anchor position; null when the string is not a relative position. */
export function decodeAnchorPosition(encoded: string): Y.RelativePosition | null {
  try {
    return Y.decodeRelativePosition(fromBase64(encoded));
  } catch {
    return null;
  }
}

export interface ResolvedTextAnchor {
  /** True when the range collapsed (its text was deleted) or its positions no longer resolve. */
  detached: boolean;
  /** Offsets in a flat walk of the clause body (one unit per character, two per element). */
  from: number | null;
  to: number | null;
  /** The text now inside the range; empty when detached. */
  text: string;
}

interface Layout {
  /** For each type: the flat offset before each child index, and one past the last child. */
  offsets: Map<Y.AbstractType<unknown>, number[]>;
  texts: { at: number; text: string }[];
}

function plainText(text: Y.XmlText): string {
  return (text.toDelta() as { insert: unknown }[])
    .map((op) => (typeof op.insert === 'string' ? op.insert : '\uFFFC'))
    .join('');
}

/** Flat ProseMirror-like positions: an element opens and closes with one unit each. */
function layout(fragment: Y.XmlFragment): Layout {
  const offsets = new Map<Y.AbstractType<unknown>, number[]>();
  const texts: { at: number; text: string }[] = [];
  let pos = 0;
  const visit = (type: Y.XmlFragment | Y.XmlElement) => {
    const starts: number[] = [];
    for (const child of type.toArray()) {
      starts.push(pos);
      if (child instanceof Y.XmlText) {
        const text = plainText(child);
        offsets.set(child as Y.AbstractType<unknown>, [pos]);
        texts.push({ at: pos, text });
        pos += text.length;
      } else if (child instanceof Y.XmlElement) {
        pos += 1;
        visit(child);
        pos += 1;
      }
    }
    starts.push(pos);
    offsets.set(type as Y.AbstractType<unknown>, starts);
  };
  visit(fragment);
  return { offsets, texts };
}

function isInside(type: Y.AbstractType<unknown>, fragment: Y.XmlFragment): boolean {
  let current: Y.AbstractType<unknown> | null = type;
  while (current !== null) {
    if (current._item?.deleted === true) return false;
    if (current === (fragment as Y.AbstractType<unknown>)) return true;
    current = current._item?.parent instanceof Y.AbstractType ? current._item.parent : null;
  }
  return false;
}

function flatOffset(
  fragment: Y.XmlFragment,
  doc: Y.Doc,
  encoded: string,
  lay: Layout,
): number | null {
  const relative = decodeAnchorPosition(encoded);
  if (relative === null) return null;
  const absolute = Y.createAbsolutePositionFromRelativePosition(relative, doc);
  if (absolute === null) return null;
  const type = absolute.type as Y.AbstractType<unknown>;
  if (!isInside(type, fragment)) return null;
  const starts = lay.offsets.get(type);
  if (starts === undefined) return null;
  if (type instanceof Y.XmlText) return (starts[0] ?? 0) + absolute.index;
  return starts[Math.min(absolute.index, starts.length - 1)] ?? null;
}

/**
 * Where a text anchor now lies in a clause body (which must belong to a Y.Doc). The range moves
 * with the text others insert or delete around it; once its text is deleted (the range is empty
 * or its positions point into removed content) the anchor is detached and the thread stays on
 * its clause.
 */
export function resolveTextAnchor(
  fragment: Y.XmlFragment,
  anchor: Pick<TextAnchor, 'start' | 'end'>,
): ResolvedTextAnchor {
  const doc = fragment.doc;
  const detached: ResolvedTextAnchor = { detached: true, from: null, to: null, text: '' };
  if (doc === null) return detached;
  const lay = layout(fragment);
  const from = flatOffset(fragment, doc, anchor.start, lay);
  const to = flatOffset(fragment, doc, anchor.end, lay);
  if (from === null || to === null || to <= from) return detached;
  let text = '';
  for (const piece of lay.texts) {
    const start = Math.max(from, piece.at);
    const end = Math.min(to, piece.at + piece.text.length);
    if (end > start) text += piece.text.slice(start - piece.at, end - piece.at);
  }
  if (text.length === 0) return detached;
  return { detached: false, from, to, text };
}

/**
 * A text anchor over `[index, index + length)` of one Y.XmlText (server-side and test helper;
 * a TipTap editor uses y-tiptap's absolutePositionToRelativePosition instead). The start sticks
 * to the character after it and the end to the character before it, so text typed at either
 * edge stays outside the range.
 */
export function textAnchorPositions(
  text: Y.XmlText,
  index: number,
  length: number,
): { start: string; end: string } {
  return {
    start: encodeAnchorPosition(Y.createRelativePositionFromTypeIndex(text, index, 0)),
    end: encodeAnchorPosition(Y.createRelativePositionFromTypeIndex(text, index + length, -1)),
  };
}
