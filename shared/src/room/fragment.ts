// Clause bodies in their Yjs form: reading and writing the XML fragment a TipTap editor binds to,
// as the plain blocks the Markdown reader and writer work on.
import * as Y from 'yjs';
import type { BlockNode, InlineNode, MarkName } from './markdown-ast';
import { markNames, sortMarks } from './markdown-ast';

// Reads and writes clause bodies exactly as @tiptap/y-tiptap stores a ProseMirror document in a
// Y.XmlFragment: one Y.XmlElement per node named by its type, node attributes as element
// attributes (heading `level` and orderedList `start` as numbers), each run of adjacent text
// nodes as one Y.XmlText whose format attributes are the marks (`{ bold: {} }`).

type Attrs = Record<string, string | number>;
type AnyElement = Y.XmlElement<Attrs>;

function element(name: string, attrs: Attrs, children: (Y.XmlElement | Y.XmlText)[]): Y.XmlElement {
  const el = new Y.XmlElement<Attrs>(name);
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, value);
  if (children.length > 0) el.insert(0, children as Y.XmlElement[]);
  return el as unknown as Y.XmlElement;
}

function inlineToY(nodes: InlineNode[]): (Y.XmlElement | Y.XmlText)[] {
  const out: (Y.XmlElement | Y.XmlText)[] = [];
  let delta: { insert: string; attributes: Record<string, object> }[] = [];
  const flush = (): void => {
    if (delta.length === 0) return;
    const text = new Y.XmlText();
    text.applyDelta(delta);
    out.push(text);
    delta = [];
  };
  for (const node of nodes) {
    if (node.type === 'text') {
      if (node.text === '') continue;
      delta.push({
        insert: node.text,
        attributes: Object.fromEntries(sortMarks(node.marks).map((mark) => [mark, {}])),
      });
    } else {
      flush();
      out.push(
        node.type === 'hardBreak'
          ? element('hardBreak', {}, [])
          : element('paramRef', { path: node.path }, []),
      );
    }
  }
  flush();
  return out;
}

// The editor schema requires a list item to start with a paragraph and a quote to hold a block.
function itemToY(blocks: BlockNode[]): Y.XmlElement {
  const content = blocks[0]?.type === 'paragraph' ? blocks : [emptyParagraph(), ...blocks];
  return element('listItem', {}, content.map(blockToY));
}

const emptyParagraph = (): BlockNode => ({ type: 'paragraph', content: [] });

function blockToY(block: BlockNode): Y.XmlElement {
  switch (block.type) {
    case 'paragraph':
      return element('paragraph', {}, inlineToY(block.content));
    case 'heading':
      return element('heading', { level: block.level }, inlineToY(block.content));
    case 'blockquote':
      return element(
        'blockquote',
        {},
        (block.content.length > 0 ? block.content : [emptyParagraph()]).map(blockToY),
      );
    case 'bulletList':
      return element('bulletList', {}, block.items.map(itemToY));
    case 'orderedList':
      return element('orderedList', { start: block.start }, block.items.map(itemToY));
  }
}

/** Replaces the fragment's content with the given blocks (inside the caller's transaction). */
export function writeBlocks(fragment: Y.XmlFragment, blocks: BlockNode[]): void {
  const write = (): void => {
    if (fragment.length > 0) fragment.delete(0, fragment.length);
    if (blocks.length > 0) fragment.insert(0, blocks.map(blockToY));
  };
  if (fragment.doc) fragment.doc.transact(write);
  else write();
}

// ---- reading ----

const knownMarks = new Set<string>(markNames);

// Marks that may overlap themselves are stored as `name--hash`.
const markName = (attribute: string): string => attribute.replace(/--[A-Za-z0-9+/=]+$/, '');

// A suggested insertion is not part of the clause text until it is accepted; a suggested deletion
// still is. The zero-width anchors the suggestion editor leaves at paragraph edges are no text.
const SUGGESTED_INSERTION = 'insertion';
const SUGGESTION_ANCHOR = /\u200B/g;

function textRuns(text: Y.XmlText): InlineNode[] {
  const nodes: InlineNode[] = [];
  for (const op of text.toDelta() as { insert?: unknown; attributes?: Record<string, unknown> }[]) {
    if (typeof op.insert !== 'string' || op.insert === '') continue;
    const suggested = op.attributes?.[SUGGESTED_INSERTION];
    if (suggested !== null && suggested !== undefined) continue;
    const plain = op.insert.replace(SUGGESTION_ANCHOR, '');
    if (plain === '') continue;
    const marks: MarkName[] = [];
    for (const [key, value] of Object.entries(op.attributes ?? {})) {
      const name = markName(key);
      if (value !== null && value !== undefined && knownMarks.has(name))
        marks.push(name as MarkName);
    }
    nodes.push({ type: 'text', text: plain, marks: sortMarks(marks) });
  }
  return nodes;
}

function readInline(parent: Y.XmlFragment): InlineNode[] {
  const nodes: InlineNode[] = [];
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlText) nodes.push(...textRuns(child));
    else if (child instanceof Y.XmlElement) {
      const el = child as AnyElement;
      if (el.nodeName === 'hardBreak') nodes.push({ type: 'hardBreak' });
      else if (el.nodeName === 'paramRef') {
        const path = el.getAttribute('path');
        nodes.push({
          type: 'paramRef',
          path: typeof path === 'string' ? path : String(path ?? ''),
        });
      } else nodes.push(...readInline(el)); // an unknown inline node keeps its text
    }
  }
  return nodes;
}

function clampLevel(value: unknown): 1 | 2 | 3 {
  const level = Math.trunc(Number(value));
  return level >= 3 ? 3 : level === 2 ? 2 : 1;
}

function readStart(value: unknown): number {
  const start = Math.trunc(Number(value));
  return Number.isFinite(start) && start >= 0 ? start : 1;
}

function readItems(list: Y.XmlElement): BlockNode[][] {
  return list
    .toArray()
    .map((child) =>
      child instanceof Y.XmlElement && child.nodeName === 'listItem'
        ? readBlocks(child)
        : readBlocks({ toArray: () => [child] }),
    );
}

type HasChildren = { toArray(): (Y.XmlElement | Y.XmlText | Y.XmlHook)[] };

function readBlocks(parent: HasChildren): BlockNode[] {
  const blocks: BlockNode[] = [];
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlText) {
      blocks.push({ type: 'paragraph', content: textRuns(child) });
      continue;
    }
    if (!(child instanceof Y.XmlElement)) continue;
    const el = child as AnyElement;
    switch (el.nodeName) {
      case 'paragraph':
        blocks.push({ type: 'paragraph', content: readInline(el) });
        break;
      case 'heading':
        blocks.push({
          type: 'heading',
          level: clampLevel(el.getAttribute('level')),
          content: readInline(el),
        });
        break;
      case 'blockquote':
        blocks.push({ type: 'blockquote', content: readBlocks(el) });
        break;
      case 'bulletList':
        blocks.push({ type: 'bulletList', items: readItems(el as unknown as Y.XmlElement) });
        break;
      case 'orderedList':
        blocks.push({
          type: 'orderedList',
          start: readStart(el.getAttribute('start')),
          items: readItems(el as unknown as Y.XmlElement),
        });
        break;
      case 'listItem':
        blocks.push(...readBlocks(el));
        break;
      default: {
        // Nodes outside the agreed schema keep their text rather than vanish.
        const hasBlocks = el
          .toArray()
          .some(
            (c) => c instanceof Y.XmlElement && !['hardBreak', 'paramRef'].includes(c.nodeName),
          );
        if (hasBlocks) blocks.push(...readBlocks(el));
        else blocks.push({ type: 'paragraph', content: readInline(el) });
      }
    }
  }
  return blocks;
}

/** Reads a clause body fragment into blocks. */
export function readFragmentBlocks(fragment: Y.XmlFragment): BlockNode[] {
  return readBlocks(fragment);
}
