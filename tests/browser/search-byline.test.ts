// In Chromium on a real build: an article is found by the names in its byline, which its page
// shows ("By Marguerite Okonkwo") and a reader searches for; the byline's "By", the date line and
// the reading time stay out of the index.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { browserSkipReason, closeServed, openWatchedPage, serveInBrowser } from '../helpers/browser.ts';
import { buildArchive, writeInbox } from '../helpers/run-build.ts';
import type { StaticServer } from '../helpers/static-server.ts';
import { searchSettled } from '../search/search-in-page.ts';

const skip = browserSkipReason();

// No text has a word starting with "by", "min" or "read", or a name of the bylines.
const FILES: Record<string, string> = {
  'harbour.txt': 'Harbour opens after storm\n\nThe harbour opened on Monday after the storm damaged the outer wall.\n',
  'ferry.txt': 'Ferry fares rise\n\nFares on the island ferry rise five percent from June.\n',
  'school.txt': 'School gets new roof\n\nWork on the school roof starts in the summer holidays.\n',
};
const SIDECAR = [
  { file: 'harbour.txt', date: '2024-02-03T12:00:00Z', authors: ['Marguerite Okonkwo'] },
  { file: 'ferry.txt', date: '2024-02-04T12:00:00Z', authors: ['Tobias Lindqvist', 'Marguerite Okonkwo'] },
  { file: 'school.txt', date: '2024-02-05T12:00:00Z' },
];

describe('search finds an article by its byline', { skip }, () => {
  let browser: Browser;
  let server: StaticServer;

  before(async () => {
    const inbox = await writeInbox('search-byline', FILES, SIDECAR);
    const build = await buildArchive(inbox);
    assert.equal(build.exitCode, 0, build.stderr);
    ({ server, browser } = await serveInBrowser(build.outDir));
  });
  after(() => closeServed(browser, server));

  it('finds both articles by a name in their bylines, the name marked in the excerpt', async () => {
    const watched = await openWatchedPage(browser, server.origin);
    await watched.page.goto(`${server.origin}/search/?q=okonkwo`);
    assert.match(await searchSettled(watched.page), /^2 results for “okonkwo”/);
    assert.deepEqual((await watched.page.locator('.search-result-title').allTextContents()).sort(), ['Ferry fares rise', 'Harbour opens after storm']);
    // Pagefind ends a block's last word with a full stop, and the page marks words as Pagefind has them.
    const marked = await watched.page.locator('.search-result-excerpt mark').allTextContents();
    assert.deepEqual(marked.map((word) => word.replace(/\.$/, '')), ['Okonkwo', 'Okonkwo']);
    assert.deepEqual(watched.consoleMessages, []);
    await watched.page.context().close();
  });

  it('finds the article of the second name in a byline, and highlights it on the page', async () => {
    const watched = await openWatchedPage(browser, server.origin);
    await watched.page.goto(`${server.origin}/search/?q=${encodeURIComponent('Tobias Lindqvist')}`);
    assert.match(await searchSettled(watched.page), /^1 result for “Tobias Lindqvist”/);
    await watched.page.locator('.search-result-title a').click();
    await watched.page.waitForURL(/\?highlight=/);
    await watched.page.locator('article mark.pagefind-highlight').first().waitFor();
    assert.deepEqual(await watched.page.locator('article mark.pagefind-highlight').allTextContents(), ['Tobias', 'Lindqvist']);
    assert.deepEqual(watched.consoleMessages, []);
    await watched.page.context().close();
  });

  for (const query of ['by', 'min', 'read', 'february']) {
    it(`does not find the bylined articles by the date line’s “${query}”`, async () => {
      const watched = await openWatchedPage(browser, server.origin);
      await watched.page.goto(`${server.origin}/search/?q=${query}`);
      assert.match(await searchSettled(watched.page), new RegExp(`^No results for “${query}”`));
      assert.deepEqual(watched.consoleMessages, []);
      await watched.page.context().close();
    });
  }
});
