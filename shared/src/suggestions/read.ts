// Reading the suggestions of a clause body: the list people decide on, and a character-by-character
// picture of who marked what, which the server compares before and after a write.
import * as Y from 'yjs';
import {
  DELETION_MARK,
  INSERTION_MARK,
  SUGGESTION_ANCHOR,
  readSuggestionAttrs,
  suggestionKey,
} from './marks';
import type { SuggestionAttrs } from './marks';

export interface SuggestionAuthor {
  memberId: string;
  name: string;
  partyId: string | null;
}

/** One suggestion in a clause, in the order it first appears in the text. */
export interface Suggestion {
  /** `memberId/id`: what accept and reject name. */
  key: string;
  clauseId: string;
  author: SuggestionAuthor;
  /** The text it would add, and the text it would remove (zero-width anchors left out). */
  inserted: string;
  deleted: string;
  /** A few words of the text around it, as it reads now, for a reader to find it. */
  context: string;
}

/** The texts of a clause body in document order (paragraphs, list items, quotes). */
export function bodyTexts(fragment: Y.XmlFragment | Y.XmlElement): Y.XmlText[] {
  const out: Y.XmlText[] = [];
  const visit = (node: Y.XmlFragment | Y.XmlElement): void => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) out.push(child);
      else if (child instanceof Y.XmlElement) visit(child);
    }
  };
  visit(fragment);
  return out;
}

type Op = { insert?: unknown; attributes?: Record<string, unknown> };

const CONTEXT_CHARS = 40;

/** Every suggestion of a clause body, grouped by author and id. */
export function listSuggestions(clauseId: string, fragment: Y.XmlFragment): Suggestion[] {
  const found = new Map<string, Suggestion>();
  for (const text of bodyTexts(fragment)) {
    const ops = (text.toDelta() as Op[]).filter((op) => typeof op.insert === 'string');
    const plain = ops.map((op) => op.insert as string).join('');
    let offset = 0;
    for (const op of ops) {
      const chunk = op.insert as string;
      for (const kind of [INSERTION_MARK, DELETION_MARK] as const) {
        const attrs = readSuggestionAttrs(op.attributes?.[kind]);
        if (attrs === null) continue;
        const key = suggestionKey(attrs);
        let entry = found.get(key);
        if (entry === undefined) {
          const start = Math.max(0, offset - CONTEXT_CHARS);
          entry = {
            key,
            clauseId,
            author: { memberId: attrs.memberId, name: attrs.name, partyId: attrs.partyId },
            inserted: '',
            deleted: '',
            context: plain
              .slice(start, offset + chunk.length + CONTEXT_CHARS)
              .replaceAll(SUGGESTION_ANCHOR, ''),
          };
          found.set(key, entry);
        }
        const visible = chunk.replaceAll(SUGGESTION_ANCHOR, '');
        if (kind === INSERTION_MARK) entry.inserted += visible;
        else entry.deleted += visible;
      }
      offset += chunk.length;
    }
  }
  return [...found.values()];
}

/** How one character of a clause body is marked. */
export interface MarkedChar {
  char: string;
  insertion: SuggestionAttrs | null;
  deletion: SuggestionAttrs | null;
  /** Its other formatting (bold, italic…), as canonical text. */
  format: string;
  /** Where it sits: the Yjs text it belongs to, by that text's own id. */
  parent: string;
}

const idOf = (id: Y.ID, offset = 0): string => `${id.client}:${id.clock + offset}`;

/**
 * Every visible character of a clause body by its Yjs id, with its marks. Ids are stable across
 * copies of a document, so two pictures of the same body (before and after a write) line up
 * character by character whatever else the write did.
 */
export function markedChars(fragment: Y.XmlFragment): Map<string, MarkedChar> {
  const out = new Map<string, MarkedChar>();
  for (const text of bodyTexts(fragment)) {
    const parent = text._item === null ? 'root' : idOf(text._item.id);
    const attrs = new Map<string, unknown>();
    for (let item = text._start; item !== null; item = item.right) {
      if (item.deleted) continue;
      const content = item.content;
      if (content instanceof Y.ContentFormat) {
        if (content.value === null) attrs.delete(content.key);
        else attrs.set(content.key, content.value);
      } else if (content instanceof Y.ContentString) {
        const insertion = readSuggestionAttrs(attrs.get(INSERTION_MARK));
        const deletion = readSuggestionAttrs(attrs.get(DELETION_MARK));
        const format = JSON.stringify(
          [...attrs.entries()]
            .filter(([key]) => key !== INSERTION_MARK && key !== DELETION_MARK)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        );
        for (let i = 0; i < content.str.length; i += 1) {
          out.set(idOf(item.id, i), {
            char: content.str[i]!,
            insertion,
            deletion,
            format,
            parent,
          });
        }
      }
    }
  }
  return out;
}

/**
 * Whether any text of the body carries a suggestion mark: a walk over its items, no character
 * picture, so that a write to a clause nobody suggested in costs little to check.
 */
export function hasSuggestionMarks(fragment: Y.XmlFragment): boolean {
  for (const text of bodyTexts(fragment)) {
    for (let item = text._start; item !== null; item = item.right) {
      if (item.deleted) continue;
      const content = item.content;
      if (
        content instanceof Y.ContentFormat &&
        content.value !== null &&
        (content.key === INSERTION_MARK || content.key === DELETION_MARK)
      ) {
        return true;
      }
    }
  }
  return false;
}

/** Whether two marks are the same suggestion with the same author details. */
export function sameMark(a: SuggestionAttrs | null, b: SuggestionAttrs | null): boolean {
  if (a === null || b === null) return a === b;
  return a.id === b.id && a.memberId === b.memberId && a.name === b.name && a.partyId === b.partyId;
}

export type { SuggestionAttrs };
