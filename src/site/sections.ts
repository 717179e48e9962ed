// The archive's sections, counted once per build, and the feeds of each, which take the slug of
// its page (`/sections/<slug>/`, `/feeds/<slug>.xml`).

import { foldName } from '../ingest/entities/entity-rules.ts';
import { compareText, type ProblemInput } from '../problems.ts';
import type { Term } from './indexes/terms.ts';
import { INTERFACE_LANGUAGE } from './interface-language.ts';
import type { Article } from './load-articles.ts';
import type { SiteContext } from './site-context.ts';

export interface SectionSummary {
  name: string;
  /** Newest first. */
  articles: Article[];
}

/**
 * How many sections the home and about pages list, the busiest: an archive imported from a folder
 * tree can have hundreds, which would bury the latest articles; `/sections/` lists them all.
 */
export const SECTIONS_LISTED = 12;

/** Sections with their articles, largest first (ties by name). */
export function summariseSections(articles: Article[]): SectionSummary[] {
  const byName = new Map<string, Article[]>();
  for (const article of articles) {
    if (article.section === undefined) continue;
    const list = byName.get(article.section);
    if (list) list.push(article);
    else byName.set(article.section, [article]);
  }
  return [...byName.entries()]
    .map(([name, articles]) => ({ name, articles }))
    .sort((a, b) => b.articles.length - a.articles.length || compareText(a.name, b.name));
}

const sectionsBySite = new WeakMap<SiteContext, Map<string, Term>>();

/** A section's term in the linking index (its page's URL and slug), by any spelling of its name. */
export function sectionTermOf(site: SiteContext, name: string): Term | undefined {
  let sections = sectionsBySite.get(site);
  if (!sections) {
    sections = new Map(site.index.pagesOfKind('section').map((term) => [foldName(term.name), term]));
    sectionsBySite.set(site, sections);
  }
  return sections.get(foldName(name));
}

const languagesBySite = new WeakMap<SiteContext, Array<[string, string | null]>>();
const markedBySite = new WeakMap<SiteContext, Array<[string, string]>>();

/**
 * The sections whose names article lists mark in a language (`termLang`: a language other than
 * the interface's), with that language: all that list pages read of the sections beyond their own
 * data, so part of every list page's fingerprint (list-template.ts). A section in the interface's
 * language, or in none, marks nothing: one more such section (an article in a new section) must
 * not make every list page render again, as the whole list did (1,516 pages of a BBC rebuild
 * that added one article). One array per build, so the fingerprint hashes it once.
 */
export function markedSectionLanguages(site: SiteContext): Array<[string, string]> {
  let marked = markedBySite.get(site);
  if (!marked) {
    marked = site.index
      .pagesOfKind('section')
      .flatMap((term): Array<[string, string]> => (term.language === undefined || term.language === INTERFACE_LANGUAGE ? [] : [[term.name, term.language]]));
    markedBySite.set(site, marked);
  }
  return marked;
}

/** Every section's name with the language it is marked in (`Term.language`), for the search page. */
export function sectionLanguages(site: SiteContext): Array<[string, string | null]> {
  let languages = languagesBySite.get(site);
  if (!languages) {
    languages = site.index.pagesOfKind('section').map((term) => [term.name, term.language ?? null]);
    languagesBySite.set(site, languages);
  }
  return languages;
}

/**
 * A section's feeds, named by the slug of its page, so the two never disagree and a feed keeps
 * its URL as long as the page does (the linking index keeps a slug for the section that had it).
 */
export function sectionFeedPaths(section: Pick<Term, 'slug'>): { atom: string; json: string } {
  return { atom: `/feeds/${section.slug}.xml`, json: `/feeds/${section.slug}.json` };
}

/** What `unifySectionSpellings` reports about one article that spelled its section differently. */
export type SectionSpellingWarning = Omit<ProblemInput, 'file' | 'line'> & { article: Article };

/**
 * Makes every article of a section spell it one way. Sections whose names fold equal (case,
 * spacing, dots: `Search`, `search`, `SEARCH`; the rule section pages use, `foldName`) are one
 * section, else folder names and sidecars of one desk would split it into two feeds and two
 * entries on the home page under one page. Its name is the spelling most articles use, ties
 * going to the first article file in path order. Returns a warning for each article that spelled
 * it otherwise; the caller names the file and line.
 */
export function unifySectionSpellings(articles: readonly Article[]): SectionSpellingWarning[] {
  const bySection = new Map<string, Article[]>();
  for (const article of articles) {
    if (article.section === undefined) continue;
    const key = foldName(article.section);
    const list = bySection.get(key);
    if (list) list.push(article);
    else bySection.set(key, [article]);
  }
  const warnings: SectionSpellingWarning[] = [];
  for (const members of bySection.values()) {
    const inPathOrder = [...members].sort((a, b) => compareText(a.file, b.file));
    const name = chooseSpelling(inPathOrder.map((article) => article.section!));
    const users = inPathOrder.filter((article) => article.section === name);
    for (const article of inPathOrder) {
      if (article.section === name) continue;
      warnings.push(spellingWarning(article, name, users));
      article.section = name;
    }
  }
  return warnings;
}

/** The most common of `spellings` (given in path order), the first of them on a tie. */
function chooseSpelling(spellings: string[]): string {
  const counts = new Map<string, number>();
  for (const spelling of spellings) counts.set(spelling, (counts.get(spelling) ?? 0) + 1);
  let best = spellings[0]!;
  for (const [spelling, count] of counts) if (count > counts.get(best)!) best = spelling;
  return best;
}

function spellingWarning(article: Article, name: string, users: Article[]): SectionSpellingWarning {
  const others = users.length === 1 ? `${users[0]!.file} spells it` : `${users.length} articles spell it (${users[0]!.file} first)`;
  return {
    article,
    code: 'SECTION_SPELLING',
    message: `has the section "${article.section!}", which is the section "${name}" spelled otherwise (${others} "${name}"); it is listed as "${name}"`,
    hint: `Write section: "${name}" in this file, or spell it "${name}" in the sidecar or inbox folder of its source (${article.source.path}), so that every article names the section alike.`,
  };
}
