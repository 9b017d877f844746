import type { FastifyInstance } from 'fastify';
import { templateSummaries } from '@parley/shared/templates';

export function registerTemplateRoutes(app: FastifyInstance): void {
  app.get('/api/templates', async () => ({ templates: templateSummaries }));
}
