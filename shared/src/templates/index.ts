// The built-in templates new rooms start from.
export { isTemplateId, templateIds, templates, templateSummaries } from './catalog';
export type { TemplateId } from './catalog';
