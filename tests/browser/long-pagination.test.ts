// In Chromium at 320 px: a listing with many pages (the home page, a section, a month of the
// date archive) shows its page numbers on as many lines as they need instead of making the page
// scroll sideways, and every number stays a link on the screen.

import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { browserSkipReason, openWatchedPage, type WatchedPage, serveInBrowser, closeServed } from '../helpers/browser.ts';
import { temporaryDir } from '../helpers/paths.ts';
import { buildArchive, type BuildRun } from '../helpers/run-build.ts';
import type { StaticServer } from '../helpers/static-server.ts';

const skip = browserSkipReason();
// One article a page: 30 articles make 29 numbered home pages and 30 pages of their month, so
// a page in the middle shows the newest or first, an ellipsis, five numbers, another and the last.
const ARTICLES = 30;

async function writeInbox(): Promise<string> {
  const inbox = await temporaryDir('long-pagination-inbox');
  const meta: string[] = [];
  for (let i = 1; i <= ARTICLES; i++) {
    const file = `story-${i}.txt`;
    await writeFile(path.join(inbox, file), `Harbour report number ${i}\n\nThe harbour board met on day ${i} and heard the report of its engineer.\n`);
    meta.push(JSON.stringify({ file, date: `2024-03-${String(i).padStart(2, '0')}T09:00:00Z`, section: 'Local' }));
  }
  await writeFile(path.join(inbox, 'meta.jsonl'), meta.join('\n') + '\n');
  return inbox;
}

describe('a listing of many pages on a phone', { skip }, () => {
  let build: BuildRun;
  let server: StaticServer;
  let browser: Browser;
  let watched: WatchedPage;

  before(async () => {
    const config = path.join(await temporaryDir('long-pagination-config'), 'broadsheet.config.json');
    await writeFile(config, JSON.stringify({ pageSize: 1 }));
    build = await buildArchive(await writeInbox(), ['--config', config]);
    assert.equal(build.exitCode, 0, build.stderr);
    ({ server, browser } = await serveInBrowser(build.outDir, '/'));
    watched = await openWatchedPage(browser, server.origin);
  });

  after(() => closeServed(browser, server));

  it('fits a 320 px wide screen, its page numbers wrapping onto more lines', async () => {
    await watched.page.setViewportSize({ width: 320, height: 700 });
    const tooWide: string[] = [];
    for (const sitePath of ['/', '/page/15/', '/page/2/', '/sections/local/', '/sections/local/page/15/', '/archive/2024/03/', '/archive/2024/03/page/15/']) {
      const response = await watched.page.goto(`${server.origin}${sitePath}`);
      assert.equal(response?.status(), 200, sitePath);
      const numbers = await watched.page.locator('.page-numbers a').count();
      assert.ok(numbers >= 4, `${sitePath} shows ${numbers} page numbers`);
      const width = await watched.page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 320) tooWide.push(`${sitePath} is ${width} px wide`);
      // Every number is on the screen, not cut off at its edge.
      const outside = await watched.page.$$eval('.page-numbers a', (links) =>
        links.filter((link) => link.getBoundingClientRect().right > document.documentElement.clientWidth).map((link) => link.textContent),
      );
      if (outside.length > 0) tooWide.push(`${sitePath}: ${outside.join(', ')} past the right edge`);
    }
    assert.deepEqual(tooWide, []);
    assert.deepEqual(watched.consoleMessages, []);
  });
});
