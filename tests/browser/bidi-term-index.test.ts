// In Chromium: an index of tags (or sections, people…) shows each name's article count after the
// name, to its right, for right-to-left names as for left-to-right ones. A number after a
// right-to-left word joins its run unless the name is isolated, and is then drawn before it.

import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { browserSkipReason, openWatchedPage, type WatchedPage, serveInBrowser, closeServed } from '../helpers/browser.ts';
import { temporaryDir } from '../helpers/paths.ts';
import { buildArchive } from '../helpers/run-build.ts';
import type { StaticServer } from '../helpers/static-server.ts';

const skip = browserSkipReason();
const TAGS = ['حرية الصحافة', 'עיתונות', 'press freedom'];

describe('counts beside right-to-left names in term indexes', { skip }, () => {
  let server: StaticServer;
  let browser: Browser;
  let watched: WatchedPage;

  before(async () => {
    const inbox = await temporaryDir('bidi-term-index');
    const meta: string[] = [];
    for (const [i, file] of ['a.txt', 'b.txt'].entries()) {
      await writeFile(path.join(inbox, file), `Press report number ${i + 1}\n\nThe press council published report number ${i + 1} on the state of the newspapers.\n`);
      meta.push(JSON.stringify({ file, date: `2024-03-0${i + 1}`, section: i === 0 ? 'أخبار' : 'חדשות', tags: TAGS }));
    }
    await writeFile(path.join(inbox, 'meta.jsonl'), meta.join('\n') + '\n');
    const build = await buildArchive(inbox);
    assert.equal(build.exitCode, 0, build.stderr);
    ({ server, browser } = await serveInBrowser(build.outDir, '/'));
    watched = await openWatchedPage(browser, server.origin);
  });

  after(() => closeServed(browser, server));

  for (const sitePath of ['/tags/', '/tags/by-count/', '/sections/', '/sections/by-count/']) {
    it(`draws each count to the right of its name on ${sitePath}`, async () => {
      await watched.page.goto(`${server.origin}${sitePath}`);
      const rows = await watched.page.$$eval('.term-index-list li', (items) =>
        items.map((item) => {
          const name = item.querySelector('a')!.getBoundingClientRect();
          const count = item.querySelector('.term-index-count')!.getBoundingClientRect();
          return { name: item.querySelector('a')!.textContent, nameRight: name.right, countLeft: count.left };
        }),
      );
      assert.ok(rows.length >= 2, `${rows.length} names`);
      const misplaced = rows.filter((row) => row.countLeft < row.nameRight).map((row) => row.name);
      assert.deepEqual(misplaced, []);
      assert.deepEqual(watched.consoleMessages, []);
    });
  }

  it('draws the chart summary after a right-to-left name at the end of the chart title, on the name’s page', async () => {
    await watched.page.goto(`${server.origin}/tags/`);
    const href = await watched.page.locator('.term-index-list a', { hasText: 'עיתונות' }).getAttribute('href');
    await watched.page.goto(`${server.origin}${href}`);
    // Where the name ends and where the summary's first character (a figure) is drawn.
    const [title, summary] = await watched.page.$$eval(
      '.chart figcaption',
      ([caption], name) => {
        const walker = document.createTreeWalker(caption!.querySelector('.chart-title')!, NodeFilter.SHOW_TEXT);
        while (walker.nextNode() && !(walker.currentNode as Text).data.includes(name));
        const nameText = walker.currentNode as Text;
        const nameRange = document.createRange();
        nameRange.setStart(nameText, nameText.data.indexOf(name));
        nameRange.setEnd(nameText, nameText.data.indexOf(name) + name.length);
        const summaryStart = document.createRange();
        const text = caption!.querySelector('.chart-summary')!.firstChild!;
        summaryStart.setStart(text, 0);
        summaryStart.setEnd(text, 1);
        return [nameRange.getBoundingClientRect(), summaryStart.getBoundingClientRect()];
      },
      'עיתונות',
    );
    assert.ok(Math.abs(title!.top - summary!.top) <= 2, 'on one line');
    assert.ok(summary!.left >= title!.right, `the summary's first figure at ${summary!.left}, the name ending at ${title!.right}`);
    assert.deepEqual(watched.consoleMessages, []);
  });
});
