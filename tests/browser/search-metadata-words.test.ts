// In Chromium on a real build: a search finds articles by their words, not by their date,
// language or section. Pagefind 1.5 indexes every data-pagefind-meta value as words, so a year
// ("2021") found every article dated that year, "05" every article of May, "en" every English
// article and "business" every article filed under Business, whatever their text said. A result
// still shows its date, section and language.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { browserSkipReason, closeServed, openWatchedPage, serveInBrowser } from '../helpers/browser.ts';
import { buildArchive, writeInbox } from '../helpers/run-build.ts';
import type { StaticServer } from '../helpers/static-server.ts';
import { searchSettled } from '../search/search-in-page.ts';

const skip = browserSkipReason();

// No English text or title has a word starting with "ar", and only the ferry's starts with "en"
// (engine); only the census says 2021, only the ferry 05 (05:40), only the budget business.
const FILES: Record<string, string> = {
  'harvest.txt': 'Harvest show in the village\n\nFarmers brought their best marrows to the village hall on Saturday.\n',
  'ferry.txt': 'Ferry timetable changes\n\nThe first ferry now leaves at 05:40, after the engine was replaced.\n',
  'budget.txt': 'Council sets its budget\n\nThe council raised business rates by two percent for the coming year.\n',
  'census.txt': 'Census results published\n\nThe 2021 census counted more people in the valley than ever before.\n',
  'riyadh.txt': 'الرياض تستضيف القمة\n\nقال مسؤول إن القمة ستعقد في الرياض الشهر المقبل.\n',
};
const SIDECAR = [
  { file: 'harvest.txt', date: '2021-05-14T12:00:00Z', section: 'Business' },
  { file: 'ferry.txt', date: '2021-11-20T12:00:00Z', section: 'Local' },
  { file: 'budget.txt', date: '2021-03-10T12:00:00Z', section: 'Local' },
  { file: 'census.txt', date: '2019-03-02T12:00:00Z', section: 'Local' },
  { file: 'riyadh.txt', date: '2021-05-05T12:00:00Z', language: 'ar', section: 'أخبار' },
];

describe('search finds words of the text, not the metadata values', { skip }, () => {
  let browser: Browser;
  let server: StaticServer;

  before(async () => {
    const inbox = await writeInbox('search-metadata-words', FILES, SIDECAR);
    const build = await buildArchive(inbox);
    assert.equal(build.exitCode, 0, build.stderr);
    ({ server, browser } = await serveInBrowser(build.outDir));
  });
  after(() => closeServed(browser, server));

  for (const [query, titles, why] of [
    ['2021', ['Census results published'], 'a year: the article whose text says it, not the four dated in it'],
    ['05', ['Ferry timetable changes'], 'a month or day number: the article whose text has it, not those dated in May or on the 5th'],
    ['en', ['Ferry timetable changes'], 'a language code: the article with a word starting so, not every English article'],
    ['ar', [], 'a language code: no article has a word starting so, and the Arabic one is not listed for its code'],
    ['business', ['Council sets its budget'], 'a section name: the article whose text says it, not the one filed under Business'],
  ] as const) {
    it(`finds for “${query}” ${why}`, async () => {
      const watched = await openWatchedPage(browser, server.origin);
      await watched.page.goto(`${server.origin}/search/?q=${encodeURIComponent(query)}`);
      const status = await searchSettled(watched.page);
      assert.match(status, titles.length === 0 ? new RegExp(`^No results for “${query}”`) : new RegExp(`^${titles.length} results? for “${query}”`));
      assert.deepEqual((await watched.page.locator('.search-result-title').allTextContents()).sort(), [...titles].sort());
      assert.deepEqual(watched.consoleMessages, []);
      await watched.page.context().close();
    });
  }

  it('still shows a result’s date, section and language', async () => {
    const watched = await openWatchedPage(browser, server.origin);
    await watched.page.goto(`${server.origin}/search/?q=census`);
    assert.match(await searchSettled(watched.page), /^1 result for “census”/);
    const time = watched.page.locator('.search-result-meta time');
    assert.equal(await time.getAttribute('datetime'), '2019-03-02');
    assert.equal(await time.textContent(), 'March 2, 2019');
    assert.equal(await watched.page.locator('.search-result-meta').textContent(), 'March 2, 2019 · Local');
    assert.equal(await watched.page.locator('.search-result-title').getAttribute('lang'), 'en');

    await watched.page.goto(`${server.origin}/search/?q=${encodeURIComponent('الرياض')}`);
    assert.match(await searchSettled(watched.page), /^1 result for “الرياض”/);
    assert.equal(await watched.page.locator('.search-result-title').getAttribute('lang'), 'ar');
    assert.equal(await watched.page.locator('.search-result-excerpt').getAttribute('lang'), 'ar');
    assert.equal(await watched.page.locator('.search-result-meta').textContent(), 'May 5, 2021 · أخبار');
    assert.deepEqual(watched.consoleMessages, []);
    await watched.page.context().close();
  });

  it('lists newest first by the day across the years', async () => {
    const watched = await openWatchedPage(browser, server.origin);
    await watched.page.goto(`${server.origin}/search/?q=the&order=newest`);
    await searchSettled(watched.page);
    assert.deepEqual(await watched.page.locator('.search-result-meta time').evaluateAll((times) => times.map((time) => time.getAttribute('datetime'))), [
      '2021-11-20',
      '2021-05-14',
      '2021-03-10',
      '2019-03-02',
    ]);
    assert.deepEqual(watched.consoleMessages, []);
    await watched.page.context().close();
  });
});
