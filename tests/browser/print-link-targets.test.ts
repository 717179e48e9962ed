// In Chromium, printing an article of a site with a public address (`--base-url`) under a path
// prefix: the site's own links print their full URL, not a bare site path, and external links
// keep printing theirs. (The site without one prints no target for its own links:
// website-a11y.test.ts.)

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
const BASE_URL = 'https://news.example.org';
const PREFIX = '/archive/';
const SOURCE_URL = 'https://example.com/original-story';

async function writeInbox(): Promise<string> {
  const inbox = await temporaryDir('print-links-inbox');
  await writeFile(path.join(inbox, 'a.txt'), 'Harbour reopens after the storm\n\nThe harbour reopened on Monday after a week of repairs to the sea wall.\n');
  await writeFile(path.join(inbox, 'meta.jsonl'), `${JSON.stringify({ file: 'a.txt', date: '2024-03-01', section: 'Local', tags: ['Harbour'], url: SOURCE_URL })}\n`);
  return inbox;
}

describe('printing a page of a site with a public address', { skip }, () => {
  let build: BuildRun;
  let server: StaticServer;
  let browser: Browser;
  let watched: WatchedPage;

  before(async () => {
    build = await buildArchive(await writeInbox(), ['--base-url', BASE_URL, '--path-prefix', PREFIX]);
    assert.equal(build.exitCode, 0, build.stderr);
    ({ server, browser } = await serveInBrowser(build.outDir, PREFIX));
    watched = await openWatchedPage(browser, server.origin);
  });

  after(() => closeServed(browser, server));

  it('writes the full URL after the site’s own links and the target after external ones', async () => {
    const article = build.report.articles[0]!;
    await watched.page.goto(`${server.origin}${article.url}`, { timeout: 10_000 });
    await watched.page.emulateMedia({ media: 'print' });
    const printed = await watched.page.evaluate(() =>
      [...document.querySelectorAll('main a[href]')].map((link) => ({ href: link.getAttribute('href')!, after: getComputedStyle(link, '::after').content })),
    );
    await watched.page.emulateMedia({ media: 'screen' });
    const internal = printed.filter((link) => link.href.startsWith('/'));
    assert.ok(internal.length >= 2, `${internal.length} links to the site's own pages`);
    for (const link of internal) {
      assert.ok(link.href.startsWith(PREFIX), link.href);
      assert.equal(link.after, `" <${BASE_URL}${link.href}>"`);
    }
    assert.ok(printed.some((link) => link.href === SOURCE_URL && link.after === `" <${SOURCE_URL}>"`), JSON.stringify(printed));
    assert.deepEqual(watched.consoleMessages, []);
  });
});
