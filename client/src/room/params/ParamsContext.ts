// What every parameter field of one clause needs from its clause: the sheet's parties, streams and
// drivers, its issues, whether it may edit, and the writes into the document.
import type { Issue } from '@parley/shared/termsheet';
import { createContext, useContext } from 'react';
import type { DocPath } from '../docWrites';
import type { RoomHistory } from '../history';
import type { SheetParty } from '../sheet';

export interface ParamsContextValue {
  clauseId: string;
  clauseTitle: string;
  currency: string;
  parties: SheetParty[];
  streams: { id: string; name: string }[];
  drivers: string[];
  issues: Issue[];
  canEdit: boolean;
  /** The room's undo history; absent where edits go to a private draft (a proposal). */
  history?: RoomHistory;
  set(path: DocPath, value: unknown): void;
  push(path: DocPath, value: unknown): void;
  remove(path: DocPath): void;
}

export const ParamsContext = createContext<ParamsContextValue | null>(null);

export function useParams(): ParamsContextValue {
  const value = useContext(ParamsContext);
  if (!value) throw new Error('Parameter editors must be inside a ParamsContext.');
  return value;
}

/** Issues that concern exactly this field. */
export function issuesAt(issues: Issue[], path: string): Issue[] {
  return issues.filter((issue) => issue.param === path);
}

/** Issues on a group that contains this field (e.g. a split that does not sum to 100). */
export function groupIssuesOver(issues: Issue[], path: string): Issue[] {
  return issues.filter(
    (issue) =>
      issue.param !== undefined && issue.param !== path && path.startsWith(`${issue.param}.`),
  );
}

export function fieldId(clauseId: string, path: string): string {
  return `f-${clauseId}-${path}`.replace(/[^A-Za-z0-9_-]/g, '_');
}
