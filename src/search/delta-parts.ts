// Which index parts of an incremental build get a delta bundle. Pagefind cannot add a page to a
// bundle it wrote: a part holding one new article was indexed again whole, which on the BBC
// inbox (one year, 1,359 articles) was 1.4 s of a 3 s rebuild, and at 100,000 articles about
// 6 s per part touched. A part whose own pages are exactly those it was indexed from keeps its
// bundle, and the pages added since are indexed into a small bundle beside it (`withDeltaParts`),
// which the search page searches with it. Once the added pages outgrow DELTA_SHARE of the part,
// or a page of the part itself changes or goes, the part is indexed again whole, without a delta.

import { deltaOf, withDeltaParts, yearFolderOf, type SearchPart } from './bundles.ts';
import { keyOfPages, previousBundleManifest } from './build-index.ts';

/** The most pages a delta may hold, as a share of its part (at least MIN_DELTA_PAGES). */
export const DELTA_SHARE = 0.05;
/**
 * A delta of this many pages is always allowed: indexing 50 pages takes Pagefind about 0.1 s,
 * against 1.6 s for the 1,359 of the BBC inbox.
 */
export const MIN_DELTA_PAGES = 50;

export function deltaLimit(partPages: number): number {
  return Math.max(MIN_DELTA_PAGES, Math.floor(partPages * DELTA_SHARE));
}

/** A page of the new site in one of a part's years, with what Pagefind will read of it (hashed), computed only if asked. */
export interface CurrentPage {
  sitePath: string;
  indexed(): string;
}

export interface DeltaPlanSources {
  /** The previous output, which the build is committed into. */
  previousSiteDir: string;
  /** The previous site's pages of these years that Pagefind indexed: site path → `indexedContentHash`. */
  previousPages(years: readonly string[]): ReadonlyMap<string, string>;
  /** The new site's article pages of these years. */
  currentPages(years: readonly string[]): Iterable<CurrentPage>;
}

/**
 * The pages of `part` to index into a delta bundle: those added since its bundle in the previous
 * output was made, when every page that bundle indexed is still there unchanged and the added
 * ones are few enough; undefined when the part is to be indexed whole (or reused whole: nothing
 * added). Reads only the previous bundles' manifests; a page's content is hashed only where it
 * was rendered again (`CurrentPage.indexed`).
 */
async function addedPages(part: SearchPart, sources: DeltaPlanSources): Promise<Set<string> | undefined> {
  const base = await previousBundleManifest(sources.previousSiteDir, part.bundlePath);
  if (!base) return undefined;
  // The pages of the previous delta, if the part had one: they are not in the part's own bundle.
  const previousDelta = await previousBundleManifest(sources.previousSiteDir, deltaOf(part).bundlePath);
  const inPreviousDelta = new Set(previousDelta?.pages ?? []);
  // The years the bundle was built from: fewer than the part's when a newer year has joined it.
  const baseYears = new Set(base.years ?? part.years);
  const basePages = new Map([...sources.previousPages([...baseYears])].filter(([sitePath]) => !inPreviousDelta.has(sitePath)));
  // The bundle was made from exactly these pages (a failed or interrupted index leaves another).
  const sorted = [...basePages].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (keyOfPages(part, sorted, base.pagefind) !== base.key) return undefined;
  const limit = deltaLimit(basePages.size);
  const added = new Set<string>();
  // Pages added to the bundle's own years count against the delta's limit. A year that joined
  // the part (the former newest year, at the new year) is indexed into the delta whatever its
  // share, as long as the delta stays smaller than the bundle: that is one year's pages
  // indexed, where the whole group would be indexed again without the delta.
  let addedToBaseYears = 0;
  let kept = 0;
  for (const page of sources.currentPages(part.years)) {
    const before = basePages.get(page.sitePath);
    if (before === undefined) {
      added.add(page.sitePath);
      if (baseYears.has(yearFolderOf(page.sitePath) ?? '')) addedToBaseYears++;
      if (addedToBaseYears > limit || added.size > Math.max(limit, basePages.size)) return undefined;
    } else if (page.indexed() !== before) {
      return undefined;
    } else {
      kept++;
    }
  }
  // A page of the bundle is gone: only indexing the part again takes it out.
  if (kept !== basePages.size || added.size === 0) return undefined;
  return added;
}

/**
 * The index parts of an incremental build: `parts` (searchParts), each followed by its delta
 * bundle where one is enough (module comment). The others are indexed whole when they changed,
 * as without deltas; a delta left from the previous build and no longer listed is removed with
 * the stale bundles.
 */
export async function planDeltaParts(parts: readonly SearchPart[], sources: DeltaPlanSources): Promise<SearchPart[]> {
  const added = new Map<string, Set<string>>();
  for (const part of parts) {
    const pages = await addedPages(part, sources);
    if (pages) added.set(part.name, pages);
  }
  return withDeltaParts(parts, added);
}
