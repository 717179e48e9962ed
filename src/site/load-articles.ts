// The render stage's input: every article file, read and checked. A file that cannot be used is
// reported (file, line, what to fix) and left out; the rest of the archive still builds.

import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DateTime } from 'luxon';
import { FRONTMATTER_KEYS, type ArticleFrontmatter } from '../article.ts';
import { asLunarHijri, dateDoubt, formatIsoDate, impossibleOffset, isProbablyHijri, noSuchYear, parseDateString, MAX_YEAR, MIN_YEAR, type DateSource } from '../ingest/dates.ts';
import { bodyHash, type ArticleFileCache, type ArticleFileSeen, type KnownArticleFile } from '../ingest/article-file-cache.ts';
import { articleFileBody, FrontmatterError, isUntouched, readArticleFile, type ParsedArticleFile } from '../ingest/frontmatter.ts';
import { FUTURE_SLACK_MS } from '../ingest/article-date.ts';
import { slugify, yearSegment } from '../ingest/slug.ts';
import { UnsafeCharacterTally } from '../ingest/unsafe-characters.ts';
import { headlineLanguage, isLanguageTag, isRightToLeft } from '../ingest/text-stats.ts';
import { displayPath, listFiles, readTextIfExists } from '../fs-utils.ts';
import { readAhead } from '../read-ahead.ts';
import { compareText, ProblemLog } from '../problems.ts';
import { unifySectionSpellings, type SectionSpellingWarning } from './sections.ts';

/** An article as the site uses it: the frontmatter's fields, with the date parsed and the URL decided. */
export interface Article extends Omit<ArticleFrontmatter, 'date' | 'updated' | 'extra' | 'generated'> {
  /** Article file, relative to the articles directory. */
  file: string;
  date: DateTime;
  /** When the article was last updated, if after its date. */
  updated?: DateTime;
  dir: 'ltr' | 'rtl';
  /**
   * The headline's language when its letters are another script's than the article's (an Arabic
   * headline over an English body): its `lang`, and `dir` by it, wherever the headline is shown.
   */
  titleLanguage?: string;
  /** Site-relative URL path without the path prefix, e.g. `/2025/some-title/`. */
  url: string;
  /**
   * Markdown body, rendered when the page is. For an article file known from the article-file
   * cache it is read from the file when first asked for (most pages of a rebuild are not rendered).
   */
  body: string;
  /** `bodyHash` of the body, known without reading it: part of what the page is rendered from. */
  bodyHash: string;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE_SOURCES = new Set(['sidecar', 'text', 'filename', 'file-mtime', 'manual']);

const KNOWN_KEYS = new Set<string>(FRONTMATTER_KEYS);

function stringList(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.map((item) => item.trim()).filter(Boolean);
  return undefined;
}

/**
 * An article file's date, and its year in the archive's zone (`zone`), which files the article.
 * Both come from one conversion to the zone: each costs about 15 µs (Intl), 0.15 s of loading
 * 10,000 articles.
 */
function parseArticleDate(value: unknown, zone: string): { date: DateTime; year: number } | undefined {
  // A year unquoted (`date: 2024`) loads as a number: read as the year written, and named (PARTIAL_DATE).
  if (isYearNumber(value)) return parseArticleDate(String(value), zone);
  // Unquoted YAML dates load as Date objects at UTC midnight.
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    const date = DateTime.fromJSDate(value, { zone: 'UTC' }).setZone(zone, { keepLocalTime: true });
    return { date, year: date.year };
  }
  if (typeof value !== 'string') return undefined;
  const date = DateTime.fromISO(value.trim(), { zone, setZone: true });
  if (!date.isValid || date.year < MIN_YEAR || date.year > MAX_YEAR) return undefined;
  // Before standard time a zone's offset was local mean time, with seconds (New York −4:56:02
  // until 1883, Lisbon −0:36:45 until 1912), which an ISO offset (±HH:MM) cannot hold: ingest
  // writes "1850-01-01T00:00:00.000-04:56", two seconds from midnight in the zone, and read back
  // there it was 23:59:58 on 31 December 1849, filing the article under the day and year before.
  // When the written offset is the zone's own at that wall time to the minute, the wall time is
  // read in the zone, as written. Most dates were written at the zone's own offset, which settles
  // it at a third of the cost (fromObject was 30 µs an article: 3 s of loading 100,000).
  const atInstant = date.setZone(zone);
  if (atInstant.offset === date.offset) return { date, year: atInstant.year };
  const inZone = DateTime.fromObject(date.toObject(), { zone });
  if (inZone.isValid && inZone.offset !== date.offset && Math.abs(inZone.offset - date.offset) < 1) return { date: inZone, year: inZone.year };
  // Another offset than the zone's must be one a clock has had (luxon takes `+25:00`, a day off).
  return impossibleOffset(value.trim()) === undefined ? { date, year: atInstant.year } : undefined;
}

/**
 * For a hand-typed date in figures whose year is 1300–1499 (`date: "1445-06-12"`), which is
 * probably a Hijri one, lunar or solar (`isProbablyHijri`), what to say of it: as a source's or a
 * sidecar's such date is named rather than filed six centuries early, so is an article file's.
 * Ingest writes every date as an instant with its offset, which is taken as written.
 */
function probableHijriDate(value: unknown, date: DateTime): { message: string; hint: (key: string) => string } | undefined {
  if (date.year < 1300 || date.year >= 1500 || typeof value !== 'string' || !isProbablyHijri(value, date.year)) return undefined;
  // Its day, read as a lunar Hijri one (article files write dates as ISO 8601, year first).
  const lunar = asLunarHijri(date.toFormat('yyyy-MM-dd'));
  const gregorian = lunar === undefined ? undefined : DateTime.fromFormat(lunar, 'd MMMM yyyy', { locale: 'en' }).toFormat('yyyy-MM-dd');
  return {
    message: `is read as the year ${date.year}, probably of the Hijri calendar (nothing says whether lunar or solar)`,
    hint: (key) => {
      const lunarReading = lunar === undefined ? `, e.g. ${key}: "2024-02-29"` : `: if it is a lunar Hijri date, it is ${lunar} by the Umm al-Qura calendar, ${key}: "${gregorian!}"`;
      return `Write the date in the Gregorian calendar, quoted${lunarReading}. A date of the year ${date.year} that is meant is written in full with its offset (${key}: "${formatIsoDate(date)}").`;
    },
  };
}

/** A year written unquoted (`date: 2024`), which YAML loads as a number. */
const isYearNumber = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 1000 && (value as number) <= MAX_YEAR;

// A year alone, or a year and month (`2024`, `2024-06`): ISO 8601 allows them, and they read as
// the first day, which the file does not say.
const PARTIAL_DATE = /^\s*\d{4}(-\d{2})?\s*$/;

/**
 * Names an article file's `date` or `updated` that gives only a year or a month, read as its first
 * day, as a sidecar's is named (SIDECAR_PARTIAL_DATE).
 */
function warnAboutPartialDate(value: unknown, date: DateTime, key: 'date' | 'updated', line: number, shown: string, problems: ProblemLog): void {
  const partial = isYearNumber(value) ? [] : typeof value === 'string' ? PARTIAL_DATE.exec(value) : null;
  if (!partial) return;
  problems.warn({
    code: 'ARTICLE_PARTIAL_DATE',
    file: shown,
    line,
    message: `has ${key === 'date' ? 'a' : 'an'} "${key}" (${JSON.stringify(String(value))}) that gives only the ${partial[1] === undefined ? 'year' : 'month'}; it is read as ${date.toFormat('d MMMM yyyy', { locale: 'en' })}, its first day`,
    hint: `Give the whole date, quoted (${key}: "${formatIsoDate(date)}", or the right day), to silence this warning.`,
  });
}

// A date as ISO 8601 writes it, year first (`2024-06-03`, `+010000-01-01`), real or not.
const ISO_SHAPED = /^\s*([+-]?\d{4,6})-\d{2}(?:-\d{2})?(?:T|\s*$)/;

/**
 * What is wrong with an article file's `date` that `parseArticleDate` refused, and how to write it:
 * none, not text (`date: 2024`), a date not written as ISO 8601 (`"3 June 2024"`, with its ISO
 * form when it can be read), or no real day or one outside the years 1–9999.
 */
function whyNoArticleDate(value: unknown, zone: string): { message: string; hint: string } {
  const example = `e.g. date: "2024-02-29T09:00:00+00:00"`;
  if (value === undefined || value === null || value === '') return { message: 'has no "date"', hint: `Add a line with the article's date as ISO 8601, quoted, ${example}.` };
  const shown = JSON.stringify(value instanceof Date ? value.toISOString() : value);
  if (typeof value !== 'string' && !(value instanceof Date)) return { message: `has a "date" that is not text (${shown})`, hint: `Write the date as ISO 8601, quoted, ${example}.` };
  const year = typeof value === 'string' ? ISO_SHAPED.exec(value)?.[1] : undefined;
  if (typeof value === 'string' && year === undefined) {
    const read = parseDateString(value, zone, 0);
    // In other figures (`۱۴۴۵-۰۶-۱۲`, `12/06/1445`) a date of the years 1300–1499 is probably a Hijri one too.
    const hijri = read && probableHijriDate(value, read);
    if (hijri) return { message: `has a "date" (${shown}) that ${hijri.message}`, hint: hijri.hint('date') };
    // Why a date in words or figures names no day (`15 March 12024`: a year past 9999), as the inbox says.
    const doubt = read ? undefined : dateDoubt(value);
    return {
      message: `has a "date" (${shown}) that is not written as ISO 8601${doubt === undefined ? '' : ` and names no one day: ${doubt.reason}`}`,
      hint: read ? `Write it as ISO 8601, quoted: date: "${formatIsoDate(read)}".` : `${doubt === undefined ? 'Write' : `${doubt.fix}, and write`} the date as ISO 8601, quoted, ${example}.`,
    };
  }
  const offset = typeof value === 'string' ? impossibleOffset(value.trim()) : undefined;
  if (offset !== undefined) return { message: `has a "date" (${shown}) whose offset from UTC, ${offset}, is no zone's (they run from −12:00 to +14:00)`, hint: `Write the offset the clock had, quoted, ${example}.` };
  const noYear = year === undefined ? undefined : noSuchYear(Number(year));
  if (noYear !== undefined) return { message: `has a "date" (${shown}) that names no one day: ${noYear.reason}`, hint: `${noYear.fix}, and write the date quoted, ${example}.` };
  return { message: `has a "date" (${shown}) that is no real day or time`, hint: `Write a real date between the years ${MIN_YEAR} and ${MAX_YEAR}, quoted, ${example}.` };
}

// YAML 1.1's merge key, which the core schema (YAML 1.2) reads as a key like any other.
const MERGE_KEY = '<<';

/**
 * Names a YAML merge key (`<<: *defaults`) in an article file, which adds no keys here: under YAML
 * 1.2's core schema, which article files are read with, `<<` is a key of its own, so the keys a
 * writer used to YAML 1.1 (Jekyll, Hugo) meant it to add (`section`, `tags`) were lost unseen.
 */
function warnAboutMergeKey(value: unknown, line: number, shown: string, problems: ProblemLog): void {
  const maps = (Array.isArray(value) ? value : [value]).filter((item): item is Record<string, unknown> => item !== null && typeof item === 'object' && !Array.isArray(item));
  const keys = [...new Set(maps.flatMap((map) => Object.keys(map)))];
  const example = keys[0] === undefined ? 'section: "World"' : `${keys[0]}: ${JSON.stringify(maps.find((map) => Object.hasOwn(map, keys[0]!))![keys[0]!]) ?? '""'}`;
  problems.warn({
    code: 'ARTICLE_BAD_FIELD',
    file: shown,
    line,
    message: `has a YAML merge key ("<<"), which is not read (article files are YAML 1.2, which has none)${keys.length === 0 ? '' : `: the keys it would add (${keys.join(', ')}) are not added`}`,
    hint: `Write each key out in the frontmatter (${example}) and delete the "<<" line.`,
  });
}

/**
 * Names an article file's `date` or `updated` after the build's, typed by hand, as ingest names
 * one in a source: the article is published with the date, and without the update.
 */
function warnAboutFutureDate(value: unknown, date: DateTime, key: 'date' | 'updated', line: number, shown: string, problems: ProblemLog): void {
  const today = DateTime.fromMillis(Date.now(), { zone: date.zone }).toFormat('d MMMM yyyy', { locale: 'en' });
  problems.warn({
    code: 'DATE_IN_FUTURE',
    file: shown,
    line,
    message: `has ${key === 'date' ? 'a' : 'an'} "${key}" (${JSON.stringify(value instanceof Date ? value.toISOString() : value)}) that is read as ${date.toFormat('d MMMM yyyy', { locale: 'en' })}, after this build's date (${today}); the article is published ${key === 'date' ? 'with it' : 'without it'}`,
    hint: `Correct the "${key}" line (a typo, 2042 for 2024?), quoted, e.g. ${key}: "2024-02-29T09:00:00+00:00".`,
  });
}

/** The line of `key` in an article file's frontmatter (never a body line that starts the same way), else line 1. */
function frontmatterLine(text: string, key: string): number {
  const lines = text.split('\n');
  for (let i = 1; i < lines.length && !/^---[ \t]*\r?$/.test(lines[i]!); i++) if (lines[i]!.startsWith(`${key}:`)) return i + 1;
  return 1;
}

/** Checks one article file's data; undefined (and a problem) when it cannot be published. */
export function toArticle(
  file: string,
  shown: string,
  text: string,
  zone: string,
  defaultLanguage: string,
  problems: ProblemLog,
  /** `readArticleFile(text)`, when the caller has it already. */
  parsed?: ParsedArticleFile,
  /** Whether the file is as ingest wrote it (`isUntouched`), when the caller knows. */
  untouched?: boolean,
): Article | undefined {
  let data: Record<string, unknown>;
  let body: string;
  try {
    ({ data, body } = parsed ?? readArticleFile(text));
  } catch (error) {
    if (!(error instanceof FrontmatterError)) throw error;
    problems.error({
      code: 'ARTICLE_BAD_FRONTMATTER',
      file: shown,
      ...(error.line === undefined ? {} : { line: error.line }),
      message: `${error.message}; the article is left out`,
      hint: error.hint,
    });
    return undefined;
  }
  const lineOf = (key: string) => frontmatterLine(text, key);
  const fail = (code: string, key: string, message: string, hint: string) => {
    problems.error({ code, file: shown, line: lineOf(key), message: `${message}; the article is left out`, hint });
    return undefined;
  };
  if (Object.hasOwn(data, MERGE_KEY)) warnAboutMergeKey(data[MERGE_KEY], lineOf(MERGE_KEY), shown, problems);

  const title = typeof data.title === 'string' ? data.title.trim() : typeof data.title === 'number' ? String(data.title) : '';
  if (title === '') {
    const given = data.title === undefined || data.title === null || typeof data.title === 'string' ? undefined : Array.isArray(data.title) ? 'a list' : typeof data.title === 'object' ? 'a set of keys' : String(data.title);
    return fail('ARTICLE_MISSING_TITLE', 'title', given ? `has a "title" that is not text (${given})` : 'has no "title"', given ? 'Write the headline as one quoted line, e.g. title: "The headline"' : 'Add a line like: title: "The headline"');
  }
  const dated = parseArticleDate(data.date, zone);
  if (!dated) {
    const { message, hint } = whyNoArticleDate(data.date, zone);
    return fail('ARTICLE_BAD_DATE', 'date', message, hint);
  }
  const { date, year } = dated;
  const hijri = probableHijriDate(data.date, date);
  if (hijri) return fail('ARTICLE_BAD_DATE', 'date', `has a "date" (${JSON.stringify(data.date)}) that ${hijri.message}`, hijri.hint('date'));
  // The article is filed (URL, search part, shard) under its year in the archive's zone, where the
  // date archive, the search filters and the page show it. A file edited by hand with another
  // offset (31 December 23:00 at -05:00 is 1 January in London) would otherwise be at /2024/ but
  // listed in 2025's archive, and built by the other year's shard.
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return fail(
      'ARTICLE_BAD_DATE',
      'date',
      `has a "date" (${date.toISO() ?? ""}) that is in the year ${year} in the archive's time zone (${zone})`,
      `Write a date between the years ${MIN_YEAR} and ${MAX_YEAR} in ${zone}, quoted, e.g. date: "2024-02-29T09:00:00+00:00".`,
    );
  }
  warnAboutPartialDate(data.date, date, 'date', lineOf('date'), shown, problems);
  // A date after the build typed by hand (`2042` for `2024`) is named, as ingest names one in a
  // source; a date ingest wrote was named at its source.
  if (date.toMillis() > Date.now() + FUTURE_SLACK_MS && !(untouched ?? isUntouched(text))) warnAboutFutureDate(data.date, date, 'date', lineOf('date'), shown, problems);
  const lists: Record<'authors' | 'tags' | 'people' | 'organizations' | 'places', string[]> = {
    authors: [], tags: [], people: [], organizations: [], places: [],
  };
  for (const key of Object.keys(lists) as Array<keyof typeof lists>) {
    const list = stringList(data[key]);
    if (!list) return fail('ARTICLE_BAD_FIELD', key, `"${key}" must be a list of strings`, `Write ${key}: ["First", "Second"]`);
    lists[key] = list;
  }

  let slug = typeof data.slug === 'string' ? data.slug : '';
  if (!SLUG.test(slug) || slug.length > 100) {
    const fallback = slugify(slug || title, path.posix.basename(file, '.md').replace(/[^a-z0-9]/gi, '').slice(0, 8) || 'x');
    problems.warn({
      code: 'ARTICLE_BAD_SLUG',
      file: shown,
      line: lineOf('slug'),
      message: `"slug" ${slug ? `"${slug}" is not lower-case letters, digits and hyphens` : 'is missing'}; "${fallback}" is used`,
      hint: `Set slug: "${fallback}" (or another name of lower-case letters, digits and single hyphens).`,
    });
    slug = fallback;
  }
  const language = typeof data.language === 'string' && isLanguageTag(data.language) ? data.language : defaultLanguage;
  // A hand edit that Broadsheet would pass over in silence: a language that is no tag (the page
  // took the default, read aloud in its voice), or a key it does not read (a typo, `tag:`, or an
  // Eleventy key such as `permalink`, which never reaches Eleventy).
  if (data.language !== undefined && language !== data.language) {
    problems.warn({
      code: 'ARTICLE_BAD_FIELD',
      file: shown,
      line: lineOf('language'),
      message: `has a "language" that is not a language tag (${JSON.stringify(data.language)}); the archive's default, "${defaultLanguage}", is used`,
      hint: 'Write a language tag (BCP 47), quoted, e.g. language: "en", "ar" or "pt-BR".',
    });
  }
  for (const key of Object.keys(data)) {
    // The merge key is named above, with the keys it would add.
    if (KNOWN_KEYS.has(key) || key === MERGE_KEY) continue;
    problems.warn({
      code: 'ARTICLE_UNKNOWN_FIELD',
      file: shown,
      line: lineOf(key),
      message: `has a key Broadsheet does not read, "${key}": it changes nothing on the site`,
      hint: `Correct the name if it is a typo (the keys are ${FRONTMATTER_KEYS.join(', ')}), or move it under "extra:" to keep data of your own.`,
    });
  }
  const source = (data.source && typeof data.source === 'object' ? data.source : {}) as Record<string, unknown>;
  const str = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
  const subtitle = str(data.subtitle);
  const section = str(data.section);
  const dateSource = DATE_SOURCES.has(data.dateSource as string) ? (data.dateSource as DateSource) : 'manual';
  // A bad update date costs the article only that line of its page.
  const readUpdate = data.updated === undefined || data.updated === null ? undefined : parseArticleDate(data.updated, zone)?.date;
  const hijriUpdate = readUpdate && probableHijriDate(data.updated, readUpdate);
  const futureUpdate = readUpdate !== undefined && readUpdate.toMillis() > Date.now() + FUTURE_SLACK_MS;
  const updated = hijriUpdate || futureUpdate ? undefined : readUpdate;
  if (updated) warnAboutPartialDate(data.updated, updated, 'updated', lineOf('updated'), shown, problems);
  if (futureUpdate) {
    warnAboutFutureDate(data.updated, readUpdate, 'updated', lineOf('updated'), shown, problems);
  } else if (hijriUpdate) {
    problems.warn({
      code: 'ARTICLE_BAD_FIELD',
      file: shown,
      line: lineOf('updated'),
      message: `has an "updated" (${JSON.stringify(data.updated)}) that ${hijriUpdate.message}; the article is published without it`,
      hint: hijriUpdate.hint('updated'),
    });
  } else if (data.updated !== undefined && data.updated !== null && !updated) {
    problems.warn({
      code: 'ARTICLE_BAD_FIELD',
      file: shown,
      line: lineOf('updated'),
      message: `has an impossible "updated" (${JSON.stringify(data.updated instanceof Date ? data.updated.toISOString() : data.updated)}); the article is published without it`,
      hint: 'Write a real date, quoted, e.g. updated: "2024-06-03T14:30:00+00:00", or remove the line.',
    });
  }
  const article = repairUnsafeCharacters({
    file,
    title,
    ...(subtitle === undefined ? {} : { subtitle }),
    date,
    dateSource,
    ...(updated === undefined ? {} : { updated }),
    ...(section === undefined ? {} : { section }),
    ...lists,
    summary: str(data.summary) ?? '',
    wordCount: Number.isFinite(data.wordCount) ? (data.wordCount as number) : 0,
    readingMinutes: Number.isFinite(data.readingMinutes) ? (data.readingMinutes as number) : 1,
    language,
    dir: isRightToLeft(language) ? 'rtl' : 'ltr',
    slug,
    url: `/${yearSegment(year)}/${slug}/`,
    source: {
      path: str(source.path) ?? file,
      hash: str(source.hash) ?? '',
      ...(str(source.url) === undefined ? {} : { url: str(source.url)! }),
      ...(str(source.name) === undefined ? {} : { name: str(source.name)! }),
    },
    body,
    bodyHash: '',
  }, text, lineOf, shown, problems);
  // The headline as repaired: a hand-edited one in other letters than the body is judged too.
  const titleLanguage = headlineLanguage(article.title, language, defaultLanguage);
  if (titleLanguage !== undefined) article.titleLanguage = titleLanguage;
  return article;
}

/**
 * An article file edited by hand can hold C1 controls or noncharacters, which HTML does not allow:
 * raw in the body, or as YAML escapes ("\u0093") in the frontmatter; and an untouched file
 * written before ingest repaired them stays published when its source has left the inbox. The
 * text a page shows is repaired as ingest repairs a source (unsafe-characters.ts), with one
 * warning naming the file and the first line. Also sets `bodyHash`, of the repaired body.
 */
function repairUnsafeCharacters(article: Article, text: string, lineOf: (key: string) => number, shown: string, problems: ProblemLog): Article {
  const tally = new UnsafeCharacterTally();
  const repair = (value: string, key: string) => tally.repair(value, () => lineOf(key), `"${key}"`);
  article.title = repair(article.title, 'title');
  if (article.subtitle !== undefined) article.subtitle = repair(article.subtitle, 'subtitle');
  if (article.section !== undefined) article.section = repair(article.section, 'section');
  article.summary = repair(article.summary, 'summary');
  for (const key of ['authors', 'tags', 'people', 'organizations', 'places'] as const) article[key] = article[key].map((item) => repair(item, key));
  const { source } = article;
  source.path = repair(source.path, 'source');
  if (source.url !== undefined) source.url = repair(source.url, 'source');
  if (source.name !== undefined) source.name = repair(source.name, 'source');
  article.body = tally.repair(article.body, bodyLineAt(text, article.body), 'the body');
  article.bodyHash = bodyHash(article.body);
  for (const warning of tally.warnings('article')) problems.warn({ ...warning, file: shown });
  return article;
}

/**
 * The file's line of an index in `body`, which is the end of the file's text once its line ends
 * are LF (readArticleFile): the body's lines are the file's last ones.
 */
function bodyLineAt(text: string, body: string): (index: number) => number {
  return (index) => text.split(/\r\n?|\n/).length - body.split('\n').length + body.slice(0, index).split('\n').length;
}

/**
 * An article from what the article-file cache knows of its file, with its body read only when
 * asked for. A file with anything to report is read and checked as usual, so every problem
 * names its line.
 */
function knownArticle(file: string, shown: string, absolute: string, known: KnownArticleFile, zone: string, defaultLanguage: string, problems: ProblemLog): Article | undefined {
  const quiet = new ProblemLog();
  const article = toArticle(file, shown, '', zone, defaultLanguage, quiet, { data: known.data, body: '' }, known.untouched);
  if (!article || quiet.problems.length > 0) return toArticle(file, shown, readFileSync(absolute, 'utf8'), zone, defaultLanguage, problems);
  const { body: _unread, ...rest } = article;
  return readBodyWhenAsked({ ...rest, bodyHash: known.bodyHash } as Article, absolute);
}

/** Makes `article.body` read from the article file at `absolute` when first asked for. */
function readBodyWhenAsked(article: Article, absolute: string): Article {
  let body: string | undefined;
  return Object.defineProperty(article, 'body', {
    // Repaired as when it was loaded, unreported: it was reported then, or the file was known clean.
    get: () => (body ??= new UnsafeCharacterTally().repair(articleFileBody(readFileSync(absolute, 'utf8')), () => undefined)),
    enumerable: false,
    configurable: true,
  });
}

/**
 * Lets go of every article's body, which is read back from its file (`articlesDir` + `file`)
 * should anything ask for it again. After the render nothing does, and the bodies are most of
 * what the build holds then (each keeps its whole file's text alive, being a slice of it):
 * 83 MB of a 176 MB heap at 10,000 articles, room Pagefind's parts need at 100,000.
 */
export function releaseBodies(articles: readonly Article[], articlesDir: string): void {
  for (const article of articles) readBodyWhenAsked(article, path.join(articlesDir, article.file));
}

/** Every publishable article, newest first (ties broken by URL, so the order is deterministic). */
export async function loadArticles(
  articlesDir: string,
  zone: string,
  defaultLanguage: string,
  problems: ProblemLog,
  /** Article files already read by ingest, or known to it unread, by path relative to `articlesDir`. */
  seen?: ReadonlyMap<string, ArticleFileSeen>,
  /** Records the files ingest wrote in this run once parsed here (the caller saves it). */
  fileCache?: ArticleFileCache,
): Promise<Article[]> {
  let files: string[];
  try {
    files = await listFiles(articlesDir, (name) => name.endsWith('.md'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const articles: Article[] = [];
  const byUrl = new Map<string, Article>();
  const read = async (file: string): Promise<[string, ArticleFileSeen]> => [file, seen?.get(file) ?? { text: await readFile(path.join(articlesDir, file), 'utf8') }];
  for await (const [file, content] of readAhead(files, read)) {
    const shown = displayPath(path.join(articlesDir, file));
    const absolute = path.join(articlesDir, file);
    let article: Article | undefined;
    if ('known' in content) {
      article = knownArticle(file, shown, absolute, content.known, zone, defaultLanguage, problems);
    } else {
      let parsed = content.parsed;
      if (!parsed && content.info && fileCache) {
        try {
          parsed = readArticleFile(content.text);
          fileCache.record(file, content.info, content.text, parsed);
        } catch {
          // Reported by toArticle, which parses it again.
        }
      }
      article = toArticle(file, shown, content.text, zone, defaultLanguage, problems, parsed);
    }
    if (!article) continue;
    const key = article.url.toLowerCase();
    const clash = byUrl.get(key);
    if (clash) {
      // The file named by the URL (`2024/slug.md`, as ingest names it) had it; the other's slug or
      // date was edited to it. Whichever the listing gives first, the edited one is left out.
      const [kept, left] = ownsUrl(clash) || !ownsUrl(article) ? [clash, article] : [article, clash];
      const leftPath = path.join(articlesDir, left.file);
      // Its URL is its year and slug: the line that made it another's is the one not as its file's name.
      const name = path.posix.basename(left.file, '.md');
      const edited = name.toLowerCase() === left.slug.toLowerCase() ? 'date' : 'slug';
      problems.error({
        code: 'ARTICLE_URL_TAKEN',
        file: displayPath(leftPath),
        line: frontmatterLine(readTextIfExists(leftPath) ?? '', edited),
        message: `has the same URL (${left.url}) as ${displayPath(path.join(articlesDir, kept.file))}, which holds it; it is left out`,
        hint: edited === 'slug'
          ? `Give it another "slug" in its frontmatter ("${name}", its file's name, if that was its URL).`
          : 'Give it another "slug" in its frontmatter, or correct its "date" if the year is wrong.',
      });
      byUrl.set(key, kept);
      continue;
    }
    byUrl.set(key, article);
  }
  articles.push(...byUrl.values());
  reportSectionSpellings(unifySectionSpellings(articles), articlesDir, problems);
  return articles.sort((a, b) => b.date.toMillis() - a.date.toMillis() || compareText(a.url, b.url));
}

/** The file is named by the article's URL (`2024/slug.md` for `/2024/slug/`), as ingest names it. */
function ownsUrl(article: Article): boolean {
  return `/${article.file.replace(/\.md$/, '')}/`.toLowerCase() === article.url.toLowerCase();
}

/** Names each file and its "section" line; only these few files are read again for it. */
function reportSectionSpellings(warnings: SectionSpellingWarning[], articlesDir: string, problems: ProblemLog): void {
  for (const { article, ...warning } of warnings) {
    const absolute = path.join(articlesDir, article.file);
    let line: number | undefined;
    try {
      line = frontmatterLine(readFileSync(absolute, 'utf8'), 'section');
    } catch {
      // Gone since it was read: the warning still names the file.
    }
    problems.warn({ ...warning, file: displayPath(absolute), ...(line === undefined ? {} : { line }) });
  }
}
