export { isTemplateId, templateIds, templates, templateSummaries } from './catalog';
export type { TemplateId } from './catalog';
