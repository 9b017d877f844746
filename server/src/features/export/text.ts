// Wording every export format shares: the status line, dates, and how a clause's change is named.
import type { ExportClause, ExportModel } from './model';

export function isoDate(at: number): string {
  return new Date(at).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
}

/** "DRAFT: not agreed" or "AGREED by every party on …". */
export function statusLine(model: ExportModel): string {
  if (model.status === 'agreed' && model.agreed !== null) {
    return `AGREED by every party on ${isoDate(model.agreed.agreedAt)}`;
  }
  return 'DRAFT: not agreed, for discussion only';
}

export function subtitle(model: ExportModel): string {
  const parts = [`Parties: ${model.parties.join(', ')}`, `Generated ${isoDate(model.generatedAt)}`];
  if (model.against !== null) {
    parts.push(
      `Changes since version ${model.against.number}, "${model.against.name}" (${isoDate(model.against.createdAt)})`,
    );
  }
  return parts.join('. ') + '.';
}

export function clauseHeading(clause: ExportClause): string {
  return clause.status === 'removed'
    ? `Removed: ${clause.title}`
    : `${clause.number}. ${clause.title}`;
}

/** A note under a clause heading in a redline: added, moved, renamed. */
export function clauseNote(clause: ExportClause): string | null {
  const notes: string[] = [];
  if (clause.status === 'added') notes.push('New clause');
  if (clause.status === 'removed') notes.push('This clause was removed');
  if (clause.moved) notes.push('Moved');
  if (clause.formerTitle !== null) notes.push(`Formerly "${clause.formerTitle}"`);
  return notes.length === 0 ? null : notes.join('. ') + '.';
}

export function paramLine(p: {
  name: string;
  before: string | null;
  after: string | null;
}): string {
  return `${p.name}: ${p.before ?? 'not set'} -> ${p.after ?? 'removed'}`;
}

export const VALUE_HEADERS = ['Party', 'Allocation', 'Costs', 'Net', 'NPV'] as const;
