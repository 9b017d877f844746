// Exporting the sheet at any time, by anyone who reads it: clean or as a redline against a chosen
// version, in Word, PDF or Markdown; marked as a draft unless it is agreed, with the signatures
// and the audit log's head when it is.
import type { MemberClaims } from '@parley/shared/protocol';
import { can } from '@parley/shared/permissions';
import { NOW } from '@parley/shared/versions';
import type { ExportQuery } from '@parley/shared/versions';
import { ServiceError } from '../../errors';
import type { ExportDeps } from './deps';
import { renderDocx } from './docx';
import { renderMarkdown } from './markdown';
import { buildExportModel } from './model';
import { renderPdf } from './pdf';

export interface ExportFile {
  fileName: string;
  contentType: string;
  body: Buffer | string;
}

const contentTypes = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  md: 'text/markdown; charset=utf-8',
} as const;

function slug(title: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .toLowerCase()
    .slice(0, 60);
  return base === '' ? 'term-sheet' : base;
}

export async function exportSheet(
  deps: ExportDeps,
  member: MemberClaims,
  query: ExportQuery,
): Promise<ExportFile> {
  if (!can(member.role, 'read')) {
    throw new ServiceError(403, 'forbidden', `A ${member.role} may not export the term sheet.`);
  }
  const { roomId } = member;
  const [now, against, state] = await Promise.all([
    deps.side(roomId, NOW),
    query.against === undefined || query.against === NOW ? null : deps.side(roomId, query.against),
    deps.governance(roomId),
  ]);
  const agreed = state.agreedAt === null ? null : await deps.agreement(member);
  const model = buildExportModel({
    now: now.state,
    against:
      against === null || against.version === null
        ? null
        : { version: against.version, ...against.state },
    agreed,
    generatedAt: deps.now(),
  });
  const body =
    query.format === 'md'
      ? renderMarkdown(model)
      : query.format === 'docx'
        ? await renderDocx(model)
        : await renderPdf(model);
  const suffix = model.against === null ? '' : `-redline-v${model.against.number}`;
  return {
    fileName: `${slug(model.title)}${suffix}${model.status === 'agreed' ? '-agreed' : '-draft'}.${query.format}`,
    contentType: contentTypes[query.format],
    body,
  };
}
