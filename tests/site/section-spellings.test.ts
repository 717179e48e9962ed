// Sections that differ only in case (`Search` from one inbox folder, `search` from another or from
// a sidecar) are one section: one page, one pair of feeds, one name on every page, with a warning
// naming each article file that spelled it otherwise.

import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import type { Article } from '../../src/site/load-articles.ts';
import { unifySectionSpellings } from '../../src/site/sections.ts';
import { attribute, parseHtml, walk } from '../helpers/html-text.ts';
import { temporaryDir } from '../helpers/paths.ts';
import { buildArchive, type BuildRun } from '../helpers/run-build.ts';

function article(file: string, section: string): Article {
  return { file, section, source: { path: `inbox/${file}`, hash: '' } } as unknown as Article;
}

describe('unifySectionSpellings', () => {
  it('names a section by the spelling most of its articles use', () => {
    const articles = [article('a.md', 'search'), article('b.md', 'Search'), article('c.md', 'Search')];
    const warnings = unifySectionSpellings(articles);
    assert.deepEqual(articles.map((each) => each.section), ['Search', 'Search', 'Search']);
    assert.deepEqual(warnings.map((warning) => [warning.code, warning.article.file]), [['SECTION_SPELLING', 'a.md']]);
    assert.match(warnings[0]!.message, /"search".*"Search"/);
    assert.match(warnings[0]!.hint, /section: "Search"/);
  });

  it('breaks a tie by the first article file in path order', () => {
    const articles = [article('2024/z.md', 'SEARCH'), article('2024/a.md', 'Search')];
    unifySectionSpellings(articles);
    assert.deepEqual(articles.map((each) => each.section), ['Search', 'Search']);
  });

  it('leaves sections whose names differ in more than case, spacing or dots apart, and warns about none', () => {
    const articles = [article('a.md', 'Search'), article('b.md', 'Research'), article('c.md', 'U.S.'), article('d.md', 'US')];
    const warnings = unifySectionSpellings(articles);
    assert.deepEqual(articles.map((each) => each.section), ['Search', 'Research', 'U.S.', 'U.S.']);
    assert.deepEqual(warnings.map((warning) => warning.article.file), ['d.md']);
  });
});

describe('an inbox with the folders "Search" and "search"', () => {
  const MAJORITY = 'Search';
  const MINORITY = 'search';
  let build: BuildRun;

  before(async () => {
    const work = await temporaryDir('section-spellings');
    const inbox = path.join(work, 'inbox');
    const sources: Array<[string, string, string]> = [
      [MAJORITY, 'hiker.txt', 'Missing hiker found near the ridge\n\nRescuers found the hiker near the ridge on Tuesday, cold but unhurt.\n'],
      [MAJORITY, 'dogs.txt', 'Search dogs trained at the quarry\n\nThe dogs practised for three days in the old quarry above the town.\n'],
      [MINORITY, 'teams.txt', 'Rescue teams return home\n\nThe teams returned home after a long week in the hills, tired but pleased.\n'],
    ];
    for (const [folder, name, text] of sources) {
      await mkdir(path.join(inbox, folder), { recursive: true });
      await writeFile(path.join(inbox, folder, name), text);
    }
    build = await buildArchive(inbox);
    assert.equal(build.exitCode, 0, build.stderr);
  });

  it('makes one section page and one pair of section feeds', async () => {
    const sections = (await readdir(path.join(build.outDir, 'sections'))).filter((name) => name !== 'by-count' && name !== 'index.html');
    assert.equal(sections.length, 1, `one section page: ${sections.join(', ')}`);
    assert.deepEqual((await readdir(path.join(build.outDir, 'feeds'))).length, 2);
  });

  it('shows the majority spelling wherever an article page names its section', async () => {
    for (const { url } of build.report.articles) {
      // The section is named alone: in a <bdi> or a link, and in article:section.
      const names = new Set<string>();
      for (const node of walk(parseHtml(await readFile(path.join(build.outDir, url, 'index.html'), 'utf8')))) {
        if (node.nodeName === '#text' && node.value) names.add(node.value.trim());
        if (node.nodeName === 'meta') names.add(attribute(node, 'content')?.trim() ?? '');
      }
      assert.ok(names.has(MAJORITY), `${url} names the section "${MAJORITY}"`);
      assert.ok(!names.has(MINORITY), `${url} never names it "${MINORITY}"`);
    }
  });

  it('warns about the article file whose source used the other spelling, at its "section" line', async () => {
    const minority = build.report.articles.find((each) => each.source.startsWith(`${MINORITY}/`))!;
    const warnings = build.report.problems.filter((problem) => problem.code === 'SECTION_SPELLING');
    assert.equal(warnings.length, 1);
    assert.ok(warnings[0]!.file.endsWith(minority.file), `${warnings[0]!.file} is ${minority.file}`);
    const lines = (await readFile(path.join(build.articlesDir, minority.file), 'utf8')).split('\n');
    assert.match(lines[warnings[0]!.line! - 1]!, /^section:/);
  });
});
