// An archive whose index is in parts ranks its results as one index over the same articles
// would. Pagefind scores each part with its own statistics (page count, pages holding the word,
// average length), so a word rare in a small part but common in a large one made the small part's
// page outrank the large part's, which one index puts first because it holds the word more often.
// The same hand-written articles are built twice, in two parts (2023 and 2024) and as one index
// (every article in 2024), and the search page must list the same titles in the same order.

import assert from 'node:assert/strict';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { browserSkipReason, launchBrowser, openWatchedPage } from '../helpers/browser.ts';
import { temporaryDir } from '../helpers/paths.ts';
import { buildArchive } from '../helpers/run-build.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';
import { searchPageTitles, searchSettled } from '../search/search-in-page.ts';

const skip = browserSkipReason();

const FILLER = 'the council met on tuesday to discuss the budget for the coming year and members agreed to review the plans again after the summer recess when new figures arrive from the treasury'.split(' ');

/** Body text of `length` filler words with `words` put in at even intervals. */
function body(length: number, words: string[]): string {
  const text = Array.from({ length }, (_, i) => FILLER[i % FILLER.length]!);
  words.forEach((word, i) => text.splice(Math.floor(((i + 1) * text.length) / (words.length + 1)), 0, word));
  return `${text.join(' ')}.`;
}

interface Draft {
  year: 2023 | 2024;
  title: string;
  words: string[];
}

// 2024 is the newest year, so the primary part, and small: "lighthouse" is rare there. 2023 is the
// larger part, where most articles have it; one of them twice. Every article has its own length,
// so no two pages tie on score.
const DRAFTS: Draft[] = [
  { year: 2024, title: 'Gala night on the quay', words: ['lighthouse'] },
  { year: 2024, title: 'Market stalls return', words: ['keeper'] },
  { year: 2024, title: 'School fair raises funds', words: [] },
  { year: 2024, title: 'Bus routes change', words: [] },
  { year: 2024, title: 'New keeper for the reserve', words: ['keeper'] },
  { year: 2024, title: 'Library hours extended', words: [] },
  { year: 2023, title: 'Coastal walk reopens', words: ['lighthouse', 'lighthouse', 'keeper'] },
  { year: 2023, title: 'Storm damage repaired', words: ['lighthouse'] },
  { year: 2023, title: 'Museum adds a wing', words: ['lighthouse', 'keeper'] },
  { year: 2023, title: 'Ferry timetable', words: ['lighthouse'] },
  { year: 2023, title: 'Painting group exhibits', words: ['lighthouse'] },
  { year: 2023, title: 'Harbour dues rise', words: ['lighthouse'] },
  { year: 2023, title: 'Lifeboat crew honoured', words: ['lighthouse'] },
  { year: 2023, title: 'Fishing quota row', words: ['lighthouse'] },
  { year: 2023, title: 'Cliff path warning', words: [] },
  { year: 2023, title: 'Choir wins award', words: [] },
  { year: 2023, title: 'Road works delayed', words: [] },
  { year: 2023, title: 'Tide tables published', words: [] },
];

/** Writes the drafts as an inbox; `yearOf` gives each its year (the date is in the file name). */
async function writeInbox(dir: string, yearOf: (draft: Draft) => number): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const [i, draft] of DRAFTS.entries()) {
    const day = String(i + 1).padStart(2, '0');
    await writeFile(path.join(dir, `${yearOf(draft)}-05-${day}-article-${i}.txt`), `${draft.title}\n\n${body(40 + 7 * i, draft.words)}\n`);
  }
}

async function bundleFolders(outDir: string): Promise<string[]> {
  return (await readdir(path.join(outDir, 'pagefind'), { withFileTypes: true })).filter((entry) => entry.isDirectory() && /^\d{4}/.test(entry.name)).map((entry) => entry.name);
}

describe('search over an index in parts ranks as one index', { skip }, () => {
  let browser: Browser;
  let parts: StaticServer;
  let one: StaticServer;

  before(async () => {
    const work = await temporaryDir('search-rank-across-parts');
    await writeInbox(path.join(work, 'parts'), (draft) => draft.year);
    await writeInbox(path.join(work, 'one'), () => 2024);
    const [split, whole] = await Promise.all([buildArchive(path.join(work, 'parts')), buildArchive(path.join(work, 'one'))]);
    assert.equal(split.exitCode, 0, split.stderr);
    assert.equal(whole.exitCode, 0, whole.stderr);
    // The premise: two index parts against one.
    assert.deepEqual(await bundleFolders(split.outDir), ['2023']);
    assert.deepEqual(await bundleFolders(whole.outDir), []);
    parts = await serveStatic(split.outDir);
    one = await serveStatic(whole.outDir);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await parts?.close();
    await one?.close();
  });

  const titles = (server: StaticServer, query: string) => searchPageTitles(browser, server, query);

  it('is a case where each part’s own statistics reverse one index’s order', async () => {
    // Pagefind alone, both bundles merged as its documentation shows: the 2024 page, where the
    // word is rare, comes first, while one index puts the page with the word twice first.
    const watched = await openWatchedPage(browser, parts.origin);
    await watched.page.goto(`${parts.origin}/404.html`);
    const merged = await watched.page.evaluate(async (bundles) => {
      const pagefind = await import(`${bundles[0]}pagefind.js`);
      await pagefind.options({ basePath: bundles[0] });
      await pagefind.mergeIndex(bundles[1]);
      const response = await pagefind.search('lighthouse');
      return Promise.all(response.results.slice(0, 2).map(async (result: { data(): Promise<{ meta: { title: string } }> }) => (await result.data()).meta.title));
    }, ['/pagefind/', '/pagefind/2023/']);
    await watched.page.context().close();
    const whole = await titles(one, 'lighthouse');
    assert.equal(whole.titles[0], 'Coastal walk reopens');
    assert.equal(merged[0], 'Gala night on the quay');
  });

  for (const query of ['lighthouse', 'lighthouse keeper', 'keeper', 'lightho']) {
    it(`lists the results for “${query}” in one index’s order`, async () => {
      const [split, whole] = [await titles(parts, query), await titles(one, query)];
      assert.ok(whole.titles.length >= 2, `one index finds ${whole.titles.length} results for “${query}”`);
      assert.deepEqual(split.titles, whole.titles);
      assert.equal(split.status, whole.status);
    });
  }

  it('recomputes each part’s own scores exactly from its own statistics', async () => {
    // The recomputation's formula, checked against Pagefind's own numbers: with a part's own
    // statistics it must give the score Pagefind gave (as f32, hence the tolerance).
    const watched = await openWatchedPage(browser, parts.origin);
    await watched.page.goto(`${parts.origin}/search/`);
    // A string, not a function: the test runner's TypeScript transform would add helpers the page
    // does not have.
    const checked = (await watched.page.evaluate(`(async () => {
      const rank = await import('/assets/search-rank.js');
      const sources = [{ id: '0', bundle: '/pagefind/', language: 'en' }, { id: '1', bundle: '/pagefind/2023/', language: 'en' }];
      const scorer = rank.openScorer('/pagefind/pagefind-worker.js', sources[0], '/');
      const out = [];
      for (const query of ['lighthouse', 'lighthouse keeper', 'keeper', 'lightho', 'council budget', 'gala']) {
        for (const source of sources) {
          const response = await scorer.search(source, query, {});
          const terms = response.query_term_idfs.map((entry) => entry.term);
          for (const result of response.results) {
            const total = result.params.total_pages;
            const counts = response.query_term_idfs.map((entry) => rank.pagesContaining(entry.idf, total));
            const termIdfs = counts.map((count) => rank.idf(total, count));
            const score = rank.rescore(result, { terms, partCounts: counts, termIdfs, averagePageLength: result.params.average_page_length });
            out.push({ query, part: source.id, pagefind: result.score, recomputed: score });
          }
        }
      }
      scorer.close();
      return out;
    })()`)) as Array<{ query: string; part: string; pagefind: number; recomputed: number }>;
    assert.deepEqual(watched.consoleMessages, []);
    await watched.page.context().close();
    assert.ok(checked.length > 20, `${checked.length} results checked`);
    for (const result of checked) {
      assert.ok(Math.abs(result.recomputed - result.pagefind) <= 1e-5 * Math.max(1, result.pagefind), `“${result.query}” in part ${result.part}: Pagefind ${result.pagefind}, recomputed ${result.recomputed}`);
    }
  });

  it('reorders nothing and loads no scoring worker with one part', async () => {
    const before = one.requests.length;
    await titles(one, 'lighthouse keeper');
    const workers = one.requests.slice(before).filter((request) => request.endsWith('pagefind-worker.js'));
    // Pagefind's own worker only.
    assert.equal(workers.length, 1);
  });

  it('keeps the newest-first order by date', async () => {
    const watched = await openWatchedPage(browser, parts.origin);
    await watched.page.goto(`${parts.origin}/search/?q=lighthouse&order=newest`);
    await searchSettled(watched.page);
    const found = await watched.page.locator('.search-result-title').allTextContents();
    await watched.page.context().close();
    const expected = DRAFTS.map((draft, i) => ({ ...draft, i }))
      .filter((draft) => draft.words.includes('lighthouse'))
      .sort((a, b) => b.year - a.year || b.i - a.i)
      .map((draft) => draft.title);
    assert.deepEqual(found, expected);
  });
});
