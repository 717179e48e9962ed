// What Pagefind learns about an article besides its text: metadata for result listings, filter
// values and the date sort key, computed from normalised article data (one place, so the search
// page, the index stats and the tests agree).

import { DEFAULT_ENTITY_RULES, ruledEntityNames, type EntityKind, type EntityRules } from '../ingest/entities/entity-rules.ts';
import type { Article } from '../site/load-articles.ts';

export const FILTER_NAMES = ['section', 'year', 'people', 'organizations', 'places', 'tags', 'language'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

export interface SearchFields {
  /**
   * Metadata for result listings. No section: Pagefind indexes meta values as words, and an
   * article is not about its section's name; the search page reads the section filter instead.
   */
  meta: { date: string; summary: string; folded: string; parts: string };
  filters: Record<FilterName, string[]>;
  /**
   * The day number (see `dayNumber`), seven digits, on every page so none drops out of
   * date-sorted results.
   */
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

const MS_PER_DAY = 86_400_000;

function utcDay(year: number, month: number, day: number): number {
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

const DAY_ONE = utcDay(1, 1, 1);

/**
 * Days from 1 January of the year 1 (proleptic Gregorian) to the given date, as the date sort
 * key, zero-padded to seven digits. Pagefind reads a sort key whose values all parse as numbers
 * as a 32-bit float, exact only up to 2^24 (16,777,216): `YYYYMMDD` values collide (20240503,
 * 20240504 and 20240505 are all 20240504.0), while the largest day number, 9999-12-31, is
 * 3,652,058. Padded, the key also orders as text, should a value ever be compared as one.
 */
export function dayNumber(year: number, month: number, day: number): string {
  return String(Math.round((utcDay(year, month, day) - DAY_ONE) / MS_PER_DAY)).padStart(7, '0');
}

const languageNames = new Map<string, Intl.DisplayNames>();
/** Names already looked up, by interface language and code: `Intl.DisplayNames.of` is slow. */
const namedLanguages = new Map<string, string>();

/** "Arabic" for `ar`, in the interface language, so the language filter reads naturally. */
export function languageName(code: string, interfaceLanguage: string): string {
  const key = `${interfaceLanguage}\0${code}`;
  let name = namedLanguages.get(key);
  if (name === undefined) {
    name = lookUpLanguageName(code, interfaceLanguage);
    namedLanguages.set(key, name);
  }
  return name;
}

function lookUpLanguageName(code: string, interfaceLanguage: string): string {
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

const FILTER_OF_KIND: Record<EntityKind, 'people' | 'organizations' | 'places'> = { person: 'people', organization: 'organizations', place: 'places' };

/** The article's people, organisations and places as its page links them (`ruledEntityNames`). */
function entityFilters(article: Article, rules: EntityRules): Record<'people' | 'organizations' | 'places', string[]> {
  const names: Record<'people' | 'organizations' | 'places', string[]> = { people: [], organizations: [], places: [] };
  for (const [kind, name] of ruledEntityNames(article, rules)) names[FILTER_OF_KIND[kind]].push(name);
  return names;
}

/** A word as Pagefind indexes it: its letters and digits, lower case. */
function indexedWord(word: string): string {
  return word.replace(/[^\p{Alphabetic}\p{N}]/gu, '').toLowerCase();
}

/**
 * The words of `texts` written in compatibility forms (full-width ｈａｒｂｏｕｒ from an East Asian
 * keyboard, the ligature ﬁ of a PDF, m²), each as Unicode NFKC writes it (harbour, finance, m2),
 * once, space-separated; empty for the text of almost every article, which has none. Pagefind
 * indexes a word's letters and digits as they are written and the search page compares a query
 * in NFKC (queryOf), so without these such an article was found by no query at all. Words that
 * NFKC changes only outside their letters and digits (`…`, a no-break space) are not listed.
 */
export function compatibilityWords(texts: readonly string[]): string {
  const words = new Set<string>();
  for (const text of texts) {
    if (text.normalize('NFKC') === text) continue;
    for (const word of text.split(/\s+/u)) {
      const folded = word.normalize('NFKC');
      if (folded !== word && indexedWord(folded) !== indexedWord(word)) words.add(folded);
    }
  }
  return [...words].join(' ');
}

// A word is literal to a query when it has a character other than a letter, mark, digit,
// apostrophe or hyphen (literalWords in assets/search-engine.js): not `company's`, `co-operate`.
const LITERAL = /[^\p{L}\p{M}\p{N}'\u2019\u02bc\p{Pd}]/u;
// Quotes and brackets around a word, and the sentence's punctuation after it, as a query's words
// are read (WORD_OPENING and WORD_CLOSING in assets/search-engine.js): `"Sony's` is no literal.
const AROUND = /^[\p{Ps}\p{Pi}\p{Pf}'"¡¿]+|[\p{Pe}\p{Pi}\p{Pf}\p{Terminal_Punctuation}'"…]+$/gu;
const PART = /[\p{L}\p{M}\p{N}]+/gu;
/**
 * The marks, before a part, of a symbol before it and after it: U+01C2 and U+01C1, letters that
 * Pagefind keeps in a word and no one types, so no query finds them but a literal word's lookup
 * (SYMBOL_BEFORE and SYMBOL_AFTER in assets/search-engine.js).
 */
export const SYMBOL_BEFORE = '\u01c2';
export const SYMBOL_AFTER = '\u01c1';

/** A part as a literal word's lookup writes it: lower case, without diacritics. */
function foldPart(part: string): string {
  return part.normalize('NFKC').toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}

/**
 * The parts of the words of `texts` that have a symbol or punctuation beside them, each marked by
 * the side it is on (`ǁat ǂt ǁt ǂǁt ǂowned` for `AT&T-owned`, `ǁc ǂ11` for `C++11`), once, space-separated;
 * empty for a text without such words. A literal word of a query (`C++`, `AT&T`, `A+`) is looked
 * up by its parts marked the same way, every one of them: a word holding it has each of its
 * parts whole, with a symbol on the same side. Pagefind indexes such a word by its letters and
 * digits (`attowned`, `c11`) and its parts of two letters or more (`at`, `owned`), so `C++` and
 * `AT&T` did not find `C++11` and `AT&T-owned`, and the part unmarked (`a` for `A+`, `us` for
 * `U.S.`) is in most articles, whose text was all read to find the word (10 s for `A+` on 1,356).
 */
export function symbolParts(texts: readonly string[]): string {
  const words = new Set<string>();
  for (const text of texts) {
    for (const typed of text.split(/\s+/u)) {
      const word = typed.replace(AROUND, '');
      if (!LITERAL.test(word)) continue;
      for (const match of word.matchAll(PART)) {
        const part = foldPart(match[0]);
        if (!part) continue;
        const before = match.index > 0;
        const after = match.index + match[0].length < word.length;
        if (before) words.add(`${SYMBOL_BEFORE}${part}`);
        if (after) words.add(`${SYMBOL_AFTER}${part}`);
        if (before && after) words.add(`${SYMBOL_BEFORE}${SYMBOL_AFTER}${part}`);
      }
    }
  }
  return [...words].join(' ');
}

export function searchFields(article: Article, timeZone: string, interfaceLanguage: string, rules: EntityRules = DEFAULT_ENTITY_RULES): SearchFields {
  // The date readers see on the page is in the site's zone, so the year and sort key are too.
  const local = article.date.setZone(timeZone);
  const section = normaliseValue(article.section ?? '');
  const entities = entityFilters(article, rules);
  return {
    meta: {
      date: local.toFormat('yyyy-MM-dd'),
      summary: normaliseValue(article.summary),
      folded: compatibilityWords([article.title, article.subtitle ?? '', ...article.authors, article.summary, article.body]),
      parts: symbolParts([article.title, article.subtitle ?? '', ...article.authors, article.summary, article.body]),
    },
    filters: {
      section: section ? [section] : [],
      year: [local.toFormat('yyyy')],
      people: normaliseValues(entities.people),
      organizations: normaliseValues(entities.organizations),
      places: normaliseValues(entities.places),
      tags: normaliseValues(article.tags),
      language: [languageName(article.language, interfaceLanguage)],
    },
    sortDate: dayNumber(local.year, local.month, local.day),
  };
}
