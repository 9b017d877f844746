// The two suggestion marks in clause text and what each carries: who suggested it. Editors, the
// server's write rules and the exports all read them through this one description.
import { z } from 'zod';

/** Mark names as the editor stores them in a clause body (Yjs text format attributes). */
export const INSERTION_MARK = 'insertion';
export const DELETION_MARK = 'deletion';
export const suggestionKinds = [INSERTION_MARK, DELETION_MARK] as const;
export type SuggestionKind = (typeof suggestionKinds)[number];

/** Marks the suggestion editor keeps in its schema but Parley never lets a suggestion create. */
export const MODIFICATION_MARK = 'modification';

/** A zero-width space: the editor's anchor for a suggestion at a paragraph's edge. */
export const SUGGESTION_ANCHOR = '\u200B';

const MAX_SHORT = 200;

/** The attributes of a suggestion mark: its id and its author, exactly as the server checks them. */
export const suggestionAttrsSchema = z.object({
  id: z.union([z.string().min(1).max(MAX_SHORT), z.number()]),
  memberId: z.string().min(1).max(MAX_SHORT),
  name: z.string().max(MAX_SHORT),
  partyId: z.string().max(MAX_SHORT).nullable(),
});
export type SuggestionAttrs = z.infer<typeof suggestionAttrsSchema>;

/** The attributes of a mark value found in a document, or null when it is not a suggestion's. */
export function readSuggestionAttrs(value: unknown): SuggestionAttrs | null {
  if (value === null || value === undefined) return null;
  const parsed = suggestionAttrsSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * One suggestion: every run of text that carries marks with the same id by the same author. A
 * replacement (words struck and others typed in their place) is one suggestion of both kinds.
 */
export function suggestionKey(attrs: Pick<SuggestionAttrs, 'id' | 'memberId'>): string {
  return `${attrs.memberId}/${String(attrs.id)}`;
}
