// In Chromium on a real build: article text that looks like Pagefind's own markers
// (`___PAGEFIND_WEIGHT___10`, `___END_PAGEFIND_WEIGHT___`, `___PAGEFIND_ANCHOR___…`) is indexed
// and shown as text. Pagefind acted on it: it dropped those words, weighted the words between a
// weight marker and its end ten times (so the article ranked first for them), and cut the marker
// onwards out of a title.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { browserSkipReason, closeServed, openWatchedPage, serveInBrowser } from '../helpers/browser.ts';
import { buildArchive, writeInbox } from '../helpers/run-build.ts';
import type { StaticServer } from '../helpers/static-server.ts';
import { searchSettled } from '../search/search-in-page.ts';

const skip = browserSkipReason();

const WEIGHTED_LINE = '___PAGEFIND_WEIGHT___10 The zebra grazed by the river. ___END_PAGEFIND_WEIGHT___ Keepers counted the herd.';
const ANCHOR_TITLE = 'Zebra census ___PAGEFIND_ANCHOR___h2:fake';
// The census says "zebra" five times, the report once (besides one in each title).
const FILES: Record<string, string> = {
  'report.txt': `Quiet zebra report\n\n${WEIGHTED_LINE}\n`,
  'census.txt': `${ANCHOR_TITLE}\n\nThe census counted zebra after zebra after zebra on the plain, every zebra in the park, and a zebra foal.\n`,
};

describe('text that looks like Pagefind’s markers is indexed as text', { skip }, () => {
  let browser: Browser;
  let server: StaticServer;

  before(async () => {
    const inbox = await writeInbox('search-pagefind-markers', FILES);
    const build = await buildArchive(inbox);
    assert.equal(build.exitCode, 0, build.stderr);
    ({ server, browser } = await serveInBrowser(build.outDir));
  });
  after(() => closeServed(browser, server));

  it('ranks the article that says the word more often first, and shows every title whole', async () => {
    const watched = await openWatchedPage(browser, server.origin);
    await watched.page.goto(`${server.origin}/search/?q=zebra`);
    assert.match(await searchSettled(watched.page), /^2 results for “zebra”/);
    assert.deepEqual(await watched.page.locator('.search-result-title').allTextContents(), [ANCHOR_TITLE, 'Quiet zebra report']);
    assert.deepEqual(watched.consoleMessages, []);
    await watched.page.context().close();
  });

  it('finds the marker-like words and shows them in the excerpt as written', async () => {
    const watched = await openWatchedPage(browser, server.origin);
    await watched.page.goto(`${server.origin}/search/?q=keepers`);
    assert.match(await searchSettled(watched.page), /^1 result for “keepers”/);
    const excerpt = ((await watched.page.locator('.search-result-excerpt').textContent()) ?? '').replace(/\s+/g, ' ');
    assert.ok(excerpt.includes(WEIGHTED_LINE), excerpt);
    await watched.page.goto(`${server.origin}/search/?q=fake`);
    assert.match(await searchSettled(watched.page), /^1 result for “fake”/);
    assert.deepEqual(await watched.page.locator('.search-result-title').allTextContents(), [ANCHOR_TITLE]);
    assert.deepEqual(watched.consoleMessages, []);
    await watched.page.context().close();
  });
});
