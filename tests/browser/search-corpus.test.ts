// Known-item search over the real corpora in ../shared/corpus (skipped without them): each
// article's own headline (the sidecar title) as the query must bring that article into the first
// three results. Reported as figures: success at 1 and at 3, query latency in the browser, and
// the bytes a first search transfers.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { browserSkipReason, launchBrowser, openWatchedPage } from '../helpers/browser.ts';
import { CORPUS_DIR, corpusSkipReason } from '../helpers/paths.ts';
import { buildArchive } from '../helpers/run-build.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';
import { measureFirstSearch, searchInPage } from '../search/search-in-page.ts';

// The floor the issue sets for known-item success at 3 (titles as queries) on each corpus.
const SUCCESS_AT_3_FLOOR = 0.8;

const skip = browserSkipReason() || corpusSkipReason();

async function sidecarTitles(corpus: string): Promise<Map<string, string>> {
  const lines = (await readFile(path.join(CORPUS_DIR, corpus, 'meta.jsonl'), 'utf8')).split('\n').filter((line) => line.trim());
  return new Map(lines.map((line) => JSON.parse(line) as { file: string; title: string }).map((entry) => [entry.file, entry.title]));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

describe('known-item search over the shared corpora', { skip, concurrency: false }, () => {
  let browser: Browser;
  const servers: StaticServer[] = [];

  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    for (const server of servers) await server.close();
  });

  for (const corpus of ['bbc', 'arabic']) {
    it(`finds at least ${SUCCESS_AT_3_FLOOR * 100}% of the ${corpus} articles in the first three results by their headline`, { timeout: 600_000 }, async (t) => {
      const build = await buildArchive(path.join(CORPUS_DIR, corpus), [], {});
      assert.notEqual(build.exitCode, 2, build.stderr);
      const titles = await sidecarTitles(corpus);
      // Every published article (exact duplicates are published once) with its sidecar title.
      const items = build.report.articles.map((article) => ({ query: titles.get(path.basename(article.source)) ?? '', url: article.url }));
      assert.ok(items.length > 0 && items.every((item) => item.query !== ''), 'every article has a sidecar title');

      const server = await serveStatic(build.outDir);
      servers.push(server);
      const watched = await openWatchedPage(browser, server.origin);
      await watched.page.goto(`${server.origin}/search/`);
      const ranked = await searchInPage(watched.page, items.map((item) => item.query), 3);
      const at1 = ranked.filter((result, index) => result.urls[0] === items[index]!.url).length / items.length;
      const at3 = ranked.filter((result, index) => result.urls.includes(items[index]!.url)).length / items.length;
      const cost = await measureFirstSearch(browser, server, build.outDir, `/search/?q=${encodeURIComponent(items[0]!.query)}`);
      t.diagnostic(
        `${corpus}: ${items.length} articles; known-item success at 1 = ${at1.toFixed(3)}, at 3 = ${at3.toFixed(3)}; ` +
          `median query ${median(ranked.slice(1).map((result) => result.milliseconds)).toFixed(1)} ms (search and top 3 results' data, ${ranked.length - 1} warm queries, first ${ranked[0]!.milliseconds.toFixed(0)} ms cold); ` +
          `first search transfers ${(cost.totalBytes / 1024).toFixed(0)} KB in ${cost.requests} requests (${(cost.gzipBytes / 1024).toFixed(0)} KB with gzip), ${(cost.searchBytes / 1024).toFixed(0)} KB of it Pagefind's`,
      );
      assert.ok(at3 >= SUCCESS_AT_3_FLOOR, `success at 3 is ${at3.toFixed(3)}`);
      assert.deepEqual(watched.consoleMessages, []);
      assert.deepEqual(watched.dialogs, []);
    });
  }
});
