// A rebuild knows article files that are as the last build left them without reading them
// (src/ingest/article-file-cache.ts); anything that changed a file is read again. What a
// rebuild shows and reports must not depend on whether a file was read.

import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { generateArchive } from '../../src/bench/generate-archive.ts';
import { temporaryDir } from '../helpers/paths.ts';
import { buildArchive, type BuildRun } from '../helpers/run-build.ts';

const ARTICLES = 24;

const countsOf = (run: BuildRun) => (run.report as unknown as { articleFiles: { known: number; read: number } | null }).articleFiles;

describe('article files known from the last build', { timeout: 300_000 }, () => {
  let inbox: string;
  let site: string;
  let articles: string;
  let first: BuildRun;
  const rebuild = (extra: string[] = []) => buildArchive(inbox, extra, { outDir: site, articlesDir: articles });
  const pageOf = (run: BuildRun, index: number) => readFile(path.join(site, run.report.articles[index]!.url, 'index.html'), 'utf8');

  before(async () => {
    const work = await temporaryDir('article-file-cache');
    inbox = path.join(work, 'inbox');
    site = path.join(work, 'site');
    articles = path.join(work, 'articles');
    await generateArchive(inbox, ARTICLES, { layout: 'flat', seed: 'article-file-cache' });
    first = await rebuild();
    assert.equal(first.exitCode, 0, first.stderr);
  });

  it('are not read again when nothing changed', async () => {
    assert.deepEqual(countsOf(first), { known: 0, read: 0 }, 'a first build has no article files yet');
    const run = await rebuild();
    assert.equal(run.exitCode, 0, run.stderr);
    assert.deepEqual(countsOf(run), { known: ARTICLES, read: 0 });
    assert.deepEqual(run.report.articles, first.report.articles);
  });

  it('are read again once edited by hand: the edit is kept and reaches the page', async () => {
    const target = first.report.articles[5]!;
    const file = path.join(articles, target.file);
    await writeFile(file, `${await readFile(file, 'utf8')}\nA paragraph an editor added by hand, with the word quillwort.\n`);
    const run = await rebuild();
    assert.equal(run.exitCode, 0, run.stderr);
    assert.deepEqual(countsOf(run), { known: ARTICLES - 1, read: 1 });
    const source = (run.report as unknown as { sources: Array<{ source: string; status: string }> }).sources.find((entry) => entry.source === target.source);
    assert.equal(source?.status, 'kept-hand-edit');
    assert.match(await pageOf(run, 5), /A paragraph an editor added by hand, with the word quillwort\./);
    // Known from then on, edit included.
    const next = await rebuild(['--force']);
    assert.deepEqual(countsOf(next), { known: 0, read: ARTICLES }, '--force reads every file');
    assert.deepEqual(countsOf(await rebuild()), { known: ARTICLES, read: 0 });
  });

  it('report a known file’s problems with their lines, as when the file is read', async () => {
    const target = first.report.articles[8]!;
    const file = path.join(articles, target.file);
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace(/^slug: .*$/m, 'slug: "Not A Slug"'));
    const slugLine = text.split('\n').findIndex((line) => line.startsWith('slug:')) + 1;
    const problemOf = (run: BuildRun) => run.report.problems.find((problem) => problem.code === 'ARTICLE_BAD_SLUG');
    const read = await rebuild();
    assert.equal(countsOf(read)?.read, 1);
    assert.equal(problemOf(read)?.line, slugLine, 'the slug’s line, counted in the file');
    const known = await rebuild();
    assert.deepEqual(countsOf(known), { known: ARTICLES, read: 0 });
    assert.deepEqual(problemOf(known), problemOf(read));
  });
});
