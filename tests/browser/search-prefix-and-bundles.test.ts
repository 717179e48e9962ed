// The search page in Chromium where the site is not at the root of its host (--path-prefix), and
// where the index comes in more than one Pagefind bundle: the page reads the parts from
// data-search-parts (primary first) and searches them as one, in any order.

import assert from 'node:assert/strict';
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { FIRST_PAGE_RESULTS } from '../../src/bench/search-transfer.ts';
import { escapeHtml } from '../../src/site/html.ts';
import { browserSkipReason, launchBrowser, openWatchedPage } from '../helpers/browser.ts';
import { SAMPLE_INBOX } from '../helpers/paths.ts';
import { buildArchive, type BuildRun } from '../helpers/run-build.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';
import { buildFixtureArchive, readFixtureArticles, type FixtureArticle } from '../search/fixture-archive.ts';
import { searchSettled } from '../search/search-in-page.ts';

const skip = browserSkipReason();

describe('the search page under a path prefix and over several bundles', { skip }, () => {
  let articles: FixtureArticle[];
  let browser: Browser;
  const servers: StaticServer[] = [];

  before(async () => {
    articles = await readFixtureArticles();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    for (const server of servers) await server.close();
  });

  describe('built with --path-prefix /archive/', () => {
    let server: StaticServer;

    before(async () => {
      const build = await buildFixtureArchive(['--path-prefix', '/archive/']);
      assert.equal(build.exitCode, 0, build.stderr);
      server = await serveStatic(build.outDir, '/archive/');
      servers.push(server);
    });

    it('finds articles, links them under the prefix and highlights them there', async () => {
      const bakery = articles.find((article) => article.slug === 'bakery-chain-expands-to-forty-stores')!;
      const watched = await openWatchedPage(browser, server.origin);
      await watched.page.goto(`${server.origin}/archive/search/?q=cardamom`);
      assert.match(await searchSettled(watched.page), /^1 result for “cardamom”/);
      const link = watched.page.locator('.search-result-title a').first();
      assert.equal(await link.getAttribute('href'), `/archive${bakery.url}?highlight=cardamom`);
      await link.click();
      await watched.page.waitForURL(new RegExp(`/archive${bakery.url}\\?highlight=cardamom$`));
      await watched.page.locator('article mark.pagefind-highlight').first().waitFor();
      assert.ok(server.requests.every((request) => request.startsWith('/archive/')), server.requests.filter((r) => !r.startsWith('/archive/')).join(', '));
      assert.deepEqual(watched.consoleMessages, []);
      assert.deepEqual(watched.dialogs, []);
    });
  });

  describe('with a second bundle merged in', () => {
    let server: StaticServer;
    let main: BuildRun;
    let second: BuildRun;

    before(async () => {
      main = await buildFixtureArchive();
      second = await buildArchive(SAMPLE_INBOX);
      assert.equal(main.exitCode, 0, main.stderr);
      assert.equal(second.exitCode, 0, second.stderr);
      // What a split index looks like to the page: another bundle folder beside /pagefind/, its
      // pages in the same site, and both parts in data-search-parts, in the same wave (as a small
      // archive's parts are). The second archive's bundle and pages are copied in to stand for it.
      await cp(path.join(second.outDir, 'pagefind'), path.join(main.outDir, 'pagefind-seeds'), { recursive: true });
      for (const article of second.report.articles) {
        await cp(path.join(second.outDir, article.url), path.join(main.outDir, article.url), { recursive: true });
      }
      const searchPage = path.join(main.outDir, 'search/index.html');
      const html = await readFile(searchPage, 'utf8');
      const listed = /data-search-parts="([^"]*)"/.exec(html)?.[1] ?? '';
      const parts = JSON.parse(listed.replace(/&quot;|&#34;/g, '"')) as Array<{ bundle: string; wave: number }>;
      const bundles = (main.report as unknown as { searchParts: Array<{ bundlePath: string }> }).searchParts.map((part) => part.bundlePath);
      assert.deepEqual(parts.map((part) => part.bundle), bundles, 'the built page lists the bundles of its own index parts');
      const withSeeds = [...parts, { bundle: '/pagefind-seeds/', articles: second.report.articles.length, wave: 0 }];
      await writeFile(searchPage, html.replace(`data-search-parts="${listed}"`, `data-search-parts="${escapeHtml(JSON.stringify(withSeeds))}"`));
      server = await serveStatic(main.outDir);
      servers.push(server);
    });

    it('finds articles from both bundles', async () => {
      const watched = await openWatchedPage(browser, server.origin);
      await watched.page.goto(`${server.origin}/search/?q=Witkoff`);
      await searchSettled(watched.page);
      assert.deepEqual((await watched.page.locator('.search-result-title').allTextContents()).sort(), second.report.articles.map((article) => article.title).sort());
      await watched.page.goto(`${server.origin}/search/?q=night+crossings`);
      await searchSettled(watched.page);
      assert.equal(await watched.page.locator('.search-result-title').first().textContent(), articles.find((a) => a.slug === 'ferry-service-adds-night-crossings')!.title);
      assert.ok(server.requests.some((request) => request.startsWith('/pagefind-seeds/')));
      assert.deepEqual(watched.consoleMessages, []);
    });

    it('counts and orders newest first across the bundles as one archive', async () => {
      const english = [...main.report.articles.filter((article) => articles.find((a) => a.url === article.url)?.language === 'en'), ...second.report.articles];
      const watched = await openWatchedPage(browser, server.origin);
      await watched.page.goto(`${server.origin}/search/?language=English&order=newest`);
      assert.match(await searchSettled(watched.page), new RegExp(`^${english.length} results in English, newest first`));
      // A page of results shows at first, then another with "Show more results"; their dates run
      // newest first through both bundles.
      const shownDates = () => watched.page.locator('.search-result-meta time').evaluateAll((times) => times.map((time) => time.getAttribute('datetime')));
      const expected = english.map((article) => article.date.slice(0, 10)).sort().reverse();
      assert.ok(expected.length > FIRST_PAGE_RESULTS, `${expected.length} English articles`);
      assert.deepEqual(await shownDates(), expected.slice(0, FIRST_PAGE_RESULTS));
      await watched.page.locator('#search-more').click();
      await watched.page.waitForFunction((count) => document.querySelectorAll('.search-result').length > count, FIRST_PAGE_RESULTS);
      assert.deepEqual(await shownDates(), expected.slice(0, 2 * FIRST_PAGE_RESULTS));
      assert.deepEqual(watched.consoleMessages, []);
    });
  });
});
