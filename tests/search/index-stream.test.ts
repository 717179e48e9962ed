// Parts indexed while the site renders (index-stream.ts) must give the bundle that indexing the
// written pages afterwards gives, and a part whose pages do not all arrive must not be used.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { ProblemLog } from '../../src/problems.ts';
import { buildSearchIndex } from '../../src/search/build-index.ts';
import type { SearchPart } from '../../src/search/bundles.ts';
import { IndexStream } from '../../src/search/index-stream.ts';
import { PagefindLanes } from '../../src/search/pagefind-lanes.ts';
import { PageScratch } from '../../src/search/page-scratch.ts';
import { hasIndexedBody } from '../../src/search/part-indexer.ts';
import { indexedContent, indexedContentHash } from '../../src/search/indexed-content.ts';
import { isUnstablePagefindFile, stableBundleBytes } from '../helpers/pagefind-files.ts';
import { temporaryDir } from '../helpers/paths.ts';
import type { BuildRun } from '../helpers/run-build.ts';
import { buildFixtureArchive } from './fixture-archive.ts';

/** Every stable file of the site's search bundles, by site path, as bytes. */
async function stableBundleFiles(siteDir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(path.join(siteDir, 'pagefind'), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const sitePath = path.relative(siteDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    if (!isUnstablePagefindFile(sitePath)) files.set(sitePath, stableBundleBytes(sitePath, await readFile(path.join(siteDir, sitePath))));
  }
  return files;
}

/** What the build does for each page of the site: hands it over with its indexed-content hash. */
const accept = (stream: IndexStream, sitePath: string, html: string) => stream.accept(sitePath, hasIndexedBody(html) ? indexedContentHash(html) : undefined);

const page = (title: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><nav>Menu words</nav><article data-pagefind-body><h1>${title}</h1><p>Words about ${title}.</p></article></body></html>`;

describe('indexing parts while the site renders', () => {
  const lanes = new PagefindLanes();
  after(() => lanes.close());

  it('gives the same bundles as indexing the written pages afterwards', async () => {
    const build: BuildRun = await buildFixtureArchive();
    assert.equal(build.exitCode, 0, build.stderr);
    const report = build.report as unknown as { search: { parts: { built: string[]; streamed: string[] } }; searchParts: Array<Omit<SearchPart, 'primary'>> };
    // The report lists the primary (which carries Pagefind's scripts) first.
    const parts: SearchPart[] = report.searchParts.map((part, index) => ({ ...part, primary: index === 0 }));
    assert.ok(report.searchParts.length > 1, 'the fixture has several parts');
    assert.deepEqual(report.search.parts.streamed, report.search.parts.built, 'a first build indexes every part as it renders');

    // The same pages, indexed from disk after the fact.
    const copy = await temporaryDir('stream-copy');
    await cp(build.outDir, copy, { recursive: true, filter: (source) => path.basename(source) !== 'pagefind' });
    const problems = new ProblemLog();
    // Page folders where the build put its own (in memory or on disk, by the same rule): Pagefind
    // numbers pages in the order the folder lists them, which differs between file systems.
    const scratch = PageScratch.open(`${copy}.scratch`, parts.reduce((sum, part) => sum + part.articles, 0));
    const stats = await buildSearchIndex(copy, problems, { parts, scratch }).finally(() => scratch.remove());
    assert.deepEqual(problems.problems, []);
    assert.deepEqual(stats?.parts.streamed, []);

    const streamed = await stableBundleFiles(build.outDir);
    const fromDisk = await stableBundleFiles(copy);
    assert.ok([...streamed.keys()].some((file) => file.includes('/fragment/')), 'fragments are compared');
    assert.deepEqual([...streamed.keys()].sort(), [...fromDisk.keys()].sort());
    for (const [file, bytes] of streamed) assert.ok(bytes.equals(fromDisk.get(file)!), `${file} is the same`);
  });

  const planned = (site: string, pages: Record<string, string>) => () =>
    Object.entries(pages).map(([sourcePath, html]) => ({ sourcePath, indexed: () => indexedContent(html) }));
  const part: SearchPart = { name: '2024', years: ['2024'], bundlePath: '/pagefind/', primary: true, articles: 2 };

  it('uses a fed part when Eleventy rendered exactly the pages fed, in whatever order', async () => {
    const site = await temporaryDir('stream-order');
    const stream = new IndexStream(site, [part], planned(site, { '2024/b/index.html': page('Beta'), '2024/a/index.html': page('Alpha') }), `${site}.logs`, lanes);
    accept(stream, '2024/a/index.html', page('Alpha'));
    // A page without an indexed element (an archive page under the year) is not Pagefind's.
    accept(stream, '2024/index.html', '<!doctype html><html lang="en"><body><p>List</p></body></html>');
    accept(stream, '2024/b/index.html', page('Beta'));
    const outcomes = await stream.outcomes();
    assert.deepEqual([...outcomes.keys()], ['2024']);
    const outcome = await outcomes.get('2024')!;
    assert.deepEqual(outcome.errors, []);
    assert.equal(outcome.log.languages.en?.pages, 2);
    await stream.close();
    assert.equal(existsSync(`${site}.logs`), false, 'Pagefind\'s logs are removed');

    // Planned the other way round, the bundle is the same: pages go to Pagefind in path order.
    const other = await temporaryDir('stream-order');
    const reversed = new IndexStream(other, [part], planned(other, { '2024/a/index.html': page('Alpha'), '2024/b/index.html': page('Beta') }), `${other}.logs`, lanes);
    accept(reversed, '2024/b/index.html', page('Beta'));
    accept(reversed, '2024/a/index.html', page('Alpha'));
    assert.equal((await reversed.outcomes()).size, 1);
    await reversed.close();
    const first = await stableBundleFiles(site);
    const second = await stableBundleFiles(other);
    assert.ok([...first.keys()].some((file) => file.includes('/fragment/')));
    assert.deepEqual([...first.keys()].sort(), [...second.keys()].sort());
    for (const [file, bytes] of first) assert.ok(bytes.equals(second.get(file)!), `${file} is the same`);
  });

  for (const [name, rendered] of [
    ['a fed page that Eleventy did not render', { '2024/a/index.html': page('Alpha') }],
    ['a rendered page that was not fed', { '2024/a/index.html': page('Alpha'), '2024/b/index.html': page('Beta'), '2024/c/index.html': page('Gamma') }],
    ['a page whose indexed text differs from what was fed', { '2024/a/index.html': page('Alpha'), '2024/b/index.html': page('Beta!') }],
  ] as const) {
    it(`leaves out, and removes the bundle of, a part with ${name}`, async () => {
      const site = await temporaryDir('stream-differs');
      // The primary's folder holds the other parts' folders, which must survive.
      await mkdir(path.join(site, 'pagefind/1990'), { recursive: true });
      const stream = new IndexStream(site, [part], planned(site, { '2024/a/index.html': page('Alpha'), '2024/b/index.html': page('Beta') }), `${site}.logs`, lanes);
      for (const [sourcePath, html] of Object.entries(rendered)) accept(stream, sourcePath, html);
      assert.equal((await stream.outcomes()).size, 0);
      await stream.close();
      assert.deepEqual(await readdir(path.join(site, 'pagefind')), ['1990']);
    });
  }

  it('tells of each part it takes as soon as its indexing ends, before the outcomes are in, and not of a part it leaves out', async () => {
    const site = await temporaryDir('stream-heard');
    const older: SearchPart = { name: '2023', years: ['2023'], bundlePath: '/pagefind/2023/', primary: false, articles: 1 };
    const pages: Record<string, string> = { '2024/a/index.html': page('Alpha'), '2024/b/index.html': page('Beta'), '2023/c/index.html': page('Gamma') };
    const byYear = (of: SearchPart) => Object.entries(pages).filter(([sourcePath]) => of.years.some((year) => sourcePath.startsWith(`${year}/`))).map(([sourcePath, html]) => ({ sourcePath, indexed: () => indexedContent(html) }));
    const stream = new IndexStream(site, [part, older], byYear, `${site}.logs`, lanes);
    accept(stream, '2024/a/index.html', page('Alpha'));
    accept(stream, '2024/b/index.html', page('Beta'));
    accept(stream, '2023/c/index.html', page('Gamma, edited')); // not what was fed: indexed again later, so not counted here
    const heard: string[] = [];
    let returned = false;
    const outcomes = await stream.outcomes((taken) => {
      assert.equal(returned, false, 'heard of before the outcomes are returned');
      heard.push(taken.name);
    });
    returned = true;
    assert.deepEqual([...outcomes.keys()], ['2024']);
    assert.deepEqual(heard, ['2024']);
    await stream.close();
  });

  it('uses a fed part whose rendered pages differ from what was fed only outside the indexed element', async () => {
    const site = await temporaryDir('stream-outside');
    const stream = new IndexStream(site, [part], planned(site, { '2024/a/index.html': page('Alpha'), '2024/b/index.html': page('Beta') }), `${site}.logs`, lanes);
    accept(stream, '2024/a/index.html', page('Alpha').replace('Menu words', 'Other menu'));
    accept(stream, '2024/b/index.html', page('Beta'));
    assert.equal((await stream.outcomes()).size, 1);
    await stream.close();
  });
});
