// Runs searches inside a search page through the same module the page uses (search-engine.js),
// many queries per page load, for known-item measurements and ordering checks.

import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { openWatchedPage } from '../helpers/browser.ts';
import type { StaticServer } from '../helpers/static-server.ts';

export interface RankedQuery {
  query: string;
  /** Result URLs in order (without the highlight parameter), at most `limit`. */
  urls: string[];
  total: number;
  milliseconds: number;
}

// A string, not a function: the test runner's TypeScript transform would add helpers the page
// does not have.
const IN_PAGE = `async ({ queries, limit, options, allYears, engineOptions }) => {
  const root = document.getElementById('search');
  const engineUrl = new URL('../assets/search-engine.js', new URL(root.dataset.baseUrl + 'search/', location.href)).href;
  const { openArchiveSearch } = await import(engineUrl);
  const archive = await openArchiveSearch({
    parts: JSON.parse(root.dataset.searchParts),
    baseUrl: root.dataset.baseUrl,
    pageLanguage: root.dataset.language || document.documentElement.lang,
    highlightParam: root.dataset.highlightParam,
    ...engineOptions,
  });
  if (allYears) await archive.addAllYears();
  const out = [];
  for (const query of queries) {
    const start = performance.now();
    const result = await archive.search(query, options);
    const page = await result.next(limit);
    const milliseconds = performance.now() - start;
    out.push({ query, total: result.total, milliseconds, urls: page.map((data) => data.url.split('?')[0]) });
  }
  return out;
}`;

/**
 * Runs `queries` through a fresh archive search in the page. `allYears` merges every part of the
 * index before the first query (as the page did before it searched in waves); otherwise the
 * search starts from the first wave and widens as the page's does. `engineOptions` are passed on
 * to openArchiveSearch.
 */
export async function searchInPage(
  page: Page,
  queries: string[],
  limit = 3,
  options: { filters?: Record<string, string[]>; sort?: 'asc' | 'desc'; atLeast?: number } = {},
  allYears = false,
  engineOptions: { oneIndexRanking?: boolean } = {},
): Promise<RankedQuery[]> {
  return (await page.evaluate(`(${IN_PAGE})(${JSON.stringify({ queries, limit, options, allYears, engineOptions })})`)) as RankedQuery[];
}

/** Waits until the search page has opened its index (the form shows, and the page is not busy). */
export async function searchReady(page: Page): Promise<void> {
  await page.locator('#search:not([aria-busy]) .search-form:not([hidden])').waitFor();
}

/** Waits until the search page has finished the search it is running; returns its status line. */
export async function searchSettled(page: Page): Promise<string> {
  // A locator, not waitForFunction: the page's CSP forbids the eval that a string predicate needs.
  await page.locator('#search:not([aria-busy]) #search-status:not(:empty)').waitFor();
  return (await page.locator('#search-status').textContent()) ?? '';
}

export interface FirstSearchCost {
  /** Every byte the browser fetched from opening the search page to showing results. */
  totalBytes: number;
  /** Of those, the bytes of the Pagefind bundle (script, worker, WebAssembly, index, fragments). */
  searchBytes: number;
  /** The total if the host compresses responses with gzip (as most static hosts do). */
  gzipBytes: number;
  requests: number;
}

/**
 * Opens `searchPath` (a search page URL with ?q=) in a fresh browser context and sums the sizes
 * of the files the server sent until the results showed. The test server does not compress, so
 * file size is transfer size (Pagefind's index files are compressed already).
 */
export async function measureFirstSearch(
  browser: Browser,
  server: StaticServer,
  siteDir: string,
  searchPath: string,
): Promise<FirstSearchCost> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const start = server.requests.length;
  await page.goto(`${server.origin}${searchPath}`);
  await searchSettled(page);
  await page.waitForLoadState('networkidle');
  const requested = server.requests.slice(start);
  await context.close();
  let totalBytes = 0;
  let searchBytes = 0;
  let gzipBytes = 0;
  for (const request of requested) {
    let file = path.join(siteDir, decodeURIComponent(request));
    try {
      if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
      const content = await readFile(file);
      const bytes = content.length;
      totalBytes += bytes;
      gzipBytes += Math.min(bytes, gzipSync(content).length);
      if (/\/pagefind[^/]*\//.test(request)) searchBytes += bytes;
    } catch {
      // A request for something that is not there (none expected) costs its 404 page; ignore it.
    }
  }
  return { totalBytes, searchBytes, gzipBytes, requests: requested.length };
}

/**
 * Opens the search page of `server` at `?q=query` (and `&order=`), in a page of its own, and
 * returns its status line and the result titles in order; fails if the page logged an error or
 * warning, or asked another host for anything.
 */
export async function searchPageTitles(browser: Browser, server: StaticServer, query: string, order = ''): Promise<{ status: string; titles: string[] }> {
  const watched = await openWatchedPage(browser, server.origin);
  await watched.page.goto(`${server.origin}/search/?q=${encodeURIComponent(query)}${order ? `&order=${order}` : ''}`);
  const status = await searchSettled(watched.page);
  const titles = await watched.page.locator('.search-result-title').allTextContents();
  assert.deepEqual(watched.consoleMessages, []);
  await watched.page.context().close();
  return { status, titles };
}
