// The export as a Word document: clause headings, text with a redline as real tracked changes
// (w:ins / w:del, so Word's Review tab can accept or reject them), value tables and signatures.
import {
  AlignmentType,
  DeletedTextRun,
  Document,
  Footer,
  Header,
  HeadingLevel,
  InsertedTextRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
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

const AUTHOR = 'Parley';

function runs(
  segments: RedlineSegment[],
  date: string,
  ids: { next: number },
): (TextRun | InsertedTextRun | DeletedTextRun)[] {
  return segments.map((segment) => {
    if (segment.op === 'added') {
      return new InsertedTextRun({ text: segment.text, id: ids.next++, author: AUTHOR, date });
    }
    if (segment.op === 'removed') {
      return new DeletedTextRun({ text: segment.text, id: ids.next++, author: AUTHOR, date });
    }
    return new TextRun(segment.text);
  });
}

function cell(text: string, bold = false, right = false): TableCell {
  return new TableCell({
    children: [
      new Paragraph({
        alignment: right ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [new TextRun({ text, bold })],
      }),
    ],
  });
}

function table(headers: readonly string[], rows: string[][], lastBold: boolean): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h, i) => cell(h, true, i > 0)) }),
      ...rows.map(
        (row, r) =>
          new TableRow({
            children: row.map((text, i) => cell(text, lastBold && r === rows.length - 1, i > 0)),
          }),
      ),
    ],
  });
}

export async function renderDocx(model: ExportModel): Promise<Buffer> {
  const date = new Date(model.against?.createdAt ?? model.generatedAt).toISOString();
  const ids = { next: 1 };
  const body: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(model.title)] }),
    new Paragraph({ children: [new TextRun({ text: statusLine(model), bold: true })] }),
    new Paragraph({ children: [new TextRun(subtitle(model))] }),
  ];
  for (const clause of model.clauses) {
    body.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_2,
        children: [new TextRun(clauseHeading(clause))],
      }),
    );
    const note = clauseNote(clause);
    if (note !== null)
      body.push(new Paragraph({ children: [new TextRun({ text: note, italics: true })] }));
    for (const paragraph of clause.paragraphs) {
      body.push(new Paragraph({ children: runs(paragraph, date, ids) }));
    }
    if (clause.params.length > 0) {
      body.push(
        new Paragraph({ children: [new TextRun({ text: 'Parameter changes', bold: true })] }),
      );
      for (const p of clause.params)
        body.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun(paramLine(p))] }));
    }
  }
  body.push(
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Value summary')] }),
  );
  if (model.valueProblem !== null) body.push(new Paragraph(model.valueProblem));
  for (const value of model.values) {
    const redline = model.against !== null;
    const headers = redline ? [...VALUE_HEADERS, 'Net change'] : [...VALUE_HEADERS];
    const row = (r: (typeof value.rows)[number]) => [
      r.party,
      r.allocation,
      r.costs,
      r.net,
      r.npv,
      ...(redline ? [r.netChange ?? ''] : []),
    ];
    body.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_3,
        children: [new TextRun(`Scenario: ${value.scenario}`)],
      }),
    );
    body.push(table(headers, [...value.rows.map(row), row(value.total)], true));
  }
  if (model.agreed !== null) {
    body.push(
      new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Signatures')] }),
    );
    body.push(
      table(
        ['Clause', 'Party', 'Signed by', 'Signed at'],
        model.agreed.signatures.map((s) => [
          s.clauseTitle,
          s.partyName,
          s.memberName,
          isoDate(s.signedAt),
        ]),
        false,
      ),
    );
    if (model.agreed.auditHead !== null) {
      body.push(
        new Paragraph(
          `Audit log head: entry ${model.agreed.auditHead.count}, hash ${model.agreed.auditHead.hash}`,
        ),
      );
    }
  }
  const banner = model.status === 'agreed' ? 'Agreed' : 'Draft';
  const doc = new Document({
    creator: 'Parley',
    title: model.title,
    description: statusLine(model),
    sections: [
      {
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [new TextRun({ text: banner, bold: true })],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({ children: [new TextRun(`${model.title}: ${statusLine(model)}`)] }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
