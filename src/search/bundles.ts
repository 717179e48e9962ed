// Which Pagefind bundles the search page loads, and when. The index is split into parts of whole
// years: the newest year alone (new articles land there, so a rebuild re-indexes only it), older
// years grouped oldest first into parts of about PART_TARGET_PAGES articles, at most
// PART_MAX_FACTOR times that unless one year is larger (bounded parts keep Pagefind's memory
// bounded). The first bundle is the primary index and carries Pagefind's
// scripts; the others are merged into it at query time (Pagefind's mergeIndex), in waves: the
// newest years first, older ones only when a search needs them (searchWaves).

import type { Article } from '../site/load-articles.ts';

export interface SearchPart {
  /** `2025`, or `1990-1996` for a group of years. */
  name: string;
  /** The year folders whose pages this part indexes. */
  years: string[];
  /**
   * Site path of its bundle (without the path prefix), ending in `/`: `/pagefind/` for the primary,
   * `/pagefind/<first year>/` for an older part. Named by its first year only, a group keeps its
   * folder when a newer year joins it, so the bundle it has stays usable and the joining year is
   * indexed into its delta (delta-parts.ts) instead of the whole group again.
   */
  bundlePath: string;
  primary: boolean;
  /** Articles in the part. */
  articles: number;
  /**
   * Pages of the part's years that its own bundle leaves out (a part with a delta): those added
   * since it was indexed, which its delta bundle indexes. For a delta bundle, the pages it indexes.
   */
  added?: ReadonlySet<string>;
  /** The name of the part whose added pages this bundle indexes, when it is a delta bundle. */
  deltaOf?: string;
}

/** Articles per part of older years: Pagefind needs about 0.3 MB per page while indexing. */
export const PART_TARGET_PAGES = 5000;

/**
 * How far past PART_TARGET_PAGES a group of years may grow (a single year may be larger). Without
 * a bound, a group took years until it reached the target, so one year short of it plus a large
 * year made nearly twice the target: at 100,000 articles, parts of 8,826 and 9,667 pages, which the
 * memory budget let run only alone, each leaving a core idle for half a minute.
 */
export const PART_MAX_FACTOR = 1.3;

/**
 * The most articles the first wave of a search may merge (the newest year always counts, however
 * large). A first search pays about 165 KB whatever it merges (the page, Pagefind's scripts and
 * WebAssembly, the first twenty results), then per merged part its metadata (about 10 bytes per
 * article) and, per language index in it, the index chunk of the query word (25 to 65 KB,
 * whatever the part's size). Two parts with English and Arabic cost about 110 KB of chunks
 * alone, so the first wave must be the newest year by itself once the older parts are full:
 * with 4,000, it is at 10,000, 20,000 and 100,000 synthetic articles (the next part has 4,236,
 * 3,102 and 5,320 articles) all year round, and a first search there stays under 300 KB
 * (about 275 KB at 100,000). An archive whose newest year and next part fit together is
 * searched in one wave, as before.
 */
export const FIRST_WAVE_ARTICLES = 4000;

/**
 * Test and experiment overrides, read when parts are computed: BROADSHEET_SEARCH_PART_PAGES and
 * BROADSHEET_SEARCH_FIRST_WAVE replace PART_TARGET_PAGES and FIRST_WAVE_ARTICLES, so a test can
 * build an archive of many parts and waves from a few hundred articles. Every shard of one deploy
 * must be built with the same values.
 */
function articlesSetting(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`The environment variable ${name}="${raw}" must be a whole number of articles above 0; unset it to use the default (${fallback}).`);
  }
  return value;
}
const YEAR_FOLDER = /^\d{4}$/;

/**
 * Whether a name in the primary bundle's folder is another part's folder (`2015`, `2015-added`;
 * `1990-1996`, as groups of years were named until 7 December 2026, so that a rebuild removes them).
 */
export function isPartFolderName(name: string): boolean {
  return /^\d{4}(-\d{4})?(-added)?$/.test(name);
}

/**
 * Whether the page at `sitePath` (a page of one of the part's years) is indexed by this part's
 * bundle: a delta bundle indexes only its added pages, and its part all the others.
 */
export function partIndexesPage(part: Pick<SearchPart, 'added' | 'deltaOf'>, sitePath: string): boolean {
  if (part.deltaOf !== undefined) return part.added?.has(sitePath) ?? false;
  return !part.added?.has(sitePath);
}

/**
 * The part whose bundle indexes the page at a site path (`2024/x/index.html`), among `parts`;
 * undefined for a page in no part's years. A part and its delta bundle share their years.
 */
export function partIndexing<Part extends Pick<SearchPart, 'years' | 'added' | 'deltaOf'>>(parts: readonly Part[]): (sitePath: string) => Part | undefined {
  const partsOfYear = new Map<string, Part[]>();
  for (const part of parts) for (const year of part.years) partsOfYear.set(year, [...(partsOfYear.get(year) ?? []), part]);
  return (sitePath) => partsOfYear.get(yearFolderOf(sitePath) ?? '')?.find((part) => partIndexesPage(part, sitePath));
}

/**
 * The parts with a delta bundle after each part that has added pages (`added`, by part name):
 * the part's own bundle keeps indexing the pages it was built from, and the delta indexes the
 * new ones, so adding an article to a year re-indexes a few pages instead of the whole part.
 * The search page searches a delta with its part, in the same wave (searchWaves).
 */
export function withDeltaParts(parts: readonly SearchPart[], added: ReadonlyMap<string, ReadonlySet<string>>): SearchPart[] {
  return parts.flatMap((part) => {
    const pages = added.get(part.name);
    if (pages === undefined || pages.size === 0) return [part];
    const { name, bundlePath } = deltaOf(part);
    return [
      { ...part, articles: part.articles - pages.size, added: pages },
      { name, years: part.years, bundlePath, primary: false, articles: pages.size, added: pages, deltaOf: part.name },
    ];
  });
}

/**
 * The name and bundle path of a part's delta bundle (`1990-1996-added`, at `/pagefind/1990-added/`):
 * its folder, like its part's, is named by the part's first year, so it stays where it is when a
 * year joins the part.
 */
export function deltaOf(part: Pick<SearchPart, 'name' | 'years'>): { name: string; bundlePath: string } {
  return { name: `${part.name}-added`, bundlePath: `/pagefind/${part.years[0]}-added/` };
}

const FIRST_SEGMENT = /^\/*([^/]+)/;

/** The year folder a site path belongs to (`/2015/x/` → `2015`), or undefined. */
export function yearFolderOf(sitePath: string): string | undefined {
  const first = FIRST_SEGMENT.exec(sitePath)?.[1];
  return first !== undefined && YEAR_FOLDER.test(first) ? first : undefined;
}

/** The index parts of an archive, primary (newest year, at `/pagefind/`) first, then older parts newest first. */
export function searchParts(articles: readonly Pick<Article, 'url'>[], targetPages = articlesSetting('BROADSHEET_SEARCH_PART_PAGES', PART_TARGET_PAGES)): SearchPart[] {
  const counts = new Map<string, number>();
  for (const article of articles) {
    const year = yearFolderOf(article.url);
    if (year !== undefined) counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  const years = [...counts.keys()].sort();
  const newest = years.pop();
  if (newest === undefined) return [];
  const groups: string[][] = [];
  let group: string[] = [];
  let size = 0;
  // Oldest first, so adding articles moves boundaries only at and after the year that grew.
  for (const year of years) {
    const count = counts.get(year)!;
    if (size > 0 && size + count > targetPages * PART_MAX_FACTOR) {
      groups.push(group);
      group = [];
      size = 0;
    }
    group.push(year);
    size += count;
    if (size >= targetPages) {
      groups.push(group);
      group = [];
      size = 0;
    }
  }
  if (group.length > 0) groups.push(group);
  const part = (years: string[], primary: boolean): SearchPart => {
    const name = years.length === 1 ? years[0]! : `${years[0]}-${years.at(-1)}`;
    const articleCount = years.reduce((sum, year) => sum + counts.get(year)!, 0);
    return { name, years, bundlePath: primary ? '/pagefind/' : `/pagefind/${years[0]}/`, primary, articles: articleCount };
  };
  return [part([newest], true), ...groups.reverse().map((years) => part(years, false))];
}

/**
 * The wave each part is searched in, in the order of `parts` (primary first, then older parts
 * newest first). Wave 0 is what a first search merges: the primary and then older parts while the
 * wave stays within `firstWave` articles. Each later wave may hold twice as many articles as the
 * one before (at least one part), so a word found only in the oldest year is reached in a few
 * steps rather than one part at a time. A small archive is a single wave. A delta bundle
 * (withDeltaParts) is in its part's wave.
 */
export function searchWaves(parts: readonly Pick<SearchPart, 'articles' | 'deltaOf'>[], firstWave = articlesSetting('BROADSHEET_SEARCH_FIRST_WAVE', FIRST_WAVE_ARTICLES)): number[] {
  const waves: number[] = [];
  let wave = 0;
  let budget = firstWave;
  let size = 0;
  for (const [index, part] of parts.entries()) {
    // A delta bundle is searched with its part: the part's newest pages must not wait a wave. And
    // the part is weighed with its delta, as a cold build weighs the year whole: weighed without
    // it, a part that grew past the wave's room still joined the wave after a rebuild.
    let articles = part.articles;
    for (let next = index + 1; parts[next]?.deltaOf !== undefined; next++) articles += parts[next]!.articles;
    if (index > 0 && size > 0 && part.deltaOf === undefined && size + articles > budget) {
      wave++;
      budget *= 2;
      size = 0;
    }
    waves.push(wave);
    size += part.articles;
  }
  return waves;
}
