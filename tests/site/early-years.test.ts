// Years before 1000 are written with four digits in every URL: the article at /0099/slug/ is
// filed at /archive/0099/ and /archive/0099/03/, and every link on the built pages resolves.
// Checked on a real build of a tiny archive with one article from the year 99.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { parseShard, shardFilter } from '../../src/site/shard.ts';
import { linksIn } from '../helpers/html-text.ts';
import { temporaryDir } from '../helpers/paths.ts';
import { buildArchive, type BuildRun } from '../helpers/run-build.ts';
import { crawlSite, filesIn, urlPathOf } from '../helpers/site-files.ts';
import { visibleText } from '../helpers/html-text.ts';

const YEAR = 99;
const MONTH = 3;
const FOUR_DIGITS = String(YEAR).padStart(4, '0');
const ORIGIN = 'http://localhost:8080';

describe('an archive with an article from the year 99', () => {
  let build: BuildRun;

  before(async () => {
    const work = await temporaryDir('early-years');
    const inbox = path.join(work, 'inbox');
    await mkdir(inbox);
    await writeFile(path.join(inbox, 'census.txt'), 'Census of the province is completed\n\nThe governor reported the count of every household in the province.\n');
    await writeFile(path.join(inbox, 'census.json'), JSON.stringify({ date: `${FOUR_DIGITS}-0${MONTH}-01` }));
    await writeFile(path.join(inbox, 'harbour.txt'), 'Harbour plan approved by the council\n\nThe council approved the harbour plan on Monday after a long debate.\n');
    await writeFile(path.join(inbox, 'harbour.json'), JSON.stringify({ date: '2024-05-01' }));
    build = await buildArchive(inbox);
    assert.equal(build.exitCode, 0, build.stderr);
  });

  it('puts the article under a four-digit year folder', () => {
    const census = build.report.articles.find((article) => article.source.endsWith('census.txt'))!;
    assert.equal(census.url.split('/')[1], FOUR_DIGITS);
  });

  it('makes the year’s and the month’s archive pages under the same four-digit year, and no other', () => {
    assert.ok(existsSync(path.join(build.outDir, 'archive', FOUR_DIGITS, 'index.html')), `/archive/${FOUR_DIGITS}/ exists`);
    assert.ok(existsSync(path.join(build.outDir, 'archive', FOUR_DIGITS, `0${MONTH}`, 'index.html')), `/archive/${FOUR_DIGITS}/0${MONTH}/ exists`);
    assert.equal(existsSync(path.join(build.outDir, 'archive', String(YEAR))), false, `no /archive/${YEAR}/`);
  });

  it('writes the year as a number, as the article’s date does, in the archive’s headings, month names and calendar', async () => {
    // What a reader sees: the page's text, without its JSON-LD (whose URLs hold the padded year).
    const shown = (html: string) => visibleText(html.replace(/<script[\s\S]*?<\/script>/g, ''));
    const monthPage = shown(await readFile(path.join(build.outDir, 'archive', FOUR_DIGITS, `0${MONTH}`, 'index.html'), 'utf8'));
    // "March 99", as "1 March 99" on the article; never the URL's padded form in text.
    assert.match(monthPage, new RegExp(`\\bMarch ${YEAR}\\b`), 'the month is named with its year as a number');
    for (const file of await filesIn(path.join(build.outDir, 'archive'), '.html')) {
      assert.doesNotMatch(shown(await readFile(path.join(build.outDir, 'archive', file), 'utf8')), new RegExp(`\\b${FOUR_DIGITS}\\b`), `archive/${file} shows no padded year`);
    }
  });

  it('links every page to archive years of four digits only', async () => {
    for (const file of await filesIn(build.outDir, '.html')) {
      const html = await readFile(path.join(build.outDir, file), 'utf8');
      for (const link of linksIn(html)) {
        const year = /^(?:https?:\/\/[^/]+)?\/archive\/(\d+)\//.exec(link)?.[1];
        if (year !== undefined) assert.match(year, /^\d{4}$/, `${urlPathOf(file)} links to ${link}`);
      }
    }
  });

  it('resolves every internal link, reached from the home page, and reaches the year-99 pages', async () => {
    const crawl = await crawlSite(build.outDir, '/', ORIGIN);
    assert.deepEqual(crawl.broken, []);
    const census = build.report.articles.find((article) => article.source.endsWith('census.txt'))!;
    for (const page of [census.url, `/archive/${FOUR_DIGITS}/`, `/archive/${FOUR_DIGITS}/0${MONTH}/`]) assert.ok(crawl.pages.has(page), `the crawl reaches ${page}`);
  });

  it('builds the year 99 as a shard with --shard 99, the article’s folder', () => {
    const shard = parseShard(String(YEAR));
    assert.deepEqual(shard, { kind: 'year', year: FOUR_DIGITS });
    const inShard = shardFilter(shard!, [{ name: FOUR_DIGITS, years: [FOUR_DIGITS], bundlePath: `/pagefind/${FOUR_DIGITS}/`, primary: false, articles: 1 }]);
    assert.equal(inShard(`/${FOUR_DIGITS}/census-of-the-province-is-completed/index.html`), true);
  });
});
