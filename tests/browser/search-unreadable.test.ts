// When the search index cannot be read in full (a file missing on the server while a deploy is
// half done, or the browser offline), the search page says so, and what it could read it shows:
// one unreadable result used to fail the whole list with "Search failed: invalid gzip data".

import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { browserSkipReason, openWatchedPage, serveInBrowser, closeServed } from '../helpers/browser.ts';
import { temporaryDir } from '../helpers/paths.ts';
import { buildArchive, type BuildRun } from '../helpers/run-build.ts';
import type { StaticServer } from '../helpers/static-server.ts';
import { searchReady, searchSettled } from '../search/search-in-page.ts';

const skip = browserSkipReason();

const ARTICLES = [
  ['2024-03-01-north.txt', 'North lighthouse repainted', 'The north lighthouse was repainted in red and white stripes by the harbour board.'],
  ['2024-03-02-south.txt', 'South lighthouse keeper retires', 'The keeper of the south lighthouse retired after forty years of service.'],
  ['2024-03-03-east.txt', 'East lighthouse opens to visitors', 'Visitors may climb the east lighthouse on weekends from April.'],
] as const;

/** The site path of the page a Pagefind fragment file holds (fragments are gzip, a signature, then JSON). */
async function fragmentUrl(file: string): Promise<string> {
  const data = gunzipSync(await readFile(file)).toString('utf8');
  return (JSON.parse(data.slice(data.indexOf('{'))) as { url: string }).url;
}

describe('a search index that cannot be read in full', { skip }, () => {
  let build: BuildRun;
  let server: StaticServer;
  let browser: Browser;
  const saved = new Map<string, Buffer>();

  before(async () => {
    const inbox = path.join(await temporaryDir('unreadable'), 'inbox');
    await mkdir(inbox, { recursive: true });
    for (const [file, title, body] of ARTICLES) await writeFile(path.join(inbox, file), `${title}\n\n${body}\n`);
    build = await buildArchive(inbox);
    assert.equal(build.exitCode, 0, build.stderr);
    // The south article's fragment is gone, as on a host where a deploy has not copied it yet.
    const south = build.report.articles.find((article) => article.title === ARTICLES[1][1])!;
    const fragments = path.join(build.outDir, 'pagefind', 'fragment');
    let removed = 0;
    for (const name of await readdir(fragments)) {
      if ((await fragmentUrl(path.join(fragments, name))) !== south.url) continue;
      saved.set(path.join(fragments, name), await readFile(path.join(fragments, name)));
      await rm(path.join(fragments, name));
      removed++;
    }
    assert.equal(removed, 1, `one fragment holds ${south.url}`);
    ({ server, browser } = await serveInBrowser(build.outDir));
  });
  after(() => closeServed(browser, server));

  it('shows the results it can read and says how many it could not, and why', async () => {
    const watched = await openWatchedPage(browser, server.origin);
    await watched.page.goto(`${server.origin}/search/?q=lighthouse`);
    const status = await searchSettled(watched.page);
    assert.match(status, /^3 results for “lighthouse”\. 1 of them could not be loaded from the search index \(.+\): a file of it may be missing on the server, or the site is being updated\. Search again to retry\.$/);
    const titles = await watched.page.locator('.search-result-title').allTextContents();
    assert.deepEqual([...titles].sort(), [ARTICLES[0][1], ARTICLES[2][1]].sort());
    // At most the browser's own report of the missing file (when Pagefind runs on the page's
    // thread, its worker having been slow to start), nothing else.
    assert.ok(watched.consoleMessages.every((message) => /status of 404/.test(message)), watched.consoleMessages.join('\n'));
    await watched.page.context().close();
  });

  it('the same in newest-first order, which places results by their dates', async () => {
    const watched = await openWatchedPage(browser, server.origin);
    await watched.page.goto(`${server.origin}/search/?q=lighthouse&order=newest`);
    assert.match(await searchSettled(watched.page), /^3 results for “lighthouse”, newest first\. 1 of them could not be loaded from the search index/);
    assert.deepEqual(await watched.page.locator('.search-result-title').allTextContents(), [ARTICLES[2][1], ARTICLES[0][1]]);
    await watched.page.context().close();
  });

  it('says the browser is offline when it is, rather than quoting a failed fetch', async () => {
    const watched = await openWatchedPage(browser, server.origin);
    await watched.page.goto(`${server.origin}/search/`);
    await searchReady(watched.page);
    await watched.page.locator('#search-q').focus();
    await watched.page.context().setOffline(true);
    await watched.page.keyboard.type('lighthouse');
    await watched.page.keyboard.press('Enter');
    assert.equal(await searchSettled(watched.page), 'Search failed: this browser is offline, so the search index could not be loaded. Search again once it is back online.');
    assert.equal(await watched.page.locator('#search-status').getAttribute('role'), 'status');
    await watched.page.context().close();
  });

  // Last: it puts the fragment back. Pagefind keeps a fragment's failed read as its answer, so
  // the result stayed unreadable until a reload.
  it('reads the fragment again on the next search once it is back on the server', async () => {
    const watched = await openWatchedPage(browser, server.origin);
    await watched.page.goto(`${server.origin}/search/?q=lighthouse`);
    assert.match(await searchSettled(watched.page), /^3 results for “lighthouse”\. 1 of them could not be loaded/);
    for (const [file, bytes] of saved) await writeFile(file, bytes);
    await watched.page.locator('#search-q').press('Enter');
    assert.equal(await searchSettled(watched.page), '3 results for “lighthouse”.');
    assert.equal(await watched.page.locator('.search-result-title').count(), 3);
    assert.ok(watched.consoleMessages.every((message) => /status of 404/.test(message)), watched.consoleMessages.join('\n'));
    await watched.page.context().close();
  });
});
