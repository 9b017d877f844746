// The issues of a result as a plain-text table, after the figures of any text report.
import type { Issue } from '../termsheet/issues';
import { renderTextTable } from './textTable';
import type { TextColumn } from './textTable';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function formatIssues(issues: readonly Issue[]): string {
  if (issues.length === 0) return 'Issues: none';
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;
  const columns: TextColumn[] = [
    { header: 'Severity', align: 'left' },
    { header: 'Code', align: 'left' },
    { header: 'Path', align: 'left' },
    { header: 'Message', align: 'left' },
  ];
  const rows = issues.map((i) => [i.severity, i.code, i.path, i.message]);
  return `Issues: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}\n${renderTextTable(columns, rows)}`;
}
