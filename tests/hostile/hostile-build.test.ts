// The hostile-input suite through one real build: every case gets the problem or the sanitised
// page the spec asks for, the build finishes with exit status 1, nothing is lost, nothing from
// article text can run, and every written path stays inside its folder.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { lstat, readdir, readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { decodeSource } from '../../src/ingest/decode.ts';
import { visibleText } from '../helpers/html-text.ts';
import { activeContentInSite } from '../helpers/inert-output.ts';
import { listFiles } from '../../src/fs-utils.ts';
import { htmlParseErrors, htmlValidationErrors } from '../helpers/validators.ts';
import { buildArchive, type BuildRun } from '../helpers/run-build.ts';
import { hostileCases, PWNED_MARKER, type ExpectedProblem, type HostileCase } from './cases.ts';
import { writeHostileWorkspace, type HostileWorkspace } from './hostile-inbox.ts';

interface SourceReport {
  source: string;
  article?: string;
  status: string;
  removed: Array<{ line: number; text: string; reason: string }>;
}

// Test titles are made before `before` runs; large inputs are generated only when written.
const CASES = hostileCases();
let workspace: HostileWorkspace;
let build: BuildRun;
let sources: SourceReport[];

const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

function problemFile(entry: HostileCase, expected: ExpectedProblem): string {
  return expected.file.startsWith('articles/')
    ? path.join(workspace.articles, expected.file.slice('articles/'.length))
    : path.join(workspace.inbox, entry.name, expected.file);
}

function matches(problem: BuildRun['report']['problems'][number], entry: HostileCase, expected: ExpectedProblem): boolean {
  return (
    problem.code === expected.code &&
    problem.severity === expected.severity &&
    path.resolve(problem.file) === problemFile(entry, expected) &&
    problem.line === expected.line &&
    (expected.mentions === undefined || problem.message.includes(expected.mentions))
  );
}

async function articlePage(url: string): Promise<string> {
  return readFile(path.join(build.outDir, url, 'index.html'), 'utf8');
}

describe('the hostile-input suite, built once', () => {
  before(async () => {
    workspace = await writeHostileWorkspace(CASES);
    build = await buildArchive(workspace.inbox, [], { articlesDir: workspace.articles, outDir: path.join(workspace.work, 'site') });
    sources = (build.report as unknown as { sources: SourceReport[] }).sources;
  });

  it('has at least forty cases covering every kind of hostile input', () => {
    assert.ok(workspace.cases.length >= 40, `${workspace.cases.length} cases`);
    const kinds = new Set(workspace.cases.map((entry) => entry.kind));
    assert.deepEqual([...kinds].sort(), ['collisions', 'encoding', 'hand-edited', 'rendering', 'sidecars', 'structure', 'unicode', 'yaml-and-paths']);
  });

  it('finishes the build with exit status 1 (errors in some inputs), printing problems, not a stack trace', () => {
    assert.equal(build.exitCode, 1, build.stderr.slice(0, 2000));
    assert.doesNotMatch(build.stderr, /\n\s+at .+:\d+:\d+\)?\n/, 'no stack trace');
    assert.match(build.stderr, /ENCODING_INVALID_UTF8/);
  });

  it('reports no problem that no case expects (every error and warning is accounted for)', () => {
    const unexpected = build.report.problems.filter(
      (problem) => !workspace.cases.some((entry) => entry.problems.some((expected) => matches(problem, entry, expected))),
    );
    assert.deepEqual(unexpected.map((p) => `${p.code} ${p.file}:${p.line ?? ''} ${p.message}`), []);
  });

  it('gives every problem a file, a message and a hint on how to fix it', () => {
    for (const problem of build.report.problems) {
      assert.ok(problem.file !== '' && problem.message.length > 10 && problem.hint.length > 10, JSON.stringify(problem));
    }
  });

  describe('each case', () => {
    for (const current of CASES) {
      it(`${current.kind} / ${current.name}: ${describeOutcome(current)}`, async () => {
        for (const expected of current.problems) {
          const found = build.report.problems.filter((problem) => matches(problem, current, expected));
          assert.equal(found.length, 1, `expected ${expected.severity} ${expected.code} at ${expected.file}:${expected.line ?? '-'}; got ${JSON.stringify(build.report.problems.filter((p) => p.file.includes(`/${current.name}/`) || p.file.includes(current.name)))}`);
        }
        for (const expected of current.published) {
          const published = build.report.articles.find((article) => article.source === `${current.name}/${expected.source}`);
          assert.ok(published, `${expected.source} is published`);
          assert.equal(published.title, expected.title);
          const slug = published.url.split('/')[2]!;
          if (typeof expected.slug === 'string') assert.equal(slug, expected.slug);
          else assert.match(slug, expected.slug);
          assert.equal(published.url, `/${expected.year ?? '2024'}/${slug}/`);
          const page = await articlePage(published.url);
          assert.ok(visibleText(page).includes(squeeze(expected.title)), 'the title is shown as written');
          if (expected.language) assert.match(page, new RegExp(`<article[^>]*lang="${expected.language}"|<html lang="${expected.language}"`));
        }
        if (current.literal) {
          const first = build.report.articles.find((article) => article.source === `${current.name}/${current.published[0]!.source}`)!;
          const text = visibleText(await articlePage(first.url));
          for (const literal of current.literal) assert.ok(text.includes(squeeze(literal)), `the page shows ${JSON.stringify(literal)} literally`);
        }
        const inboxFiles = Object.keys(current.inbox ?? {}).filter((name) => name.endsWith('.txt'));
        const publishedSources = new Set(current.published.map((expected) => expected.source));
        for (const name of inboxFiles.filter((file) => !publishedSources.has(file))) {
          const source = sources.find((candidate) => candidate.source === `${current.name}/${name}`);
          assert.ok(source && !source.article && ['refused', 'duplicate'].includes(source.status), `${name} is not published (${JSON.stringify(source)})`);
        }
      });
    }
  });

  it('loses nothing: every non-boilerplate line of every accepted source is on its page, in order', async () => {
    let checked = 0;
    for (const source of sources.filter((candidate) => candidate.article)) {
      const decoded = decodeSource(await readFile(path.join(workspace.inbox, source.source)));
      assert.ok(decoded.ok);
      const removedWhole = new Set(source.removed.filter((removed) => decoded.text.split('\n')[removed.line - 1]!.trim() === removed.text).map((removed) => removed.line));
      const lines = decoded.text.split('\n').flatMap((raw, index) => {
        if (removedWhole.has(index + 1)) return [];
        let line = raw;
        for (const cut of source.removed.filter((removed) => removed.line === index + 1)) line = line.replace(cut.text, '');
        return squeeze(line) === '' ? [] : [squeeze(line)];
      });
      const report = build.report.articles.find((article) => article.source === source.source)!;
      const text = visibleText(await articlePage(report.url));
      let at = 0;
      for (const line of lines) {
        const found = text.indexOf(line, at);
        assert.notEqual(found, -1, `${source.source}: line ${JSON.stringify(line.slice(0, 80))} is on the page after position ${at}`);
        at = found + line.length;
        checked++;
      }
    }
    assert.ok(checked > 12_000, `${checked} lines checked`);
  });

  it('puts no C1 control or noncharacter in any page (HTML parse errors), and the cases that had them give valid pages', async () => {
    const pages = await listFiles(build.outDir, (name) => name.endsWith('.html'));
    const unsafe = /[\u0080-\u009f\ufdd0-\ufdef\ufffe\uffff]|[\ud83f\ud87f\ud8bf\ud8ff\ud93f\ud97f\ud9bf\ud9ff\uda3f\uda7f\udabf\udaff\udb3f\udb7f\udbbf\udbff][\udffe\udfff]/;
    const found: string[] = [];
    for (const page of pages) {
      const html = await readFile(path.join(build.outDir, page), 'utf8');
      if (unsafe.test(html)) found.push(`${page}: U+${html.codePointAt(html.search(unsafe))!.toString(16).toUpperCase()}`);
      found.push(...htmlParseErrors(html).filter((error) => /(control-character|noncharacter)-in-input-stream/.test(error)).map((error) => `${page}:${error}`));
    }
    assert.deepEqual(found, []);
    const withThem = ['utf8-mojibake-c1-controls', 'windows-1252-undefined-byte', 'utf8-noncharacters', 'hand-c1-controls', 'sidecar-c1-escapes'];
    for (const name of withThem) {
      const entry = CASES.find((candidate) => candidate.name === name)!;
      const report = build.report.articles.find((article) => article.source === `${name}/${entry.published[0]!.source}`)!;
      const html = await articlePage(report.url);
      assert.deepEqual(await htmlValidationErrors(html, report.url), [], name);
      assert.deepEqual(htmlParseErrors(html), [], name);
    }
  });

  it('executes nothing: no script, event handler or javascript:/data: URL from article text in any page, feed or sitemap', async () => {
    assert.deepEqual(await activeContentInSite(build.outDir), []);
    assert.equal(existsSync(path.join('/tmp', PWNED_MARKER)), false, 'the ---js frontmatter never ran');
  });

  it('keeps every written path inside its folder: site files, article files, and nothing beside them', async () => {
    const outReal = await realpath(build.outDir);
    for (const entry of await readdir(build.outDir, { recursive: true, withFileTypes: true })) {
      const file = path.join(entry.parentPath, entry.name);
      assert.equal((await lstat(file)).isSymbolicLink(), false, `${file} is not a link`);
      assert.ok((await realpath(file)).startsWith(`${outReal}${path.sep}`), `${file} is inside the output folder`);
    }
    for (const article of build.report.articles) {
      assert.match(article.url, /^\/\d{4}\/[a-z0-9]+(-[a-z0-9]+)*\/$/);
      assert.match(article.file, /^\d{4}\/[a-z0-9]+(-[a-z0-9]+)*\.md$/);
      assert.ok(article.url.length < 100);
    }
    assert.deepEqual((await readdir(workspace.work)).sort(), ['articles', 'inbox', 'site']);
    // Beside the year folders only the record of term URLs, and the ingest and article-file caches
    // in their own dot-folder.
    assert.deepEqual((await readdir(workspace.articles)).sort(), ['.broadsheet', '2024', 'term-urls.json']);
    assert.deepEqual((await readdir(path.join(workspace.articles, '.broadsheet'))).sort(), ['article-files.json', 'ingest-cache.json']);
  });
});

function describeOutcome(entry: HostileCase): string {
  const problems = entry.problems.map((problem) => `${problem.severity} ${problem.code}`);
  const published = entry.published.length > 0 ? `published as ${entry.published.length === 1 ? 'one article' : `${entry.published.length} articles`}` : 'not published';
  return [...problems, published].join(', ');
}
