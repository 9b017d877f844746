// The export as Markdown: headings per clause, a redline as <del> and <ins>, and the value
// summary as tables, readable as plain text and rendered by any Markdown viewer.
import type { RedlineSegment } from '@parley/shared/versions';
import type { ExportModel } from './model';
import {
  VALUE_HEADERS,
  clauseHeading,
  clauseNote,
  isoDate,
  paramLine,
  statusLine,
  subtitle,
} from './text';

/** Characters Markdown would read as formatting, escaped so the text shows as written. */
function escape(text: string): string {
  return text.replace(/([\\`*_[\]<>#|~])/g, '\\$1');
}

function run(segment: RedlineSegment): string {
  const text = escape(segment.text);
  if (segment.op === 'added') return `<ins>${text}</ins>`;
  if (segment.op === 'removed') return `<del>${text}</del>`;
  return text;
}

function table(headers: readonly string[], rows: string[][]): string[] {
  return [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(escape).join(' | ')} |`),
  ];
}

export function renderMarkdown(model: ExportModel): string {
  const lines: string[] = [
    `# ${escape(model.title)}`,
    '',
    `**${statusLine(model)}**`,
    '',
    escape(subtitle(model)),
    '',
  ];
  for (const clause of model.clauses) {
    lines.push(`## ${escape(clauseHeading(clause))}`, '');
    const note = clauseNote(clause);
    if (note !== null) lines.push(`_${escape(note)}_`, '');
    for (const paragraph of clause.paragraphs) lines.push(paragraph.map(run).join(''), '');
    if (clause.params.length > 0) {
      lines.push('Parameter changes:', '');
      for (const p of clause.params) lines.push(`- ${escape(paramLine(p))}`);
      lines.push('');
    }
  }
  lines.push('## Value summary', '');
  if (model.valueProblem !== null) lines.push(escape(model.valueProblem), '');
  for (const value of model.values) {
    const headers = model.against === null ? [...VALUE_HEADERS] : [...VALUE_HEADERS, 'Net change'];
    const row = (r: (typeof value.rows)[number]) => [
      r.party,
      r.allocation,
      r.costs,
      r.net,
      r.npv,
      ...(model.against === null ? [] : [r.netChange ?? '']),
    ];
    lines.push(
      `### Scenario: ${escape(value.scenario)}`,
      '',
      ...table(headers, [...value.rows.map(row), row(value.total)]),
      '',
    );
  }
  if (model.agreed !== null) {
    lines.push('## Signatures', '');
    lines.push(
      ...table(
        ['Clause', 'Party', 'Signed by', 'Signed at'],
        model.agreed.signatures.map((s) => [
          s.clauseTitle,
          s.partyName,
          s.memberName,
          isoDate(s.signedAt),
        ]),
      ),
      '',
    );
    if (model.agreed.auditHead !== null) {
      lines.push(
        `Audit log head: entry ${model.agreed.auditHead.count}, hash \`${model.agreed.auditHead.hash}\``,
        '',
      );
    }
  }
  return lines.join('\n');
}
