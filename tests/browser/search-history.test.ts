// Each search the reader submits (Enter, a filter, the order) is a history entry, so Back and
// Forward step through earlier searches, restoring their query, order, filters and results. The
// page used to rewrite one entry, so Back after three searches left the search page. Searches
// made while typing share one entry rather than one each.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { browserSkipReason, openWatchedPage, serveInBrowser, closeServed } from '../helpers/browser.ts';
import { buildArchive, writeInbox } from '../helpers/run-build.ts';
import type { StaticServer } from '../helpers/static-server.ts';

const skip = browserSkipReason();

const FILES: Record<string, string> = {
  '2024-03-01-pier.txt': 'New pier for the harbour\n\nThe harbour opened a new pier for the ferries.\n',
  '2024-03-02-moorings.txt': 'Winter moorings agreed\n\nThe harbour board agreed the winter moorings.\n',
  '2024-03-03-keeper.txt': 'Lighthouse keeper retires\n\nThe lighthouse keeper retired after forty years.\n',
};
const SIDECAR = [
  { file: '2024-03-01-pier.txt', section: 'Ports' },
  { file: '2024-03-02-moorings.txt', section: 'Council' },
];

/** Waits until the page shows a finished search whose status matches `status`; returns the titles. */
async function settledOn(page: Page, status: RegExp): Promise<string[]> {
  await page.locator('#search:not([aria-busy]) #search-status').filter({ hasText: status }).waitFor({ timeout: 15_000 });
  return page.locator('.search-result-title').allTextContents();
}

/** The query string of the page's URL. */
function query(page: Page): string {
  return new URL(page.url()).search;
}

describe('search history', { skip }, () => {
  let browser: Browser;
  let server: StaticServer;

  before(async () => {
    const inbox = await writeInbox('search-history', FILES, SIDECAR);
    const build = await buildArchive(inbox);
    assert.equal(build.exitCode, 0, build.stderr);
    ({ server, browser } = await serveInBrowser(build.outDir));
  });
  after(() => closeServed(browser, server));

  it('Back and Forward step through submitted searches, restoring query, order, filters and results', async () => {
    const watched = await openWatchedPage(browser, server.origin);
    const { page } = watched;
    await page.goto(`${server.origin}/`);
    await page.goto(`${server.origin}/search/`);
    await page.locator('#search form:not([hidden])').waitFor();
    await page.locator('#search-q').fill('lighthouse');
    await page.locator('#search-q').press('Enter');
    assert.deepEqual(await settledOn(page, /^1 result for “lighthouse”/), ['Lighthouse keeper retires']);
    await page.locator('#search-q').fill('harbour');
    await page.locator('#search-q').press('Enter');
    await settledOn(page, /^2 results for “harbour”\.$/);
    await page.locator('#search-order').selectOption('oldest');
    assert.deepEqual(await settledOn(page, /^2 results for “harbour”, oldest first\.$/), ['New pier for the harbour', 'Winter moorings agreed']);
    await page.locator('input[data-filter=section][value=Council]').check();
    assert.deepEqual(await settledOn(page, /^1 result for “harbour” in Council, oldest first\.$/), ['Winter moorings agreed']);

    await page.goBack();
    assert.deepEqual(await settledOn(page, /^2 results for “harbour”, oldest first\.$/), ['New pier for the harbour', 'Winter moorings agreed']);
    assert.equal(query(page), '?q=harbour&order=oldest');
    assert.equal(await page.locator('input[data-filter=section][value=Council]').isChecked(), false);
    await page.goBack();
    await settledOn(page, /^2 results for “harbour”\.$/);
    assert.equal(await page.locator('#search-order').inputValue(), '');
    await page.goBack();
    assert.deepEqual(await settledOn(page, /^1 result for “lighthouse”/), ['Lighthouse keeper retires']);
    assert.equal(await page.locator('#search-q').inputValue(), 'lighthouse');
    await page.goBack();
    await page.locator('#search:not([aria-busy]) #search-results:empty').waitFor({ state: 'attached' });
    assert.equal(await page.locator('#search-q').inputValue(), '');
    assert.equal(query(page), '');
    assert.equal(new URL(page.url()).pathname, '/search/');

    await page.goForward();
    await settledOn(page, /^1 result for “lighthouse”/);
    await page.goForward();
    await page.goForward();
    await page.goForward();
    assert.deepEqual(await settledOn(page, /^1 result for “harbour” in Council, oldest first\.$/), ['Winter moorings agreed']);
    assert.equal(await page.locator('input[data-filter=section][value=Council]').isChecked(), true);
    assert.equal(await page.locator('#search-order').inputValue(), 'oldest');
    assert.deepEqual(watched.consoleMessages, []);
    await watched.page.context().close();
  });

  // A search still running when the reader clears the box: the page said it was busy (aria-busy,
  // which tells a screen reader to wait for the region) until the next search, the stale search
  // leaving it to the newer one, which, with nothing to search for, never cleared it.
  it('a search replaced by an empty query leaves the page not busy', async () => {
    const watched = await openWatchedPage(browser, server.origin);
    const { page } = watched;
    await page.goto(`${server.origin}/search/`);
    await page.locator('#search:not([aria-busy]) form:not([hidden])').waitFor();
    // Result fragments answer slowly, so the search is still running when the box is cleared.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/fragment/**', async (route) => {
      await held;
      await route.continue();
    });
    await page.locator('#search-q').fill('harbour');
    await page.locator('#search-q').press('Enter');
    await page.locator('#search[aria-busy=true]').waitFor({ state: 'attached' });
    await page.locator('#search-q').fill('');
    await page.locator('#search-q').press('Enter');
    release();
    await page.locator('#search-results:empty').waitFor({ state: 'attached' });
    await page.locator('#search:not([aria-busy])').waitFor({ state: 'attached', timeout: 5_000 });
    assert.equal(await page.locator('#search-status').textContent(), '');
    await watched.page.context().close();
  });

  it('searches made while typing share one entry, which the submit that follows takes over', async () => {
    const watched = await openWatchedPage(browser, server.origin);
    const { page } = watched;
    await page.goto(`${server.origin}/search/?q=lighthouse`);
    await settledOn(page, /^1 result for “lighthouse”/);
    const entries = await page.evaluate('history.length');
    await page.locator('#search-q').fill('har');
    await settledOn(page, /“har”/);
    await page.locator('#search-q').fill('harbo');
    await settledOn(page, /“harbo”/);
    await page.locator('#search-q').fill('harbour');
    await page.locator('#search-q').press('Enter');
    await settledOn(page, /^2 results for “harbour”\.$/);
    assert.equal(await page.evaluate('history.length'), Number(entries) + 1);
    await page.goBack();
    assert.deepEqual(await settledOn(page, /^1 result for “lighthouse”/), ['Lighthouse keeper retires']);
    assert.equal(query(page), '?q=lighthouse');
    // A reload and a shared link show the search in the URL, as before.
    await page.goForward();
    await settledOn(page, /^2 results for “harbour”\.$/);
    await page.reload();
    assert.equal(await page.locator('#search-q').inputValue(), 'harbour');
    await settledOn(page, /^2 results for “harbour”\.$/);
    assert.deepEqual(watched.consoleMessages, []);
    await watched.page.context().close();
  });

  it('Back from the skip link leaves the search shown as it is, not run again', async () => {
    const watched = await openWatchedPage(browser, server.origin);
    const { page } = watched;
    await page.goto(`${server.origin}/search/?q=harbour`);
    await settledOn(page, /^2 results for “harbour”\.$/);
    // A mark on a shown result: a search run again replaces the results, and the mark with them.
    await page.locator('.search-result-title').first().evaluate((title) => title.setAttribute('data-seen', ''));
    await page.locator('.skip-link').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/#/);
    await page.goBack();
    await page.waitForURL((url) => url.hash === '');
    await page.waitForTimeout(500);
    assert.equal(await page.locator('.search-result-title[data-seen]').count(), 1);
    assert.equal(await page.locator('#search[aria-busy]').count(), 0);
    assert.deepEqual(watched.consoleMessages, []);
    await watched.page.context().close();
  });
});
