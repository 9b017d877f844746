// Clause text as Markdown over a Yjs fragment: the form a term sheet carries clause bodies in,
// while editors work on the fragment itself.
import type * as Y from 'yjs';
import { readFragmentBlocks, writeBlocks } from './fragment';
import { parseMarkdown } from './markdown-parse';
import { serializeBlocks } from './markdown-serialize';

/** Replaces the fragment's content with the Markdown `md`, in one transaction. */
export function markdownToFragment(md: string, fragment: Y.XmlFragment): void {
  writeBlocks(fragment, parseMarkdown(md));
}

/** The fragment's content as canonical Markdown. */
export function fragmentToMarkdown(fragment: Y.XmlFragment): string {
  return serializeBlocks(readFragmentBlocks(fragment));
}

/** Rewrites Markdown in canonical form (what a round trip through a clause body gives). */
export function canonicalMarkdown(md: string): string {
  return serializeBlocks(parseMarkdown(md));
}
