// A result Pagefind finds by its summary alone (searchable meta; a summary edited by hand may hold
// words the text does not) showed the body's excerpt with nothing marked, so the reader could not
// see why it matched. The page now shows the summary then, with the query's words marked, as text.

import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { browserSkipReason, closeServed, openWatchedPage, serveInBrowser } from '../helpers/browser.ts';
import { buildArchive, writeInbox } from '../helpers/run-build.ts';
import type { StaticServer } from '../helpers/static-server.ts';
import { searchSettled } from '../search/search-in-page.ts';

const skip = browserSkipReason();

const FILES: Record<string, string> = {
  '2024-03-01-pier.txt': 'Harbour works begin\n\nThe harbour board agreed the winter moorings on Friday.\n\nWork starts next week.\n',
  '2024-03-02-storm.txt': 'Storm floods the quay\n\nThe storm flooded the quay and the harbour wall.\n',
};
// Written by hand into the article file: words the text does not have, and markup as text.
const SUMMARY = 'Dhows from Zanzibar will moor here <img src=x onerror=alert(1)> in the elected season.';

describe('a result found by its summary alone', { skip }, () => {
  let browser: Browser;
  let server: StaticServer;

  before(async () => {
    const inbox = await writeInbox('search-summary', FILES);
    const first = await buildArchive(inbox);
    assert.equal(first.exitCode, 0, first.stderr);
    const file = path.join(first.articlesDir, '2024', 'harbour-works-begin.md');
    const text = await readFile(file, 'utf8');
    assert.match(text, /^summary: .*$/m);
    await writeFile(file, text.replace(/^summary: .*$/m, `summary: ${JSON.stringify(SUMMARY)}`));
    const build = await buildArchive(inbox, [], { outDir: first.outDir, articlesDir: first.articlesDir });
    assert.equal(build.exitCode, 0, build.stderr);
    ({ server, browser } = await serveInBrowser(build.outDir));
  });
  after(() => closeServed(browser, server));

  for (const [query, marked] of [
    ['zanzibar', ['Zanzibar']],
    ['zanz', ['Zanzibar']],
    ['elections', ['elected']],
  ] as const) {
    it(`shows the summary with the words marked for “${query}”`, async () => {
      const watched = await openWatchedPage(browser, server.origin);
      await watched.page.goto(`${server.origin}/search/?q=${query}`);
      assert.match(await searchSettled(watched.page), new RegExp(`^1 result for “${query}”\\.$`));
      const excerpt = watched.page.locator('.search-result-excerpt');
      assert.equal(await excerpt.textContent(), SUMMARY);
      assert.deepEqual(await excerpt.locator('mark').allTextContents(), marked);
      assert.equal(await excerpt.locator('img').count(), 0);
      assert.deepEqual(watched.dialogs, []);
      assert.deepEqual(watched.consoleMessages, []);
      await watched.page.context().close();
    });
  }

  it('keeps the text’s excerpt for a word of the text, though the summary has it too', async () => {
    const watched = await openWatchedPage(browser, server.origin);
    await watched.page.goto(`${server.origin}/search/?q=moor`);
    assert.match(await searchSettled(watched.page), /^1 result for “moor”\.$/);
    const excerpt = watched.page.locator('.search-result-excerpt');
    assert.match((await excerpt.textContent()) ?? '', /^Harbour works begin\. The harbour board agreed the winter moorings/);
    assert.deepEqual(await excerpt.locator('mark').allTextContents(), ['moorings']);
    assert.deepEqual(watched.consoleMessages, []);
    await watched.page.context().close();
  });
});
