// In Chromium: the search page of an archive with no articles yet (a first deploy) says there is
// nothing to search yet, not that its index failed to load and should be reloaded, and the
// console stays empty.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { browserSkipReason, openWatchedPage, serveInBrowser, closeServed } from '../helpers/browser.ts';
import { temporaryDir } from '../helpers/paths.ts';
import { buildArchive } from '../helpers/run-build.ts';
import type { StaticServer } from '../helpers/static-server.ts';
import { searchSettled } from '../search/search-in-page.ts';

const skip = browserSkipReason();

describe('the search page of an empty archive', { skip }, () => {
  let server: StaticServer;
  let browser: Browser;

  before(async () => {
    const build = await buildArchive(await temporaryDir('search-empty-inbox'));
    assert.equal(build.exitCode, 0, build.stderr);
    ({ server, browser } = await serveInBrowser(build.outDir));
  });
  after(() => closeServed(browser, server));

  it('says the archive has no articles yet, whether or not a query is given', async () => {
    for (const sitePath of ['/search/', '/search/?q=harbour']) {
      const watched = await openWatchedPage(browser, server.origin);
      await watched.page.goto(`${server.origin}${sitePath}`);
      assert.equal(await searchSettled(watched.page), 'The archive has no articles yet, so there is nothing to search.');
      assert.equal(await watched.page.locator('#search-q').isVisible(), false, 'no search box that cannot find anything');
      assert.deepEqual(watched.consoleMessages, []);
      await watched.page.context().close();
    }
  });
});
