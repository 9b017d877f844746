// A room with a free-form "notes" clause, for tests that need text and a growing list to edit
// concurrently: both live inside the term sheet's layout, where the server accepts any member's
// writes, so the tests exercise the same rules a real room has.
import { templates } from '@parley/shared/templates';
import type { TermSheet } from '@parley/shared/termsheet';
import * as Y from 'yjs';
import { createRoom } from './api';

export const NOTES_CLAUSE = 'c-notes';
/** The text the notes paragraph starts with. */
export const NOTES_START = 'Notes:';

/** The mHealth template with a custom clause holding a paragraph of text and a `log` list. */
export function notesTermSheet(base: TermSheet = templates.mhealth): TermSheet {
  return {
    ...base,
    clauses: [
      ...base.clauses,
      {
        id: NOTES_CLAUSE,
        kind: 'custom',
        title: 'Notes',
        text: NOTES_START,
        params: { log: [] },
      },
    ],
  } as TermSheet;
}

export function createNotesRoom(baseUrl: string) {
  return createRoom(baseUrl, { title: 'Remote patient monitoring', termsheet: notesTermSheet() });
}

function notesClause(doc: Y.Doc): Y.Map<unknown> {
  const clause = doc.getMap('clauses').get(NOTES_CLAUSE);
  if (!(clause instanceof Y.Map)) throw new Error('the room has no notes clause (not synced yet?)');
  return clause;
}

/** The text of the notes paragraph, which every client shares. */
export function notesText(doc: Y.Doc): Y.XmlText {
  const paragraph = (notesClause(doc).get('body') as Y.XmlFragment).get(0) as Y.XmlElement;
  return paragraph.get(0) as Y.XmlText;
}

/** The notes clause's list, a parameter any editor may append to. */
export function notesLog(doc: Y.Doc): Y.Array<string> {
  return (notesClause(doc).get('params') as Y.Map<unknown>).get('log') as Y.Array<string>;
}

export function setNotesTitle(doc: Y.Doc, title: string): void {
  notesClause(doc).set('title', title);
}
