// The search page as a keyboard and screen-reader user meets it: a query with no word to search
// for says so, the Order menu browsed with the arrow keys makes one search and one history entry,
// a link skips the filters to the results, and a word too short to mean anything is not marked on
// the article a result opens.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { browserSkipReason, closeServed, openWatchedPage, serveInBrowser, type WatchedPage } from '../helpers/browser.ts';
import { buildArchive, writeInbox } from '../helpers/run-build.ts';
import type { StaticServer } from '../helpers/static-server.ts';

const skip = browserSkipReason();

const FILES: Record<string, string> = {
  '2024-03-01-pier.txt': 'New pier for the harbour\n\nThe harbour opened a new pier for the ferries, said the "harbour master".\n',
  '2024-03-02-moorings.txt': 'Winter moorings agreed\n\nThe harbour board agreed the winter moorings.\n',
  '2024-03-03-keeper.txt': 'Lighthouse keeper retires\n\nThe lighthouse keeper retired after forty years.\n',
  '2024-03-04-neko.txt': '港の猫\n\n港に猫が住んでいる。猫は漁師に魚をもらう。\n',
};

/** Waits until the page shows a finished search whose status matches `status`. */
async function settledOn(page: Page, status: RegExp): Promise<string[]> {
  await page.locator('#search:not([aria-busy]) #search-status').filter({ hasText: status }).waitFor({ timeout: 15_000 });
  return page.locator('.search-result-title').allTextContents();
}

describe('search page by keyboard', { skip }, () => {
  let browser: Browser;
  let server: StaticServer;

  before(async () => {
    const inbox = await writeInbox('search-keyboard', FILES);
    const build = await buildArchive(inbox);
    assert.equal(build.exitCode, 0, build.stderr);
    ({ server, browser } = await serveInBrowser(build.outDir));
  });
  after(() => closeServed(browser, server));

  const NOTHING = 'Nothing to search for: spaces, punctuation and symbols alone are not searched. Type a word to find.';
  for (const typed of ['   ', '"… —', '"', '+++', '!!!', '— → £ +']) {
    it(`a query with no word to search for (${JSON.stringify(typed)}) says so, and browses the filters chosen`, async () => {
      const watched = await openWatchedPage(browser, server.origin);
      const { page } = watched;
      await page.goto(`${server.origin}/search/?q=harbour`);
      await settledOn(page, /^2 results for “harbour”/);
      await page.locator('#search-q').fill(typed);
      await page.locator('#search-q').press('Enter');
      await settledOn(page, /^Nothing/);
      assert.equal(await page.locator('#search-status').textContent(), NOTHING);
      assert.equal(await page.locator('.search-result').count(), 0);
      // With a filter it is no query, not a query that finds nothing: the filter is browsed.
      await page.locator('input[data-filter=year][value="2024"]').check();
      assert.equal((await settledOn(page, /^4 results in 2024, newest first\.$/)).length, 4);
      assert.deepEqual(watched.consoleMessages, []);
      await watched.page.context().close();
    });
  }

  // The filters come before the results: a checkbox for each value shown, over thirty on the BBC
  // corpus, each a Tab stop between the search form and the first result.
  it('a link at the start of the filters skips them, to the results', async () => {
    const watched = await openWatchedPage(browser, server.origin);
    const { page } = watched;
    await page.goto(`${server.origin}/search/?q=harbour`);
    await settledOn(page, /^2 results for “harbour”\.$/);
    await page.locator('#search-order').focus();
    await page.keyboard.press('Tab');
    const focused = () => page.evaluate(`(({ tagName, id, textContent }) => ({ tagName, id, text: textContent }))(document.activeElement)`);
    assert.deepEqual(await focused(), { tagName: 'A', id: '', text: 'Skip the filters, to the results' });
    assert.ok(await page.locator('.search-skip').isVisible(), 'the link shows when focused');
    await page.keyboard.press('Enter');
    assert.deepEqual(await focused(), { tagName: 'H2', id: 'search-results-heading', text: 'Results' });
    await page.keyboard.press('Tab');
    assert.deepEqual(await focused(), { tagName: 'A', id: '', text: 'New pier for the harbour' });
    // The search shown stays: following the link is no new search.
    assert.equal(await page.locator('#search-status').textContent(), '2 results for “harbour”.');
    assert.deepEqual(watched.consoleMessages, []);
    await watched.page.context().close();
  });

  it('a page opened with no query says nothing', async () => {
    const watched = await openWatchedPage(browser, server.origin);
    const { page } = watched;
    await page.goto(`${server.origin}/search/`);
    await page.locator('#search:not([aria-busy]) form:not([hidden])').waitFor();
    await page.locator('#search-filters:not([hidden])').waitFor();
    assert.equal(await page.locator('#search-status').textContent(), '');
    await watched.page.context().close();
  });

  /**
   * The search page showing "harbour", with the number of history entries then and, from then on,
   * every status it shows kept in `window.statuses`, to count the searches it runs.
   */
  async function harbourSearchRecorded(): Promise<{ watched: WatchedPage; page: Page; entries: number }> {
    const watched = await openWatchedPage(browser, server.origin);
    const { page } = watched;
    await page.goto(`${server.origin}/search/?q=harbour`);
    await settledOn(page, /^2 results for “harbour”\.$/);
    const entries = Number(await page.evaluate('history.length'));
    await page.evaluate(`window.statuses = []; new MutationObserver(() => window.statuses.push(document.getElementById('search-status').textContent)).observe(document.getElementById('search-status'), { childList: true, characterData: true, subtree: true })`);
    return { watched, page, entries };
  }

  it('the Order menu browsed with the arrow keys makes one search and one history entry', async () => {
    const { watched, page, entries } = await harbourSearchRecorded();
    await page.locator('#search-order').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.locator('#search-order').inputValue(), 'oldest');
    assert.deepEqual(await settledOn(page, /^2 results for “harbour”, oldest first\.$/), ['New pier for the harbour', 'Winter moorings agreed']);
    await page.waitForTimeout(1500);
    assert.equal(await page.evaluate('history.length'), entries + 1);
    assert.deepEqual(await page.evaluate('window.statuses.filter((text) => text.includes("newest"))'), []);
    await page.goBack();
    await settledOn(page, /^2 results for “harbour”\.$/);
    assert.equal(new URL(page.url()).search, '?q=harbour');
    assert.equal(await page.locator('#search-order').inputValue(), '');
    // A later choice, once the menu has settled, is an entry of its own.
    await page.goForward();
    await settledOn(page, /oldest first\.$/);
    await page.waitForTimeout(1500);
    await page.locator('#search-order').selectOption('newest');
    await settledOn(page, /^2 results for “harbour”, newest first\.$/);
    await page.goBack();
    await settledOn(page, /oldest first\.$/);
    assert.deepEqual(watched.consoleMessages, []);
    await watched.page.context().close();
  });

  it('an Order choice made while a query is being typed is one search and one Back step with it, back to the search shown before', async () => {
    const { watched, page, entries } = await harbourSearchRecorded();
    await page.locator('#search-q').press('End');
    await page.keyboard.type(' pier');
    await page.locator('#search-order').selectOption('newest');
    assert.deepEqual(await settledOn(page, /^1 result for “harbour pier”, newest first\.$/), ['New pier for the harbour']);
    await page.waitForTimeout(1500);
    // The query typed was never searched alone: the reader saw one search, and it is one entry.
    assert.deepEqual(await page.evaluate('window.statuses.filter((text) => /“harbour pier”\\.$/.test(text))'), []);
    assert.equal(await page.evaluate('history.length'), entries + 1);
    // Back shows the search before both, its words and order in the form.
    await page.goBack();
    await settledOn(page, /^2 results for “harbour”\.$/);
    assert.equal(await page.locator('#search-q').inputValue(), 'harbour');
    assert.equal(await page.locator('#search-order').inputValue(), '');
    await page.goForward();
    await settledOn(page, /^1 result for “harbour pier”, newest first\.$/);
    assert.equal(await page.locator('#search-q').inputValue(), 'harbour pier');
    assert.equal(await page.locator('#search-order').inputValue(), 'newest');
    assert.deepEqual(watched.consoleMessages, []);
    await watched.page.context().close();
  });

  /** The words marked on the article at `path` opened with these highlight words. */
  async function marked(page: Page, path: string, words: string[]): Promise<string[]> {
    const url = new URL(path, server.origin);
    for (const word of words) url.searchParams.append('highlight', word);
    await page.goto(url.href);
    // The highlighter runs once Pagefind's script has loaded: wait for the mark of a word worth
    // marking, then read them all.
    await page.locator('mark.pagefind-highlight').first().waitFor();
    return page.locator('mark.pagefind-highlight').allTextContents();
  }

  it('an article opened to highlight punctuation or a single letter does not mark it', async () => {
    const watched = await openWatchedPage(browser, server.origin);
    const { page } = watched;
    await page.goto(`${server.origin}/search/?q=pier`);
    await settledOn(page, /^1 result for “pier”/);
    const pier = new URL((await page.locator('.search-result-title a').getAttribute('href')) ?? '', server.origin).pathname;
    assert.deepEqual(await marked(page, pier, ['"', 'pier']), ['pier', 'pier']);
    assert.deepEqual(await marked(page, pier, ['a', '—', '“', 'ferries']), ['ferries']);
    assert.deepEqual(await marked(page, pier, ['.', ',', 'opened']), ['opened']);
    // One character of a script written without spaces is a word.
    await page.goto(`${server.origin}/search/?q=猫`);
    await settledOn(page, /^1 result for “猫”/);
    const neko = new URL((await page.locator('.search-result-title a').getAttribute('href')) ?? '', server.origin).pathname;
    assert.ok((await marked(page, neko, ['猫'])).length >= 3);
    assert.deepEqual(watched.consoleMessages, []);
    await watched.page.context().close();
  });
});

describe('a filter shown whole', { skip }, () => {
  let browser: Browser;
  let server: StaticServer;
  // Twelve tags on twelve articles: more than the eight a filter shows before "Show all".
  const TAGS = ['Ferries', 'Fishing', 'Harbour', 'Lighthouses', 'Moorings', 'Piers', 'Quays', 'Sailing', 'Tides', 'Weather', 'Whales', 'Zoë Crane'];

  before(async () => {
    const files: Record<string, string> = {};
    const sidecar: object[] = [];
    TAGS.forEach((tag, i) => {
      const file = `2024-04-${String(i + 1).padStart(2, '0')}-coast-${i}.txt`;
      files[file] = `Coast report ${i + 1}\n\nThe coast report number ${i + 1} is about ${tag.toLowerCase()}.\n`;
      sidecar.push({ file, tags: [tag] });
    });
    const build = await buildArchive(await writeInbox('search-keyboard-tags', files, sidecar));
    assert.equal(build.exitCode, 0, build.stderr);
    ({ server, browser } = await serveInBrowser(build.outDir));
  });
  after(() => closeServed(browser, server));

  it('"Show all" leads to a find box that narrows the values the Tab key passes through', async () => {
    const watched = await openWatchedPage(browser, server.origin);
    const { page } = watched;
    await page.goto(`${server.origin}/search/?q=coast`);
    await settledOn(page, /^12 results for “coast”/);
    const tags = page.locator('fieldset.search-filter').filter({ has: page.locator('legend', { hasText: /^Tags$/ }) });
    assert.equal(await tags.locator('input[type=checkbox]').count(), 8);
    await tags.getByRole('button', { name: 'Show all 12' }).focus();
    await page.keyboard.press('Enter');
    // Focus moves to the box that opens the list, labelled for its filter.
    const find = page.getByRole('searchbox', { name: 'Find in Tags' });
    assert.equal(await find.evaluate((box) => box === document.activeElement), true);
    assert.equal(await tags.locator('input[type=checkbox]:visible').count(), 12);
    await page.keyboard.type('zoe');
    assert.deepEqual((await tags.locator('li:visible').allTextContents()).map((text) => text.trim()), ['Zoë Crane (1)']);
    assert.equal(await tags.getByRole('status').textContent(), '1 of 12 shown');
    // The next Tab stop is that value, and checking it keeps it focused.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await settledOn(page, /^1 result for “coast” in Zoë Crane/);
    assert.equal(await page.evaluate('document.activeElement.value'), 'Zoë Crane');
    assert.deepEqual(watched.consoleMessages, []);
    await watched.page.context().close();
  });

  it('a list shown whole is one Tab stop, which the arrow keys, Home and End move through', async () => {
    const watched = await openWatchedPage(browser, server.origin);
    const { page } = watched;
    await page.goto(`${server.origin}/search/?q=coast`);
    await settledOn(page, /^12 results for “coast”/);
    const tags = page.locator('fieldset.search-filter').filter({ has: page.locator('legend', { hasText: /^Tags$/ }) });
    await tags.getByRole('button', { name: 'Show all 12' }).click();
    const find = page.getByRole('searchbox', { name: 'Find in Tags' });
    assert.equal(await find.evaluate((box) => box === document.activeElement), true);
    // The box's description tells how the list is reached.
    const described = await find.evaluate((box) => (box.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' '));
    assert.match(described, /arrow keys/);
    const focusedValue = () => page.evaluate('document.activeElement.value');
    // With the box empty, all twelve show; Tab reaches the first, and the next Tab leaves the list.
    assert.equal(await tags.locator('input[type=checkbox]:visible').count(), 12);
    await page.keyboard.press('Tab');
    assert.equal(await focusedValue(), TAGS[0]);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate('document.activeElement.textContent'), 'Show fewer');
    // Back into the list, where the arrow keys, Home and End move.
    await page.keyboard.press('Shift+Tab');
    assert.equal(await focusedValue(), TAGS[0]);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.equal(await focusedValue(), TAGS[2]);
    await page.keyboard.press('ArrowUp');
    assert.equal(await focusedValue(), TAGS[1]);
    await page.keyboard.press('End');
    assert.equal(await focusedValue(), TAGS.at(-1));
    await page.keyboard.press('Home');
    assert.equal(await focusedValue(), TAGS[0]);
    await page.keyboard.press('ArrowDown');
    // Tab comes back to the value last moved to.
    await page.keyboard.press('Shift+Tab');
    assert.equal(await page.evaluate('document.activeElement.id'), 'search-find-tags');
    await page.keyboard.press('Tab');
    assert.equal(await focusedValue(), TAGS[1]);
    // Narrowed by the find box, Tab reaches a value still shown, and checking it keeps it focused.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.type('wh');
    await page.keyboard.press('Tab');
    assert.equal(await focusedValue(), 'Whales');
    await page.keyboard.press('Space');
    await settledOn(page, /^1 result for “coast” in Whales/);
    assert.equal(await focusedValue(), 'Whales');
    assert.deepEqual(watched.consoleMessages, []);
    await watched.page.context().close();
  });
});
