// The search page on an archive searched in waves (tests/search/wave-archive.ts: ten index parts
// in four waves), in Chromium, with the test server compressing text as static hosts do. A first
// search fetches only the first wave and what the byte model (src/bench/search-transfer.ts) says
// it fetches; a word only the oldest year has is still found; newest first runs in date order
// across waves; by relevance the page says which years it searched and "Search all years" gives
// exactly the results of every part merged at once; filter data waits until the reader asks.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { FIRST_PAGE_RESULTS, firstSearchTransfer, planFirstSearch } from '../../src/bench/search-transfer.ts';
import { browserSkipReason, launchBrowser, openWatchedPage, type WatchedPage } from '../helpers/browser.ts';
import type { BuildRun } from '../helpers/run-build.ts';
import { serveStatic, type SentResponse, type StaticServer } from '../helpers/static-server.ts';
import { searchInPage, searchReady, searchSettled } from '../search/search-in-page.ts';
import { buildWaveArchive, MARKERS, type MarkerArticle } from '../search/wave-archive.ts';

const skip = browserSkipReason();
const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface PagePart {
  bundle: string;
  from: string;
  to: string;
  articles: number;
  wave: number;
}

function assertClean(watched: WatchedPage): void {
  assert.deepEqual(watched.dialogs, [], 'no dialogs');
  assert.deepEqual(watched.consoleMessages, [], 'no console errors or warnings');
  assert.deepEqual(watched.foreignRequests, [], 'no requests to other hosts');
}

/** The years of a list of parts as the page writes them: `2024–2025`, or `2025`. */
function yearsOf(parts: PagePart[]): string {
  const from = parts.map((part) => part.from).sort()[0]!;
  const to = parts.map((part) => part.to).sort().at(-1)!;
  return from === to ? from : `${from}–${to}`;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('searching an archive in waves, in Chromium', { skip, concurrency: false }, () => {
  let build: BuildRun;
  let markers: MarkerArticle[];
  let parts: PagePart[];
  let server: StaticServer;
  let browser: Browser;
  const withMarker = (marker: string) => markers.filter((article) => article.marker === marker);
  const inWave = (wave: number) => parts.filter((part) => part.wave === wave);
  const lastWave = () => Math.max(...parts.map((part) => part.wave));
  const open = async (sitePath: string, target: StaticServer = server) => {
    const watched = await openWatchedPage(browser, target.origin);
    await watched.page.goto(`${target.origin}${sitePath}`);
    return watched;
  };
  const requestedUnder = (requests: string[], bundle: string) => requests.filter((request) => request.startsWith(bundle) && !parts.some((other) => other.bundle !== bundle && other.bundle.startsWith(bundle) && request.startsWith(other.bundle)));
  const shownDays = (page: Page) => page.locator('.search-result-meta time').evaluateAll((times) => times.map((time) => time.getAttribute('datetime')));
  const shownUrls = async (page: Page) => (await page.locator('.search-result-title a').evaluateAll((links) => links.map((link) => link.getAttribute('href')))).map((href) => href!.split('?')[0]);
  /** Presses "Show more results" with the keyboard until it is gone. */
  const showEverything = async (page: Page) => {
    for (let round = 0; round < 10 && (await page.locator('#search-more').isVisible()); round++) {
      const before = await page.locator('.search-result').count();
      await page.locator('#search-more').focus();
      await page.keyboard.press('Enter');
      await page.locator('#search:not([aria-busy])').waitFor();
      await page.waitForFunction((count) => document.querySelectorAll('.search-result').length > count || document.getElementById('search-more')!.hidden, before);
    }
  };

  before(async () => {
    ({ build, markers } = await buildWaveArchive());
    assert.equal(build.exitCode, 0, build.stderr);
    const html = await readFile(path.join(build.outDir, 'search/index.html'), 'utf8');
    parts = JSON.parse(/data-search-parts="([^"]*)"/.exec(html)![1]!.replace(/&quot;|&#34;/g, '"')) as PagePart[];
    server = await serveStatic(build.outDir, '/', { gzip: true });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('is built like a large archive: the newest year first, several parts per wave, the oldest year in the last wave', () => {
    assert.equal(parts[0]!.bundle, '/pagefind/');
    assert.equal(parts[0]!.wave, 0);
    assert.ok(inWave(0).length >= 2, 'the first wave merges more than the newest year');
    assert.ok(lastWave() >= 3, `${lastWave() + 1} waves`);
    assert.equal(parts.at(-1)!.from, '1990');
    assert.equal(parts.at(-1)!.wave, lastWave());
    // Newest first: every part's years come before the next one's.
    for (let i = 1; i < parts.length; i++) assert.ok(parts[i]!.to < parts[i - 1]!.from, `${parts[i]!.bundle} is older than ${parts[i - 1]!.bundle}`);
  });

  /**
   * Opens a first search for `query` in a fresh browser context and compares what the server sent,
   * from opening the page until the results are shown and the network is idle (anything loaded
   * behind the results counts too), with the model: the same files (the page as /search/), each
   * as often, with the same bytes, except the fragments of the first page of results, which
   * Pagefind's ranking picks; their count must match and their bytes lie between the model's
   * smallest and largest choice. The totals then differ by no more than the model's fragment
   * estimate can (the mean fragment of the matching pages times the count, against the actual
   * ones): that bound is the tolerance.
   */
  const compareWithModel = async (query: string) => {
    const start = server.sent.length;
    const watched = await open(`/search/?q=${encodeURIComponent(query)}`);
    const status = await searchSettled(watched.page);
    await watched.page.waitForLoadState('networkidle');
    const sent: SentResponse[] = server.sent.slice(start);
    assertClean(watched);
    assert.ok(sent.every((response) => response.status === 200), sent.filter((response) => response.status !== 200).map((response) => response.path).join(', '));
    const plan = await planFirstSearch(build.outDir, query);
    const isFragment = (request: string) => request.endsWith('.pf_fragment');
    const browserFiles = sent.filter((response) => !isFragment(response.path)).map((response) => `${response.path === '/search/' ? '/search/index.html' : response.path} ${response.bytes}`);
    assert.deepEqual(browserFiles.sort(), plan.fetches.map((fetched) => `${fetched.path} ${fetched.bytes}`).sort(), `the files of a first search for "${query}"`);
    const fragments = sent.filter((response) => isFragment(response.path));
    const fragmentBytes = fragments.reduce((sum, response) => sum + response.bytes, 0);
    assert.equal(fragments.length, plan.fragments.count);
    assert.ok(fragmentBytes >= plan.fragments.smallest && fragmentBytes <= plan.fragments.largest, `fragments ${fragmentBytes} B, the model allows ${plan.fragments.smallest}–${plan.fragments.largest} B`);
    const browserBytes = sent.reduce((sum, response) => sum + response.bytes, 0);
    const modelBytes = plan.fetches.reduce((sum, fetched) => sum + fetched.bytes, 0) + plan.fragments.bytes;
    const tolerance = Math.max(plan.fragments.bytes - plan.fragments.smallest, plan.fragments.largest - plan.fragments.bytes);
    assert.ok(Math.abs(browserBytes - modelBytes) <= tolerance, `browser ${browserBytes} B, model ${modelBytes} B ± ${tolerance} B`);
    const diagnostic =
      `first search for "${query}" over ${plan.bundles.length} of ${parts.length} parts (${plan.wavesSearched} of ${plan.waves} waves): browser ${browserBytes} B in ${sent.length} responses, ` +
      `model ${modelBytes} B (fragments ${fragmentBytes} B against the model's ${plan.fragments.bytes} B, allowed ±${tolerance} B)`;
    return { watched, status, requests: sent.map((response) => response.path), plan, diagnostic };
  };

  it('a first search fetches the first wave only, and the bytes the model says', async (t) => {
    const common = withMarker(MARKERS.common);
    const { watched, status, requests, diagnostic } = await compareWithModel(MARKERS.common);
    t.diagnostic(diagnostic);
    const firstWave = inWave(0);
    assert.equal(status, `${common.length} results for “${MARKERS.common}” from ${yearsOf(firstWave)} (${yearsOf(parts.filter((part) => part.wave > 0))} not searched yet).`);
    const shown = await shownUrls(watched.page);
    assert.equal(shown.length, Math.min(FIRST_PAGE_RESULTS, common.length));
    assert.ok(shown.every((url) => common.some((article) => article.url === url)), 'every result is a qxcommon article');
    for (const part of firstWave) assert.ok(requestedUnder(requests, part.bundle).some((request) => request.endsWith('.pf_meta')), `${part.bundle} metadata is loaded`);
    for (const part of parts.filter((part) => part.wave > 0)) assert.deepEqual(requestedUnder(requests, part.bundle), [], `nothing of ${part.bundle} is fetched`);
    assert.ok(!requests.some((request) => request.includes('/filter/')), 'no filter data before the reader asks for it');
    assert.equal(await watched.page.locator('#search-scope').isVisible(), true);
  });

  it('fetches what the model says for the query the benchmark picks: a word of the newest headline', async (t) => {
    // As src/bench/run-bench.ts chooses it: the first word of five letters or more.
    const newest = build.report.articles.find((article) => !markers.some((marker) => marker.title === article.title))!;
    const query = newest.title.split(/\s+/).find((token) => /^\p{L}{5,}$/u.test(token))!;
    assert.ok(query, `a word in "${newest.title}"`);
    const { diagnostic } = await compareWithModel(query);
    t.diagnostic(diagnostic);
  });

  it('downloads each file once from a host that sends ETags: the bytes the benchmark reports', async (t) => {
    const query = MARKERS.common;
    const plan = await planFirstSearch(build.outDir, query);
    const planned = plan.fetches.filter((fetched, i) => fetched.uncached || plan.fetches.findIndex((other) => other.path === fetched.path) === i).map((fetched) => fetched.path).sort();
    assert.ok(plan.fetches.some((fetched) => !fetched.uncached && fetched.kind === 'wasm' && plan.fetches.filter((other) => other.path === fetched.path).length > 1), 'precondition: the page asks for the WebAssembly twice (the ranking worker)');
    const revalidating = await serveStatic(build.outDir, '/', { gzip: true, revalidate: true });
    try {
      const watched = await open(`/search/?q=${encodeURIComponent(query)}`, revalidating);
      await searchSettled(watched.page);
      await watched.page.waitForLoadState('networkidle');
      assertClean(watched);
      const downloads = revalidating.sent.filter((response) => response.status === 200);
      const files = downloads.filter((response) => !response.path.endsWith('.pf_fragment')).map((response) => (response.path === '/search/' ? '/search/index.html' : response.path));
      assert.deepEqual(files.sort(), planned, 'every file the page asks for, downloaded once unless fetched past the cache');
      const browserBytes = revalidating.sent.reduce((sum, response) => sum + response.bytes, 0);
      const transfer = await firstSearchTransfer(build.outDir, query);
      const tolerance = Math.max(plan.fragments.bytes - plan.fragments.smallest, plan.fragments.largest - plan.fragments.bytes);
      t.diagnostic(`browser ${browserBytes} B, reported ${transfer.bytes} B ± ${tolerance} B (${transfer.uncachedBytes} B without validators)`);
      assert.ok(Math.abs(browserBytes - transfer.bytes) <= tolerance, `browser ${browserBytes} B, the benchmark reports ${transfer.bytes} B ± ${tolerance} B`);
    } finally {
      await revalidating.close();
    }
  });

  it('finds a word only the oldest year has without a click, and then has searched every year', async () => {
    const [rare] = withMarker(MARKERS.rare);
    const start = server.requests.length;
    const watched = await open(`/search/?q=${MARKERS.rare}`);
    assert.equal(await searchSettled(watched.page), `1 result for “${MARKERS.rare}”.`);
    assert.deepEqual(await shownUrls(watched.page), [rare!.url]);
    assert.equal(await watched.page.locator('#search-scope').isVisible(), false, 'every year searched: no years line');
    assert.ok(requestedUnder(server.requests.slice(start), parts.at(-1)!.bundle).some((request) => request.endsWith('.pf_meta')));
    assertClean(watched);
  });

  it('lists newest first in date order across waves, merging older parts only as the list reaches them', async () => {
    const spread = withMarker(MARKERS.spread);
    const expected = spread.map((article) => article.day).sort().reverse();
    // Hand-written files at other offsets across New Year are filed under the year they show.
    for (const article of spread) assert.equal(article.url.slice(1, 5), article.day.slice(0, 4), `${article.title} (${article.day}) is at ${article.url}`);
    const start = server.requests.length;
    const watched = await open(`/search/?q=${MARKERS.spread}&order=newest`);
    await searchSettled(watched.page);
    assert.deepEqual(await shownDays(watched.page), expected.slice(0, FIRST_PAGE_RESULTS));
    // The page's last result is from a later year than the oldest part ends: that part is not needed yet.
    const oldest = parts.at(-1)!;
    assert.ok(Number(expected[FIRST_PAGE_RESULTS - 1]!.slice(0, 4)) > Number(oldest.to) + 1, 'precondition: the first page ends after the oldest part');
    assert.deepEqual(requestedUnder(server.requests.slice(start), oldest.bundle), []);
    await showEverything(watched.page);
    assert.deepEqual(await shownDays(watched.page), expected);
    assert.deepEqual((await shownUrls(watched.page)).sort(), spread.map((article) => article.url).sort());
    assert.equal(await searchSettled(watched.page), `${spread.length} results for “${MARKERS.spread}”, newest first.`);
    assertClean(watched);
  });

  it('by relevance, adds older years until a page of results, names them, and "Search all years" gives every part merged at once', async () => {
    const spread = withMarker(MARKERS.spread);
    const watched = await open(`/search/?q=${MARKERS.spread}`);
    const status = await searchSettled(watched.page);
    const partial = new RegExp(`^(\\d+) results for “${MARKERS.spread}” from (\\d{4})–${escape(parts[0]!.to)} \\((\\d{4})–(\\d{4}) not searched yet\\)\\.$`).exec(status);
    assert.ok(partial, status);
    const [, count, from, restFrom, restTo] = partial;
    // Fewer than a page in the first wave (one article a year), so it went on, and stopped at a page.
    assert.ok(Number(count) >= FIRST_PAGE_RESULTS && Number(count) < spread.length, status);
    assert.equal(Number(count), spread.filter((article) => article.url.slice(1, 5) >= from!).length, 'the count is every qxspread article of the searched years');
    assert.equal(restFrom, '1990');
    assert.equal(Number(restTo), Number(from) - 1);
    assert.equal(await watched.page.locator('#search-scope-years').textContent(), `Showing matches from ${from}–${parts[0]!.to}`);
    assert.equal(await watched.page.locator('#search-all-years').textContent(), `Search all years (adds 1990–${restTo})`);

    await watched.page.locator('#search-all-years').focus();
    await watched.page.keyboard.press('Enter');
    await watched.page.locator('#search-scope[hidden]').waitFor({ state: 'attached' });
    assert.equal(await searchSettled(watched.page), `${spread.length} results for “${MARKERS.spread}”.`);
    assert.equal(await watched.page.evaluate(() => document.activeElement?.closest('.search-result') !== null), true, 'focus moves to the first result');
    await showEverything(watched.page);
    const shown = await shownUrls(watched.page);
    assert.deepEqual([...shown].sort(), spread.map((article) => article.url).sort());
    // The same list, in the same order, as a search that merges every part before its first query.
    const [merged] = await searchInPage(watched.page, [MARKERS.spread], 100, {}, true);
    assert.deepEqual(shown, merged!.urls);
    assertClean(watched);
  });

  it('filtered by a year, searches the waves holding it and no later ones, and calls the results complete', async () => {
    // A year of a middle wave: later waves hold older years only.
    const middle = parts.find((part) => part.wave > 0 && part.wave < lastWave())!;
    const year = middle.from;
    const inYear = build.report.articles.filter((article) => article.date.slice(0, 4) === year);
    assert.ok(inYear.length > 0, `precondition: articles dated ${year}`);
    for (const [query, status] of [
      [`?year=${year}`, `${inYear.length} results in ${year}, newest first.`],
      [`?q=${MARKERS.spread}&year=${year}`, `1 result for “${MARKERS.spread}” in ${year}.`],
    ] as const) {
      const start = server.requests.length;
      const watched = await open(`/search/${query}`);
      assert.equal(await searchSettled(watched.page), status);
      assert.equal(await watched.page.locator('#search-scope').isVisible(), false, 'no years line: every part holding the year was searched');
      await showEverything(watched.page);
      assert.equal(await watched.page.locator('.search-result').count(), Number(/^\d+/.exec(status)![0]));
      assert.equal(await watched.page.locator('#search-more').isVisible(), false);
      for (const part of parts.filter((part) => part.wave > middle.wave)) assert.deepEqual(requestedUnder(server.requests.slice(start), part.bundle), [], `nothing of ${part.bundle} is fetched`);
      assertClean(watched);
    }
  });

  it('merges no more years for a search a newer one replaced (the reader typed on)', async () => {
    const start = server.requests.length;
    const watched = await open('/search/');
    await searchReady(watched.page);
    await watched.page.locator('#search-q').focus();
    // The page's own engine, with the signal already aborted, as for a search the next keystroke replaced.
    const scope = await watched.page.evaluate(`(async () => {
      const root = document.getElementById('search');
      const { openArchiveSearch } = await import(new URL('../assets/search-engine.js', location.href).href);
      const archive = await openArchiveSearch({ parts: JSON.parse(root.dataset.searchParts), baseUrl: root.dataset.baseUrl, pageLanguage: 'en', highlightParam: 'highlight' });
      const replaced = new AbortController();
      replaced.abort();
      const result = await archive.search('${MARKERS.rare}', { atLeast: ${FIRST_PAGE_RESULTS}, signal: replaced.signal });
      return { total: result.total, complete: result.scope.complete };
    })()`);
    assert.deepEqual(scope, { total: 0, complete: false });
    for (const part of parts.filter((part) => part.wave > 0)) assert.deepEqual(requestedUnder(server.requests.slice(start), part.bundle), [], `nothing of ${part.bundle} is fetched`);
    assertClean(watched);
  });

  it('loads filter data only when asked, counts over the years searched, and says so', async () => {
    const start = server.requests.length;
    const watched = await open(`/search/?q=${MARKERS.common}`);
    await searchSettled(watched.page);
    const load = watched.page.locator('#search-filters-load');
    assert.equal(await load.isVisible(), true);
    assert.equal(await watched.page.locator('#search-filter-groups input').count(), 0);
    await load.focus();
    await watched.page.keyboard.press('Enter');
    await watched.page.locator('#search-filter-groups input').first().waitFor();
    assert.equal(await watched.page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type), 'checkbox', 'focus moves to the first filter');
    assert.equal(await watched.page.locator('#search-filters-scope').textContent(), `Counts cover ${yearsOf(inWave(0))}, the years searched so far.`);
    const years = await watched.page.locator('input[data-filter="year"]').evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).value));
    assert.deepEqual(years, [...new Set(withMarker(MARKERS.common).map((article) => article.day.slice(0, 4)))]);
    const filterRequests = server.requests.slice(start).filter((request) => request.includes('/filter/'));
    assert.ok(filterRequests.length > 0);
    for (const part of parts.filter((part) => part.wave > 0)) assert.deepEqual(requestedUnder(filterRequests, part.bundle), [], `no filter data of ${part.bundle}`);
    assert.equal(await searchSettled(watched.page), `${withMarker(MARKERS.common).length} results for “${MARKERS.common}” from ${yearsOf(inWave(0))} (${yearsOf(parts.filter((part) => part.wave > 0))} not searched yet).`);
    assertClean(watched);
  });

  it('works under a path prefix: every request stays under it, and older years are still reached', async () => {
    const prefixed = await buildWaveArchive(['--path-prefix', '/archive/']);
    assert.equal(prefixed.build.exitCode, 0, prefixed.build.stderr);
    const prefixedServer = await serveStatic(prefixed.build.outDir, '/archive/', { gzip: true });
    try {
      const [rare] = prefixed.markers.filter((article) => article.marker === MARKERS.rare);
      const watched = await open(`/archive/search/?q=${MARKERS.rare}`, prefixedServer);
      assert.equal(await searchSettled(watched.page), `1 result for “${MARKERS.rare}”.`);
      assert.deepEqual(await shownUrls(watched.page), [rare!.url]);
      assert.ok(prefixedServer.requests.some((request) => request.startsWith(`/archive${parts.at(-1)!.bundle}`)), 'the oldest part was merged');
      assert.deepEqual(prefixedServer.requests.filter((request) => !request.startsWith('/archive/')), []);
      assert.deepEqual(prefixedServer.sent.filter((response) => response.status !== 200), []);
      assertClean(watched);
    } finally {
      await prefixedServer.close();
    }
  });

  it('has no axe-core violations with the years line and the filter button showing', async () => {
    const watched = await open(`/search/?q=${MARKERS.common}`);
    await searchSettled(watched.page);
    assert.equal(await watched.page.locator('#search-scope').isVisible(), true);
    await watched.page.evaluate(await readFile(AXE_SOURCE, 'utf8'));
    const result = (await watched.page.evaluate(() => (window as unknown as { axe: { run(options: unknown): Promise<unknown> } }).axe.run({ resultTypes: ['violations'] }))) as {
      violations: Array<{ id: string; nodes: Array<{ target: string[] }> }>;
    };
    assert.deepEqual(result.violations.map((violation) => `${violation.id} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`), []);
    assertClean(watched);
  });
});
