// Rebuilds do only the work a change needs: unchanged sources are not read or parsed again (yet
// report the same problems), and only the search index parts holding changed pages are rebuilt.
// Real builds through the CLI into the same articles and output folders, one after another.

import assert from 'node:assert/strict';
import { appendFile, cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { temporaryDir } from '../helpers/paths.ts';
import { buildArchive, type BuildReport, type BuildRun } from '../helpers/run-build.ts';

interface IncrementalReport extends BuildReport {
  sources: Array<{ source: string; status: string }>;
  ingestCache: { reused: number; parsed: number } | null;
  search: { pages: number; bytes: number; files: number; parts: { built: string[]; reused: string[]; streamed: string[] } } | null;
}

const paragraph = (topic: string, n: number) =>
  `The ${topic} committee met on day ${n} to discuss the ${topic} budget, and members said the ${topic} plan would be published after a further review of costs.`;

const ARTICLES: Record<string, { date: string; text: string }> = {
  'harbour.txt': { date: '2001-03-04T10:00:00+00:00', text: `Harbour dredging plan approved\n\n${paragraph('harbour', 1)}\n\n${paragraph('harbour', 2)}\n` },
  'library.txt': { date: '2010-06-07T10:00:00+00:00', text: `Library opens a new reading room\n\n${paragraph('library', 1)}\n\nThe librarian said the room would endanger更多 nothing at all.\n` },
  'orchard.txt': { date: '2020-09-10T10:00:00+00:00', text: `Orchard growers count a record harvest\n\n${paragraph('orchard', 1)}\n` },
  'tramway.txt': { date: '2020-11-12T10:00:00+00:00', text: `Tramway extension reaches the station\n\n${paragraph('tramway', 1)}\n` },
};

async function writeInbox(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const [file, { text }] of Object.entries(ARTICLES)) await writeFile(path.join(dir, file), text);
  await writeFile(path.join(dir, 'meta.jsonl'), Object.entries(ARTICLES).map(([file, { date }]) => JSON.stringify({ file, date })).join('\n') + '\n');
}

async function htmlPages(dir: string): Promise<Map<string, string>> {
  const pages = new Map<string, string>();
  for (const name of (await readdir(dir, { recursive: true })).sort()) if (name.endsWith('.html')) pages.set(name, await readFile(path.join(dir, name), 'utf8'));
  return pages;
}

describe('incremental rebuilds', () => {
  let inbox: string;
  let dirs: { outDir: string; articlesDir: string };
  let cold: BuildRun;
  let coldPages: Map<string, string>;
  const rebuild = async () => {
    const run = await buildArchive(inbox, [], dirs);
    assert.equal(run.exitCode, 0, run.stderr);
    return { run, report: run.report as IncrementalReport };
  };

  before(async () => {
    const work = await temporaryDir('incremental');
    inbox = path.join(work, 'inbox');
    dirs = { outDir: path.join(work, 'site'), articlesDir: path.join(work, 'articles') };
    await writeInbox(inbox);
    cold = await buildArchive(inbox, [], dirs);
    coldPages = await htmlPages(dirs.outDir);
  });

  it('parses every source and builds every index part on a cold build: the newest year, then older years together', () => {
    const report = cold.report as IncrementalReport;
    assert.equal(cold.exitCode, 0, cold.stderr);
    assert.deepEqual(report.ingestCache, { reused: 0, parsed: 4 });
    // A first build has no bundle to reuse, so every part is indexed while the site renders.
    assert.deepEqual(report.search?.parts, { built: ['2020', '2001-2010'], reused: [], streamed: ['2020', '2001-2010'] });
  });

  it('reads no source again when nothing changed, reuses both index parts, and writes the same site and problems', async () => {
    const cacheFile = path.join(dirs.articlesDir, '.broadsheet/ingest-cache.json');
    const cacheBefore = (await stat(cacheFile)).mtimeMs;
    const { report } = await rebuild();
    assert.equal((await stat(cacheFile)).mtimeMs, cacheBefore, 'an unchanged cache is not rewritten (serve watches the articles folder)');
    assert.deepEqual(report.ingestCache, { reused: 4, parsed: 0 });
    assert.deepEqual(report.search?.parts, { built: [], reused: ['2020', '2001-2010'], streamed: [] });
    assert.deepEqual(report.problems, cold.report.problems);
    assert.ok(report.problems.some((problem) => problem.code === 'TEXT_MIXED_SCRIPT'), 'the cached source still reports its debris');
    assert.deepEqual(await htmlPages(dirs.outDir), coldPages);
    assert.equal(report.search?.pages, 4);
  });

  it('re-ingests only a changed source and rebuilds only the index part of its year', async () => {
    await writeFile(path.join(inbox, 'harbour.txt'), `${ARTICLES['harbour.txt']!.text}\nA late paragraph about silt in the harbour.\n`);
    const { report, run } = await rebuild();
    assert.deepEqual(report.ingestCache, { reused: 3, parsed: 1 });
    // The article's indexed text changed, which the build knows before the render (it renders
    // the article element of the articles it renders again): the part is indexed meanwhile.
    assert.deepEqual(report.search?.parts, { built: ['2001-2010'], reused: ['2020'], streamed: ['2001-2010'] });
    const harbour = run.report.articles.find((article) => article.source === 'harbour.txt')!;
    assert.match(await readFile(path.join(dirs.outDir, harbour.url, 'index.html'), 'utf8'), /A late paragraph about silt/);
  });

  it('parses a source again when its article file was edited by hand, and keeps the edit', async () => {
    const orchard = cold.report.articles.find((article) => article.source === 'orchard.txt')!;
    const file = path.join(dirs.articlesDir, orchard.file);
    await writeFile(file, (await readFile(file, 'utf8')).replace('record harvest', 'record harvest (corrected by hand)'));
    const { report } = await rebuild();
    assert.deepEqual(report.ingestCache, { reused: 3, parsed: 1 });
    assert.equal(report.sources.find((source) => source.source === 'orchard.txt')?.status, 'kept-hand-edit');
    assert.match(await readFile(path.join(dirs.outDir, orchard.url, 'index.html'), 'utf8'), /corrected by hand/);
  });

  it('settles a new copy of a cached article as a build without caches from the same archive would: the published article stays', async () => {
    // "aaa-copy.txt" sorts before "tramway.txt", yet the tramway article, published already, keeps
    // its file (and any hand edit in it); the copy is the duplicate.
    await writeFile(path.join(inbox, 'aaa-copy.txt'), ARTICLES['tramway.txt']!.text);
    await appendFile(path.join(inbox, 'meta.jsonl'), `${JSON.stringify({ file: 'aaa-copy.txt', date: ARTICLES['tramway.txt']!.date })}\n`);
    const { report } = await rebuild();
    const statuses = Object.fromEntries(report.sources.map((source) => [source.source, source.status]));
    assert.equal(statuses['aaa-copy.txt'], 'duplicate');
    assert.notEqual(statuses['tramway.txt'], 'duplicate');
    // The same inbox and articles folder, without the caches or the site.
    const archive = path.join(await temporaryDir('incremental-archive'), 'articles');
    await cp(dirs.articlesDir, archive, { recursive: true, filter: (source) => path.basename(source) !== '.broadsheet' });
    const fresh = await buildArchive(inbox, [], { articlesDir: archive, outDir: path.join(path.dirname(archive), 'site') });
    assert.deepEqual(
      report.problems.filter((problem) => problem.code === 'DUPLICATE_ARTICLE').map(({ file, message }) => ({ file, message })),
      fresh.report.problems.filter((problem) => problem.code === 'DUPLICATE_ARTICLE').map(({ file, message }) => ({ file, message })),
    );
  });

  it('reuses a duplicate and a kept hand edit too while nothing they depend on changed, reporting them again', async () => {
    const { report } = await rebuild();
    assert.deepEqual(report.ingestCache, { reused: 5, parsed: 0 });
    assert.equal(report.sources.find((source) => source.source === 'aaa-copy.txt')?.status, 'duplicate');
    assert.equal(report.sources.find((source) => source.source === 'orchard.txt')?.status, 'kept-hand-edit');
    assert.equal(report.problems.filter((problem) => problem.code === 'DUPLICATE_ARTICLE').length, 1);
  });

  it('publishes a former duplicate once the source of the article it copied is gone, in that article\'s file', async () => {
    const tramway = cold.report.articles.find((article) => article.source === 'tramway.txt')!;
    await rm(path.join(inbox, 'tramway.txt'));
    const { report } = await rebuild();
    assert.notEqual(report.sources.find((source) => source.source === 'aaa-copy.txt')?.status, 'duplicate');
    assert.deepEqual(report.articles.filter((article) => article.title === tramway.title).map(({ source, url }) => ({ source, url })), [{ source: 'aaa-copy.txt', url: tramway.url }]);
    assert.equal(report.problems.filter((problem) => problem.code === 'DUPLICATE_ARTICLE').length, 0);
  });
});
