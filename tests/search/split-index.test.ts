// The search index in parts: merged at query time (Pagefind's mergeIndex) it finds known items
// as well as one index over the same pages does, and shards built apart (two index parts and
// the rest of the site) deploy into one folder as exactly the full build, searchable in Chromium.

import assert from 'node:assert/strict';
import { cp, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as pagefind from 'pagefind';
import type { Browser } from 'playwright-core';
import { generateArchive } from '../../src/bench/generate-archive.ts';
import { browserSkipReason, launchBrowser, openWatchedPage } from '../helpers/browser.ts';
import { temporaryDir } from '../helpers/paths.ts';
import { MANIFEST_FILE } from '../../src/output/manifest.ts';
import { isShardRecordName, shardRecordName } from '../../src/output/ownership.ts';
import { buildArchive, type BuildRun } from '../helpers/run-build.ts';
import { isUnstablePagefindFile, stableBundleBytes } from '../helpers/pagefind-files.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

const skip = browserSkipReason();

async function filesUnder(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) files.set(path.relative(dir, path.join(entry.parentPath, entry.name)), await readFile(path.join(entry.parentPath, entry.name)));
  }
  return files;
}

/** Known-item queries: the two longest words of a title should find that article. */
function knownItems(build: BuildRun, count: number): Array<{ query: string; url: string }> {
  const english = build.report.articles.filter((article) => /^[A-Za-z]/.test(article.title));
  const step = Math.floor(english.length / count);
  return Array.from({ length: count }, (_, i) => english[i * step]!).map((article) => ({
    query: article.title.split(/\s+/).sort((a, b) => b.length - a.length || a.localeCompare(b)).slice(0, 2).join(' '),
    url: article.url,
  }));
}

describe('a search index split into parts', { skip }, () => {
  let full: BuildRun;
  let shards: Record<'newest' | 'older' | 'site', BuildRun>;
  let shardArgs: Record<'newest' | 'older' | 'site', string>;
  let deployed: string;
  let server: StaticServer;
  let browser: Browser;

  before(async () => {
    const work = await temporaryDir('split-index');
    const inbox = path.join(work, 'inbox');
    await generateArchive(inbox, 240, { layout: 'sections', seed: 'split-index-test' });
    full = await buildArchive(inbox);
    assert.equal(full.exitCode, 0, full.stderr);
    // One index over every article page of the full build, the way a single-index build made it.
    const { index } = await pagefind.createIndex({});
    await index!.addDirectory({ path: full.outDir, glob: '{0,1,2,3,4,5,6,7,8,9}*/**/*.html' });
    await index!.writeFiles({ outputPath: path.join(full.outDir, 'single-index') });
    await pagefind.close();

    const years = full.report.articles.map((article) => article.url.split('/')[1]!).sort();
    shardArgs = { newest: years.at(-1)!, older: years[0]!, site: 'site' };
    const [run1, run2, run3] = await Promise.all([
      buildArchive(inbox, ['--shard', shardArgs.newest]),
      buildArchive(inbox, ['--shard', shardArgs.older]),
      buildArchive(inbox, ['--shard', shardArgs.site]),
    ]);
    shards = { newest: run1, older: run2, site: run3 };
    deployed = path.join(work, 'deployed');
    for (const shard of Object.values(shards)) {
      assert.equal(shard.exitCode, 0, shard.stderr);
      await cp(shard.outDir, deployed, { recursive: true, errorOnExist: true, force: false });
    }
    server = await serveStatic(full.outDir);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('finds known items through the merged parts at least as well as through one index', async (t) => {
    const items = knownItems(full, 30);
    const searchPage = await readFile(path.join(full.outDir, 'search/index.html'), 'utf8');
    const parts = JSON.parse(/data-search-parts="([^"]+)"/.exec(searchPage)![1]!.replace(/&quot;|&#34;/g, '"')) as Array<{ bundle: string; from: string; to: string }>;
    const bundles = parts.map((part) => part.bundle);
    const years = [...new Set(full.report.articles.map((article) => article.url.split('/')[1]!))].sort();
    // The newest year alone (primary), then the older years together (fewer than 5,000 articles),
    // in the folder named by their first year.
    assert.deepEqual(bundles, ['/pagefind/', `/pagefind/${years[0]}/`]);
    assert.deepEqual(parts.slice(1).map((part) => [part.from, part.to]), [[years[0], years.at(-2)]]);
    const topFive = async (bundlePaths: string[]) => {
      // Three times in full-suite runs on 7 December 2026, only with other test files running
      // beside this one, Pagefind's own script (not the search page's engine) failed to read a
      // bundle's entry file in a new page (once on the retry too); run alone it never did. The
      // comparison is about ranking, so up to two fresh pages are tried again, and each failure
      // is reported with what the page's console said (Pagefind logs the fetch's own error there).
      for (let attempt = 1; ; attempt++) {
        try {
          return await topFiveOnce(bundlePaths);
        } catch (error) {
          if (attempt === 3 || !String(error).includes('Failed to load Pagefind metadata')) throw error;
          t.diagnostic(`Pagefind could not load ${bundlePaths[0]} on try ${attempt}: ${String(error).split('\n')[0]}; tried again in a new page`);
        }
      }
    };
    const topFiveOnce = async (bundlePaths: string[]) => {
      const watched = await openWatchedPage(browser, server.origin);
      await watched.page.goto(`${server.origin}/404.html`);
      const found = await watched.page
        .evaluate(
          async ({ bundlePaths, queries }) => {
            const search = await import(`${bundlePaths[0]}pagefind.js`);
            await search.options({ basePath: bundlePaths[0] });
            for (const bundle of bundlePaths.slice(1)) await search.mergeIndex(bundle);
            const urls: string[][] = [];
            for (const query of queries) {
              const response = await search.search(query);
              urls.push(await Promise.all(response.results.slice(0, 5).map(async (result: { data(): Promise<{ url: string }> }) => (await result.data()).url)));
            }
            return urls;
          },
          { bundlePaths, queries: items.map((item) => item.query) },
        )
        .catch(async (error: unknown) => {
          await watched.page.context().close();
          throw new Error(`${String(error).split('\n')[0]} (the page's console: ${JSON.stringify(watched.consoleMessages)})`);
        });
      assert.deepEqual(watched.consoleMessages, []);
      await watched.page.context().close();
      return items.filter((item, i) => found[i]!.includes(item.url)).length;
    };
    const merged = await topFive(bundles);
    const single = await topFive(['/single-index/']);
    t.diagnostic(`known items in the top five: merged parts ${merged} of 30, one index ${single} of 30`);
    assert.ok(single >= 27, `one index finds ${single} of 30 known items in its top five`);
    assert.ok(merged >= single, `merged parts find ${merged} of 30, one index ${single}`);
  });

  it('deploys shards side by side as exactly the files of the full build', async () => {
    const [whole, merged] = [await filesUnder(full.outDir), await filesUnder(deployed)];
    whole.forEach((_, name) => name.startsWith('single-index/') && whole.delete(name));
    // The full build's manifest is its own bookkeeping for the next build (src/output/manifest.ts),
    // not part of the site: shards, whose outputs are parts of a site, have none.
    whole.delete(MANIFEST_FILE);
    // Each shard records what it made, so that its next build may replace its output folder
    // (src/output/ownership.ts); the records have a name per shard, so they sit side by side.
    const records = [...merged.keys()].filter(isShardRecordName).sort();
    assert.deepEqual(records, Object.values(shardArgs).map(shardRecordName).sort());
    for (const name of records) merged.delete(name);
    // Filter and metadata chunk names vary from run to run (see pagefind-files.ts): compare how
    // many there are in each bundle folder, and every other file byte for byte.
    const stable = (files: Map<string, Buffer>) => [...files.keys()].filter((name) => !isUnstablePagefindFile(name)).sort();
    const unstableCount = (files: Map<string, Buffer>) => {
      const counts = new Map<string, number>();
      for (const name of files.keys()) if (isUnstablePagefindFile(name)) counts.set(path.posix.dirname(name), (counts.get(path.posix.dirname(name)) ?? 0) + 1);
      return [...counts].sort();
    };
    assert.deepEqual(stable(merged), stable(whole));
    assert.deepEqual(unstableCount(merged), unstableCount(whole));
    for (const name of stable(whole)) {
      const [full, shards] = [stableBundleBytes(name, whole.get(name)!), stableBundleBytes(name, merged.get(name)!)];
      const shown = name.endsWith('.json') ? `: ${full.toString()} against ${shards.toString()}` : '';
      assert.ok(full.equals(shards), `${name} differs between the full build and the shards${shown}`);
    }
  });

  it('reports which years each shard covers', () => {
    const years = (run: BuildRun) => (run.report as unknown as { shard: { years: string[] } }).shard.years;
    const all = [...new Set(full.report.articles.map((article) => article.url.split('/')[1]!))].sort();
    assert.deepEqual(years(shards.newest), all.slice(-1));
    assert.deepEqual(years(shards.older), all.slice(0, -1));
    assert.deepEqual(years(shards.site), []);
  });

  it('searches the deployed shards as one from the search page, old years and new', async () => {
    const site = await serveStatic(deployed);
    try {
      for (const article of [full.report.articles.at(-1)!, full.report.articles[0]!]) {
        const watched = await openWatchedPage(browser, site.origin);
        const query = article.title.split(/\s+/).sort((a, b) => b.length - a.length)[0]!;
        await watched.page.goto(`${site.origin}/search/?q=${encodeURIComponent(query)}`);
        const links = watched.page.locator('.search-result-title a');
        await links.first().waitFor();
        const hrefs = await links.evaluateAll((elements) => elements.map((element) => new URL((element as HTMLAnchorElement).href).pathname));
        assert.ok(hrefs.includes(article.url), `"${query}" should find ${article.url}; found ${hrefs.join(', ')}`);
        assert.deepEqual(watched.consoleMessages, []);
        assert.deepEqual(watched.foreignRequests, []);
      }
    } finally {
      await site.close();
    }
  });
});
