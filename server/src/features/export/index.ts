// Export: the term sheet as a Word document, a PDF or Markdown at any time, clean or as a redline
// against a version, with the value summary, marked as a draft until every party agreed.
import type { Authenticator } from '../../auth/authenticate';
import type { Feature } from '../../feature';
import type { ExportDeps } from './deps';
import { registerExportRoutes } from './routes';

export type { AgreedRecord, ExportDeps } from './deps';

export function createExportFeature(deps: ExportDeps & { auth: Authenticator }): Feature {
  return { name: 'export', routes: (app) => registerExportRoutes(app, deps.auth, deps) };
}
