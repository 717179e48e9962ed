// A query word with symbols in it (`<script>`, `£5m`, `=alert`, `src=x`, `US$6m`) finds the
// articles that say it, in quotes too. Pagefind indexes such a word without its symbols, but loads
// the index chunk of the query word as typed (`<` sorts before every letter, `£` after them) and
// its exact search compares the symbols, so `<script>` found nothing in an article whose text says
// `<script>`, nor `"<img src=x"` in one that says `<img src=x`. Checked in Chromium on a real
// build whose index has several chunks.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { browserSkipReason, closeServed, openWatchedPage, serveInBrowser } from '../helpers/browser.ts';
import { buildArchive, writeInbox } from '../helpers/run-build.ts';
import type { StaticServer } from '../helpers/static-server.ts';
import { searchSettled } from '../search/search-in-page.ts';

const skip = browserSkipReason();

const FORUM = 'Forum post shows markup as text';
const BUDGET = 'Council budget agreed';
const LANGUAGES = 'Programmers compare their tools';
const NETWORK = 'Network attack hits cable firm';
const TOOLKIT = 'Keyboard makers list kit';
const STANDARD = 'Standards body meets';

/** Words enough, each of its own letters, for Pagefind to split the index into several chunks. */
function filler(seed: number): string {
  const words: string[] = [];
  for (let i = 0; i < 400; i++) {
    let n = seed * 1000 + i;
    let word = '';
    for (let letter = 0; letter < 7; letter++, n = Math.floor(n / 26) + letter * 7) word += String.fromCharCode(97 + (n % 26));
    words.push(word);
  }
  return words.join(' ');
}

describe('query words with symbols in them', { skip }, () => {
  let browser: Browser;
  let server: StaticServer;

  before(async () => {
    const files: Record<string, string> = {
      '2024-03-01-forum.txt': `${FORUM}\n\nA reader wrote <script> tags and <img src=x onerror=alert(1)> into the forum, naming AT&T and O'Brien.\n`,
      '2024-03-02-budget.txt': `${BUDGET}\n\nThe council agreed a budget of £5m for the harbour wall and US$6m from the A+B fund.\n`,
    };
    // The letters of `C++`, `C#`, `F#`, `.NET` and `AT&T` begin words of this one, which says none of them.
    files['2024-03-03-network.txt'] = `${NETWORK}\n\nA cable company's network came under attack; the net cost to customers, a vitamin C supplier and a few firms was counted at the weekend.\n`;
    files['2024-03-04-languages.txt'] = `${LANGUAGES}\n\nTeams moved from C++ to C# and F# on .NET, a survey for AT&T found.\n`;
    // `C++` and `AT&T` with more to the word: Pagefind indexes them as `c11` and `attowned`.
    files['2024-03-06-standard.txt'] = `${STANDARD}\n\nThe committee adopted C++11 last spring, and an AT&T-owned network carried the vote.\n`;
    // Words its letters begin, all before the word itself: Pagefind's excerpt is around them.
    files['2024-03-05-toolkit.txt'] = `${TOOLKIT}\n\nKettle kiln kind king kit knack knee knife knit knob knock knot know kudos kale keel kelp kerb key kick kid kin kiss kite kiwi knell, then the rest of the story went on for a long time while nobody spoke of it until the end of the meeting when the team leader stood up and told everyone that the K++ toolkit was ready for release.\n`;
    for (let i = 0; i < 6; i++) files[`2024-04-0${i + 1}-notes-${i}.txt`] = `Notes number ${i + 1}\n\n${filler(i + 1)}\n`;
    const build = await buildArchive(await writeInbox('search-query-symbols', files));
    assert.equal(build.exitCode, 0, build.stderr);
    ({ server, browser } = await serveInBrowser(build.outDir));
  });
  after(() => closeServed(browser, server));

  for (const [query, title] of [
    ['<script>', FORUM],
    ['<img', FORUM],
    ['=alert(1)>', FORUM],
    ['"<script> tags"', FORUM],
    ['£5m', BUDGET],
    ['"<img src=x"', FORUM],
    ['"src=x onerror=alert(1)>"', FORUM],
    ['US$6m', BUDGET],
    ['"US$6m"', BUDGET],
    ['"the A+B fund"', BUDGET],
    ['"AT&T and O\'Brien"', FORUM],
    // A wildcard's star is no symbol of the word: `harb*` finds "harbour".
    ['harb*', BUDGET],
    // Nor is markdown's emphasis around it.
    ['*harbour*', BUDGET],
  ] as const) {
    it(`${query} finds the article that says it`, async () => {
      const watched = await openWatchedPage(browser, server.origin);
      await watched.page.goto(`${server.origin}/search/?q=${encodeURIComponent(query)}`);
      assert.match(await searchSettled(watched.page), /^1 result for “/);
      assert.deepEqual(await watched.page.locator('.search-result-title').allTextContents(), [title]);
      // The search box and the status keep what the reader typed.
      assert.equal(await watched.page.locator('#search-q').inputValue(), query);
      assert.ok(((await watched.page.locator('#search-status').textContent()) ?? '').includes(`“${query}”`));
      assert.deepEqual(watched.consoleMessages, []);
      await watched.page.context().close();
    });
  }

  // Pagefind indexes `C++` as the word `c`, and a query word finds the words it begins: `C++`
  // found every article with a word starting in c. A word with symbols in it is found as the text
  // it is, newest first too.
  for (const [query, titles] of [
    ['C++', [LANGUAGES, STANDARD]],
    ['C#', [LANGUAGES]],
    ['F#', [LANGUAGES]],
    ['.NET', [LANGUAGES]],
    ['AT&T', [LANGUAGES, FORUM, STANDARD]],
    ['AT&T survey', [LANGUAGES]],
    // In quotes, Pagefind's exact search compares the letters: "C++" found "vitamin C".
    ['"C++"', [LANGUAGES, STANDARD]],
    ['C++11', [STANDARD]],
    ['AT&T-owned', [STANDARD]],
    ['"C# and F#"', [LANGUAGES]],
  ] as const) {
    for (const order of ['', 'newest']) {
      it(`${query}${order ? ` (${order} first)` : ''} finds the articles that say it, not the words its letters begin`, async () => {
        const watched = await openWatchedPage(browser, server.origin);
        await watched.page.goto(`${server.origin}/search/?q=${encodeURIComponent(query)}${order ? `&order=${order}` : ''}`);
        const status = await searchSettled(watched.page);
        assert.match(status, titles.length === 1 ? /^1 result for “/ : new RegExp(`^${titles.length} results for “`));
        assert.deepEqual((await watched.page.locator('.search-result-title').allTextContents()).sort(), [...titles].sort());
        assert.deepEqual(watched.consoleMessages, []);
        await watched.page.context().close();
      });
    }
  }

  // Pagefind searches `C++` by its letters, `c`, and its match locations are the words they begin:
  // the excerpt marked "compare" and "C#", and the result's link highlighted `compare` and `C` (too
  // short to mark), so the article showed no `C++`; `.NET` highlighted `NET`, marking "network".
  for (const [query, marked, title] of [
    ['C++', ['C++'], LANGUAGES],
    ['C#', ['C#'], LANGUAGES],
    ['.NET', ['.NET'], LANGUAGES],
    ['AT&T', ['AT&T'], LANGUAGES],
    ['"C++"', ['C++'], LANGUAGES],
    ['C++ teams', ['Teams', 'C++'], LANGUAGES],
    ['K++', ['K++'], TOOLKIT],
  ] as const) {
    it(`${query} marks ${marked.join(' and ')} in the excerpt and on the article it opens, not the words its letters begin`, async () => {
      const watched = await openWatchedPage(browser, server.origin);
      await watched.page.goto(`${server.origin}/search/?q=${encodeURIComponent(query)}`);
      await searchSettled(watched.page);
      const result = watched.page.locator('.search-result').filter({ hasText: title });
      const marks = (await result.locator('.search-result-excerpt mark').allTextContents()).map((text) => text.replace(/[,.;]$/, ''));
      assert.deepEqual([...new Set(marks)], marked);
      const link = result.locator('.search-result-title a');
      assert.deepEqual(new URL((await link.getAttribute('href')) ?? '', server.origin).searchParams.getAll('highlight'), marked);
      await link.click();
      await watched.page.waitForURL(/\?highlight=/);
      await watched.page.locator('article mark.pagefind-highlight').first().waitFor();
      const highlighted = await watched.page.locator('article mark.pagefind-highlight').allTextContents();
      assert.deepEqual([...new Set(highlighted)].sort(), [...marked].sort());
      assert.deepEqual(watched.consoleMessages, []);
      await watched.page.context().close();
    });
  }

  // `A+` was looked up by the word `a`, in most articles, whose text was all read to find it.
  it('reads the text of the articles with each part of a word with symbols, as that word has it, and no other', async () => {
    const watched = await openWatchedPage(browser, server.origin);
    await watched.page.goto(`${server.origin}/search/`);
    await watched.page.locator('#search:not([aria-busy]) .search-form:not([hidden])').waitFor();
    const before = server.requests.length;
    await watched.page.locator('#search-q').fill('A+');
    await watched.page.locator('#search-q').press('Enter');
    await watched.page.locator('#search-status').filter({ hasText: /^1 result for “A\+”\.$/ }).waitFor();
    assert.deepEqual(await watched.page.locator('.search-result-title').allTextContents(), [BUDGET]);
    // The one article that says `A+B`, and the best match for the letters alone, which every
    // search reads (a word Pagefind matched only as its fallback is none): not the five with "a".
    assert.ok(new Set(server.requests.slice(before).filter((request) => request.includes('/fragment/'))).size <= 2);
    assert.deepEqual(watched.consoleMessages, []);
    await watched.page.context().close();
  });

  it('names a word with symbols that no article has as it was typed', async () => {
    const watched = await openWatchedPage(browser, server.origin);
    // Every article has a word starting in r.
    await watched.page.goto(`${server.origin}/search/?q=${encodeURIComponent('R++ network')}`);
    assert.equal(await searchSettled(watched.page), 'No results for “R++ network”. No article has “R++”. Try other or fewer words.');
    assert.deepEqual(watched.consoleMessages, []);
    await watched.page.context().close();
  });
});
