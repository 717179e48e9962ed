// Building one shard of the archive: `--shard 2015` renders only the pages of the search part
// holding 2015 (its year folders, e.g. /1990/ to /1996/) and indexes only that part; `--shard
// site` renders everything else (home, lists, search page, assets). Deployed into one folder,
// the shards make the whole site, searchable as one.

import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { yearSegment } from '../ingest/slug.ts';
import { yearFolderOf, type SearchPart } from '../search/bundles.ts';
import type { EleventyConfig, JavaScriptTemplate } from './eleventy-types.ts';

export type Shard = { kind: 'year'; year: string } | { kind: 'site' };

export function parseShard(value: string): Shard | undefined {
  if (value === 'site') return { kind: 'site' };
  // `--shard 99` is the year 99, whose folder is /0099/ like every year's (yearSegment).
  return /^\d{1,4}$/.test(value) && Number(value) >= 1 ? { kind: 'year', year: yearSegment(Number(value)) } : undefined;
}

export function shardName(shard: Shard): string {
  return shard.kind === 'site' ? 'site' : shard.year;
}

/** The search part a year shard builds (undefined when no article is from that year). */
export function partOfShard(shard: Shard, parts: SearchPart[]): SearchPart | undefined {
  return shard.kind === 'year' ? parts.find((part) => part.years.includes(shard.year)) : undefined;
}

/** Missing years listed by name up to this many; past it, only counted. */
const MISSING_YEARS_LISTED = 4;

/**
 * The parts' years with articles, for a message: a part is named by its first and last years
 * (`1991-2005`), which need not all have articles, and `--shard 1995` builds nothing when 1995
 * has none. So a part with such gaps says so: `1991-2005 (but not 1995 or 1996)`.
 */
export function describePartYears(parts: SearchPart[]): string {
  const described = parts.map((part) => {
    const [first, last] = [Number(part.years[0]), Number(part.years.at(-1))];
    const held = new Set(part.years);
    const missing: string[] = [];
    for (let year = first; year <= last; year++) if (!held.has(yearSegment(year))) missing.push(yearSegment(year));
    if (missing.length === 0) return part.name;
    if (missing.length > MISSING_YEARS_LISTED) return `${part.name} (but not ${missing.length} of its years)`;
    return `${part.name} (but not ${missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} or ${missing.at(-1)}`})`;
  });
  return described.sort().join(', ');
}

/** Whether the page at a site path (e.g. `/2015/x/index.html`) belongs to the shard. */
export type ShardFilter = (sitePath: string) => boolean;

export function shardFilter(shard: Shard, parts: SearchPart[]): ShardFilter {
  const years = new Set(partOfShard(shard, parts)?.years ?? []);
  return (sitePath) => {
    const year = yearFolderOf(sitePath);
    return shard.kind === 'site' ? year === undefined : year !== undefined && years.has(year);
  };
}

interface Pagination {
  size?: number;
  before?: (items: unknown[], data: unknown) => unknown[];
  [key: string]: unknown;
}

/** The site path of a page a size-1 pagination makes: an article's `url`, a list page's `path`. */
function pagePathOf(item: unknown): string | undefined {
  const page = item as { url?: unknown; path?: unknown } | null;
  if (typeof page?.url === 'string') return page.url;
  return typeof page?.path === 'string' ? page.path : undefined;
}

/**
 * Templates of one page per item (pagination of size 1: article pages over articles, list pages
 * over `{ path }` entries, src/site/pages/list-template.ts) are paginated over the shard's items
 * only, so a shard renders its own pages and no others: a year shard no list page (at 100,000
 * articles, 42,000 of them), the site shard no article page. Other templates render as usual and
 * what falls outside the shard is removed afterwards (pruneOutsideShard): they are a few pages
 * (feeds, the search and about pages), and which of them a shard needs depends on the template.
 */
export function restrictToShard(eleventyConfig: EleventyConfig, inShard: ShardFilter): void {
  const addTemplate = eleventyConfig.addTemplate.bind(eleventyConfig);
  const restrict = (own: Record<string, unknown>): Record<string, unknown> => {
    const pagination = own.pagination as Pagination | undefined;
    if (!pagination || pagination.size !== 1) return own;
    const before = pagination.before;
    return {
      ...own,
      pagination: {
        ...pagination,
        before(items: unknown[], data: unknown) {
          const chosen = before ? before(items, data) : items;
          return chosen.filter((item) => {
            const sitePath = pagePathOf(item);
            return sitePath === undefined || inShard(sitePath);
          });
        },
      },
    };
  };
  eleventyConfig.addTemplate = (virtualPath, content, data) => {
    if (typeof content === 'string') {
      addTemplate(virtualPath, content, data);
      return;
    }
    const own = content.data;
    const restricted: JavaScriptTemplate = {
      ...content,
      data: typeof own === 'function' ? () => restrict(own()) : restrict(own),
      render: content.render,
    };
    addTemplate(virtualPath, restricted, data);
  };
}

/** Removes what a shard does not own from its output. */
export async function pruneOutsideShard(siteDir: string, inShard: ShardFilter): Promise<void> {
  for (const entry of await readdir(siteDir, { withFileTypes: true })) {
    // The search bundles are placed by the index stage, after this.
    if (entry.name === 'pagefind' || inShard(`/${entry.name}${entry.isDirectory() ? '/' : ''}`)) continue;
    await rm(path.join(siteDir, entry.name), { recursive: true, force: true });
  }
}
