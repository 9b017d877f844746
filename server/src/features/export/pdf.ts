// The export as a PDF: the same content as the Word document, typeset with PDFKit's built-in
// Helvetica; a redline shows removed words struck through in red and added words underlined in
// blue, and "DRAFT" runs across every page until the sheet is agreed.
import PDFDocument from 'pdfkit';
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

const MARGIN = 56;
const ADDED = '#1d4ed8';
const REMOVED = '#b91c1c';
const TEXT = '#111827';

// Helvetica's encoding lacks a few characters clause text uses; these read the same.
function printable(text: string): string {
  return text
    .replace(/[\u2192]/g, '->')
    .replace(/[\u2264]/g, '<=')
    .replace(/[\u2265]/g, '>=')
    .replace(/[\u2212]/g, '-')
    .replace(/[\u00a0\u202f]/g, ' ');
}

type Doc = InstanceType<typeof PDFDocument>;

function paragraph(doc: Doc, segments: RedlineSegment[]): void {
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1;
    const color = segment.op === 'added' ? ADDED : segment.op === 'removed' ? REMOVED : TEXT;
    doc.fillColor(color).text(printable(segment.text), {
      continued: !last,
      underline: segment.op === 'added',
      strike: segment.op === 'removed',
    });
  });
  doc.fillColor(TEXT).moveDown(0.5);
}

function table(doc: Doc, headers: readonly string[], rows: string[][], boldLast: boolean): void {
  const width = doc.page.width - 2 * MARGIN;
  const first = width * 0.28;
  const rest = (width - first) / (headers.length - 1);
  const widths = headers.map((_, i) => (i === 0 ? first : rest));
  const line = (cells: readonly string[], bold: boolean) => {
    if (doc.y > doc.page.height - MARGIN - 40) doc.addPage();
    const y = doc.y;
    let x = MARGIN;
    let height = 0;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8.5);
    cells.forEach((text, i) => {
      const options = {
        width: widths[i]! - 4,
        align: i === 0 ? ('left' as const) : ('right' as const),
      };
      height = Math.max(height, doc.heightOfString(printable(text), options));
      doc.text(printable(text), x, y, options);
      x += widths[i]!;
    });
    doc.x = MARGIN;
    doc.y = y + height + 3;
  };
  line(headers, true);
  rows.forEach((row, i) => line(row, boldLast && i === rows.length - 1));
  doc.font('Helvetica').fontSize(10.5).moveDown(0.8);
}

function stamp(doc: Doc, text: string): void {
  doc.save();
  doc.fillColor('#9ca3af').opacity(0.18).font('Helvetica-Bold').fontSize(96);
  doc.rotate(-35, { origin: [doc.page.width / 2, doc.page.height / 2] });
  doc.text(text, 0, doc.page.height / 2 - 48, {
    width: doc.page.width,
    align: 'center',
    lineBreak: false,
  });
  doc.restore();
}

export function renderPdf(model: ExportModel): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: model.title, Subject: statusLine(model), Creator: 'Parley' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica-Bold').fontSize(20).fillColor(TEXT).text(printable(model.title));
  doc.moveDown(0.3).fontSize(11).text(statusLine(model));
  doc
    .font('Helvetica')
    .fontSize(9.5)
    .fillColor('#374151')
    .text(printable(subtitle(model)))
    .moveDown();
  for (const clause of model.clauses) {
    if (doc.y > doc.page.height - MARGIN - 80) doc.addPage();
    doc
      .font('Helvetica-Bold')
      .fontSize(13)
      .fillColor(TEXT)
      .text(printable(clauseHeading(clause)))
      .moveDown(0.3);
    const note = clauseNote(clause);
    doc.font('Helvetica').fontSize(10.5);
    if (note !== null)
      doc.font('Helvetica-Oblique').text(printable(note)).font('Helvetica').moveDown(0.3);
    for (const p of clause.paragraphs) paragraph(doc, p);
    if (clause.params.length > 0) {
      doc.font('Helvetica-Bold').text('Parameter changes').font('Helvetica');
      for (const p of clause.params) doc.text(`- ${printable(paramLine(p))}`);
      doc.moveDown(0.5);
    }
  }
  doc.addPage();
  doc.font('Helvetica-Bold').fontSize(16).fillColor(TEXT).text('Value summary').moveDown(0.5);
  doc.font('Helvetica').fontSize(10.5);
  if (model.valueProblem !== null) doc.text(printable(model.valueProblem)).moveDown();
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
    doc
      .font('Helvetica-Bold')
      .fontSize(12)
      .text(`Scenario: ${printable(value.scenario)}`)
      .moveDown(0.3);
    table(doc, headers, [...value.rows.map(row), row(value.total)], true);
  }
  if (model.agreed !== null) {
    doc.font('Helvetica-Bold').fontSize(16).text('Signatures').moveDown(0.5);
    table(
      doc,
      ['Clause', 'Party', 'Signed by', 'Signed at'],
      model.agreed.signatures.map((s) => [
        s.clauseTitle,
        s.partyName,
        s.memberName,
        isoDate(s.signedAt),
      ]),
      false,
    );
    if (model.agreed.auditHead !== null) {
      doc
        .fontSize(9)
        .text(
          `Audit log head: entry ${model.agreed.auditHead.count}, hash ${model.agreed.auditHead.hash}`,
        );
    }
  }
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    if (model.status !== 'agreed') stamp(doc, 'DRAFT');
    doc.font('Helvetica').fontSize(8).fillColor('#6b7280');
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.text(
      `${printable(model.title)} - ${statusLine(model)} - page ${i + 1} of ${range.count}`,
      MARGIN,
      doc.page.height - 36,
      {
        width: doc.page.width - 2 * MARGIN,
        align: 'center',
        lineBreak: false,
      },
    );
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
