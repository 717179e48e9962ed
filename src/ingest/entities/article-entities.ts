// The one entry point ingest calls: an article's people, organisations and places, the names a
// sidecar gives first, then the extracted ones (English only; other languages get none).

import type { SidecarData } from '../sidecar.ts';
import { DEFAULT_ENTITY_RULES, type EntityRules } from './entity-rules.ts';
import { extractEntities, mergeEntityLists, type EntityText, type ExtractedEntities } from './extract-entities.ts';

function givenList(sidecar: SidecarData | undefined, key: keyof ExtractedEntities): string[] {
  const value = sidecar?.extra[key];
  if (typeof value === 'string' && value.trim() !== '') return [value.trim()];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.trim() !== '').map((item) => item.trim()) : [];
}

export function findArticleEntities(
  text: EntityText,
  language: string,
  sidecar: SidecarData | undefined,
  rules: EntityRules = DEFAULT_ENTITY_RULES,
): ExtractedEntities {
  const extracted = extractEntities(text, language, rules);
  return {
    people: mergeEntityLists(givenList(sidecar, 'people'), extracted.people),
    organizations: mergeEntityLists(givenList(sidecar, 'organizations'), extracted.organizations),
    places: mergeEntityLists(givenList(sidecar, 'places'), extracted.places),
  };
}
