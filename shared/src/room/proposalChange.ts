// Writing a proposal's change into a document, and trying it on a copy first so that a change
// the document cannot take is refused before anything is half-applied.
import * as Y from 'yjs';
import { setClauseText } from './clauses';
import { setParam } from './edits';
import { parsePath } from './path';

/** A change to one clause: parameter values at dotted paths, and new text (Markdown) or null. */
export interface ClauseChange {
  clauseId: string;
  params: readonly { path: string; value: unknown }[];
  text: string | null;
}

/** Throws on a path the document cannot take. */
export function writeChange(doc: Y.Doc, change: ClauseChange): void {
  doc.transact(() => {
    for (const { path, value } of change.params) {
      setParam(doc, change.clauseId, parsePath(path), value);
    }
    if (change.text !== null) setClauseText(doc, change.clauseId, change.text);
  });
}

/** null when the change goes into a copy of the document, else why it does not. */
export function dryRun(doc: Y.Doc, change: ClauseChange): string | null {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  try {
    writeChange(copy, change);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    copy.destroy();
  }
}
