// A real build under a path prefix and a base URL, with a configuration that shows dates in
// Tokyo, lists two articles per page and (through BROADSHEET_SITEMAP_LIMIT) splits the sitemap:
// every link, asset, feed entry and sitemap entry carries the prefix, pagination is real links
// with rel=prev/next, and the sitemap index and its parts validate against their schemas.

import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { DateTime } from 'luxon';
import { attribute, linksIn, parseHtml, walk } from '../helpers/html-text.ts';
import { PROJECT_ROOT, SAMPLE_INBOX, temporaryDir } from '../helpers/paths.ts';
import { runCli } from '../helpers/run-build.ts';
import { composeInbox, crawlSite, filesIn, headOf, readSiteFile, urlPathOf } from '../helpers/site-files.ts';
import { childElements, htmlValidationErrors, parseXml, textOf, xmlSchemaErrors } from '../helpers/validators.ts';

const FIXTURES = path.join(PROJECT_ROOT, 'tests/fixtures/site/inbox');
const PREFIX = '/archive/';
const ORIGIN = 'https://news.example.org';
const SITEMAP_LIMIT = 5;

describe('the website built under --path-prefix /archive/ with a base URL', () => {
  let outDir: string;
  let exitCode: number;
  let stderr: string;
  let htmlFiles: string[];

  before(async () => {
    const work = await temporaryDir('prefix');
    outDir = path.join(work, 'site');
    const config = path.join(work, 'broadsheet.config.json');
    await writeFile(config, JSON.stringify({ title: 'Prefix Test Archive', timeZone: 'Asia/Tokyo', pageSize: 2 }));
    const inbox = await composeInbox(SAMPLE_INBOX, FIXTURES);
    const previous = process.env.BROADSHEET_SITEMAP_LIMIT;
    process.env.BROADSHEET_SITEMAP_LIMIT = String(SITEMAP_LIMIT);
    try {
      ({ exitCode, stderr } = await runCli([
        'build', '--inbox', inbox, '--articles', path.join(work, 'articles'), '--out', outDir, '--config', config,
        '--path-prefix', PREFIX, '--base-url', ORIGIN, '--quiet',
      ]));
    } finally {
      if (previous === undefined) delete process.env.BROADSHEET_SITEMAP_LIMIT;
      else process.env.BROADSHEET_SITEMAP_LIMIT = previous;
    }
    htmlFiles = await filesIn(outDir, '.html');
  });

  it('builds', () => {
    assert.equal(exitCode, 0, stderr);
  });

  it('passes html-validate on every page, paginated listings included', async () => {
    assert.ok(htmlFiles.includes(path.join('page', '1', 'index.html')) && htmlFiles.includes(path.join('page', '2', 'index.html')), 'the home page has two numbered pages');
    const failures: string[] = [];
    for (const file of htmlFiles) {
      for (const error of await htmlValidationErrors(await readSiteFile(outDir, file), file)) failures.push(`${file}:${error}`);
    }
    assert.deepEqual(failures, []);
  });

  it('puts the prefix on every link and asset, and every one resolves', async () => {
    for (const file of htmlFiles) {
      for (const link of linksIn(await readSiteFile(outDir, file))) {
        if (link.startsWith('#') || link.startsWith('https://example.com/')) continue;
        const ok = link.startsWith(PREFIX) || link.startsWith(`${ORIGIN}${PREFIX}`);
        assert.ok(ok, `${file}: ${link} lacks the prefix`);
      }
    }
    const crawl = await crawlSite(outDir, PREFIX, ORIGIN);
    assert.deepEqual(crawl.broken, []);
    const unreachable = htmlFiles.map((file) => urlPathOf(file, PREFIX)).filter((url) => !crawl.pages.has(url) && !url.endsWith('404.html'));
    assert.deepEqual(unreachable, []);
  });

  it('paginates the home page with real links and rel=prev/next in the page and the head', async () => {
    // Six articles, two per page: /, then /page/2/ and /page/1/ (numbered from the oldest).
    const first = await readSiteFile(outDir, 'index.html');
    const second = await readSiteFile(outDir, 'page/2/index.html');
    const third = await readSiteFile(outDir, 'page/1/index.html');
    const relLinks = (html: string, rel: string) =>
      [...walk(parseHtml(html))].filter((node) => (node.nodeName === 'a' || node.nodeName === 'link') && attribute(node, 'rel') === rel).map((node) => `${node.nodeName} ${attribute(node, 'href')}`);
    assert.deepEqual(relLinks(first, 'next'), [`link ${PREFIX}page/2/`, `a ${PREFIX}page/2/`]);
    assert.deepEqual(relLinks(first, 'prev'), []);
    assert.deepEqual(relLinks(second, 'prev'), [`link ${PREFIX}`, `a ${PREFIX}`]);
    assert.deepEqual(relLinks(second, 'next'), [`link ${PREFIX}page/1/`, `a ${PREFIX}page/1/`]);
    assert.deepEqual(relLinks(third, 'prev'), [`link ${PREFIX}page/2/`, `a ${PREFIX}page/2/`]);
    assert.deepEqual(relLinks(third, 'next'), []);
  });

  it('paginates a month with more articles than a page holds, keeping calendar links to the right page', async () => {
    // March 2024 has three fixture articles: two on page 1, one on page 2.
    const page1 = await readSiteFile(outDir, 'archive/2024/03/index.html');
    const page2 = await readSiteFile(outDir, 'archive/2024/03/page/2/index.html');
    assert.ok(linksIn(page1).includes(`${PREFIX}archive/2024/03/page/2/`), 'page 1 links to page 2');
    assert.ok(linksIn(page2).includes(`${PREFIX}archive/2024/03/`), 'page 2 links to page 1');
    const calendarDays = linksIn(page1).filter((link) => link.includes('#day-')).sort();
    // In Tokyo the hostile article (23:30 UTC on the 12th) is on the 13th; Arabic is on the 10th (09:00 +03:00).
    assert.deepEqual(calendarDays, [`${PREFIX}archive/2024/03/#day-12`, `${PREFIX}archive/2024/03/#day-13`, `${PREFIX}archive/2024/03/page/2/#day-10`].sort());
  });

  it('formats article dates in the configured zone', async () => {
    const hostile = htmlFiles.find((file) => file.includes('script-alert'))!;
    const time = /<time datetime="([^"]+)">March 13, 2024<\/time>/.exec(await readSiteFile(outDir, hostile));
    assert.ok(time, 'shown as 13 March in Tokyo');
    assert.equal(Date.parse(time[1]!), Date.parse('2024-03-12T23:30:00Z'), 'the machine-readable date is the same instant');
  });

  it('uses absolute URLs under the prefix for canonical links, feed entries and sitemap entries', async () => {
    for (const file of htmlFiles) {
      const canonical = headOf(await readSiteFile(outDir, file)).links.get('canonical')?.[0];
      assert.equal(canonical, `${ORIGIN}${urlPathOf(file, PREFIX)}`);
    }
    const atom = parseXml(await readSiteFile(outDir, 'feed.xml'));
    const feed = childElements(atom, 'feed')[0]!;
    assert.equal(textOf(childElements(feed, 'id')[0]), `${ORIGIN}${PREFIX}`);
    assert.ok(childElements(feed, 'link').some((link) => link.attributes?.rel === 'self' && link.attributes.href === `${ORIGIN}${PREFIX}feed.xml`), 'self link has the prefix');
    const entryLinks = childElements(feed, 'entry').map((entry) => String(childElements(entry, 'link')[0]!.attributes?.href));
    assert.equal(entryLinks.length, 6);
    for (const link of entryLinks) assert.ok(link.startsWith(`${ORIGIN}${PREFIX}`) && htmlFiles.includes(path.join(link.slice(`${ORIGIN}${PREFIX}`.length), 'index.html')), link);
    const json = JSON.parse(await readSiteFile(outDir, 'feed.json')) as { feed_url: string; items: Array<{ url: string }> };
    assert.equal(json.feed_url, `${ORIGIN}${PREFIX}feed.json`);
    assert.deepEqual(json.items.map((item) => item.url).sort(), entryLinks.sort());
    assert.equal(await readSiteFile(outDir, 'robots.txt'), `User-agent: *\nAllow: /\n\nSitemap: ${ORIGIN}${PREFIX}sitemap.xml\n`);
  });

  it('splits the sitemap past its limit into an index and parts that validate against their schemas', async () => {
    const index = await readSiteFile(outDir, 'sitemap.xml');
    assert.deepEqual(await xmlSchemaErrors(index, 'siteindex.xsd'), []);
    const partUrls = childElements(childElements(parseXml(index), 'sitemapindex')[0]!, 'sitemap').map((entry) => textOf(childElements(entry, 'loc')[0]));
    const pageCount = htmlFiles.length - 1; // all but the 404 page
    assert.equal(partUrls.length, Math.ceil(pageCount / SITEMAP_LIMIT));
    const locs: string[] = [];
    for (const [index, url] of partUrls.entries()) {
      assert.equal(url, `${ORIGIN}${PREFIX}sitemap-${index + 1}.xml`);
      const part = await readSiteFile(outDir, `sitemap-${index + 1}.xml`);
      assert.deepEqual(await xmlSchemaErrors(part, 'sitemap.xsd'), []);
      const urls = childElements(childElements(parseXml(part), 'urlset')[0]!, 'url');
      assert.ok(urls.length <= SITEMAP_LIMIT, `part ${index + 1} has ${urls.length} URLs`);
      for (const url of urls) {
        locs.push(textOf(childElements(url, 'loc')[0]));
        const lastmod = childElements(url, 'lastmod')[0];
        if (lastmod) assert.ok(DateTime.fromISO(textOf(lastmod)).isValid, 'lastmod is a date');
      }
    }
    assert.deepEqual(locs.sort(), htmlFiles.filter((file) => !file.endsWith('404.html')).map((file) => `${ORIGIN}${urlPathOf(file, PREFIX)}`).sort());
  });
});
