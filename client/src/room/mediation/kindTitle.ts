import { clauseKinds } from '@parley/shared/termsheet';
import type { SheetClause } from '../sheet';

export function kindTitle(clause: SheetClause): string {
  const label = (clauseKinds as Record<string, { label: string } | undefined>)[clause.kind]?.label;
  return clause.title.trim() || label || clause.kind;
}
