// A search with a phrase in quotes that finds nothing says which phrase no article has, and, beside
// words outside the quotes that articles do have, what was searched. The status said only "No
// results for “"harbour board pier"”. Try other or fewer words.", naming no phrase.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { browserSkipReason, closeServed, openWatchedPage, serveInBrowser } from '../helpers/browser.ts';
import { buildArchive, writeInbox } from '../helpers/run-build.ts';
import type { StaticServer } from '../helpers/static-server.ts';
import { searchSettled } from '../search/search-in-page.ts';

const skip = browserSkipReason();

const FILES: Record<string, string> = {
  '2024-03-01-board.txt': 'Harbour board meets\n\nThe harbour board met on Tuesday to discuss the pier.\n',
  '2024-03-02-cable.txt': 'Cable firm grows\n\nThe cable company laid a line under the winter sea.\n',
};

describe('a phrase in quotes that no article has', { skip }, () => {
  let browser: Browser;
  let server: StaticServer;

  before(async () => {
    const build = await buildArchive(await writeInbox('search-phrase-not-found', FILES));
    assert.equal(build.exitCode, 0, build.stderr);
    ({ server, browser } = await serveInBrowser(build.outDir));
  });
  after(() => closeServed(browser, server));

  for (const [query, status] of [
    // Each word is in an article, not in this order.
    ['"harbour board pier"', 'No results for “"harbour board pier"”. No article has the phrase “harbour board pier”. Try fewer words in quotes, or none.'],
    ['“harbour board pier”', 'No results for ““harbour board pier””. No article has the phrase “harbour board pier”. Try fewer words in quotes, or none.'],
    ['"harbour board pier" tuesday', 'No results for “"harbour board pier" tuesday”. No article has the phrase “harbour board pier”, though some have “tuesday”. Try fewer words in quotes, or none.'],
    ['"harbour board" "winter pier"', 'No results for “"harbour board" "winter pier"”. No article has the phrase “winter pier”. Try fewer words in quotes, or none.'],
    // Each phrase and word is in an article, but not in the same one.
    ['"harbour board" winter', 'No results for “"harbour board" winter”. No article has the phrase “harbour board” together with “winter”. Try other or fewer words.'],
    ['"harbour board" "cable company"', 'No results for “"harbour board" "cable company"”. No article has the phrases “harbour board” and “cable company” together. Try other or fewer words.'],
  ] as const) {
    it(`names what found nothing for ${query}`, async () => {
      const watched = await openWatchedPage(browser, server.origin);
      await watched.page.goto(`${server.origin}/search/?q=${encodeURIComponent(query)}`);
      assert.equal(await searchSettled(watched.page), status);
      assert.deepEqual(watched.consoleMessages, []);
      await watched.page.context().close();
    });
  }
});
