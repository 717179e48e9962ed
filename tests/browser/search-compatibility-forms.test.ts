// A query or an article in Unicode compatibility forms (full-width ｈａｒｂｏｕｒ from an East Asian
// keyboard, the ligature ﬁ of a PDF, m²) finds and is found by the same words in ordinary letters.
// Pagefind indexes a word's letters as written and compares a query as typed, so `ｈａｒｂｏｕｒ`
// found nothing in an archive of "harbour", and an article written in full-width letters was found
// by no ordinary query. Checked in Chromium on a real build.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { browserSkipReason, closeServed, openWatchedPage, serveInBrowser } from '../helpers/browser.ts';
import { buildArchive, writeInbox } from '../helpers/run-build.ts';
import type { StaticServer } from '../helpers/static-server.ts';
import { searchSettled } from '../search/search-in-page.ts';

const skip = browserSkipReason();

const WIDE = 'Scanned minutes of the board';
const PLAIN = 'Typed minutes of the board';

describe('compatibility forms in queries and articles', { skip }, () => {
  let browser: Browser;
  let server: StaticServer;

  before(async () => {
    const build = await buildArchive(
      await writeInbox('search-compatibility-forms', {
        '2024-05-01-wide.txt': `${WIDE}\n\nThe ｈａｒｂｏｕｒ board approved ﬁnance for a kiosk of 40 m² on the quay.\n`,
        '2024-05-02-plain.txt': `${PLAIN}\n\nMembers of the harbour board discussed finance and the state of the pier.\n`,
      }),
    );
    assert.equal(build.exitCode, 0, build.stderr);
    ({ server, browser } = await serveInBrowser(build.outDir));
  });
  after(() => closeServed(browser, server));

  for (const [query, titles] of [
    ['harbour', [PLAIN, WIDE]],
    ['ｈａｒｂｏｕｒ', [PLAIN, WIDE]],
    ['finance', [PLAIN, WIDE]],
    ['ﬁnance', [PLAIN, WIDE]],
    ['ＨＡＲＢＯＵＲ ｐｉｅｒ', [PLAIN]],
    ['m2', [WIDE]],
    ['m²', [WIDE]],
  ] as const) {
    it(`${query} finds the articles with the word in either form`, async () => {
      const watched = await openWatchedPage(browser, server.origin);
      await watched.page.goto(`${server.origin}/search/?q=${encodeURIComponent(query)}`);
      const status = await searchSettled(watched.page);
      // The status and the search box keep the query as typed.
      assert.equal(status, `${titles.length === 1 ? '1 result' : `${titles.length} results`} for “${query}”.`);
      assert.equal(await watched.page.locator('#search-q').inputValue(), query);
      assert.deepEqual((await watched.page.locator('.search-result-title').allTextContents()).sort(), [...titles].sort());
      assert.deepEqual(watched.consoleMessages, []);
      await watched.page.context().close();
    });
  }
});
