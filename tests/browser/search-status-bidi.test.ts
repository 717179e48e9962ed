// Right-to-left text in the search page's own English lines (the query and the filter values in
// the status, a value beside its count in the filter panel) is isolated, so that it keeps its own
// order and leaves the quotes, numbers and counts around it where they belong. Checked where the
// glyphs land in Chromium, not in the markup.

import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { browserSkipReason, openWatchedPage, serveInBrowser, closeServed } from '../helpers/browser.ts';
import { temporaryDir } from '../helpers/paths.ts';
import { buildArchive } from '../helpers/run-build.ts';
import type { StaticServer } from '../helpers/static-server.ts';
import { searchSettled } from '../search/search-in-page.ts';

const skip = browserSkipReason();

const SECTION = 'اقتصاد';
const WORD = 'السعودية';

// A string, not a function: the test runner's TypeScript transform would add helpers the page
// does not have (as in search-in-page.ts).
const LEFT_EDGE = `(root, wanted) => {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.textContent.indexOf(wanted);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + wanted.length);
    return range.getBoundingClientRect().left;
  }
  throw new Error('"' + wanted + '" is not in ' + root.id);
}`;

/** The left edges of two substrings of the text inside `selector`, as Chromium lays them out. */
async function leftEdges(page: Page, selector: string, first: string, second: string): Promise<[number, number]> {
  const edge = (wanted: string) => page.evaluate(`(${LEFT_EDGE})(document.querySelector(${JSON.stringify(selector)}), ${JSON.stringify(wanted)})`) as Promise<number>;
  return [await edge(first), await edge(second)];
}

describe('right-to-left text in the search page', { skip }, () => {
  let browser: Browser;
  let server: StaticServer;

  before(async () => {
    const inbox = path.join(await temporaryDir('status-bidi'), 'inbox');
    await mkdir(path.join(inbox, SECTION), { recursive: true });
    const files = ['2024-05-01-a.txt', '2024-05-02-b.txt'];
    await writeFile(path.join(inbox, SECTION, files[0]!), `ارتفاع صادرات ${WORD}\n\nارتفعت صادرات ${WORD} في عام 2015 بنسبة كبيرة.\n`);
    await writeFile(path.join(inbox, SECTION, files[1]!), `ميزانية ${WORD} الجديدة\n\nأعلنت ${WORD} ميزانية جديدة للعام المقبل.\n`);
    await writeFile(path.join(inbox, SECTION, 'meta.jsonl'), files.map((file) => JSON.stringify({ file, language: 'ar' })).join('\n') + '\n');
    const build = await buildArchive(inbox);
    assert.equal(build.exitCode, 0, build.stderr);
    ({ server, browser } = await serveInBrowser(build.outDir));
  });
  after(() => closeServed(browser, server));

  it('shows an Arabic query in the status in its own order: a number it starts with on its right', async () => {
    const watched = await openWatchedPage(browser, server.origin);
    const query = `2015 ${WORD}`;
    await watched.page.goto(`${server.origin}/search/?q=${encodeURIComponent(query)}`);
    assert.equal(await searchSettled(watched.page), `1 result for “${query}”.`);
    const [number, word] = await leftEdges(watched.page, '#search-status', '2015', WORD);
    assert.ok(number > word, `"2015" begins the query, so in right-to-left order it is right of ${WORD} (left edges ${number} and ${word})`);
    // The closing quote stays after the query, at the right end of it.
    const [closing, start] = await leftEdges(watched.page, '#search-status', '”', '2015');
    assert.ok(closing > start, `the closing quote is right of the query (left edges ${closing} and ${start})`);
    assert.deepEqual(watched.consoleMessages, []);
    await watched.page.context().close();
  });

  it('keeps a filter value apart from its count, and from the words around it in the status', async () => {
    const watched = await openWatchedPage(browser, server.origin);
    await watched.page.goto(`${server.origin}/search/?section=${encodeURIComponent(SECTION)}`);
    assert.equal(await searchSettled(watched.page), `2 results in ${SECTION}, newest first.`);
    const label = watched.page.locator('#search-filter-groups label').filter({ hasText: SECTION });
    assert.equal(await label.count(), 1);
    const [value, count] = await leftEdges(watched.page, '#search-filter-groups', SECTION, '(2)');
    assert.ok(count > value, `the count follows the value, on its right (left edges ${count} and ${value})`);
    const [inWord, section] = await leftEdges(watched.page, '#search-status', ' in ', SECTION);
    const [comma] = await leftEdges(watched.page, '#search-status', ', newest', SECTION);
    assert.ok(inWord < section && comma > section, `"in", the section, then ", newest first", left to right (${inWord}, ${section}, ${comma})`);
    assert.deepEqual(watched.consoleMessages, []);
    await watched.page.context().close();
  });

  it('lays out an Arabic query in the search boxes right to left, an English one left to right', async () => {
    const watched = await openWatchedPage(browser, server.origin);
    await watched.page.goto(`${server.origin}/search/?q=${encodeURIComponent(`2015 ${WORD}`)}`);
    await searchSettled(watched.page);
    const direction = (selector: string) => watched.page.locator(selector).evaluate((box) => getComputedStyle(box).direction);
    assert.equal(await direction('#search-q'), 'rtl');
    await watched.page.locator('#site-search-q').fill(WORD);
    assert.equal(await direction('#site-search-q'), 'rtl');
    await watched.page.locator('#search-q').fill('harbour');
    assert.equal(await direction('#search-q'), 'ltr');
    assert.deepEqual(watched.consoleMessages, []);
    await watched.page.context().close();
  });
});
