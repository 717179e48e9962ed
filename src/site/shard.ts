// Building one shard of the archive: `--shard 2015` renders only the pages of the search part
// holding 2015 (its year folders, e.g. /1990/ to /1996/) and indexes only that part; `--shard
// site` renders everything else (home, lists, search page, assets). Deployed into one folder,
// the shards make the whole site, searchable as one.

import { yearFolderOf, type SearchPart } from '../search/bundles.ts';
import type { EleventyConfig, EleventyPageData, JavaScriptTemplate } from './eleventy-types.ts';

export type Shard = { kind: 'year'; year: string } | { kind: 'site' };

export function parseShard(value: string): Shard | undefined {
  if (value === 'site') return { kind: 'site' };
  return /^\d{4}$/.test(value) ? { kind: 'year', year: value } : undefined;
}

export function shardName(shard: Shard): string {
  return shard.kind === 'site' ? 'site' : shard.year;
}

/** The search part a year shard builds (undefined when no article is from that year). */
export function partOfShard(shard: Shard, parts: SearchPart[]): SearchPart | undefined {
  return shard.kind === 'year' ? parts.find((part) => part.years.includes(shard.year)) : undefined;
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

type Permalink = string | false | ((this: unknown, data: EleventyPageData) => string | false);

function restrictPermalink(permalink: Permalink | undefined, inShard: ShardFilter): Permalink | undefined {
  if (permalink === undefined || permalink === false) return permalink;
  return function (this: unknown, data: EleventyPageData) {
    const resolved = typeof permalink === 'function' ? permalink.call(this, data) : permalink;
    return resolved !== false && inShard(resolved.startsWith('/') ? resolved : `/${resolved}`) ? resolved : false;
  };
}

/**
 * Makes every page template registered after this call write only the shard's pages (the others
 * get `permalink: false`, which Eleventy neither renders nor writes). Registered through the
 * Eleventy constructor's `config` callback, which runs before `.eleventy.ts`.
 */
export function restrictToShard(eleventyConfig: EleventyConfig, shard: Shard, inShard: ShardFilter): void {
  const addTemplate = eleventyConfig.addTemplate.bind(eleventyConfig);
  eleventyConfig.addTemplate = (virtualPath, content, data) => {
    if (typeof content === 'string') {
      addTemplate(virtualPath, content, data);
      return;
    }
    const restricted: JavaScriptTemplate = {
      ...content,
      data: () => {
        const own = typeof content.data === 'function' ? content.data() : content.data;
        return { ...own, permalink: restrictPermalink(own.permalink as Permalink | undefined, inShard) };
      },
      render: content.render,
    };
    addTemplate(virtualPath, restricted, data);
  };
  if (shard.kind === 'year') {
    // Assets are the site shard's.
    eleventyConfig.addPassthroughCopy = () => undefined;
  }
}
