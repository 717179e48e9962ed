// A real build of the search fixture archive with the CLI: Pagefind indexes each article's title
// and body only, with the metadata, filters and date sort key the frontmatter says, and the
// build reports the index's size. Pagefind's own errors become build problems.

import assert from 'node:assert/strict';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { before, describe, it } from 'node:test';
import { execFile } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT, temporaryDir } from '../helpers/paths.ts';
import { runCli, type BuildRun } from '../helpers/run-build.ts';
import { buildFixtureArchive, FIXTURE_DIR, readFixtureArticles, type FixtureArticle } from './fixture-archive.ts';

interface Fragment {
  url: string;
  content: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
}

/** The site paths of every search bundle (the index is split into parts by year). */
function bundlePathsOf(build: BuildRun): string[] {
  return (build.report as unknown as { searchParts: Array<{ bundlePath: string }> }).searchParts.map((part) => part.bundlePath);
}

/** Pagefind fragments are gzip with a "pagefind_dcd" signature before the JSON; read from every bundle. */
async function readFragments(siteDir: string, bundlePaths: string[]): Promise<Map<string, Fragment>> {
  const fragments = new Map<string, Fragment>();
  for (const bundle of bundlePaths) {
    const dir = path.join(siteDir, bundle, 'fragment');
    for (const file of await readdir(dir)) {
      const data = gunzipSync(await readFile(path.join(dir, file)));
      assert.equal(data.subarray(0, 12).toString(), 'pagefind_dcd');
      const fragment = JSON.parse(data.subarray(12).toString('utf8')) as Fragment;
      assert.ok(!fragments.has(fragment.url), `${fragment.url} is in one bundle only`);
      fragments.set(fragment.url, fragment);
    }
  }
  return fragments;
}

const LANGUAGE_NAMES: Record<string, string> = { en: 'English', ar: 'Arabic' };

describe('indexing the search fixture archive', () => {
  let build: BuildRun;
  let articles: FixtureArticle[];
  let fragments: Map<string, Fragment>;
  let engine: { readUnsearchable(value: string | undefined): string | undefined };

  before(async () => {
    engine = (await import(pathToFileURL(path.join(PROJECT_ROOT, 'assets/search-engine.js')).href)) as typeof engine;
    articles = await readFixtureArticles();
    build = await buildFixtureArchive();
    assert.ok(bundlePathsOf(build).length > 1, 'the fixture spans several years, so the index has several parts');
    fragments = await readFragments(build.outDir, bundlePathsOf(build));
  });

  it('builds cleanly and indexes every article, and only articles', () => {
    assert.equal(build.exitCode, 0, build.stderr);
    assert.deepEqual([...fragments.keys()].sort(), articles.map((article) => article.url).sort());
  });

  it('keeps one index per language: English and Arabic', async () => {
    const indexed: Record<string, number> = {};
    for (const bundle of bundlePathsOf(build)) {
      const entry = JSON.parse(await readFile(path.join(build.outDir, bundle, 'pagefind-entry.json'), 'utf8')) as {
        languages: Record<string, { page_count: number }>;
      };
      for (const [language, info] of Object.entries(entry.languages)) indexed[language] = (indexed[language] ?? 0) + info.page_count;
    }
    const expected: Record<string, number> = {};
    for (const article of articles) expected[article.language] = (expected[article.language] ?? 0) + 1;
    assert.deepEqual(indexed, expected);
  });

  it('reports pages, words, filters, sort keys and bytes in the --report JSON and the summary', () => {
    const search = build.report.search as unknown as Record<string, unknown> & { languages: Record<string, { pages: number; words: number }> };
    assert.equal(search.pages, articles.length);
    assert.equal(search.filters, 7, 'section, year, people, organizations, places, tags, language');
    assert.equal(search.sorts, 1, 'date');
    assert.ok((search.words as number) > 200, `words: ${String(search.words)}`);
    assert.ok((search.bytes as number) > 0 && (search.files as number) > articles.length);
    assert.equal(search.languages.ar?.pages, articles.filter((article) => article.language === 'ar').length);
    assert.ok((search.languages.ar?.words ?? 0) > 0);
  });

  it('prints the index size in the closing summary line', async () => {
    const work = await temporaryDir('search-summary');
    await cp(path.join(FIXTURE_DIR, 'articles'), path.join(work, 'articles'), { recursive: true });
    const run = await runCli(['build', '--inbox', path.join(work, 'none'), '--articles', path.join(work, 'articles'), '--out', path.join(work, 'site')]);
    assert.equal(run.exitCode, 0, run.stderr);
    const languages = [...new Set(articles.map((article) => article.language))].sort().join(', ');
    assert.match(run.stdout, new RegExp(`; search index: ${articles.length} pages \\(${languages}\\), \\d+ words, 7 filters, \\d+ KB;`));
  });

  it('indexes the title and body and none of the page chrome or article footer', () => {
    for (const article of articles) {
      const fragment = fragments.get(article.url)!;
      assert.ok(fragment.content.startsWith(article.title.replace(/\s+/g, ' ')), `${article.slug}: content starts with the title`);
      assert.ok(fragment.content.includes(article.rarePhrase), `${article.slug}: body text is indexed`);
      for (const chrome of ['Skip to content', 'Search the archive', 'Source file', 'About this text', 'min read', 'Built with Broadsheet']) {
        assert.ok(!fragment.content.includes(chrome), `${article.slug}: "${chrome}" is not indexed`);
      }
    }
  });

  it('gives every article its title, summary, and its date and language written unsearchable, as metadata', () => {
    for (const article of articles) {
      const { meta } = fragments.get(article.url)!;
      assert.equal(meta.title, article.title);
      assert.equal(engine.readUnsearchable(meta.date), article.date.slice(0, 10));
      assert.equal(engine.readUnsearchable(meta.lang), article.language);
      // Pagefind makes words of meta values: the date and language code must give none.
      assert.doesNotMatch(`${meta.date ?? 0}${meta.lang ?? 0}`, /[\p{L}\p{N}_]/u, `${article.slug}: date and language`);
      // The section is a filter (below), not meta: an article is not about its section's name.
      assert.equal(meta.section, undefined);
      assert.ok(meta.summary && article.body.includes(meta.summary.slice(0, 40)), `${article.slug}: summary`);
    }
  });

  it('files every article under its section, year, people, organisations, places, tags and language, values intact', () => {
    for (const article of articles) {
      const { filters } = fragments.get(article.url)!;
      const sorted = (values: string[] | undefined) => [...(values ?? [])].sort();
      assert.deepEqual(sorted(filters.section), [article.section]);
      assert.deepEqual(sorted(filters.year), [article.date.slice(0, 4)]);
      assert.deepEqual(sorted(filters.people), sorted(article.people));
      assert.deepEqual(sorted(filters.organizations), sorted(article.organizations));
      assert.deepEqual(sorted(filters.places), sorted(article.places));
      assert.deepEqual(sorted(filters.tags), sorted(article.tags));
      assert.deepEqual(filters.language, [LANGUAGE_NAMES[article.language]]);
    }
    // A comma, colon and ampersand stay inside one value.
    assert.ok(articles.some((article) => article.tags.includes('Budget: 2025, capital')));
    assert.ok(articles.some((article) => article.organizations.includes('Holm & Daughters Bakeries')));
  });

  it('gives every article page a day-number date sort key', async () => {
    for (const article of articles) {
      const page = await readFile(path.join(build.outDir, article.url, 'index.html'), 'utf8');
      const keys = [...page.matchAll(/<span data-pagefind-sort="date">([^<]*)<\/span>/g)].map((match) => match[1]);
      // Days since 0001-01-01: 1970-01-01 is day 719,162 (Python's date(1970, 1, 1).toordinal() - 1).
      const days = 719_162 + Date.parse(`${article.date.slice(0, 10)}T00:00:00Z`) / 86_400_000;
      assert.deepEqual(keys, [String(days).padStart(7, '0')], article.slug);
    }
  });

  it('turns a Pagefind failure into a build problem naming the bundle, instead of hanging or exiting', async () => {
    const site = await temporaryDir('search-error');
    await mkdir(path.join(site, '2024/a'), { recursive: true });
    await writeFile(path.join(site, '2024/a/index.html'), '<!doctype html><html lang="en"><body><main data-pagefind-body><h1>A page</h1><p>Some words.</p></main></body></html>');
    // A file where the bundle folder must go: Pagefind cannot write the index (its binary
    // panics). Run in a process of its own, as the CLI would, since the test runner treats
    // an emptied event loop as a hung test.
    await writeFile(path.join(site, 'pagefind'), 'not a folder');
    const script = `import { ProblemLog } from ${JSON.stringify(pathToFileURL(path.join(PROJECT_ROOT, 'src/problems.ts')).href)};
import { buildSearchIndex } from ${JSON.stringify(pathToFileURL(path.join(PROJECT_ROOT, 'src/search/build-index.ts')).href)};
const problems = new ProblemLog();
const parts = [{ name: '2024', years: ['2024'], bundlePath: '/pagefind/', primary: true, articles: 1 }];
const stats = await buildSearchIndex(${JSON.stringify(site)}, problems, { parts });
process.stdout.write(JSON.stringify({ stats: stats ?? null, problems: problems.problems }));`;
    const output = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: PROJECT_ROOT, timeout: 60_000 }, (error, stdout) =>
        error ? reject(error) : resolve(stdout),
      );
    });
    const { stats, problems } = JSON.parse(output) as { stats: unknown; problems: Array<{ code: string; file: string; severity: string; message: string }> };
    assert.equal(stats, null);
    assert.equal(problems.length, 1, output);
    assert.equal(problems[0]?.code, 'SEARCH_INDEX_FAILED');
    assert.equal(problems[0]?.severity, 'error');
    assert.equal(problems[0]?.file, path.join(site, 'pagefind'));
    assert.match(problems[0]?.message ?? '', /^Pagefind could not (write the index of 2024|finish the index): \S/);
  });
});
