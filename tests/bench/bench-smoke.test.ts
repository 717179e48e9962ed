// `broadsheet bench` at small sizes, as a smoke test: the report has every figure, rebuilds
// reuse what did not change, and the cost grows no faster than the archive (by ratio; never
// absolute seconds, the machine is shared).

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import type { BenchReport } from '../../src/bench/run-bench.ts';
import { temporaryDir } from '../helpers/paths.ts';
import { runCli } from '../helpers/run-build.ts';

async function bench(articles: number): Promise<BenchReport> {
  const json = path.join(await temporaryDir('bench'), 'bench.json');
  const run = await runCli(['bench', '--articles', String(articles), '--json', json, '--quiet'], { timeoutMs: 300_000 });
  assert.equal(run.exitCode, 0, run.stderr);
  return JSON.parse(await readFile(json, 'utf8')) as BenchReport;
}

describe('the benchmark at 100 and 300 articles', () => {
  let small: BenchReport;
  let large: BenchReport;

  before(async () => {
    small = await bench(100);
    large = await bench(300);
  });

  it('reports a cold build, an unchanged rebuild and a rebuild after adding one article, each with every figure', () => {
    for (const report of [small, large]) {
      assert.deepEqual(report.runs.map((run) => run.name), ['cold', 'unchanged', 'add-one']);
      for (const run of report.runs) {
        assert.equal(run.exitCode, 0);
        assert.deepEqual(Object.keys(run.stages), ['ingest', 'load', 'plan', 'render', 'index', 'commit']);
        for (const stage of Object.values(run.stages)) assert.ok(stage.wallSeconds >= 0 && stage.cpuSeconds >= 0);
        assert.ok(run.wallSeconds > 0 && run.cpuSeconds > 0);
        assert.ok(run.peakMemoryBytes >= run.nodeMaxRssBytes && run.nodeMaxRssBytes > 10e6);
        assert.ok(run.sitePages > run.articles, 'article pages plus home, search and 404');
        assert.ok(run.outputBytes > run.indexBytes && run.indexBytes > 0);
      }
    }
    assert.equal(small.input.articles, 100);
    assert.equal(small.runs[0]!.articles, 100);
    assert.equal(small.runs[2]!.articles, 101);
  });

  it('counts what a first search downloads: scripts, WebAssembly, per bundle its entry, metadata and an index chunk, and the filter data a small archive loads with it', () => {
    for (const report of [small, large]) {
      const { firstSearch } = report;
      assert.equal(firstSearch.bytes, Object.values(firstSearch.parts).reduce((sum, bytes) => sum + bytes, 0));
      assert.ok(firstSearch.uncachedBytes >= firstSearch.bytes, 'a host without cache validators sends at least as much');
      for (const kind of ['scripts', 'wasm', 'entries', 'meta', 'index', 'filters', 'fragments'] as const) assert.ok(firstSearch.parts[kind] > 0, kind);
      assert.equal(firstSearch.bundles, 2, 'the newest year, and the older years together');
      assert.deepEqual([firstSearch.waves, firstSearch.wavesSearched], [1, 1], 'a small archive is searched in one wave');
    }
  });

  it("reports the site's pages and, apart, the pages each build wrote: all of them cold, none unchanged, a few after adding one", () => {
    const [cold, unchanged, addOne] = large.runs;
    assert.equal(cold!.pagesWritten, cold!.sitePages);
    assert.equal(unchanged!.sitePages, cold!.sitePages);
    assert.equal(unchanged!.pagesWritten, 0);
    assert.ok(addOne!.sitePages > cold!.sitePages, 'the new article has a page');
    assert.ok(addOne!.pagesWritten >= 1 && addOne!.pagesWritten < addOne!.sitePages / 4, `wrote ${addOne!.pagesWritten} of ${addOne!.sitePages} pages`);
  });

  it('reads no source and builds no index part again when nothing changed', () => {
    const unchanged = large.runs[1]!;
    assert.deepEqual(unchanged.ingest, { reused: 300, parsed: 0 });
    assert.deepEqual(unchanged.indexParts.built, []);
    assert.equal(unchanged.indexParts.reused.length, 2);
  });

  it('after adding one article, parses only it and indexes only it, beside the newest year part', () => {
    const addOne = large.runs[2]!;
    assert.deepEqual(addOne.ingest, { reused: 300, parsed: 1 });
    // The newest year's delta bundle (src/search/delta-parts.ts); both parts' own bundles are kept.
    assert.deepEqual(addOne.indexParts.built, ['2025-added']);
    assert.equal(addOne.indexParts.reused.length, 2);
    assert.ok(addOne.cpuSeconds < large.runs[0]!.cpuSeconds, 'the rebuild costs less than the cold build');
  });

  it('grows no faster than linearly: three times the articles cost at most about three times the CPU', () => {
    const ratio = large.runs[0]!.cpuSeconds / small.runs[0]!.cpuSeconds;
    assert.ok(ratio <= 3.3, `cold build CPU grew ${ratio.toFixed(2)}× for 3× the articles`);
    // Article pages grow with the articles; person, place, tag and archive pages grow more slowly on
    // small archives (a name needs two articles to get a page), so pages never grow faster.
    const pages = large.runs[0]!.sitePages / small.runs[0]!.sitePages;
    assert.ok(pages > 1.5 && pages <= 3.2, `pages grew ${pages.toFixed(2)}×`);
  });
});
