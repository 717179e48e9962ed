// Runs searches inside a search page through the same module the page uses (search-engine.js),
// many queries per page load, for known-item measurements and ordering checks.

import type { Page } from 'playwright-core';

export interface RankedQuery {
  query: string;
  /** Result URLs in order (without the highlight parameter), at most `limit`. */
  urls: string[];
  total: number;
  milliseconds: number;
}

// A string, not a function: the test runner's TypeScript transform would add helpers the page
// does not have.
const IN_PAGE = `async ({ queries, limit, options }) => {
  const root = document.getElementById('search');
  const engineUrl = new URL('../assets/search-engine.js', new URL(root.dataset.baseUrl + 'search/', location.href)).href;
  const { openArchiveSearch } = await import(engineUrl);
  const archive = await openArchiveSearch({
    bundlePaths: JSON.parse(root.dataset.bundlePaths),
    baseUrl: root.dataset.baseUrl,
    pageLanguage: document.documentElement.lang,
    highlightParam: root.dataset.highlightParam,
  });
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

export async function searchInPage(
  page: Page,
  queries: string[],
  limit = 3,
  options: { filters?: Record<string, string[]>; sort?: 'asc' | 'desc' } = {},
): Promise<RankedQuery[]> {
  return (await page.evaluate(`(${IN_PAGE})(${JSON.stringify({ queries, limit, options })})`)) as RankedQuery[];
}
