// The built-in term sheet templates (mHealth, telematics, smart city) and their lobby summaries,
// frozen so that no room can change the starting terms of the next.
import type { TermSheet } from '../termsheet/schema';
import mhealthJson from '../../templates/mhealth.json';
import smartCityJson from '../../templates/smart-city.json';
import telematicsJson from '../../templates/telematics.json';

export const templateIds = ['mhealth', 'telematics', 'smart-city'] as const;

export type TemplateId = (typeof templateIds)[number];

export type TemplateSummary = {
  id: TemplateId;
  title: string;
  ecosystem: string;
  description: string;
};

// JSON imports are typed with plain strings where the schema has literal unions;
// the template tests validate every file against termSheetSchema instead.
// Frozen because every room created from a template starts from these objects: a
// consumer that mutated one would silently change the next room's starting terms.
export const templates: Record<TemplateId, TermSheet> = {
  mhealth: deepFreeze(mhealthJson) as unknown as TermSheet,
  telematics: deepFreeze(telematicsJson) as unknown as TermSheet,
  'smart-city': deepFreeze(smartCityJson) as unknown as TermSheet,
};

const descriptions: Record<TemplateId, string> = {
  mhealth:
    'Insurer-led remote patient monitoring with a mobile operator, a device maker and a care provider, shared by demonstrated contribution.',
  telematics:
    'Car-maker-led connected car bundle with a mobile operator, a usage-based insurer and an app developer, shared by Shapley value.',
  'smart-city':
    'City-led sensor platform with a network operator, a utility, an integrator and a data exchange, shared in tiers after cost recovery.',
};

export const templateSummaries: readonly TemplateSummary[] = templateIds.map((id) => ({
  id,
  title: templates[id].title,
  ecosystem: templates[id].ecosystem,
  description: descriptions[id],
}));

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

export function isTemplateId(value: unknown): value is TemplateId {
  return typeof value === 'string' && (templateIds as readonly string[]).includes(value);
}
