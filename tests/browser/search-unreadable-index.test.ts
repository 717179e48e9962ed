// When an index chunk of the search index cannot be loaded (missing on the server while a deploy
// is half done), Pagefind logs it in its worker and searches on without it: "harbour" found 2 of
// its 3 articles and the page said nothing. The page now says results may be missing, and why.

import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { browserSkipReason, launchBrowser, openWatchedPage } from '../helpers/browser.ts';
import { temporaryDir } from '../helpers/paths.ts';
import { buildArchive } from '../helpers/run-build.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';
import { searchSettled } from '../search/search-in-page.ts';

const skip = browserSkipReason();

const FILES: Record<string, string> = {
  '2024-03-01-pier.txt': 'New pier for the harbour\n\nThe harbour opened a new pier for the ferries.\n',
  '2021-05-02-moorings.txt': 'Winter moorings agreed\n\nThe harbour board agreed the winter moorings.\n',
  '2021-05-03-storm.txt': 'Storm floods the quay\n\nThe storm flooded the quay and the harbour wall.\n',
};

describe('a search index with an index chunk missing', { skip }, () => {
  let server: StaticServer;
  let browser: Browser;
  let missing: string[];
  let chunks: string;
  const saved = new Map<string, Buffer>();

  before(async () => {
    const inbox = path.join(await temporaryDir('unreadable-index'), 'inbox');
    await mkdir(inbox, { recursive: true });
    for (const [name, text] of Object.entries(FILES)) await writeFile(path.join(inbox, name), text);
    const build = await buildArchive(inbox);
    assert.equal(build.exitCode, 0, build.stderr);
    // The older part's index chunks are gone, as on a host where a deploy has not copied them yet.
    chunks = path.join(build.outDir, 'pagefind', '2021', 'index');
    missing = await readdir(chunks);
    assert.ok(missing.length > 0, 'the 2021 part has index chunks');
    for (const name of missing) {
      saved.set(name, await readFile(path.join(chunks, name)));
      await rm(path.join(chunks, name));
    }
    server = await serveStatic(build.outDir);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const order of ['', 'newest'] as const) {
    it(`says results may be missing, naming the chunk${order ? `, ${order} first` : ''}`, async () => {
      const watched = await openWatchedPage(browser, server.origin);
      await watched.page.goto(`${server.origin}/search/?q=harbour${order ? `&order=${order}` : ''}`);
      const status = await searchSettled(watched.page);
      const chunk = status.match(/\(([^()]+): 404 Not Found(?:, and \d+ more)?\)/)?.[1] ?? '';
      assert.match(
        status,
        new RegExp(`^1 result for “harbour”${order ? ', newest first' : ''}\\. Some results may be missing: part of the search index could not be loaded \\(.+: 404 Not Found(, and \\d+ more)?\\): a file of it may be missing on the server, or the site is being updated\\. Search again to retry\\.$`),
      );
      assert.ok(missing.some((name) => chunk === `/pagefind/2021/index/${name}`), `${chunk} is a removed chunk`);
      assert.equal(await watched.page.locator('#search-status.search-error').count(), 1);
      assert.deepEqual(await watched.page.locator('.search-result-title').allTextContents(), ['New pier for the harbour']);
      // At most the browser's and Pagefind's own reports of the missing file, nothing else.
      assert.ok(watched.consoleMessages.every((message) => /status of 404|Failed to load the index chunk/.test(message)), watched.consoleMessages.join('\n'));
      await watched.page.context().close();
    });
  }

  // Last: it puts the chunks back. Pagefind keeps a chunk it failed to fetch as loaded and never
  // fetched it again, so the note stayed, and the results stayed short, until a reload.
  it('fetches the chunk again on the next search: reported while missing, read once it is back', async () => {
    const watched = await openWatchedPage(browser, server.origin);
    await watched.page.goto(`${server.origin}/search/?q=harbour`);
    assert.match(await searchSettled(watched.page), /^1 result for “harbour”\. Some results may be missing/);
    await watched.page.locator('#search-q').press('Enter');
    assert.match(await searchSettled(watched.page), /^1 result for “harbour”\. Some results may be missing/);
    for (const [name, bytes] of saved) await writeFile(path.join(chunks, name), bytes);
    await watched.page.locator('#search-q').press('Enter');
    assert.equal(await searchSettled(watched.page), '3 results for “harbour”.');
    assert.equal(await watched.page.locator('#search-status.search-error').count(), 0);
    assert.deepEqual([...(await watched.page.locator('.search-result-title').allTextContents())].sort(), ['New pier for the harbour', 'Storm floods the quay', 'Winter moorings agreed']);
    assert.ok(watched.consoleMessages.every((message) => /status of 404|Failed to load the index chunk/.test(message)), watched.consoleMessages.join('\n'));
    assert.deepEqual(watched.workerFallbacks, []);
    await watched.page.context().close();
  });
});
