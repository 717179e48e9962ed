// A link whose filter the archive does not have, a made-up value (`?section=Nonexistent`) or a
// parameter that is no filter (`?colour=red`), is named in the status with how to clear it. The
// page said "No results in Nonexistent. Try other or fewer words", about words that were not what
// found nothing, and dropped an unknown parameter without a word.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { browserSkipReason, closeServed, openWatchedPage, serveInBrowser } from '../helpers/browser.ts';
import { buildArchive, writeInbox } from '../helpers/run-build.ts';
import type { StaticServer } from '../helpers/static-server.ts';

const skip = browserSkipReason();

const FILES: Record<string, string> = {
  '2024-03-01-pier.txt': 'New pier for the harbour\n\nThe harbour opened a new pier for the ferries.\n',
  '2024-03-02-moorings.txt': 'Winter moorings agreed\n\nThe harbour board agreed the winter moorings.\n',
};
const SIDECAR = [
  { file: '2024-03-01-pier.txt', section: 'Ports' },
  { file: '2024-03-02-moorings.txt', section: 'Council' },
];

/** The status once the page has searched, and the links in it. */
async function statusOf(page: Page): Promise<{ text: string; links: string[] }> {
  await page.locator('#search:not([aria-busy]) .search-form:not([hidden])').waitFor();
  await page.locator('#search:not([aria-busy]) #search-status:not(:empty)').waitFor();
  return {
    text: (await page.locator('#search-status').textContent()) ?? '',
    links: await page.locator('#search-status a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? '')),
  };
}

describe('filters a link names that the archive does not have', { skip }, () => {
  let browser: Browser;
  let server: StaticServer;

  before(async () => {
    const build = await buildArchive(await writeInbox('search-unknown-filters', FILES, SIDECAR));
    assert.equal(build.exitCode, 0, build.stderr);
    ({ server, browser } = await serveInBrowser(build.outDir));
  });
  after(() => closeServed(browser, server));

  it('names a filter value no article has, not the words, and links to the search without it', async () => {
    const watched = await openWatchedPage(browser, server.origin);
    await watched.page.goto(`${server.origin}/search/?q=harbour&section=Nonexistent`);
    const { text, links } = await statusOf(watched.page);
    assert.equal(text, 'No results for “harbour”. No article in the archive has Section “Nonexistent” (a filter in the link). Uncheck it under “Narrow the results”, or search without it.');
    assert.deepEqual(links, ['/search/?q=harbour']);
    await watched.page.locator('#search-status a').click();
    assert.equal((await statusOf(watched.page)).text, '2 results for “harbour”.');
    assert.deepEqual(watched.consoleMessages, []);
    await watched.page.context().close();
  });

  it('names each unknown value of several, and keeps the known ones in the search without them', async () => {
    const watched = await openWatchedPage(browser, server.origin);
    await watched.page.goto(`${server.origin}/search/?section=Ports&year=1999&section=Docks`);
    const { text, links } = await statusOf(watched.page);
    assert.equal(text, 'No results. No article in the archive has Section “Docks” or Year “1999” (a filter in the link). Uncheck them under “Narrow the results”, or search without them.');
    assert.deepEqual(links, ['/search/?section=Ports']);
    assert.deepEqual(watched.consoleMessages, []);
    await watched.page.context().close();
  });

  it('still speaks of words and filters when every value exists but no article has them all', async () => {
    const watched = await openWatchedPage(browser, server.origin);
    await watched.page.goto(`${server.origin}/search/?q=ferries&section=Council`);
    assert.equal((await statusOf(watched.page)).text, 'No results for “ferries” in Council. Try other or fewer words, or remove a filter.');
    await watched.page.context().close();
  });

  it('says which parameters of the link are no filter and were left out', async () => {
    const watched = await openWatchedPage(browser, server.origin);
    await watched.page.goto(`${server.origin}/search/?q=harbour&colour=red`);
    const filters = 'Section, Year, Language, People, Organisations, Places, Tags';
    assert.equal((await statusOf(watched.page)).text, `2 results for “harbour”. The link’s “colour” is not a filter of this search, so it was left out (the filters are ${filters}).`);
    assert.equal(new URL(watched.page.url()).search, '?q=harbour');
    await watched.page.goto(`${server.origin}/search/?colour=red&sections=Ports`);
    assert.equal((await statusOf(watched.page)).text, `The link’s “colour”, “sections” are not filters of this search, so they were left out (the filters are ${filters}).`);
    // The reader's own next search is not the link's.
    await watched.page.locator('#search-q').fill('pier');
    await watched.page.locator('#search-q').press('Enter');
    await watched.page.locator('#search-status').filter({ hasText: /^1 result for “pier”\.$/ }).waitFor();
    assert.deepEqual(watched.consoleMessages, []);
    await watched.page.context().close();
  });
});
