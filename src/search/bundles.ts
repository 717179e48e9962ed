// Which Pagefind bundles the search page loads. The index is split into parts of whole years:
// the newest year alone (new articles land there, so a rebuild re-indexes only it), older years
// grouped oldest first into parts of about PART_TARGET_PAGES articles (few parts keep a first
// search small; bounded parts keep Pagefind's memory bounded). The first bundle is the primary
// index and carries Pagefind's scripts; the others are merged into it at query time (Pagefind's
// mergeIndex), so the page searches every year as one index.

import type { Article } from '../site/load-articles.ts';

export interface SearchPart {
  /** `2025`, or `1990-1996` for a group of years. */
  name: string;
  /** The year folders whose pages this part indexes. */
  years: string[];
  /** Site path of its bundle (without the path prefix), ending in `/`. */
  bundlePath: string;
  primary: boolean;
  /** Articles in the part. */
  articles: number;
}

/** Articles per part of older years: Pagefind needs about 0.3 MB per page while indexing. */
export const PART_TARGET_PAGES = 5000;
const YEAR_FOLDER = /^\d{4}$/;

/** The year folder a site path belongs to (`/2015/x/` → `2015`), or undefined. */
export function yearFolderOf(sitePath: string): string | undefined {
  const first = sitePath.split('/').find((segment) => segment !== '');
  return first !== undefined && YEAR_FOLDER.test(first) ? first : undefined;
}

/** The index parts of an archive, primary (newest year, at `/pagefind/`) first, then older parts newest first. */
export function searchParts(articles: readonly Pick<Article, 'url'>[], targetPages = PART_TARGET_PAGES): SearchPart[] {
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
    group.push(year);
    size += counts.get(year)!;
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
    return { name, years, bundlePath: primary ? '/pagefind/' : `/pagefind/${name}/`, primary, articles: articleCount };
  };
  return [part([newest], true), ...groups.reverse().map((years) => part(years, false))];
}

/** Site paths (without the path prefix) of the search bundles, each ending in `/`. */
export function searchBundlePaths(articles: readonly Pick<Article, 'url'>[]): string[] {
  const parts = searchParts(articles);
  return parts.length === 0 ? ['/pagefind/'] : parts.map((part) => part.bundlePath);
}
