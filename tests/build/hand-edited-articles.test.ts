// Hand edits to article files across rebuilds: a broken or conflicting edit is reported, naming
// the file and line, and never makes ingest publish a story a second time. Real builds through
// the CLI into the same articles and output folders, compared with a build from nothing.

import assert from 'node:assert/strict';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { temporaryDir } from '../helpers/paths.ts';
import { buildArchive, writeInbox, type BuildRun } from '../helpers/run-build.ts';

const story = (n: number) => `Harbour story number ${n} opens\n\nThe harbour opened a new pier on Monday, story ${n} said.\n\nWork continues in May with more berths.\n`;
const SOURCES = { '2020-03-01-one.txt': story(1), '2020-03-02-two.txt': story(2), '2020-03-03-three.txt': story(3) };
const TWO = '2020/harbour-story-number-2-opens.md';

/** A rebuild into the same articles and output folders as `first`. */
const rebuild = (inbox: string, first: BuildRun) => buildArchive(inbox, [], { articlesDir: first.articlesDir, outDir: first.outDir });

/** The same articles folder built from nothing: no caches, a fresh output folder. */
async function coldBuild(inbox: string, articlesDir: string): Promise<BuildRun> {
  const copy = path.join(await temporaryDir('hand-edit-cold'), 'articles');
  await cp(articlesDir, copy, { recursive: true });
  await rm(path.join(copy, '.broadsheet'), { recursive: true, force: true });
  return buildArchive(inbox, [], { articlesDir: copy });
}

const urls = (run: BuildRun) => run.report.articles.map((article) => article.url).sort();
const problems = (run: BuildRun) => run.report.problems.map(({ code, line, message }) => ({ code, line, message }));

describe('hand edits to article files across rebuilds', () => {
  it('keeps one article file for a source while a hand edit leaves its frontmatter broken, and publishes it at its URL once fixed', async () => {
    const inbox = await writeInbox('hand-edit-yaml', SOURCES);
    const first = await buildArchive(inbox);
    const file = path.join(first.articlesDir, TWO);
    const original = await readFile(file, 'utf8');
    await writeFile(file, original.replace(/^title: .*$/m, 'title: [unclosed'));

    const broken = await rebuild(inbox, first);
    assert.equal(broken.exitCode, 1);
    assert.deepEqual(broken.report.problems.map(({ code, file }) => ({ code, file: path.basename(file) })), [{ code: 'ARTICLE_BAD_FRONTMATTER', file: 'harbour-story-number-2-opens.md' }]);
    assert.deepEqual(urls(broken), ['/2020/harbour-story-number-1-opens/', '/2020/harbour-story-number-3-opens/'], 'the broken article is left out, and not published again from its source');
    const cold = await coldBuild(inbox, first.articlesDir);
    assert.deepEqual(urls(cold), urls(broken));
    assert.deepEqual(problems(cold), problems(broken));

    await writeFile(file, original);
    const fixed = await rebuild(inbox, first);
    assert.equal(fixed.exitCode, 0, fixed.stderr);
    assert.deepEqual(fixed.report.problems, []);
    assert.deepEqual(urls(fixed), ['/2020/harbour-story-number-1-opens/', '/2020/harbour-story-number-2-opens/', '/2020/harbour-story-number-3-opens/']);
    assert.equal(await readFile(file, 'utf8'), original);
  });

  it("reports the file whose slug was edited to another article's, in a rebuild as in a build from nothing, and keeps the other at its URL", async () => {
    // The edited file sorts before the article it collides with (3) and after it (1).
    for (const target of [3, 1]) {
      const inbox = await writeInbox('hand-edit-slug', SOURCES);
      const first = await buildArchive(inbox);
      const file = path.join(first.articlesDir, TWO);
      const text = await readFile(file, 'utf8');
      await writeFile(file, text.replace(/^slug: .*$/m, `slug: "harbour-story-number-${target}-opens"`));
      const slugLine = text.split('\n').findIndex((line) => line.startsWith('slug:')) + 1;

      const edited = await rebuild(inbox, first);
      const cold = await coldBuild(inbox, first.articlesDir);
      for (const run of [edited, cold]) {
        const label = `slug of ${target}, ${run === edited ? 'rebuild' : 'cold build'}`;
        assert.equal(run.exitCode, 1, label);
        assert.deepEqual(run.report.problems.map(({ code, file, line }) => ({ code, file: path.relative(run.articlesDir, file), line })), [{ code: 'ARTICLE_URL_TAKEN', file: TWO, line: slugLine }], label);
        assert.match(run.report.problems[0]!.message, new RegExp(`as .*2020/harbour-story-number-${target}-opens\\.md, which holds it; it is left out`), label);
        assert.deepEqual(urls(run), ['/2020/harbour-story-number-1-opens/', '/2020/harbour-story-number-3-opens/'], label);
        const page = await readFile(path.join(run.outDir, `2020/harbour-story-number-${target}-opens/index.html`), 'utf8');
        assert.match(page, new RegExp(`story ${target} said`), label);
      }
    }
  });

  it('keeps one article file for a source while its file names no source (emptied, its frontmatter deleted, garbled), and publishes it at its URL once restored', async () => {
    const edits: Record<string, (text: string) => string | Buffer> = {
      emptied: () => '',
      'frontmatter deleted': (text) => text.slice(text.indexOf('\n---\n', 3) + 5),
      garbled: () => Buffer.from(Array.from({ length: 2000 }, (_, at) => (at * 131 + 7) % 256)),
    };
    for (const [label, edit] of Object.entries(edits)) {
      const inbox = await writeInbox('hand-edit-unnamed', SOURCES);
      const first = await buildArchive(inbox);
      const file = path.join(first.articlesDir, TWO);
      const original = await readFile(file, 'utf8');
      await writeFile(file, edit(original));

      const edited = await rebuild(inbox, first);
      const cold = await coldBuild(inbox, first.articlesDir);
      for (const run of [edited, cold]) {
        assert.deepEqual(run.report.problems.map(({ code, file, line }) => ({ code, file: path.relative(run.articlesDir, file), line })), [{ code: 'ARTICLE_BAD_FRONTMATTER', file: TWO, line: 1 }], label);
        assert.deepEqual(urls(run), ['/2020/harbour-story-number-1-opens/', '/2020/harbour-story-number-3-opens/'], label);
      }
      await writeFile(file, original);
      const restored = await rebuild(inbox, first);
      assert.deepEqual(restored.report.problems, [], label);
      assert.deepEqual(urls(restored), ['/2020/harbour-story-number-1-opens/', '/2020/harbour-story-number-2-opens/', '/2020/harbour-story-number-3-opens/'], label);
      assert.equal(await readFile(file, 'utf8'), original, label);
    }
  });

  it('names a hand-made copy of an article file, which sorts before the original, and never takes the copy for the source\'s article', async () => {
    const copies: Record<string, { edit: (text: string) => string; problems: string[]; urls: string[] }> = {
      'copied as it is': { edit: (text) => text, problems: ['ARTICLE_SAME_SOURCE', 'ARTICLE_URL_TAKEN'], urls: [] },
      'copied with its own slug': { edit: (text) => text.replace(/^slug: .*$/m, 'slug: "a-copy-of-two"'), problems: ['ARTICLE_SAME_SOURCE'], urls: ['/2020/a-copy-of-two/'] },
    };
    for (const [label, { edit, problems: codes, urls: extra }] of Object.entries(copies)) {
      const inbox = await writeInbox('hand-edit-copy', SOURCES);
      const first = await buildArchive(inbox);
      const original = await readFile(path.join(first.articlesDir, TWO), 'utf8');
      await writeFile(path.join(first.articlesDir, '2020/a-copy-of-two.md'), edit(original));
      const sourceLine = original.split('\n').findIndex((line) => line.startsWith('source:')) + 1;

      const edited = await rebuild(inbox, first);
      const cold = await coldBuild(inbox, first.articlesDir);
      for (const run of [edited, cold]) {
        assert.deepEqual(run.report.problems.map(({ code, file }) => ({ code, file: path.relative(run.articlesDir, file) })).sort((a, b) => a.code.localeCompare(b.code)), codes.map((code) => ({ code, file: '2020/a-copy-of-two.md' })), label);
        const same = run.report.problems.find((problem) => problem.code === 'ARTICLE_SAME_SOURCE')!;
        assert.equal(same.line, sourceLine, label);
        assert.match(same.message, /names the same source \(2020-03-02-two\.txt\) as .*2020\/harbour-story-number-2-opens\.md, which is that source's article/, label);
        assert.deepEqual(urls(run), [...extra, '/2020/harbour-story-number-1-opens/', '/2020/harbour-story-number-2-opens/', '/2020/harbour-story-number-3-opens/'], label);
      }
      assert.equal(await readFile(path.join(first.articlesDir, TWO), 'utf8'), original, label);
    }
  });
});
