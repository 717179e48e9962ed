// In Chromium: searching "Witkoff" on the sample archive's search page finds both seeds, and
// the browser console stays empty with no request leaving localhost.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { browserSkipReason, launchBrowser, openWatchedPage } from '../helpers/browser.ts';
import { SAMPLE_INBOX } from '../helpers/paths.ts';
import { buildArchive, type BuildRun } from '../helpers/run-build.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

const skip = browserSkipReason();

describe('searching the sample archive in Chromium', { skip }, () => {
  let build: BuildRun;
  let server: StaticServer;
  let browser: Browser;

  before(async () => {
    build = await buildArchive(SAMPLE_INBOX);
    server = await serveStatic(build.outDir);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('finds both seeds for "Witkoff" from ?q=, with an empty console', async () => {
    const watched = await openWatchedPage(browser, server.origin);
    await watched.page.goto(`${server.origin}/search/?q=Witkoff`);
    const results = watched.page.locator('.search-result-title a');
    await results.nth(1).waitFor();
    const titles = (await results.allTextContents()).map((title) => title.trim()).sort();
    assert.deepEqual(titles, build.report.articles.map((article) => article.title).sort());
    assert.deepEqual(watched.consoleMessages, []);
    assert.deepEqual(watched.foreignRequests, []);
  });

  it('lands on the search page from the header search box, a plain form', async () => {
    const watched = await openWatchedPage(browser, server.origin);
    await watched.page.goto(`${server.origin}/`);
    await watched.page.getByLabel('Search the archive').fill('Kushner');
    await watched.page.keyboard.press('Enter');
    await watched.page.waitForURL(/\/search\/\?q=Kushner$/);
    await watched.page.locator('.search-result-title a').first().waitFor();
    assert.ok((await watched.page.locator('.search-result-title a').count()) >= 1);
    assert.deepEqual(watched.consoleMessages, []);
  });
});
