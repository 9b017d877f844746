// Fixed-width text tables with aligned columns, for reports read in a terminal.
export type Align = 'left' | 'right';

export type TextColumn = { header: string; align: Align };

/** Renders rows as fixed-width columns separated by two spaces, with a dashed rule under the header. */
export function renderTextTable(columns: readonly TextColumn[], rows: readonly string[][]): string {
  const widths = columns.map((column, i) =>
    Math.max(column.header.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    columns
      .map((column, i) => {
        const cell = cells[i] ?? '';
        const width = widths[i] ?? 0;
        return column.align === 'right' ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  return [
    line(columns.map((c) => c.header)),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
  ].join('\n');
}
