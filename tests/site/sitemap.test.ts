// The sitemap writer on its own: one file up to the limit, an index of parts past it, each file
// valid against the sitemaps.org schemas, and URLs with XML specials escaped.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildSitemaps, SITEMAP_URL_LIMIT } from '../../src/site/sitemap.ts';
import { childElements, parseXml, textOf, xmlSchemaErrors } from '../helpers/validators.ts';

const entries = Array.from({ length: 7 }, (_, index) => ({ loc: `https://example.org/a/${index}/?x=1&y=<${index}>`, lastmod: '2024-03-12T23:30:00Z' }));
const fileUrl = (name: string) => `https://example.org/a/${name}`;

describe('buildSitemaps', () => {
  it('uses the sitemaps.org limit of 50,000 URLs per file by default', () => {
    assert.equal(SITEMAP_URL_LIMIT, 50_000);
  });

  it('writes a single sitemap.xml while the URLs fit in one file', async () => {
    const files = buildSitemaps(entries, fileUrl, 7);
    assert.deepEqual(files.map((file) => file.name), ['sitemap.xml']);
    assert.deepEqual(await xmlSchemaErrors(files[0]!.xml, 'sitemap.xsd'), []);
    const locs = childElements(childElements(parseXml(files[0]!.xml), 'urlset')[0]!, 'url').map((url) => textOf(childElements(url, 'loc')[0]));
    assert.deepEqual(locs, entries.map((entry) => entry.loc));
  });

  it('splits into an index and parts of at most the limit, each valid against its schema', async () => {
    const files = buildSitemaps(entries, fileUrl, 3);
    assert.deepEqual(files.map((file) => file.name), ['sitemap.xml', 'sitemap-1.xml', 'sitemap-2.xml', 'sitemap-3.xml']);
    assert.deepEqual(await xmlSchemaErrors(files[0]!.xml, 'siteindex.xsd'), []);
    const listed = childElements(childElements(parseXml(files[0]!.xml), 'sitemapindex')[0]!, 'sitemap').map((entry) => textOf(childElements(entry, 'loc')[0]));
    assert.deepEqual(listed, ['sitemap-1.xml', 'sitemap-2.xml', 'sitemap-3.xml'].map(fileUrl));
    const locs: string[] = [];
    for (const part of files.slice(1)) {
      assert.deepEqual(await xmlSchemaErrors(part.xml, 'sitemap.xsd'), []);
      const urls = childElements(childElements(parseXml(part.xml), 'urlset')[0]!, 'url');
      assert.ok(urls.length <= 3, `${part.name} has ${urls.length} URLs`);
      locs.push(...urls.map((url) => textOf(childElements(url, 'loc')[0])));
    }
    assert.deepEqual(locs, entries.map((entry) => entry.loc));
  });

  it('fails the schema check when a lastmod is not a W3C date, so the validation can fail', async () => {
    const [file] = buildSitemaps([{ loc: 'https://example.org/x/', lastmod: 'yesterday' }], fileUrl);
    assert.notDeepEqual(await xmlSchemaErrors(file!.xml, 'sitemap.xsd'), []);
  });
});
