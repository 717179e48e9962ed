// In Chromium: a headline or author name holding an unterminated right-to-left override (U+202E,
// warned about at ingest but kept, as the text is the source's) must not reverse the rest of the
// "Cite this article" line: the site name, date and URL a reader copies read left to right.

import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { browserSkipReason, launchBrowser, openWatchedPage, type WatchedPage } from '../helpers/browser.ts';
import { temporaryDir } from '../helpers/paths.ts';
import { buildArchive, type BuildRun } from '../helpers/run-build.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

const skip = browserSkipReason();

describe('the citation of an article whose headline holds a direction override', { skip }, () => {
  let build: BuildRun;
  let server: StaticServer;
  let browser: Browser;
  let watched: WatchedPage;

  before(async () => {
    const inbox = await temporaryDir('bidi-citation');
    await writeFile(path.join(inbox, '2024-03-05-override.txt'), 'Access granted \u202E to everyone\n\nThe council said the doors would open at nine on Monday.\n');
    await writeFile(path.join(inbox, '2024-03-05-override.json'), JSON.stringify({ author: 'Ann \u202E Byrne' }));
    build = await buildArchive(inbox);
    server = await serveStatic(build.outDir, '/');
    browser = await launchBrowser();
    watched = await openWatchedPage(browser, server.origin);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the site name, date and URL after the headline in reading order', async () => {
    await watched.page.goto(`${server.origin}${build.report.articles[0]!.url}`);
    // Where the first character of each word is drawn: its line's top and its left edge.
    const boxes = await watched.page.evaluate((words: string[]) => {
      const cite = document.querySelector('.cite-plain')!;
      const text = cite.textContent!;
      const walker = document.createTreeWalker(cite, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      while (walker.nextNode()) nodes.push(walker.currentNode as Text);
      return words.map((word) => {
        let at = text.indexOf(word);
        for (const node of nodes) {
          if (at < node.data.length) {
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + 1);
            const box = range.getBoundingClientRect();
            return { top: box.top, left: box.left };
          }
          at -= node.data.length;
        }
        return { top: NaN, left: NaN };
      });
    }, ['Broadsheet', 'sample', 'archive,', 'March', '2024.', 'http://']);
    // In reading order: on the same line further right, or on a later line.
    const after = (a: { top: number; left: number }, b: { top: number; left: number }) => b.top > a.top + 2 || (Math.abs(b.top - a.top) <= 2 && b.left > a.left);
    for (let i = 1; i < boxes.length; i++) assert.ok(after(boxes[i - 1]!, boxes[i]!), `word ${i} comes after word ${i - 1}: ${JSON.stringify(boxes)}`);
    assert.deepEqual(watched.consoleMessages, []);
  });
});
