// Dates before standard time: a zone's offset was then local mean time, with seconds (New York
// −4:56:02 until November 1883), which the article file's ISO offset (−04:56) cannot hold. An
// article dated 1 January 1850 in New York must still be shown, filed and counted on 1 January
// 1850, not two seconds earlier on 31 December 1849. Checked on a real build.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { visibleText } from '../helpers/html-text.ts';
import { temporaryDir } from '../helpers/paths.ts';
import { buildArchive, type BuildRun } from '../helpers/run-build.ts';

describe('an archive of 1850 in New York time', () => {
  let build: BuildRun;
  const page = (sitePath: string) => readFile(path.join(build.outDir, sitePath, 'index.html'), 'utf8');

  before(async () => {
    const work = await temporaryDir('historic-dates');
    const inbox = path.join(work, 'inbox');
    const config = path.join(work, 'broadsheet.config.json');
    await writeFile(config, JSON.stringify({ timeZone: 'America/New_York' }));
    await mkdir(inbox);
    await writeFile(path.join(inbox, 'ferry.txt'), 'Ferry service begins on the river\n\nThe first ferry crossed the river at dawn on New Year’s Day.\n');
    await writeFile(path.join(inbox, 'ferry.json'), JSON.stringify({ date: '1850-01-01' }));
    build = await buildArchive(inbox, ['--config', config]);
    assert.equal(build.exitCode, 0, build.stderr);
  });

  it('shows the article on the day its source gives', async () => {
    const article = build.report.articles[0]!;
    assert.equal(article.url, '/1850/ferry-service-begins-on-the-river/');
    assert.match(visibleText(await page(article.url)), /January 1, 1850/);
  });

  it('files it under that day, month and year in the date archive', async () => {
    assert.equal(existsSync(path.join(build.outDir, 'archive/1849')), false, 'no page for 1849');
    const month = await page('/archive/1850/01/');
    assert.match(month, /<h2 id="day-01"><time datetime="1850-01-01">/);
    assert.match(visibleText(await page('/archive/')), /1 article in January 1850\./);
  });

  // Midnight in New York on 1 January 1850 was 04:56:02 UTC (local mean time, −4:56:02). Every
  // machine-read date must name that instant, on that day: an offset of whole minutes (all RFC
  // 3339 allows) with the seconds written in the time, never `-04:56` alone (two seconds off).
  it('writes the exact instant, dated 1 January 1850, wherever a machine reads the date', async () => {
    const instant = Date.UTC(1850, 0, 1, 4, 56, 2);
    const article = build.report.articles[0]!;
    const sources: Array<[string, string, RegExp]> = [
      ['article page <time>', await page(article.url), /<time datetime="([^"]+)"/g],
      ['article page meta', await page(article.url), /property="article:published_time" content="([^"]+)"/g],
      ['home list <time>', await page('/'), /<time datetime="([^"]+)"/g],
      ['Atom feed', await readFile(path.join(build.outDir, 'feed.xml'), 'utf8'), /<(?:published|updated)>([^<]+)</g],
      ['sitemap', await readFile(path.join(build.outDir, 'sitemap.xml'), 'utf8'), /<lastmod>([^<]+)</g],
    ];
    for (const [where, text, pattern] of sources) {
      const values = [...text.matchAll(pattern)].map((match) => match[1]!).filter((value) => value.includes('T'));
      assert.ok(values.length > 0, `${where}: no date-time found`);
      for (const value of values) {
        assert.match(value, /^1850-01-01T/, `${where}: ${value}`);
        assert.equal(Date.parse(value), instant, `${where}: ${value} is not midnight in New York`);
      }
    }
  });
});
