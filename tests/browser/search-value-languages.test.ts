// A filter value written in another language than the interface's (an Arabic name or tag on an
// English site) carries that language's `lang` on the search page, in the filter panel and in the
// status line, so a screen reader speaks it in its own language rather than with English rules.
// The language comes from the value's own letters, as the site's term pages decide a name's; a
// value in the interface's own language carries none. Checked in Chromium on a real build.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { browserSkipReason, closeServed, openWatchedPage, serveInBrowser } from '../helpers/browser.ts';
import { buildArchive, writeInbox } from '../helpers/run-build.ts';
import type { StaticServer } from '../helpers/static-server.ts';
import { searchSettled } from '../search/search-in-page.ts';

const skip = browserSkipReason();

const ARABIC_NAME = 'محمد العلي';
const ARABIC_TAG = 'مياه';
const JAPANESE_PLACE = '東京タワー';
const RUSSIAN_ORGANISATION = 'Газпром';

/** The [text, lang] of each value shown in a filter group. */
async function valuesOf(page: Page, legend: string): Promise<Map<string, string | null>> {
  const group = page.locator('fieldset.search-filter').filter({ has: page.locator('legend', { hasText: new RegExp(`^${legend}$`) }) });
  const pairs = await group.locator('label bdi').evaluateAll((names) => names.map((name) => [name.textContent, name.getAttribute('lang')]));
  return new Map(pairs as Array<[string, string | null]>);
}

describe('filter values in another language than the interface', { skip }, () => {
  let browser: Browser;
  let server: StaticServer;

  before(async () => {
    const files = {
      '2024-03-01-market.txt': 'Market day at the harbour\n\nThe harbour market opened on Saturday with stalls of fish and bread.\n',
      '2024-03-02-pier.txt': 'Pier repairs finished\n\nThe harbour pier was repaired over the winter months.\n',
    };
    const sidecar = [
      { file: '2024-03-01-market.txt', people: [ARABIC_NAME, 'Anna Berg'], places: [JAPANESE_PLACE, 'Kittiwake Bay'], tags: [ARABIC_TAG, 'Markets'] },
      { file: '2024-03-02-pier.txt', organizations: [RUSSIAN_ORGANISATION, 'Harbour Board'], tags: ['Markets'] },
    ];
    const build = await buildArchive(await writeInbox('search-value-languages', files, sidecar));
    assert.equal(build.exitCode, 0, build.stderr);
    ({ server, browser } = await serveInBrowser(build.outDir));
  });
  after(() => closeServed(browser, server));

  it('marks each name in the filters with the language of its letters, and English ones not at all', async () => {
    const watched = await openWatchedPage(browser, server.origin);
    await watched.page.goto(`${server.origin}/search/?q=harbour`);
    await searchSettled(watched.page);
    assert.deepEqual(await valuesOf(watched.page, 'People'), new Map([[ARABIC_NAME, 'ar'], ['Anna Berg', null]]));
    assert.deepEqual(await valuesOf(watched.page, 'Places'), new Map([[JAPANESE_PLACE, 'ja'], ['Kittiwake Bay', null]]));
    assert.deepEqual(await valuesOf(watched.page, 'Organisations'), new Map([[RUSSIAN_ORGANISATION, 'ru'], ['Harbour Board', null]]));
    assert.deepEqual(await valuesOf(watched.page, 'Tags'), new Map([['Markets', null], [ARABIC_TAG, 'ar']]));
    // Years and language names are the interface's own words.
    assert.deepEqual(await valuesOf(watched.page, 'Year'), new Map([['2024', null]]));
    assert.deepEqual(watched.consoleMessages, []);
    await watched.page.context().close();
  });

  it('marks a chosen name in the status line in its language', async () => {
    const watched = await openWatchedPage(browser, server.origin);
    await watched.page.goto(`${server.origin}/search/?people=${encodeURIComponent(ARABIC_NAME)}&tags=Markets`);
    assert.equal(await searchSettled(watched.page), `1 result in ${ARABIC_NAME}, Markets, newest first.`);
    const marked = await watched.page.locator('#search-status bdi').evaluateAll((names) => names.map((name) => [name.textContent, name.getAttribute('lang')]));
    assert.deepEqual(marked, [
      [ARABIC_NAME, 'ar'],
      ['Markets', null],
    ]);
    assert.deepEqual(watched.consoleMessages, []);
    await watched.page.context().close();
  });
});
