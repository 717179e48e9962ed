// Articles added to a year whose index part is otherwise unchanged are indexed into a small delta
// bundle beside the part's (src/search/delta-parts.ts), which keeps its bundle; a change to one of
// the part's own pages, a page gone, or too many added pages index the part whole again, and the
// delta goes. The rules in bundles.ts, then real builds one after another into the same folders.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { deltaOf, isPartFolderName, partIndexesPage, searchWaves, withDeltaParts, type SearchPart } from '../../src/search/bundles.ts';
import { deltaLimit, MIN_DELTA_PAGES } from '../../src/search/delta-parts.ts';
import { temporaryDir } from '../helpers/paths.ts';
import { buildArchive, type BuildReport } from '../helpers/run-build.ts';

const part = (name: string, articles: number, primary = false): SearchPart => ({
  name,
  years: name.split('-'),
  bundlePath: primary ? '/pagefind/' : `/pagefind/${name}/`,
  primary,
  articles,
});

describe('delta bundles in the part list', () => {
  it('follows its part, takes the added pages from its count, and is searched in its wave', () => {
    const added = new Set(['2024/new/index.html']);
    const parts = withDeltaParts([part('2024', 300, true), part('2020-2023', 5000)], new Map([['2024', added]]));
    assert.deepEqual(
      parts.map(({ name, bundlePath, articles, primary, deltaOf }) => ({ name, bundlePath, articles, primary, deltaOf })),
      [
        { name: '2024', bundlePath: '/pagefind/', articles: 299, primary: true, deltaOf: undefined },
        { name: '2024-added', bundlePath: '/pagefind/2024-added/', articles: 1, primary: false, deltaOf: '2024' },
        { name: '2020-2023', bundlePath: '/pagefind/2020-2023/', articles: 5000, primary: false, deltaOf: undefined },
      ],
    );
    // Without the delta, the first wave would be full at the newest year: the delta still joins it.
    assert.deepEqual(searchWaves(parts, 299), [0, 0, 1]);
    assert.deepEqual(searchWaves([part('2024', 299, true), part('2020-2023', 5000)], 299), [0, 1]);
  });

  it('weighs a part with its delta for the wave, as a cold build weighs the year whole', () => {
    // 2021 grew from 4 to 6 articles: a cold build lists it as one part of 6, which does not fit
    // beside the newest year's 5 in a first wave of 10; the rebuild's part of 4 did.
    const cold = [part('2022', 5, true), part('2021', 6)];
    const grown = withDeltaParts(cold, new Map([['2021', new Set(['2021/a/index.html', '2021/b/index.html'])]]));
    const [newest, older] = searchWaves(cold, 10);
    assert.deepEqual(searchWaves(grown, 10), [newest, older, older]);
    assert.notEqual(newest, older);
  });

  it('splits the year’s pages between the part and its delta', () => {
    const [own, delta] = withDeltaParts([part('2024', 3, true)], new Map([['2024', new Set(['2024/new/index.html'])]]));
    assert.equal(partIndexesPage(own!, '2024/new/index.html'), false);
    assert.equal(partIndexesPage(delta!, '2024/new/index.html'), true);
    assert.equal(partIndexesPage(own!, '2024/old/index.html'), true);
    assert.equal(partIndexesPage(delta!, '2024/old/index.html'), false);
  });

  it('names the delta’s folder so that the primary bundle’s folder knows it for another part’s', () => {
    // Named by the part's first year, like the part's own folder, so both stay when a year joins.
    assert.equal(deltaOf(part('1990-1996', 10)).bundlePath, '/pagefind/1990-added/');
    for (const name of ['2015', '1990-1996', '2015-added', '1990-1996-added']) assert.equal(isPartFolderName(name), true, name);
    for (const name of ['fragment', 'index', 'filter', '2015-other', 'added']) assert.equal(isPartFolderName(name), false, name);
  });

  it('allows a delta of a share of its part, and always a few pages', () => {
    assert.equal(deltaLimit(10), MIN_DELTA_PAGES);
    assert.equal(deltaLimit(5000), 250);
  });
});

interface DeltaReport extends BuildReport {
  search: { pages: number; bytes: number; files: number; parts: { built: string[]; reused: string[]; streamed: string[] } } | null;
}

const story = (title: string, words: string) => `${title}\n\nThe ${words} were discussed at length by the council on Tuesday, members said after the meeting.\n`;

describe('rebuilds with delta bundles', () => {
  let inbox: string;
  let dirs: { outDir: string; articlesDir: string };
  let last: DeltaReport;
  const rebuild = async () => {
    const run = await buildArchive(inbox, [], dirs);
    assert.equal(run.exitCode, 0, run.stderr);
    last = run.report as DeltaReport;
    return last;
  };
  /** Unpublishes an article: its source leaves the inbox and its file the articles folder (docs/ingest.md). */
  const unpublish = async (source: string) => {
    const article = last.articles.find((candidate) => candidate.source === source)!;
    await rm(path.join(inbox, source));
    await rm(path.join(dirs.articlesDir, article.file));
  };
  const bundleFolders = async () =>
    (await readdir(path.join(dirs.outDir, 'pagefind'), { withFileTypes: true }))
      .filter((entry) => entry.isDirectory() && isPartFolderName(entry.name))
      .map((entry) => entry.name)
      .sort();
  const entryPages = async (bundle: string) => {
    const entry = JSON.parse(await readFile(path.join(dirs.outDir, bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
  };
  /** The parts the search page lists: bundle and wave. */
  const listedParts = async () => {
    const page = await readFile(path.join(dirs.outDir, 'search/index.html'), 'utf8');
    const json = /data-search-parts="([^"]*)"/.exec(page)![1]!.replaceAll('&quot;', '"');
    return (JSON.parse(json) as Array<{ bundle: string; wave: number; articles: number }>).map(({ bundle, wave, articles }) => `${bundle} ${wave} ${articles}`);
  };

  before(async () => {
    const work = await temporaryDir('delta-parts');
    inbox = path.join(work, 'inbox');
    dirs = { outDir: path.join(work, 'site'), articlesDir: path.join(work, 'articles') };
    await mkdir(inbox, { recursive: true });
    for (let i = 1; i <= 6; i++) await writeFile(path.join(inbox, `2020-03-0${i}-council-${i}.txt`), story(`Council meeting number ${i}`, `harbour plans ${i}`));
    for (let i = 1; i <= 4; i++) await writeFile(path.join(inbox, `2005-05-0${i}-ferry-${i}.txt`), story(`Ferry report number ${i}`, `ferry timetables ${i}`));
    const cold = await rebuild();
    assert.deepEqual(cold.search?.parts.built, ['2020', '2005']);
  });

  it('indexes an article added to the newest year into a delta beside the kept primary bundle, searched in its wave', async () => {
    await writeFile(path.join(inbox, '2020-03-09-lighthouse.txt'), story('Lighthouse keeper retires', 'lighthouse keepers'));
    const report = await rebuild();
    assert.deepEqual(report.search?.parts, { built: ['2020-added'], reused: ['2020', '2005'], streamed: ['2020-added'] });
    assert.deepEqual(await bundleFolders(), ['2005', '2020-added']);
    const manifest = JSON.parse(await readFile(path.join(dirs.outDir, 'pagefind/2020-added/broadsheet-part.json'), 'utf8')) as { pages: string[] };
    const added = report.articles.find((article) => article.source === '2020-03-09-lighthouse.txt')!;
    assert.deepEqual(manifest.pages, [`${added.url.slice(1)}index.html`]);
    // Every article is indexed once: six in the primary bundle, one in the delta, four in 2005.
    assert.deepEqual([await entryPages('pagefind'), await entryPages('pagefind/2020-added'), await entryPages('pagefind/2005')], [6, 1, 4]);
    assert.equal(report.search?.pages, 11);
    assert.deepEqual(await listedParts(), ['/pagefind/ 0 6', '/pagefind/2020-added/ 0 1', '/pagefind/2005/ 0 4']);
  });

  it('adds the next article to the same delta, and gives an older year its own', async () => {
    await writeFile(path.join(inbox, '2020-03-10-pier.txt'), story('Pier repairs begin', 'pier repairs'));
    await writeFile(path.join(inbox, '2005-05-09-ferry-late.txt'), story('Late ferry report', 'ferry delays'));
    const report = await rebuild();
    assert.deepEqual([...report.search!.parts.built].sort(), ['2005-added', '2020-added']);
    assert.deepEqual(report.search?.parts.reused, ['2020', '2005']);
    assert.deepEqual(await bundleFolders(), ['2005', '2005-added', '2020-added']);
    assert.deepEqual([await entryPages('pagefind'), await entryPages('pagefind/2020-added'), await entryPages('pagefind/2005-added')], [6, 2, 1]);
  });

  it('reuses every bundle, deltas too, when nothing changed', async () => {
    const report = await rebuild();
    assert.deepEqual(report.search?.parts, { built: [], reused: ['2020', '2020-added', '2005', '2005-added'], streamed: [] });
  });

  it('takes a delta away when its only article is removed, keeping its part’s bundle', async () => {
    await unpublish('2005-05-09-ferry-late.txt');
    const report = await rebuild();
    assert.deepEqual(report.search?.parts.reused, ['2020', '2020-added', '2005']);
    assert.deepEqual(report.search?.parts.built, []);
    assert.deepEqual(await bundleFolders(), ['2005', '2020-added']);
    assert.deepEqual(await listedParts(), ['/pagefind/ 0 6', '/pagefind/2020-added/ 0 2', '/pagefind/2005/ 0 4']);
  });

  it('indexes the part whole again, folding its delta in, when one of its own articles changes', async () => {
    await writeFile(path.join(inbox, '2020-03-02-council-2.txt'), story('Council meeting number 2', 'harbour plans revised'));
    const report = await rebuild();
    assert.deepEqual(report.search?.parts.built, ['2020']);
    assert.deepEqual(await bundleFolders(), ['2005']);
    assert.equal(await entryPages('pagefind'), 8);
    assert.ok(!existsSync(path.join(dirs.outDir, 'pagefind/2020-added')));
    assert.deepEqual(await listedParts(), ['/pagefind/ 0 8', '/pagefind/2005/ 0 4']);
  });

  it('indexes the part whole again when one of its own articles is removed', async () => {
    await writeFile(path.join(inbox, '2020-03-11-tide.txt'), story('Tide tables published', 'tide tables'));
    assert.deepEqual((await rebuild()).search?.parts.built, ['2020-added']);
    await unpublish('2020-03-01-council-1.txt');
    const report = await rebuild();
    assert.deepEqual(report.search?.parts.built, ['2020']);
    assert.deepEqual(await bundleFolders(), ['2005']);
    assert.equal(await entryPages('pagefind'), 8);
  });

  it('indexes the part whole again when more articles are added than a delta may hold', async () => {
    for (let i = 0; i <= MIN_DELTA_PAGES; i++) await writeFile(path.join(inbox, `2005-06-01-notice-${i}.txt`), story(`Shipping notice ${i}`, `shipping notices ${i}`));
    const report = await rebuild();
    assert.deepEqual(report.search?.parts.built, ['2005']);
    assert.deepEqual(await bundleFolders(), ['2005']);
    assert.equal(await entryPages('pagefind/2005'), 4 + MIN_DELTA_PAGES + 1);
  });

  it('indexes the former newest year into the delta of the older part it joins at the new year, keeping that part’s bundle', async () => {
    // 2020 grows to more pages than a delta of 2005's bundle may hold for 2005 itself.
    await writeFile(path.join(inbox, '2020-03-12-quay.txt'), story('Quay lights fixed', 'quay lights'));
    for (let i = 1; i <= 45; i++) await writeFile(path.join(inbox, `2020-04-01-buoy-${i}.txt`), story(`Buoy number ${i} replaced`, `buoys ${i}`));
    assert.deepEqual((await rebuild()).search?.parts.built, ['2020-added']);
    const olderPages = await entryPages('pagefind/2005');
    await writeFile(path.join(inbox, '2021-01-04-new-year.txt'), story('New year swim', 'winter swimmers'));
    const report = await rebuild();
    // 2020 is no longer the newest year: it joins 2005 in one part of older years, whose bundle
    // (in the folder named by its first year) is kept, and 2020's pages go into its delta.
    const of2020 = report.articles.filter((article) => article.url.startsWith('/2020/')).length;
    assert.ok(of2020 > deltaLimit(olderPages) && of2020 <= olderPages, `${of2020} pages of 2020, ${olderPages} in 2005's bundle`);
    assert.deepEqual([...report.search!.parts.built].sort(), ['2005-2020-added', '2021']);
    assert.deepEqual(report.search?.parts.reused, ['2005-2020']);
    assert.deepEqual(await bundleFolders(), ['2005', '2005-added']);
    assert.deepEqual([await entryPages('pagefind'), await entryPages('pagefind/2005'), await entryPages('pagefind/2005-added')], [1, olderPages, of2020]);
    assert.equal(1 + olderPages + of2020, report.articles.length);
    assert.deepEqual(await listedParts(), [`/pagefind/ 0 1`, `/pagefind/2005/ 0 ${olderPages}`, `/pagefind/2005-added/ 0 ${of2020}`]);
  });

  it('keeps the previous search page when indexing fails, so that it lists no delta the build did not make', async () => {
    await writeFile(path.join(inbox, '2021-02-01-ice.txt'), story('Ice on the harbour', 'ice floes'));
    const listedBefore = await listedParts();
    // Pagefind's package runs the binary PAGEFIND_BINARY_PATH names: one that fails at once.
    const failed = await buildArchive(inbox, [], dirs, { PAGEFIND_BINARY_PATH: '/bin/false' });
    assert.notEqual(failed.exitCode, 0);
    assert.ok(failed.report.problems.some((problem) => problem.code === 'SEARCH_INDEX_FAILED'), failed.stderr);
    assert.deepEqual(await bundleFolders(), ['2005', '2005-added']);
    assert.deepEqual(await listedParts(), listedBefore);
    // The next build indexes the year whole: the site now records a page its bundle lacks, which
    // the plan's check of the bundle's key against the recorded pages finds.
    const report = await rebuild();
    assert.deepEqual(report.search?.parts.built, ['2021']);
    assert.equal(await entryPages('pagefind'), 2);
    assert.deepEqual(await bundleFolders(), ['2005', '2005-added']);
  });
});
