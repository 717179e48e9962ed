// sitemap.xml for every indexable page, split into files of at most 50,000 URLs under a sitemap
// index when the archive is larger (the sitemaps.org limit). Serialised with xml-js.

import convert from 'xml-js';

export const SITEMAP_URL_LIMIT = 50_000;
const NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9';

export interface SitemapEntry {
  /** Absolute URL. */
  loc: string;
  /** W3C datetime, e.g. 2025-11-05T09:30:00+00:00. */
  lastmod?: string;
}

export interface SitemapFile {
  /** File name in the site's root folder. */
  name: string;
  xml: string;
}

function toXml(root: string, children: Record<string, unknown>): string {
  return convert.js2xml(
    { _declaration: { _attributes: { version: '1.0', encoding: 'UTF-8' } }, [root]: { _attributes: { xmlns: NAMESPACE }, ...children } },
    { compact: true, spaces: 1 },
  ) + '\n';
}

const urlElement = (entry: SitemapEntry) => ({ loc: { _text: entry.loc }, ...(entry.lastmod ? { lastmod: { _text: entry.lastmod } } : {}) });

/**
 * `sitemap.xml` alone when the entries fit in one file; otherwise `sitemap.xml` is an index of
 * `sitemap-1.xml`, `sitemap-2.xml`, … `absoluteUrl` turns a file name into the URL the index lists.
 */
export function buildSitemaps(entries: SitemapEntry[], absoluteUrl: (fileName: string) => string, limit = SITEMAP_URL_LIMIT): SitemapFile[] {
  if (entries.length <= limit) return [{ name: 'sitemap.xml', xml: toXml('urlset', { url: entries.map(urlElement) }) }];
  const files: SitemapFile[] = [];
  for (let start = 0; start < entries.length; start += limit) {
    const name = `sitemap-${files.length + 1}.xml`;
    files.push({ name, xml: toXml('urlset', { url: entries.slice(start, start + limit).map(urlElement) }) });
  }
  const index = toXml('sitemapindex', { sitemap: files.map((file) => ({ loc: { _text: absoluteUrl(file.name) } })) });
  return [{ name: 'sitemap.xml', xml: index }, ...files];
}
