// A term's URL (and a section's feeds) stays with the name that had it: a back-dated import
// bringing a name that makes the same slug, with older articles, does not take it over, in a
// rebuild or in a fresh checkout that has the articles folder but not the previous site. Real
// builds through the CLI.

import assert from 'node:assert/strict';
import { cp, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { ProblemLog } from '../../src/problems.ts';
import { readTermUrls } from '../../src/site/term-urls.ts';
import { temporaryDir } from '../helpers/paths.ts';
import { buildArchive } from '../helpers/run-build.ts';

const text = (headline: string, dateline: string) => `${headline}\n\n${dateline} - The council met on Monday to agree the plan, and members said it would be published after a review of costs.\n`;

/** The heading of a term page, and the title of a feed. */
const heading = async (site: string, page: string) => /<h1[^>]*>(.*?)<\/h1>/s.exec(await readFile(path.join(site, page, 'index.html'), 'utf8'))?.[1]?.replace(/<[^>]+>/g, '');
const feedTitle = async (site: string, feed: string) => /<title[^>]*>(.*?)<\/title>/.exec(await readFile(path.join(site, 'feeds', feed), 'utf8'))?.[1];

describe('term URLs after a back-dated import', () => {
  let work: string;
  let inbox: string;
  let articlesDir: string;
  let outDir: string;

  before(async () => {
    work = await temporaryDir('term-urls');
    inbox = path.join(work, 'inbox');
    articlesDir = path.join(work, 'articles');
    outDir = path.join(work, 'site');
    await mkdir(path.join(inbox, 'world-news'), { recursive: true });
    await writeFile(path.join(inbox, 'world-news', 'harbour.txt'), text('Harbour reopens after the storm', 'LONDON, June 3, 2024'));
    await writeFile(path.join(inbox, 'world-news', 'meta.jsonl'), `${JSON.stringify({ file: 'harbour.txt', tags: ['Sea-Wall'] })}\n`);
    const first = await buildArchive(inbox, [], { articlesDir, outDir });
    assert.equal(first.exitCode, 0, first.stderr);
    // The back catalogue: older articles whose section and tag make the same slugs.
    await mkdir(path.join(inbox, 'World News'));
    await writeFile(path.join(inbox, 'World News', 'library.txt'), text('Mayor opens the new library', 'LONDON, March 2, 2009'));
    await writeFile(path.join(inbox, 'World News', 'meta.jsonl'), `${JSON.stringify({ file: 'library.txt', tags: ['Sea Wall'] })}\n`);
  });

  it('keeps the section page, its feeds and the tag page with the names that had them on a rebuild', async () => {
    const run = await buildArchive(inbox, [], { articlesDir, outDir });
    assert.equal(run.exitCode, 0, run.stderr);
    assert.equal(await heading(outDir, 'sections/world-news'), 'world-news');
    assert.match((await feedTitle(outDir, 'world-news.xml')) ?? '', /: world-news$/);
    assert.equal(await heading(outDir, 'tags/sea-wall'), 'Sea-Wall');
    const urls = new Map(run.report.articles.map((article) => [article.title, article.url]));
    assert.ok(urls.has('Mayor opens the new library'), 'the back-dated article is published');
  });

  it('records the new names’ URLs beside the articles, and leaves the record as it is when nothing changed', async () => {
    const record = JSON.parse(await readFile(path.join(articlesDir, 'term-urls.json'), 'utf8')) as { terms: Record<string, string> };
    assert.equal(record.terms['section:world-news'], 'world-news');
    assert.match(record.terms['section:world news'] ?? '', /^world-news-[0-9a-f]{6}$/);
    const before = await stat(path.join(articlesDir, 'term-urls.json'));
    const run = await buildArchive(inbox, [], { articlesDir, outDir });
    assert.equal(run.exitCode, 0, run.stderr);
    assert.equal((await stat(path.join(articlesDir, 'term-urls.json'))).mtimeMs, before.mtimeMs);
  });

  it('keeps them in a fresh checkout of the inbox and articles folder, without the previous site', async () => {
    const checkout = path.join(work, 'checkout');
    await cp(articlesDir, path.join(checkout, 'articles'), { recursive: true });
    const run = await buildArchive(inbox, [], { articlesDir: path.join(checkout, 'articles'), outDir: path.join(checkout, 'site') });
    assert.equal(run.exitCode, 0, run.stderr);
    assert.equal(await heading(path.join(checkout, 'site'), 'sections/world-news'), 'world-news');
    assert.equal(await heading(path.join(checkout, 'site'), 'tags/sea-wall'), 'Sea-Wall');
  });

  it('gives the plain URL to the name with the oldest article when there is no history', async () => {
    const site = path.join(work, 'fresh-site');
    const run = await buildArchive(inbox, [], { outDir: site });
    assert.equal(run.exitCode, 0, run.stderr);
    assert.equal(await heading(site, 'sections/world-news'), 'World News');
    assert.match((await feedTitle(site, 'world-news.xml')) ?? '', /: World News$/);
    assert.equal(await heading(site, 'tags/sea-wall'), 'Sea Wall');
  });
});

describe('the record of term URLs', () => {
  const recordIn = async (content: string) => {
    const dir = await temporaryDir('term-urls-record');
    await writeFile(path.join(dir, 'term-urls.json'), content);
    const problems = new ProblemLog();
    return { ...(await readTermUrls(dir, problems)), problems: problems.problems };
  };

  it('names the line of broken JSON and keeps nothing from it', async () => {
    const { slugs, problems } = await recordIn('{\n  "format": 1,\n  "terms": {\n    "section:sport": "sport",\n  }\n}\n');
    assert.equal(slugs.size, 0);
    assert.deepEqual(problems.map((problem) => [problem.code, problem.line]), [['TERM_URLS_UNREADABLE', 5]]);
  });

  it('leaves out, by line, an entry whose slug is not one, is reserved or is another term’s', async () => {
    const lines = ['"section:sport": "sport"', '"section:sports": "sport"', '"tag:x": "../../etc"', '"tag:y": "page"', '"nonsense": "a"', '"person:ann lee": "ann-lee"'];
    const { slugs, problems } = await recordIn(`{\n  "format": 1,\n  "terms": {\n    ${lines.join(',\n    ')}\n  }\n}\n`);
    assert.deepEqual(Object.fromEntries(slugs), { 'section:sport': 'sport', 'person:ann lee': 'ann-lee' });
    assert.deepEqual(
      problems.map((problem) => [problem.code, problem.line]).sort((a, b) => Number(a[1]) - Number(b[1])),
      [['TERM_URLS_BAD_ENTRY', 5], ['TERM_URLS_BAD_ENTRY', 6], ['TERM_URLS_BAD_ENTRY', 7], ['TERM_URLS_BAD_ENTRY', 8]],
    );
  });
});
