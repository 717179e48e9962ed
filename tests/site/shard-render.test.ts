// A shard renders only what it owns: a year shard its articles' pages and no list page (at
// 100,000 articles there are 42,000 list pages, which every year shard used to render and then
// delete), the site shard every list page and no article page. Its report counts those pages,
// so the shards' counts add up to the full build's.

import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { generateArchive } from '../../src/bench/generate-archive.ts';
import { temporaryDir } from '../helpers/paths.ts';
import { buildArchive, type BuildRun } from '../helpers/run-build.ts';

interface OutputReport {
  output: { renderedArticles: number; renderedLists: number };
  shard?: { years: string[] };
}

const outputOf = (run: BuildRun) => (run.report as unknown as OutputReport).output;

async function htmlFiles(dir: string): Promise<number> {
  return (await readdir(dir, { recursive: true })).filter((name) => name.endsWith('.html') && !name.startsWith('pagefind')).length;
}

describe('a shard renders only its own pages', { timeout: 240_000 }, () => {
  let full: BuildRun;
  let shards: BuildRun[];
  let years: string[];

  before(async () => {
    const inbox = path.join(await temporaryDir('shard-render'), 'inbox');
    await generateArchive(inbox, 40, { layout: 'sections', seed: 'shard-render' });
    full = await buildArchive(inbox);
    assert.equal(full.exitCode, 0, full.stderr);
    years = [...new Set(full.report.articles.map((article) => article.url.split('/')[1]!))].sort();
    // The newest year is a part of its own, the older years another: two year shards and the site.
    shards = await Promise.all([years.at(-1)!, years[0]!, 'site'].map((shard) => buildArchive(inbox, ['--shard', shard])));
    for (const shard of shards) assert.equal(shard.exitCode, 0, shard.stderr);
  });

  it('renders a year shard’s article pages and no list page', async () => {
    for (const shard of shards.slice(0, 2)) {
      const own = new Set((shard.report as unknown as OutputReport).shard!.years);
      const articles = full.report.articles.filter((article) => own.has(article.url.split('/')[1]!)).length;
      assert.ok(articles > 0);
      assert.equal(outputOf(shard).renderedArticles, articles);
      assert.equal(outputOf(shard).renderedLists, 0);
      assert.equal(shard.report.pages, articles);
      assert.equal(await htmlFiles(shard.outDir), articles);
    }
  });

  it('renders the site shard’s list pages and no article page', () => {
    const site = shards[2]!;
    assert.equal(outputOf(site).renderedArticles, 0);
    assert.equal(outputOf(site).renderedLists, outputOf(full).renderedLists);
  });

  it('counts pages so that the shards add up to the full build', () => {
    assert.equal(shards.reduce((sum, shard) => sum + shard.report.pages, 0), full.report.pages);
    assert.equal(shards.reduce((sum, shard) => sum + outputOf(shard).renderedArticles, 0), outputOf(full).renderedArticles);
  });
});
