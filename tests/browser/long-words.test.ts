// In Chromium at 320 px: a word longer than the screen (a scraped token, a URL, a name run
// together) in a headline, body, section, tag, person or author name breaks instead of making any
// page of the site scroll sideways: the home page, lists, term pages and indexes, the month
// archive, about and the articles themselves, left-to-right and right-to-left.

import assert from 'node:assert/strict';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { browserSkipReason, launchBrowser, openWatchedPage, type WatchedPage } from '../helpers/browser.ts';
import { temporaryDir } from '../helpers/paths.ts';
import { buildArchive, type BuildRun } from '../helpers/run-build.ts';
import { urlPathOf } from '../helpers/site-files.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

const skip = browserSkipReason();
const long = (start: string, letter: string, length: number) => start + letter.repeat(length);
const PERSON = `${long('Person', 'p', 100)} ${long('Smith', 'q', 100)}`;

async function writeInbox(): Promise<string> {
  const inbox = await temporaryDir('long-words-inbox');
  // Names of up to 200 characters, as many as a sidecar name may have (SIDECAR_TOO_LONG): a word of 190 letters is 1,500 px wide.
  const shared = { date: '2024-03-01', section: long('Sec', 's', 190), tags: [long('Tag', 't', 190)], people: [PERSON] };
  const files: Array<[string, string[], Record<string, unknown>]> = [
    [
      'a.txt',
      [long('Supercalifragilistic', 'x', 300), `A body with an unbroken token ${long('', 'y', 500)} inside.`, `https://example.com/${long('', 'z', 300)}`, 'Then an ordinary sentence to end with.'],
      { ...shared, authors: [long('Author', 'a', 190)], url: `https://example.com/${long('', 'u', 300)}`, source: long('Src', 'r', 190) },
    ],
    ['b.txt', ['Another article about the same long things', 'The body is plain and ordinary text for reading.', `${PERSON} said so.`], shared],
    ['c.txt', [`مقال عربي ${long('', 'ب', 300)}`, `نص عربي طويل ${long('', 'ج', 400)} نهاية.`], { ...shared, language: 'ar', tags: [], people: [] }],
  ];
  for (const [file, lines] of files) await writeFile(path.join(inbox, file), lines.join('\n\n') + '\n');
  await writeFile(path.join(inbox, 'meta.jsonl'), files.map(([file, , meta]) => JSON.stringify({ file, ...meta })).join('\n') + '\n');
  return inbox;
}

describe('pages with words longer than a phone screen', { skip }, () => {
  let build: BuildRun;
  let server: StaticServer;
  let browser: Browser;
  let watched: WatchedPage;

  before(async () => {
    build = await buildArchive(await writeInbox());
    assert.equal(build.exitCode, 0, build.stderr);
    server = await serveStatic(build.outDir, '/');
    browser = await launchBrowser();
    watched = await openWatchedPage(browser, server.origin);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('fit a 320 px wide screen without sideways scrolling, every page of the site', async () => {
    const pages = (await readdir(build.outDir, { recursive: true }))
      .filter((file) => file.endsWith('.html') && !file.startsWith('pagefind'))
      .map((file) => urlPathOf(file));
    assert.ok(pages.length >= 15, `${pages.length} pages`);
    await watched.page.setViewportSize({ width: 320, height: 700 });
    const tooWide: string[] = [];
    for (const sitePath of pages) {
      await watched.page.goto(`${server.origin}${sitePath}`);
      const width = await watched.page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 320) tooWide.push(`${sitePath} is ${width} px wide`);
    }
    assert.deepEqual(tooWide, []);
    assert.deepEqual(watched.consoleMessages, []);
  });
});
