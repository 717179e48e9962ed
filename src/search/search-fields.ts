// What Pagefind learns about an article besides its text: metadata for result listings, filter
// values and the date sort key, computed from normalised article data (one place, so the search
// page, the index stats and the tests agree).

import type { Article } from '../site/load-articles.ts';

export const FILTER_NAMES = ['section', 'year', 'people', 'organizations', 'places', 'tags', 'language'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

export interface SearchFields {
  meta: { date: string; section: string; summary: string };
  filters: Record<FilterName, string[]>;
  /** `YYYYMMDD`, so every page has the key and none drops out of date-sorted results. */
  sortDate: string;
}

/** One filter value: Unicode NFC, no control characters, white space collapsed and trimmed. */
export function normaliseValue(value: string): string {
  return value
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Normalised values, empty ones dropped, duplicates (after normalising) kept once, in order. */
export function normaliseValues(values: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const value of values) {
    const normal = normaliseValue(value);
    if (normal !== '') seen.add(normal);
  }
  return [...seen];
}

const languageNames = new Map<string, Intl.DisplayNames>();

/** "Arabic" for `ar`, in the interface language, so the language filter reads naturally. */
export function languageName(code: string, interfaceLanguage: string): string {
  let names = languageNames.get(interfaceLanguage);
  if (!names) {
    names = new Intl.DisplayNames([interfaceLanguage, 'en'], { type: 'language', fallback: 'code' });
    languageNames.set(interfaceLanguage, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

export function searchFields(article: Article, timeZone: string, interfaceLanguage: string): SearchFields {
  // The date readers see on the page is in the site's zone, so the year and sort key are too.
  const local = article.date.setZone(timeZone);
  const section = normaliseValue(article.section ?? '');
  return {
    meta: { date: local.toFormat('yyyy-MM-dd'), section, summary: normaliseValue(article.summary) },
    filters: {
      section: section ? [section] : [],
      year: [local.toFormat('yyyy')],
      people: normaliseValues(article.people),
      organizations: normaliseValues(article.organizations),
      places: normaliseValues(article.places),
      tags: normaliseValues(article.tags),
      language: [languageName(article.language, interfaceLanguage)],
    },
    sortDate: local.toFormat('yyyyMMdd'),
  };
}
