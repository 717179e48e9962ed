// A search finds the articles that have every word of the query. Pagefind drops a word that an
// index has nothing for and lists the pages with the other words, so "harbour zzzqx" listed every
// article with "harbour" and the reader was not told; an index of each language (and of each year
// part) looks words up on its own, so "market المياه" listed the English articles with "market"
// and the Arabic ones with "المياه". Checked in Chromium on an archive of English and Arabic
// articles searched in waves (2024 first, 2021 later), and on one of a single index.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { browserSkipReason, closeServed, openWatchedPage, serveInBrowser } from '../helpers/browser.ts';
import { buildArchive, writeInbox } from '../helpers/run-build.ts';
import type { StaticServer } from '../helpers/static-server.ts';
import { searchSettled } from '../search/search-in-page.ts';

const skip = browserSkipReason();

/** An attribute's value as written by the `html` template, its entities read back. */
function decodeEntities(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

const MARKET = 'Market day at the harbour';
const PIER = 'Pier repairs finished';
const WATER = 'أزمة المياه في المدينة';
const LIGHTHOUSE = 'Old lighthouse restored';
const PROFIT = 'أرباح الشركة في الربع الثاني';
const QUARTER = 'Quarterly margins explained';
const FILES: Record<string, string> = {
  '2024-03-01-market.txt': `${MARKET}\n\nThe harbour market opened on Saturday with stalls of fish and bread.\n`,
  '2024-03-02-pier.txt': `${PIER}\n\nThe harbour pier was repaired over the winter months.\n`,
  '2024-03-05-water.txt': `${WATER}\n\nقالت السلطات إن المياه ستعود إلى الأحياء الشرقية خلال أيام بعد إصلاح الخط الرئيسي.\n`,
  '2024-03-06-neko.txt': '港の猫\n\n港に猫が住んでいる。猫は漁師に魚をもらう。\n',
  // Words of both scripts in one article: Latin ones in an Arabic article, an Arabic one in an English.
  '2024-03-07-profit.txt': `${PROFIT}\n\nسجلت الشركة هامش EBITDA Margin مرتفعا خلال الربع الثاني من العام.\n`,
  '2024-03-08-quarter.txt': `${QUARTER}\n\nThe Arabic word الربع, the quarter, heads every margin report.\n`,
  // "kittiwake" is in the older years only, which a search reaches in its second wave.
  '2021-05-01-lighthouse.txt': `${LIGHTHOUSE}\n\nThe lighthouse at the harbour mouth was restored by volunteers from Kittiwake Bay.\n`,
};

async function searchFor(browser: Browser, server: StaticServer, query: string): Promise<{ status: string; titles: string[] }> {
  const watched = await openWatchedPage(browser, server.origin);
  await watched.page.goto(`${server.origin}/search/?${query}`);
  const status = await searchSettled(watched.page);
  const titles = await watched.page.locator('.search-result-title').allTextContents();
  assert.deepEqual(watched.consoleMessages, []);
  await watched.page.context().close();
  return { status, titles };
}

describe('every word of a query must match', { skip }, () => {
  let browser: Browser;
  let server: StaticServer;

  before(async () => {
    const inbox = await writeInbox('search-every-word', FILES, [
      { file: '2024-03-05-water.txt', language: 'ar' },
      { file: '2024-03-07-profit.txt', language: 'ar' },
    ]);
    // One part per year, and a first wave of 2024 alone, as on a large archive.
    const build = await buildArchive(inbox, [], {}, { BROADSHEET_SEARCH_PART_PAGES: '4', BROADSHEET_SEARCH_FIRST_WAVE: '4' });
    assert.equal(build.exitCode, 0, build.stderr);
    // The premise: 2024 is searched first, 2021 in a later wave.
    const page = await readFile(path.join(build.outDir, 'search/index.html'), 'utf8');
    const parts = JSON.parse(decodeEntities(/data-search-parts="([^"]*)"/.exec(page)?.[1] ?? '[]')) as Array<{ from: string; wave: number }>;
    assert.deepEqual(parts.map((part) => [part.from, part.wave]), [['2024', 0], ['2021', 1]]);
    ({ server, browser } = await serveInBrowser(build.outDir));
  });
  after(() => closeServed(browser, server));

  for (const order of ['', '&order=newest', '&order=oldest']) {
    it(`a word no article has finds nothing, and the status names it (${order || 'best match'})`, async () => {
      const found = await searchFor(browser, server, `q=harbour+zzzqx${order}`);
      assert.deepEqual(found.titles, []);
      assert.match(found.status, /^No results for “harbour zzzqx”\. No article has “zzzqx”\. Try other or fewer words\.$/);
    });
  }

  it('names every word no article has, as the word is looked up (without its quotes)', async () => {
    const found = await searchFor(browser, server, `q=${encodeURIComponent('zzzqx "qqqy" harbour')}`);
    assert.deepEqual(found.titles, []);
    assert.match(found.status, /No article has “zzzqx” or “qqqy”\./);
  });

  it('a word found only in older years finds the articles with both words there', async () => {
    assert.deepEqual((await searchFor(browser, server, 'q=harbour+kittiwake')).titles, [LIGHTHOUSE]);
    assert.deepEqual((await searchFor(browser, server, 'q=harbour+kittiwake&order=newest')).titles, [LIGHTHOUSE]);
  });

  for (const query of ['market المياه', 'المياه market']) {
    it(`words of two languages no article has together find nothing (${query}), and no word is said to be missing`, async () => {
      const found = await searchFor(browser, server, `q=${encodeURIComponent(query)}`);
      assert.deepEqual(found.titles, []);
      assert.equal(found.status, `No results for “${query}”. Try other or fewer words.`);
    });
  }

  // Each language index stems all its words, of any script, with its own stemmer: searched with
  // the query's majority script's (English for three Latin words), the Arabic article's Arabic
  // word was not found, though the article has every word.
  for (const order of ['', '&order=newest', '&order=oldest']) {
    it(`words of two scripts find the articles of each language that have them all (${order || 'best match'})`, async () => {
      assert.deepEqual((await searchFor(browser, server, `q=${encodeURIComponent('EBITDA Margin الربع')}${order}`)).titles, [PROFIT]);
      const both = await searchFor(browser, server, `q=${encodeURIComponent('margin الربع')}${order}`);
      assert.match(both.status, /^2 results for “margin الربع”/);
      if (order === '&order=newest') assert.deepEqual(both.titles, [QUARTER, PROFIT]);
      else if (order === '&order=oldest') assert.deepEqual(both.titles, [PROFIT, QUARTER]);
      else assert.deepEqual([...both.titles].sort(), [PROFIT, QUARTER].sort());
    });
  }

  it('names a word no article has beside a word of a script Pagefind segments itself', async () => {
    const found = await searchFor(browser, server, `q=${encodeURIComponent('猫 zzzqx')}`);
    assert.deepEqual(found.titles, []);
    assert.equal(found.status, 'No results for “猫 zzzqx”. No article has “zzzqx”. Try other or fewer words.');
    assert.deepEqual((await searchFor(browser, server, `q=${encodeURIComponent('猫')}`)).titles, ['港の猫']);
  });

  it('words every result has, and a word being typed, still find', async () => {
    assert.deepEqual((await searchFor(browser, server, 'q=harbour+pi')).titles, [PIER]);
    assert.deepEqual((await searchFor(browser, server, 'q=market+harbour')).titles, [MARKET]);
  });
});

describe('every word of a query must match in an archive of one index', { skip }, () => {
  let browser: Browser;
  let server: StaticServer;

  before(async () => {
    const inbox = await writeInbox('search-every-word-one', { '2024-03-01-market.txt': FILES['2024-03-01-market.txt']!, '2024-03-02-pier.txt': FILES['2024-03-02-pier.txt']! });
    const build = await buildArchive(inbox);
    assert.equal(build.exitCode, 0, build.stderr);
    ({ server, browser } = await serveInBrowser(build.outDir));
  });
  after(() => closeServed(browser, server));

  it('a word the index has nothing for finds nothing, and the status names it', async () => {
    const found = await searchFor(browser, server, 'q=harbour+zzzqx');
    assert.deepEqual(found.titles, []);
    assert.equal(found.status, 'No results for “harbour zzzqx”. No article has “zzzqx”. Try other or fewer words.');
    assert.deepEqual((await searchFor(browser, server, 'q=harbour+pier')).titles, [PIER]);
  });

  // Pagefind's fallback for a word it has nothing starting with is the longest word it has that
  // the word starts with: "fishmonger" found the article with "fish", "onwards" the one with "on".
  for (const word of ['fishmonger', 'onwards']) {
    it(`a word the index has only a shorter word for finds nothing (${word})`, async () => {
      const alone = await searchFor(browser, server, `q=${word}`);
      assert.deepEqual(alone.titles, []);
      assert.equal(alone.status, `No results for “${word}”. Try other or fewer words.`);
      const beside = await searchFor(browser, server, `q=harbour+${word}`);
      assert.deepEqual(beside.titles, []);
      assert.equal(beside.status, `No results for “harbour ${word}”. No article has “${word}”. Try other or fewer words.`);
    });
  }

  it('the words themselves, their stems and a word being typed still find', async () => {
    assert.deepEqual((await searchFor(browser, server, 'q=fish')).titles, [MARKET]);
    assert.deepEqual((await searchFor(browser, server, 'q=repairs')).titles, [PIER]);
    assert.deepEqual((await searchFor(browser, server, 'q=harbour+satur')).titles, [MARKET]);
    assert.deepEqual((await searchFor(browser, server, 'q=harb')).titles.sort(), [MARKET, PIER].sort());
  });
});
