// How a clause is named on screen: its own title, or else its kind's label from the registry, so
// that an untitled clause still reads as something in the outline, panels and notices.
import { clauseKinds } from '@parley/shared/termsheet';
import type { SheetClause } from './sheet';

/** The registry's label of a clause kind; an unknown kind (from a newer peer) shows as it is. */
export function kindLabel(kind: string): string {
  return (clauseKinds as Record<string, { label: string } | undefined>)[kind]?.label ?? kind;
}

/** A clause's title as people read it: the title it was given, or its kind's label. */
export function kindTitle(clause: SheetClause): string {
  return clause.title.trim() || kindLabel(clause.kind);
}
