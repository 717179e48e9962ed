// What every template gets: the settings, the articles, and helpers for URLs and dates that
// apply the path prefix and the configured zone consistently.

import type { DateTime } from 'luxon';
import type { SiteConfig } from '../config/site-config.ts';
import type { EntityRules } from '../ingest/entities/entity-rules.ts';
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
  /** A site path (`/2025/x/`) with the path prefix, for links. */
  url(sitePath: string): string;
  /** A site path as an absolute URL, for canonical links, feeds and sitemaps. */
  absoluteUrl(sitePath: string): string;
  /** A date for readers, in the configured zone and the page's language. */
  formatDate(date: DateTime, language: string): string;
  /**
   * Where the build writes article pages itself (src/cli/build.ts), given the page's path from
   * the site root; resolves to true when it took the page. Eleventy keeps every page a template
   * returns until the render ends (two bytes a character once a page holds a curly quote): at
   * 100,000 articles that alone outgrows Node's memory, so a taken page is returned to Eleventy
   * empty. Absent when Eleventy is run on its own.
   */
  pageSink?: (sitePath: string, html: string) => Promise<boolean>;
}

export function createSiteContext(config: SiteConfig, articles: Article[], entityRules?: EntityRules): SiteContext {
  const prefix = config.pathPrefix.replace(/\/$/, '');
  const url = (sitePath: string) => `${prefix}${sitePath.startsWith('/') ? sitePath : `/${sitePath}`}`;
  const parts = searchParts(articles);
  return {
    config,
    articles,
    searchParts: parts,
    index: buildArchiveIndex(articles, config, entityRules),
    url,
    absoluteUrl: (sitePath) => new URL(url(sitePath), config.baseUrl).href,
    formatDate: (date, language) =>
      date.setZone(config.timeZone).setLocale(language).toLocaleString({ year: 'numeric', month: 'long', day: 'numeric' }),
  };
}
