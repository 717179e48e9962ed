// sitemap.xml (an index of several files past 50,000 URLs) listing every page Eleventy wrote that
// is not marked noindex, whoever's plugin made it; and robots.txt pointing at it.

import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SitePlugin } from '../eleventy-types.ts';
import { buildSitemaps, SITEMAP_URL_LIMIT, type SitemapEntry } from '../sitemap.ts';
import { rfc3339 } from '../timestamps.ts';

interface WrittenPage {
  url?: string | false;
  outputPath?: string | false;
  content?: string;
}

const NOINDEX = /<meta name="robots" content="[^"]*noindex/;

export const sitemapPages: SitePlugin = (eleventyConfig, site) => {
  const lastModified = new Map(site.articles.map((article) => [article.url, rfc3339(article.date)]));
  // BROADSHEET_SITEMAP_LIMIT lowers the split threshold so tests can see the index on a small archive.
  const limit = Number(process.env.BROADSHEET_SITEMAP_LIMIT) || SITEMAP_URL_LIMIT;

  eleventyConfig.on('eleventy.after', async (event: { directories: { output: string }; results: WrittenPage[] }) => {
    const entries: SitemapEntry[] = [];
    for (const page of event.results) {
      if (typeof page.url !== 'string' || typeof page.outputPath !== 'string' || !page.outputPath.endsWith('.html')) continue;
      // Only the head is searched: at 100,000 pages, scanning whole bodies would cost seconds.
      if (page.content !== undefined && NOINDEX.test(page.content.slice(0, page.content.indexOf('</head>') + 1 || undefined))) continue;
      const lastmod = lastModified.get(page.url);
      entries.push({ loc: site.absoluteUrl(page.url), ...(lastmod ? { lastmod } : {}) });
    }
    // Pages an incremental build kept from the previous site were not rendered, so Eleventy does
    // not list them (list pages are never noindex). Kept feeds are not pages.
    for (const file of site.output?.keptPages() ?? []) {
      if (file.endsWith('.html')) entries.push({ loc: site.absoluteUrl(`/${file.replace(/index\.html$/, '')}`) });
    }
    // A shard build (--shard) writes only some article pages, but its sitemap lists the whole
    // archive so that shards deployed side by side have one complete sitemap.
    const listed = new Set(entries.map((entry) => entry.loc));
    for (const article of site.articles) {
      const loc = site.absoluteUrl(article.url);
      if (listed.has(loc)) continue;
      listed.add(loc);
      const lastmod = lastModified.get(article.url);
      entries.push({ loc, ...(lastmod ? { lastmod } : {}) });
    }
    // Eleventy finishes pages in any order; the sitemap is sorted so builds are byte-identical.
    entries.sort((a, b) => (a.loc < b.loc ? -1 : a.loc > b.loc ? 1 : 0));
    for (const file of buildSitemaps(entries, (name) => site.absoluteUrl(`/${name}`), limit)) {
      await (site.output ? site.output.file(file.name, file.xml) : writeFile(path.join(event.directories.output, file.name), file.xml));
    }
  });

  eleventyConfig.addTemplate('robots.11ty.js', {
    data: { permalink: '/robots.txt', eleventyExcludeFromCollections: true },
    // Crawlers read robots.txt only at a host's root; under a path prefix, copy these lines there.
    render: () => `User-agent: *\nAllow: /\n\nSitemap: ${site.absoluteUrl('/sitemap.xml')}\n`,
  });
};
