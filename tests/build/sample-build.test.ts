// A real build of the sample archive (the two seeds) with the command-line tool: the pages
// exist, home and articles link to each other, and the Pagefind bundle indexes both articles.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { linksIn, visibleText } from '../helpers/html-text.ts';
import { SAMPLE_INBOX } from '../helpers/paths.ts';
import { buildArchive, type BuildRun } from '../helpers/run-build.ts';

const SEED_TITLES = [
  'Shock Report: Trump-Era Envoy Plans Meeting With Hamas Negotiator Behind October 7 Massacre — Critics Warn of Dangerous Legitimization',
  'The Dangerous Gamble: US Engagement with Hamas and the Erosion of Counterterrorism Principles',
];

describe('building the sample archive', () => {
  let build: BuildRun;
  const page = (sitePath: string) => readFile(path.join(build.outDir, sitePath, sitePath.endsWith('.html') ? '' : 'index.html'), 'utf8');

  before(async () => {
    build = await buildArchive(SAMPLE_INBOX);
  });

  it('exits 0: the seeds have warnings (no dates) but no errors', () => {
    assert.equal(build.exitCode, 0, build.stderr);
    assert.ok(build.report.problems.every((problem) => problem.severity === 'warning'));
  });

  it('reports both articles with their source, file, URL, title and date source', () => {
    assert.deepEqual(build.report.articles.map((article) => article.title).sort(), [...SEED_TITLES].sort());
    for (const article of build.report.articles) {
      assert.match(article.source, /^00[03]_[0-9a-f]{16}\.txt$/);
      assert.match(article.file, /^\d{4}\/[a-z0-9-]+\.md$/);
      assert.match(article.url, /^\/\d{4}\/[a-z0-9-]+\/$/);
      assert.equal(article.dateSource, 'file-mtime');
      assert.ok(existsSync(path.join(build.articlesDir, article.file)));
    }
  });

  it('writes one markdown file per article under content/articles/<year>/', () => {
    for (const article of build.report.articles) {
      assert.equal(article.file.slice(0, 4), article.date.slice(0, 4));
    }
  });

  it('renders a page per article with its headline, and a home page linking to each', async () => {
    const home = await page('/');
    const homeLinks = linksIn(home);
    for (const article of build.report.articles) {
      assert.ok(homeLinks.includes(article.url), `home links to ${article.url}`);
      const articleHtml = await page(article.url);
      assert.ok(visibleText(articleHtml).includes(article.title));
      assert.ok(linksIn(articleHtml).includes('/'), 'article links back home');
    }
  });

  it('lists the home page newest first', async () => {
    const home = visibleText(await page('/'));
    const dates = build.report.articles.map((article) => article.date);
    const order = build.report.articles.map((article) => home.indexOf(article.title));
    const byDate = [...build.report.articles].sort((a, b) => b.date.localeCompare(a.date) || a.url.localeCompare(b.url));
    assert.deepEqual(
      [...build.report.articles].sort((a, b) => order[build.report.articles.indexOf(a)]! - order[build.report.articles.indexOf(b)]!).map((a) => a.url),
      byDate.map((a) => a.url),
      `dates ${dates.join(', ')}`,
    );
  });

  it('has a search page and a Pagefind bundle that indexes exactly the two articles', async () => {
    assert.ok(existsSync(path.join(build.outDir, 'search/index.html')));
    assert.ok(existsSync(path.join(build.outDir, 'pagefind/pagefind.js')));
    const entry = JSON.parse(await readFile(path.join(build.outDir, 'pagefind/pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    assert.deepEqual(Object.fromEntries(Object.entries(entry.languages).map(([language, info]) => [language, info.page_count])), { en: 2 });
    assert.equal(build.report.search?.pages, 2);
  });

  it('resolves every internal link and asset on every page', async () => {
    const { readdir } = await import('node:fs/promises');
    const files = (await readdir(build.outDir, { recursive: true })).filter((file) => file.endsWith('.html'));
    assert.ok(files.length >= 5);
    for (const file of files) {
      for (const link of linksIn(await readFile(path.join(build.outDir, file), 'utf8'))) {
        if (!link.startsWith('/')) continue;
        const target = decodeURI(link.split(/[?#]/)[0]!);
        const onDisk = path.join(build.outDir, target, target.endsWith('/') ? 'index.html' : '');
        assert.ok(existsSync(onDisk), `${file} links to ${link}, which does not exist`);
      }
    }
  });

  it('keeps every non-boilerplate line of each seed on its page, word for word', async () => {
    for (const article of build.report.articles) {
      const text = visibleText(await page(article.url));
      const source = await readFile(path.join(SAMPLE_INBOX, article.source), 'utf8');
      const boilerplate = /^(Published|- 3 min read|Leave a Reply|Your email address will not be published.*)$/;
      for (const line of source.split('\n').map((l) => l.trim()).filter((l) => l && !boilerplate.test(l))) {
        assert.ok(text.includes(line.replace(/\s+/g, ' ')), `${article.source}: "${line.slice(0, 60)}…" is on the page`);
      }
    }
  });
});
