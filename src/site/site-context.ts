// What every template gets: the settings, the articles, and helpers for URLs and dates that
// apply the path prefix and the configured zone consistently.

import type { DateTime } from 'luxon';
import type { SiteConfig } from '../config/site-config.ts';
import { DEFAULT_ENTITY_RULES, type EntityRules } from '../ingest/entities/entity-rules.ts';
import { searchParts, type SearchPart } from '../search/bundles.ts';
import { buildArchiveIndex, type ArchiveIndex } from './indexes/archive-index.ts';
import type { Article } from './load-articles.ts';

export interface SiteContext {
  config: SiteConfig;
  /** Newest first. */
  articles: Article[];
  /** The parts of the search index: primary (newest year) first, then older parts newest first. */
  searchParts: SearchPart[];
  /** Taxonomy, related articles, neighbours and coverage, built once per build (src/site/indexes/). */
  index: ArchiveIndex;
  /** The aliases, kinds and block list of `entities.json`, applied to every article's names. */
  entityRules: EntityRules;
  /** A site path (`/2025/x/`) with the path prefix, for links. */
  url(sitePath: string): string;
  /** A site path as an absolute URL, for canonical links, feeds and sitemaps. */
  absoluteUrl(sitePath: string): string;
  /** A date for readers, in the configured zone and the page's language. */
  formatDate(date: DateTime, language: string): string;
  /** The time of day of `date` in the site's zone, with the zone (`2:30 PM UTC`), for a second date on the same day. */
  formatTime(date: DateTime, language: string): string;
  /** Whether two instants fall on the same calendar day in the site's zone. */
  sameDay(a: DateTime, b: DateTime): boolean;
  /**
   * The articles whose pages Eleventy renders: all of them, unless the build keeps pages that
   * would render the same as in the previous site (src/output/writer.ts).
   */
  articlePages: Article[];
  /** Where the build writes files itself (src/cli/build.ts); absent when Eleventy is run on its own. */
  output?: SiteOutput;
}

export interface SiteOutput {
  /**
   * Takes an article's rendered page, which the template then returns to Eleventy empty:
   * Eleventy keeps every page a template returns until the render ends (two bytes a character
   * once a page holds a curly quote), and at 100,000 articles that alone outgrows Node's memory.
   */
  articlePage(article: Article, html: string): Promise<void>;
  /**
   * Takes a rendered list page (home, term or date archive page) by its file path from the site
   * root, for the same reason: at 100,000 articles the 42,000 list pages are 770 MB of HTML.
   */
  listPage(sitePath: string, html: string): Promise<void>;
  /** Writes a file the site makes outside Eleventy's pages (the sitemaps), by its path from the site root. */
  file(sitePath: string, content: string): Promise<void>;
  /**
   * Whether the list page or feed at `sitePath` (a file path from the site root) is kept from the
   * previous site, which made it from data with the fingerprint `input`; then the template
   * leaves it out. Otherwise `input` is recorded with the page when it is written.
   */
  keepPage(sitePath: string, input: string): boolean;
  /** The list pages and feeds kept so far, by file path from the site root (the sitemap lists the pages too). */
  keptPages(): readonly string[];
}

/** `termSlugs`: the slug each term was given by earlier builds (`readTermUrls`), which it keeps. */
export function createSiteContext(config: SiteConfig, articles: Article[], entityRules: EntityRules = DEFAULT_ENTITY_RULES, termSlugs: ReadonlyMap<string, string> = new Map()): SiteContext {
  const prefix = config.pathPrefix.replace(/\/$/, '');
  const url = (sitePath: string) => `${prefix}${sitePath.startsWith('/') ? sitePath : `/${sitePath}`}`;
  const parts = searchParts(articles);
  // The same dates are formatted on many pages (every list an article is in): Luxon's formatting
  // is costly enough to show in a profile, so each date and language is formatted once.
  const formatted = new Map<string, string>();
  const formatDate = (date: DateTime, language: string) => {
    const key = `${date.toMillis()}\0${language}`;
    let text = formatted.get(key);
    if (text === undefined) {
      text = date.setZone(config.timeZone).setLocale(language).toLocaleString({ year: 'numeric', month: 'long', day: 'numeric' });
      formatted.set(key, text);
    }
    return text;
  };
  return {
    config,
    articles,
    articlePages: articles,
    searchParts: parts,
    index: buildArchiveIndex(articles, config, entityRules, termSlugs),
    entityRules,
    url,
    absoluteUrl: (sitePath) => new URL(url(sitePath), config.baseUrl).href,
    formatDate,
    formatTime: (date, language) => date.setZone(config.timeZone).setLocale(language).toLocaleString({ hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }),
    sameDay: (a, b) => a.setZone(config.timeZone).toISODate() === b.setZone(config.timeZone).toISODate(),
  };
}
