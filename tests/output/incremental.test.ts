// A rebuild keeps what did not change and writes only what did (src/output/). Whatever it skips,
// the site it leaves must be the site a build from nothing makes of the same inbox: every page,
// feed, sitemap and asset byte for byte, and the same search index. Each change below touches
// a different input of other pages (a new article, a body, a title that other pages link by, a
// removed article, what only list pages show: a summary, a section, a tag, a date; the
// configuration), so an input missing from a page's fingerprint shows here.

import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import { appendFile, cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { generateArchive, generateArticle } from '../../src/bench/generate-archive.ts';
import { createVocabulary } from '../../src/bench/vocabulary.ts';
import { MANIFEST_FILE } from '../../src/output/manifest.ts';
import { PROJECT_ROOT, temporaryDir } from '../helpers/paths.ts';
import { NO_DIFFERENCES, siteDifferences, siteFiles } from '../helpers/site-diff.ts';
import { buildArchive, type BuildRun } from '../helpers/run-build.ts';

const SEED = 'incremental';
const ARTICLES = 60;

interface OutputReport {
  output: { incremental: boolean; renderedArticles: number; renderedLists: number; written: number; kept: number; removed: number } | null;
  search: { parts: { built: string[]; reused: string[]; streamed: string[] } } | null;
}

/** Articles per listing page in the project's configuration, which the builds here use. */
async function projectPageSize(): Promise<number> {
  return (JSON.parse(await readFile(path.join(PROJECT_ROOT, 'broadsheet.config.json'), 'utf8')) as { pageSize: number }).pageSize;
}

const outputOf = (run: BuildRun) => (run.report as unknown as OutputReport).output!;

/** Checks that a rebuilt site is the one a build from nothing makes, its search bundles included. */
async function assertSameSite(rebuilt: string, fresh: string, change: string): Promise<void> {
  assert.deepEqual(await siteDifferences(rebuilt, fresh, { withSearch: true }), NO_DIFFERENCES, `${change}: every file the same as a build from nothing`);
}

describe('an incremental rebuild', { timeout: 300_000 }, () => {
  let inbox: string;
  let work: string;
  let site: string;
  let articles: string;
  let first: BuildRun;

  const rebuild = (extra: string[] = []) => buildArchive(inbox, extra, { outDir: site, articlesDir: articles });
  // From a copy of the same article files (ingest keeps an article's URL when its title is
  // corrected, so a fresh articles folder would differ for reasons of its own) without the
  // caches beside them, so every source and article file is read, into an empty output folder.
  const freshBuild = async (extra: string[] = []) => {
    const copy = path.join(await temporaryDir('incremental-fresh'), 'articles');
    await cp(articles, copy, { recursive: true, filter: (source) => path.basename(source) !== '.broadsheet' });
    return buildArchive(inbox, extra, { articlesDir: copy });
  };
  const fresh = async (extra: string[] = []) => (await freshBuild(extra)).outDir;
  const metaLines = async () => (await readFile(path.join(inbox, 'meta.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { file: string; title: string; date: string; subtitle?: string; category?: string; tags?: string[] });
  const writeMeta = (lines: object[]) => writeFile(path.join(inbox, 'meta.jsonl'), `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`);
  /**
   * Rebuilds after a change only list pages show (besides the article's own page), and checks
   * the site is the one a build from nothing makes, with some list pages rendered and not all.
   */
  const rebuildAfterListChange = async (change: string) => {
    const run = await rebuild();
    assert.equal(run.exitCode, 0, run.stderr);
    const freshRun = await freshBuild();
    const output = outputOf(run);
    assert.equal(output.incremental, true);
    const all = outputOf(freshRun).renderedLists;
    assert.ok(output.renderedLists > 0 && output.renderedLists < all, `${change}: rendered ${output.renderedLists} of ${all} list pages`);
    await assertSameSite(site, freshRun.outDir, change);
    return run;
  };

  before(async () => {
    work = await temporaryDir('incremental');
    inbox = path.join(work, 'inbox');
    site = path.join(work, 'site');
    articles = path.join(work, 'articles');
    await generateArchive(inbox, ARTICLES, { layout: 'flat', seed: SEED });
    first = await rebuild();
    assert.equal(first.exitCode, 0, first.stderr);
  });

  it('after a first build, builds in full and records every file it wrote', async () => {
    assert.equal(outputOf(first).incremental, false);
    assert.equal(outputOf(first).renderedArticles, ARTICLES);
    assert.ok(existsSync(path.join(site, MANIFEST_FILE)));
  });

  it('with nothing changed, renders no article and writes nothing', async () => {
    const manifestBefore = statSync(path.join(site, MANIFEST_FILE));
    const run = await rebuild();
    assert.equal(run.exitCode, 0, run.stderr);
    assert.deepEqual(outputOf(run), { incremental: true, renderedArticles: 0, renderedLists: 0, written: 0, kept: outputOf(first).written, removed: 0 });
    assert.equal(run.report.pages, first.report.pages);
    // Feeds are kept like list pages: by what they were made from, which the manifest records.
    const manifest = JSON.parse(await readFile(path.join(site, MANIFEST_FILE), 'utf8')) as { files: Record<string, [unknown, unknown, unknown]> };
    const feeds = Object.keys(manifest.files).filter((file) => /^(feed|feeds\/.*)\.(xml|json)$/.test(file));
    assert.ok(feeds.includes('feed.xml') && feeds.includes('feed.json') && feeds.length > 2, `the archive's and the sections' feeds: ${feeds.join(', ')}`);
    assert.deepEqual(feeds.filter((feed) => typeof manifest.files[feed]![1] !== 'string'), [], 'every feed is recorded with its inputs');
    // Not even the manifest: a deploy comparing times would send it again.
    const manifestAfter = statSync(path.join(site, MANIFEST_FILE));
    assert.deepEqual([manifestAfter.ino, manifestAfter.mtimeMs], [manifestBefore.ino, manifestBefore.mtimeMs], 'the manifest is the very file');
    await assertSameSite(site, await fresh(), 'nothing changed');
  });

  it('puts back pages removed from the output since the last build (an article page, a list page, an asset), writing only those', async () => {
    const manifest = JSON.parse(await readFile(path.join(site, MANIFEST_FILE), 'utf8')) as { files: Record<string, unknown> };
    const articlePage = Object.keys(manifest.files).find((file) => /^\d{4}\/[^/]+\/index\.html$/.test(file))!;
    const removed = [articlePage, 'about/index.html', 'assets/site.css'];
    for (const file of removed) await rm(path.join(site, file));
    const run = await rebuild();
    assert.equal(run.exitCode, 0, run.stderr);
    assert.equal(outputOf(run).written, removed.length, 'only the missing files are written');
    await assertSameSite(site, await fresh(), 'pages removed from the output');
  });

  it('after a new article, renders only the pages it changes, and the site is the one a full build makes', async () => {
    const vocabulary = createVocabulary(SEED);
    const added = generateArticle(vocabulary, { layout: 'flat', seed: SEED }, ARTICLES);
    added.meta.date = '2030-01-02T10:00:00+00:00';
    await writeFile(path.join(inbox, added.file), added.text);
    await appendFile(path.join(inbox, 'meta.jsonl'), `${JSON.stringify(added.meta)}\n`);
    // The home listing's numbered pages (60 articles, 20 to a page: /, /page/2/, /page/1/) hold
    // the same articles with one more: they are kept, the very files (a written one is renamed
    // into place, so it would be a new inode).
    const pageSize = await projectPageSize();
    const numbered = Array.from({ length: Math.floor(ARTICLES / pageSize) - 1 }, (_, index) => path.join(site, 'page', String(index + 1), 'index.html'));
    assert.ok(numbered.length >= 2, `${ARTICLES} articles make numbered home pages`);
    const inodes = numbered.map((file) => statSync(file).ino);
    const run = await rebuild();
    assert.equal(run.exitCode, 0, run.stderr);
    const output = outputOf(run);
    assert.equal(output.incremental, true);
    // The new article, its older neighbours, and those that now list it as related.
    assert.ok(output.renderedArticles >= 2 && output.renderedArticles < ARTICLES / 2, `rendered ${output.renderedArticles} of ${ARTICLES + 1} article pages`);
    assert.ok(output.kept > output.written, `kept ${output.kept}, wrote ${output.written}`);
    assert.deepEqual(numbered.map((file) => statSync(file).ino), inodes, 'the home listing’s older pages are kept');
    // Dated in a new year: the former newest year joins the part of older years, whose bundle is
    // kept, and is indexed into that part's delta (src/search/delta-parts.ts). So the search
    // bundles are not a cold build's (tests/browser/search-delta.test.ts checks that the results
    // are); every other file is.
    const { parts } = (run.report as unknown as OutputReport).search!;
    assert.equal(parts.built.length, 2, `built ${parts.built.join(', ')}`);
    assert.ok(parts.built.includes('2030') && parts.built.some((name) => name.endsWith('-added')), `built ${parts.built.join(', ')}`);
    assert.ok(parts.reused.some((name) => `${name}-added` === parts.built.find((built) => built.endsWith('-added'))), `reused ${parts.reused.join(', ')}`);
    assert.deepEqual(await siteDifferences(site, await fresh()), NO_DIFFERENCES, 'an article added: every file but the search bundles the same as a build from nothing');
  });

  it('after an article’s text changes, renders that article again', async () => {
    const [target] = (await metaLines()).slice(10, 11);
    await appendFile(path.join(inbox, target!.file), '\n\nA paragraph added later by the editors, with the word zanzibarite.\n');
    const run = await rebuild();
    assert.equal(outputOf(run).incremental, true);
    assert.ok(outputOf(run).renderedArticles >= 1 && outputOf(run).renderedArticles < ARTICLES / 2);
    // The article's part is known to change before the render (its indexed text did), so it is
    // indexed while Eleventy renders; the other parts are reused.
    const { parts } = (run.report as unknown as OutputReport).search!;
    assert.equal(parts.built.length, 1, `one part rebuilt: ${JSON.stringify(parts)}`);
    assert.deepEqual(parts.streamed, parts.built);
    assert.ok(parts.reused.length > 0);
    assert.match(await readFile(path.join(site, 'pagefind', 'pagefind-entry.json'), 'utf8'), /"page_count"/);
    await assertSameSite(site, await fresh(), 'a body changed');
  });

  it('after an article file’s text alone is edited by hand, renders its page and the feeds that carry it', async () => {
    // Its frontmatter (word count included) stays as it was: only the body's hash tells.
    const previous = await rebuild();
    const newest = previous.report.articles[0]!;
    const file = path.join(articles, newest.file);
    const text = await readFile(file, 'utf8');
    const bodyStart = text.indexOf('\n---\n', 4) + 5;
    const word = /\b[a-z]{4,}\b/.exec(text.slice(bodyStart));
    assert.ok(word, 'the body has a lower-case word to edit');
    const at = bodyStart + word.index;
    await writeFile(file, `${text.slice(0, at)}${word[0].toUpperCase()}${text.slice(at + word[0].length)}`);
    const run = await rebuild();
    assert.equal(run.exitCode, 0, run.stderr);
    assert.equal(outputOf(run).renderedArticles, 1);
    assert.ok(outputOf(run).renderedLists >= 2, `the archive's feeds, Atom and JSON: rendered ${outputOf(run).renderedLists}`);
    await assertSameSite(site, await fresh(), 'a body edited by hand');
  });

  it('after a title changes, renders the pages that link to the article by it', async () => {
    const lines = await metaLines();
    lines[20] = { ...lines[20]!, title: 'An entirely new headline for the twentieth article' };
    await writeMeta(lines);
    const run = await rebuild();
    assert.equal(outputOf(run).incremental, true);
    // Its own page and at least its neighbours in time.
    assert.ok(outputOf(run).renderedArticles >= 3, `rendered ${outputOf(run).renderedArticles}`);
    await assertSameSite(site, await fresh(), 'a title changed');
  });

  it('after an article is removed, removes its page and its folder', async () => {
    // The archive is the articles folder (ingest never deletes from it): an editor removes the
    // article file, and its source so that it is not ingested again.
    const previous = await rebuild();
    const removed = previous.report.articles[30]!;
    await rm(path.join(articles, removed.file));
    await writeMeta((await metaLines()).filter((line) => line.file !== removed.source));
    await rm(path.join(inbox, removed.source));
    const run = await rebuild();
    assert.equal(run.exitCode, 0, run.stderr);
    assert.equal(run.report.articles.length, previous.report.articles.length - 1);
    assert.equal(outputOf(run).incremental, true);
    assert.ok(outputOf(run).removed >= 1, 'the removed article’s page is removed');
    assert.equal(existsSync(path.join(site, removed.url)), false, `its page folder ${removed.url} is gone`);
    await assertSameSite(site, await fresh(), 'an article removed');
  });

  it('after an article’s summary changes, renders the list pages that show it', async () => {
    const lines = await metaLines();
    // The summary is the standfirst when there is one.
    lines[5] = { ...lines[5]!, subtitle: 'A standfirst that every list of this article now shows' };
    await writeMeta(lines);
    await rebuildAfterListChange('a summary changed');
    const showing = [...(await siteFiles(site))].filter(([file, content]) => file.endsWith('.html') && content.toString('utf8').includes('A standfirst that every list of this article now shows'));
    // Its own page, a page of the home listing, its month's page and its section's page at least.
    assert.ok(showing.length >= 4, `shown on ${showing.map(([file]) => file).join(', ')}`);
  });

  it('after an article moves to another section, renders the pages of both sections', async () => {
    const lines = await metaLines();
    const moved = lines[7]!;
    await writeMeta(lines.map((line) => (line === moved ? { ...moved, category: 'Gazette notices' } : line)));
    await rebuildAfterListChange('a section changed');
    assert.ok(existsSync(path.join(site, 'sections', 'gazette-notices', 'index.html')), 'the new section has its page');
  });

  it('after an article moves to another month and year, renders the date archive pages of both', async () => {
    const lines = await metaLines();
    // Next to another article's date, so the archive's span (every chart's axis) stays the same.
    const target = lines[3]!;
    const beside = lines.find((line) => line.date.slice(0, 4) !== target.date.slice(0, 4))!;
    await writeMeta(lines.map((line) => (line === target ? { ...target, date: beside.date } : line)));
    await rebuildAfterListChange('a date changed');
  });

  it('when a day on the first page of a month changes, renders the month’s other pages, whose calendar shows it', async () => {
    const pageSize = await projectPageSize();
    const lines = await metaLines();
    // One more article than a page holds in one month: the oldest alone on the second page.
    const month = lines.slice(30, 30 + pageSize + 1);
    const dated = new Map(month.map((line, index) => [line, index === pageSize ? '2029-03-01T10:00:00+00:00' : `2029-03-1${index % 5}T10:00:00+00:00`]));
    await writeMeta(lines.map((line) => ({ ...line, date: dated.get(line) ?? line.date })));
    await rebuildAfterListChange(`${pageSize + 1} articles in a month`);
    assert.ok(existsSync(path.join(site, 'archive', '2029', '03', 'page', '2', 'index.html')), 'the month has a second page');
    // Still on the first page, on a day of its own: the second page lists the same article, and
    // its calendar has a new day.
    const moved = month[0]!;
    await writeMeta((await metaLines()).map((line) => (line.file === moved.file ? { ...line, date: '2029-03-20T10:00:00+00:00' } : line)));
    await rebuildAfterListChange('a day changed on the first page of a month');
    assert.match(await readFile(path.join(site, 'archive', '2029', '03', 'page', '2', 'index.html'), 'utf8'), /href="\/archive\/2029\/03\/#day-20"/);
  });

  it('when a tag gains the article that needs a second page (page 1, its oldest), and when it loses its last article, the tag’s pages follow', async () => {
    const pageSize = await projectPageSize();
    const tag = 'Lighthouse keepers';
    const tagPage = path.join(site, 'tags', 'lighthouse-keepers');
    const tagged = async (count: number) => {
      const lines = await metaLines();
      await writeMeta(lines.map((line, index) => (index < count ? { ...line, tags: [tag] } : { ...line, tags: [] })));
    };
    await tagged(pageSize);
    await rebuildAfterListChange(`a tag on ${pageSize} articles`);
    assert.ok(existsSync(path.join(tagPage, 'index.html')), 'the tag has a page');
    assert.equal(existsSync(path.join(tagPage, 'page')), false, `${pageSize} articles fit on one page`);
    // Its first numbered page (numbered from the oldest) comes once the tag's own page would hold two pages' worth.
    await tagged(2 * pageSize);
    await rebuildAfterListChange(`a tag on ${2 * pageSize} articles`);
    assert.ok(existsSync(path.join(tagPage, 'page', '1', 'index.html')), 'the tag’s page 1 appears');
    await tagged(0);
    const run = await rebuildAfterListChange('a tag on no article');
    assert.ok(outputOf(run).removed >= 2, 'the tag’s pages are removed');
    assert.equal(existsSync(tagPage), false, 'the tag’s folder is gone');
  });

  it('after the configuration changes, builds in full', async () => {
    const run = await rebuild(['--base-url', 'https://elsewhere.example/']);
    assert.equal(run.exitCode, 0, run.stderr);
    assert.equal(outputOf(run).incremental, false);
    assert.equal(outputOf(run).renderedArticles, run.report.articles.length);
    await assertSameSite(site, await fresh(['--base-url', 'https://elsewhere.example/']), 'the base URL changed');
  });

  it('with --force, or without a usable manifest, builds in full', async () => {
    const forced = await rebuild(['--force']);
    assert.equal(outputOf(forced).incremental, false);
    await writeFile(path.join(site, MANIFEST_FILE), '{"format": 1, "site": "x", "files": [');
    const unreadable = await rebuild();
    assert.equal(outputOf(unreadable).incremental, false);
    assert.equal(outputOf(await rebuild()).incremental, true, 'and the next build is incremental again');
  });
});
