// A rebuild knows article files that are as the last build left them without reading them
// (src/ingest/article-file-cache.ts); anything that changed a file is read again. What a
// rebuild shows and reports must not depend on whether a file was read.

import assert from 'node:assert/strict';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { generateArchive } from '../../src/bench/generate-archive.ts';
import { ARTICLE_FILE_CACHE, ArticleFileCache, textHash } from '../../src/ingest/article-file-cache.ts';
import { readArticleFile } from '../../src/ingest/frontmatter.ts';
import { ProblemLog } from '../../src/problems.ts';
import { toArticle } from '../../src/site/load-articles.ts';
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

  // Last: the file it edits is read on every build from then on.
  it('are read on every build while they hold C1 controls, repaired each time with a warning at the first line', async () => {
    const target = first.report.articles[11]!;
    const file = path.join(articles, target.file);
    const text = await readFile(file, 'utf8');
    // A hand edit, saved with Windows line ends: a YAML escape in the title, raw mojibake in the body.
    const edited = text
      .replace(/^title: .*$/m, 'title: "The \\u0093quillwort\\u0094 question"')
      .concat('\nThe editor pasted \u0093mojibake\u0094 and a NEL\u0085 here.\n')
      .replace(/\n/g, '\r\n');
    await writeFile(file, edited);
    const titleLine = text.split('\n').findIndex((line) => line.startsWith('title:')) + 1;
    const problemOf = (run: BuildRun) => run.report.problems.filter((problem) => problem.code === 'TEXT_C1_CONTROL');
    for (const run of [await rebuild(), await rebuild()]) {
      assert.equal(run.exitCode, 0, run.stderr);
      assert.equal(countsOf(run)?.read, 1, 'never known unread');
      assert.deepEqual(problemOf(run).map(({ file: shown, line, severity }) => ({ file: path.resolve(shown), line, severity })), [{ file, line: titleLine, severity: 'warning' }]);
      assert.match(problemOf(run)[0]!.message, /^"title" and the body contain 5 C1 control characters/);
      const page = await readFile(path.join(site, run.report.articles.find((article) => article.file === target.file)!.url, 'index.html'), 'utf8');
      assert.match(page, /The \u201cquillwort\u201d question/);
      assert.match(page, /The editor pasted \u201cmojibake\u201d and a NEL\u2026 here\./);
      assert.doesNotMatch(page, /[\u0080-\u009f]/);
    }
  });
});

describe('article files with C1 controls, loaded', () => {
  const fileText = (body: string) => ['---', 'title: "A headline"', 'date: "2024-05-01T09:00:00+00:00"', 'slug: "a-headline"', '---', '', body].join('\r\n');

  it('get their body repaired, with the warning on the file\'s line of the first one, CRLF or not', () => {
    for (const ending of ['\r\n', '\n']) {
      const problems = new ProblemLog();
      const text = fileText('First paragraph.\r\n\r\nA \u0093quote\u0094 and \u009d.\r\n').replace(/\r\n/g, ending);
      const article = toArticle('2024/a-headline.md', 'articles/2024/a-headline.md', text, 'UTC', 'en', problems);
      assert.equal(article?.body, '\nFirst paragraph.\n\nA \u201cquote\u201d and \uFFFD.\n');
      assert.deepEqual(problems.problems.map(({ code, file, line }) => ({ code, file, line })), [{ code: 'TEXT_C1_CONTROL', file: 'articles/2024/a-headline.md', line: 9 }]);
      assert.match(problems.problems[0]!.message, /^the body contains 3 C1 control characters/);
      assert.match(problems.problems[0]!.hint, /^Correct the characters in the article file by hand/);
    }
  });

  it('are never recorded, so a rebuild reads them again and warns again', async () => {
    const dir = await temporaryDir('article-file-record-c1');
    const cache = await ArticleFileCache.open(dir);
    for (const [name, body] of [['clean.md', 'Clean.\n'], ['c1.md', 'A \u0085.\n'], ['nonchar.md', 'A \uFDD0.\n']] as const) {
      const text = fileText(body);
      await writeFile(path.join(dir, name), text);
      cache.record(name, await stat(path.join(dir, name)), text, readArticleFile(text));
    }
    const escaped = fileText('Clean body.\n').replace('"A headline"', '"A \\u0093headline"');
    await writeFile(path.join(dir, 'escaped.md'), escaped);
    cache.record('escaped.md', await stat(path.join(dir, 'escaped.md')), escaped, readArticleFile(escaped));
    await cache.save();
    const again = await ArticleFileCache.open(dir);
    const known = await Promise.all(['clean.md', 'c1.md', 'nonchar.md', 'escaped.md'].map(async (name) => again.known(name, await stat(path.join(dir, name))) !== undefined));
    assert.deepEqual(known, [true, false, false, false]);
  });

  it('are never recorded either while they hold a C0 control, raw or as a YAML escape, so each build warns again', async () => {
    const dir = await temporaryDir('article-file-record-c0');
    const cache = await ArticleFileCache.open(dir);
    const files = {
      'bell.md': fileText('A \u0007 bell.\n'),
      'escaped-bell.md': fileText('Clean body.\n').replace('"A headline"', '"A \\a headline"'),
      'escaped-form-feed.md': fileText('Clean body.\n').replace('"A headline"', '"A \\f headline"'),
      'backslash-b.md': fileText('Clean body.\n').replace('"A headline"', '"A \\\\b headline"'),
    };
    for (const [name, text] of Object.entries(files)) {
      await writeFile(path.join(dir, name), text);
      cache.record(name, await stat(path.join(dir, name)), text, readArticleFile(text));
    }
    await cache.save();
    const again = await ArticleFileCache.open(dir);
    const known = await Promise.all(Object.keys(files).map(async (name) => again.known(name, await stat(path.join(dir, name))) !== undefined));
    // A backslash and a b (`\\b` in YAML) is text, and recorded.
    assert.deepEqual(known, [false, false, false, true]);
  });

  it('say that a control character in the source path is the source file\'s name, to be renamed in the inbox', () => {
    const problems = new ProblemLog();
    const text = fileText('Clean body.\n').replace('slug: "a-headline"', 'slug: "a-headline"\r\nsource: {"path": "2024-05-01-bell\\astory.txt", "hash": "sha256:00"}');
    const article = toArticle('2024/a-headline.md', 'articles/2024/a-headline.md', text, 'UTC', 'en', problems);
    assert.equal(article?.source.path, '2024-05-01-bellstory.txt');
    assert.deepEqual(problems.problems.map(({ code, line }) => ({ code, line })), [{ code: 'TEXT_CONTROL_CHARACTER', line: 5 }]);
    assert.match(problems.problems[0]!.hint, /^They are in the name of the source file: rename it in the inbox/);
  });

  it('get C0 controls left out, a form feed in the title made a space, with TEXT_CONTROL_CHARACTER at the first one\'s line', () => {
    const problems = new ProblemLog();
    const text = fileText('A \u0007bell and an \u001b[1mescape.\n').replace('"A headline"', '"A \\fheadline"');
    const article = toArticle('2024/a-headline.md', 'articles/2024/a-headline.md', text, 'UTC', 'en', problems);
    // "A \fheadline": the form feed separated words, so it becomes a space beside the one before it.
    assert.equal(article?.title, 'A  headline');
    assert.equal(article?.body, '\nA bell and an [1mescape.\n');
    assert.deepEqual(problems.problems.map(({ code, line }) => ({ code, line })), [{ code: 'TEXT_CONTROL_CHARACTER', line: 2 }]);
    assert.match(problems.problems[0]!.message, /^"title" and the body contain 3 control characters, invisible and invalid in HTML and XML \(the first on this line\): U\+000C ×1 became a space, U\+0007 ×1 left out, U\+001B ×1 left out$/);
  });
});

describe('the record of article files, saved', () => {
  const fileText = (title: string) => `---\ntitle: "${title}"\ndate: "2024-05-01T09:00:00+00:00"\n---\n\nA paragraph about ${title}.\n`;

  /** A record folder with files a.md and b.md recorded and saved, as a first build leaves it. */
  async function recorded(): Promise<{ dir: string; record: string }> {
    const dir = await temporaryDir('article-file-record');
    const cache = await ArticleFileCache.open(dir);
    for (const name of ['a.md', 'b.md']) {
      const file = path.join(dir, name);
      await writeFile(file, fileText(name));
      cache.record(name, await stat(file), fileText(name), readArticleFile(fileText(name)));
    }
    await cache.save();
    return { dir, record: path.join(dir, ARTICLE_FILE_CACHE) };
  }
  const entriesOf = async (record: string) => Object.keys((JSON.parse(await readFile(record, 'utf8')) as { entries: object }).entries);

  it('is not written again when every file was known as it was', async () => {
    const { dir, record } = await recorded();
    const before = await stat(record);
    const cache = await ArticleFileCache.open(dir);
    for (const name of ['b.md', 'a.md']) assert.ok(cache.known(name, await stat(path.join(dir, name))), `${name} is known`);
    await cache.save();
    // A write replaces the file (a new inode), so a watcher would see a change.
    assert.equal((await stat(record)).ino, before.ino);
    assert.deepEqual(await entriesOf(record), ['a.md', 'b.md']);
  });

  it('is written when a file was not seen, forgotten or recorded anew', async () => {
    const { dir, record } = await recorded();
    const unseen = await ArticleFileCache.open(dir);
    assert.ok(unseen.known('a.md', await stat(path.join(dir, 'a.md'))));
    await unseen.save();
    assert.deepEqual(await entriesOf(record), ['a.md'], 'b.md was not seen this run');

    const { dir: second, record: secondRecord } = await recorded();
    const forgetting = await ArticleFileCache.open(second);
    for (const name of ['a.md', 'b.md']) assert.ok(forgetting.known(name, await stat(path.join(second, name))));
    forgetting.forget('b.md');
    await forgetting.save();
    assert.deepEqual(await entriesOf(secondRecord), ['a.md'], 'b.md was forgotten');

    const { dir: third, record: thirdRecord } = await recorded();
    const edited = await ArticleFileCache.open(third);
    const file = path.join(third, 'b.md');
    await writeFile(file, fileText('b.md, edited'));
    assert.ok(edited.known('a.md', await stat(path.join(third, 'a.md'))));
    edited.record('b.md', await stat(file), fileText('b.md, edited'), readArticleFile(fileText('b.md, edited')));
    await edited.save();
    const saved = JSON.parse(await readFile(thirdRecord, 'utf8')) as { entries: Record<string, { textHash: string }> };
    assert.equal(saved.entries['b.md']?.textHash, textHash(fileText('b.md, edited')));
  });
});
