// Articles added in a rebuild are indexed into a delta bundle beside their year's (src/search/
// delta-parts.ts); the search page must find and rank them as a cold build of the same articles
// does. Two real builds of one inbox: one cold, one grown (built without three of the articles,
// then rebuilt with them), searched in Chromium for words in the added articles, in the kept ones
// and in both, by relevance and by date.

import assert from 'node:assert/strict';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { browserSkipReason, launchBrowser, openWatchedPage } from '../helpers/browser.ts';
import { temporaryDir } from '../helpers/paths.ts';
import { buildArchive, type BuildRun } from '../helpers/run-build.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';
import { searchPageTitles, searchSettled } from '../search/search-in-page.ts';

const skip = browserSkipReason();

const FILLER = 'members of the harbour board met on monday to agree the budget for repairs and said the work would start in the spring once the contracts are signed'.split(' ');

/** Body text of `length` filler words with `words` put in at even intervals. */
function body(length: number, words: readonly string[]): string {
  const text = Array.from({ length }, (_, i) => FILLER[i % FILLER.length]!);
  words.forEach((word, i) => text.splice(Math.floor(((i + 1) * text.length) / (words.length + 1)), 0, word));
  return `${text.join(' ')}.`;
}

// File name (its date) → headline, the words put into its body, and the body's length in words
// (every article its own, so no two tie on score). The added articles fall between the kept
// ones in date order, and share words with them.
type Draft = [title: string, words: string[], length: number];
const KEPT: Record<string, Draft> = {
  '2024-02-01-gala.txt': ['Gala night on the quay', ['lighthouse'], 40],
  '2024-02-05-market.txt': ['Market stalls return', ['keeper'], 47],
  '2024-02-09-fair.txt': ['School fair raises funds', [], 53],
  '2024-02-13-reserve.txt': ['New keeper for the reserve', ['keeper', 'lighthouse'], 61],
  '2023-06-01-coast.txt': ['Coastal walk reopens', ['lighthouse', 'lighthouse', 'keeper'], 94],
  '2023-06-05-storm.txt': ['Storm damage repaired', ['lighthouse'], 102],
  '2023-06-09-museum.txt': ['Museum adds a wing', [], 111],
};
const ADDED: Record<string, Draft> = {
  '2024-02-03-beacon.txt': ['Beacon lit for the regatta', ['beacon', 'lighthouse', 'lighthouse'], 66],
  '2024-02-11-keepers.txt': ['Keepers’ cottages restored', ['keeper', 'keeper', 'beacon'], 73],
  '2024-02-15-tide.txt': ['Tide gauge installed', ['tide'], 82],
};

async function writeArticles(inbox: string, articles: Record<string, Draft>): Promise<void> {
  await mkdir(inbox, { recursive: true });
  for (const [name, [title, words, length]] of Object.entries(articles)) await writeFile(path.join(inbox, name), `${title}\n\n${body(length, words)}\n`);
}

/**
 * Two sites of the same articles: one grown (built with `first`, then rebuilt with `added` too)
 * and one cold (built once with all of them), with the year folders of each one's bundles.
 */
async function grownAndCold(name: string, first: Record<string, Draft>, added: Record<string, Draft>): Promise<{ rebuilt: BuildRun; whole: BuildRun; folders: (run: BuildRun) => Promise<string[]> }> {
  const work = await temporaryDir(name);
  const grownInbox = path.join(work, 'grown');
  const coldInbox = path.join(work, 'cold');
  await writeArticles(grownInbox, first);
  const dirs = { outDir: path.join(work, 'grown-site'), articlesDir: path.join(work, 'grown-articles') };
  const built = await buildArchive(grownInbox, [], dirs);
  assert.equal(built.exitCode, 0, built.stderr);
  await writeArticles(grownInbox, added);
  await writeArticles(coldInbox, { ...first, ...added });
  const [rebuilt, whole] = await Promise.all([buildArchive(grownInbox, [], dirs), buildArchive(coldInbox)]);
  assert.equal(rebuilt.exitCode, 0, rebuilt.stderr);
  assert.equal(whole.exitCode, 0, whole.stderr);
  const folders = async (run: BuildRun) =>
    (await readdir(path.join(run.outDir, 'pagefind'), { withFileTypes: true }))
      .filter((entry) => entry.isDirectory() && /^\d{4}/.test(entry.name))
      .map((entry) => entry.name)
      .sort();
  return { rebuilt, whole, folders };
}

type ServedSites = { browser: Browser; grown: StaticServer; cold: StaticServer };
type GrownAndCold = Awaited<ReturnType<typeof grownAndCold>>;

/**
 * Builds `name`'s grown and cold sites before the describe's tests (checking `premise` of them
 * first), serves both and opens Chromium; closes them after. Returns the sites for the tests.
 */
function servedGrownAndCold(name: string, first: Record<string, Draft>, added: Record<string, Draft>, premise: (built: GrownAndCold) => Promise<void>): () => ServedSites {
  let browser: Browser;
  let grown: StaticServer;
  let cold: StaticServer;
  before(async () => {
    const built = await grownAndCold(name, first, added);
    await premise(built);
    grown = await serveStatic(built.rebuilt.outDir);
    cold = await serveStatic(built.whole.outDir);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await grown?.close();
    await cold?.close();
  });
  return () => ({ browser, grown, cold });
}

/**
 * A test per query (and order: '', 'newest' or 'oldest') that the grown site's search page lists
 * the cold site's results, in its order, with its status; the cold build finds at least `atLeast`.
 */
function listsAsColdBuildDoes(sites: () => ServedSites, atLeast: number, queries: Array<[query: string, order: '' | 'newest' | 'oldest']>): void {
  for (const [query, order] of queries) {
    it(`lists the results for “${query}”${order ? ` (${order} first)` : ''} as the cold build does`, async () => {
      const { browser, grown, cold } = sites();
      const [fromGrown, fromCold] = [await searchPageTitles(browser, grown, query, order), await searchPageTitles(browser, cold, query, order)];
      assert.ok(fromCold.titles.length >= atLeast, `the cold build finds ${fromCold.titles.length} results for “${query}”`);
      assert.deepEqual(fromGrown.titles, fromCold.titles);
      assert.equal(fromGrown.status, fromCold.status);
    });
  }
}

describe('search finds and ranks articles in a delta bundle as a cold build does', { skip }, () => {
  const sites = servedGrownAndCold('search-delta', KEPT, ADDED, async ({ rebuilt, whole, folders }) => {
    // The premise: the grown site has a delta of the newest year, the cold one none.
    assert.deepEqual(await folders(rebuilt), ['2023', '2024-added']);
    assert.deepEqual(await folders(whole), ['2023']);
  });

  it('finds a word only the added articles have', async () => {
    const { browser, grown } = sites();
    const found = await searchPageTitles(browser, grown, 'beacon');
    assert.deepEqual([...found.titles].sort(), ['Beacon lit for the regatta', 'Keepers’ cottages restored']);
    assert.match(found.status, /^2 results for “beacon”/);
  });

  listsAsColdBuildDoes(sites, 1, [
    ['lighthouse', ''],
    ['keeper', ''],
    ['lighthouse keeper', ''],
    ['lightho', ''],
    ['tide', ''],
    ['lighthouse', 'newest'],
    ['keeper', 'oldest'],
  ]);

  it('counts filter values over the delta too', async () => {
    const { browser, grown, cold } = sites();
    const counts = async (server: StaticServer) => {
      const watched = await openWatchedPage(browser, server.origin);
      await watched.page.goto(`${server.origin}/search/?q=keeper`);
      await searchSettled(watched.page);
      const text = await watched.page.locator('#search-filters').innerText();
      await watched.page.context().close();
      return text;
    };
    const [fromGrown, fromCold] = [await counts(grown), await counts(cold)];
    assert.match(fromCold, /2024/);
    assert.equal(fromGrown, fromCold);
  });
});

// The first article of a new year: the former newest year joins the part of older years, whose
// bundle stays in its folder (named by its first year), and the joining year's pages are indexed
// into that part's delta (src/search/delta-parts.ts) instead of the whole part again.
const NEW_YEAR: Record<string, Draft> = {
  '2025-01-02-swim.txt': ['New year swim at the lighthouse', ['lighthouse', 'beacon'], 57],
};

describe('search after the first article of a new year finds and ranks as a cold build does', { skip }, () => {
  const sites = servedGrownAndCold('search-new-year', { ...KEPT, ...ADDED }, NEW_YEAR, async ({ rebuilt, whole, folders }) => {
    // The premise: the grown site kept 2023's bundle and put 2024 in its delta; the cold one has
    // one bundle for both years.
    assert.deepEqual(await folders(rebuilt), ['2023', '2023-added']);
    assert.deepEqual(await folders(whole), ['2023']);
    assert.deepEqual([...rebuilt.report.search!.parts.built].sort(), ['2023-2024-added', '2025']);
    assert.deepEqual(rebuilt.report.search!.parts.reused, ['2023-2024']);
  });

  listsAsColdBuildDoes(sites, 2, [
    ['lighthouse', ''],
    ['beacon', ''],
    ['keeper', ''],
    ['lighthouse', 'newest'],
    ['keeper', 'oldest'],
  ]);
});

// Articles that score alike (bodies as long, with the query word once; headlines as long, without
// it) are listed in one order whatever bundles hold them: Pagefind lists equals in the order of its
// pages, which a delta bundle changes, so the search page breaks ties by the result's id, a hash of
// its page that is the same in every build.
const TIED_KEPT: Record<string, Draft> = {
  '2024-03-01-notice-a.txt': ['Notice alpha', ['ferry', 'alpha'], 40],
  '2024-03-03-notice-c.txt': ['Notice gamma', ['ferry', 'gamma'], 40],
  '2024-03-05-notice-e.txt': ['Notice epsilon', ['ferry', 'epsilon'], 40],
  '2023-07-01-notice-g.txt': ['Notice eta', ['ferry', 'eta'], 40],
};
const TIED_ADDED: Record<string, Draft> = {
  '2024-03-02-notice-b.txt': ['Notice beta', ['ferry', 'beta'], 40],
  '2024-03-04-notice-d.txt': ['Notice delta', ['ferry', 'delta'], 40],
  '2023-07-02-notice-h.txt': ['Notice theta', ['ferry', 'theta'], 40],
};

describe('search lists results that tie on score in a cold build’s order after a rebuild', { skip }, () => {
  const sites = servedGrownAndCold('search-delta-ties', TIED_KEPT, TIED_ADDED, async ({ rebuilt, whole, folders }) => {
    assert.deepEqual(await folders(rebuilt), ['2023', '2023-added', '2024-added']);
    assert.deepEqual(await folders(whole), ['2023']);
  });

  listsAsColdBuildDoes(sites, 7, [['ferry', '']]);
});
