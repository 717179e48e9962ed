// An article file edited by hand may give its date at another offset than the archive's zone:
// 31 December 2024 23:30 at -05:00 is 1 January 2025, 04:30 in London. The article is shown and
// filed in the archive's zone (its page, the date archive, the search filters), so its URL, its
// search part and its shard must follow that year too, or the 2025 archive links to /2024/ and
// `--shard 2025` builds an archive page whose article is in another shard. Checked on real builds.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { linksIn } from '../helpers/html-text.ts';
import { temporaryDir } from '../helpers/paths.ts';
import { buildArchive, type BuildRun } from '../helpers/run-build.ts';

const ZONE = 'Europe/London';

describe('an article file dated at another offset across New Year', () => {
  let build: BuildRun;
  let ferryFile: string;
  let inbox: string;
  let config: string;
  let articlesDir: string;
  const page = (sitePath: string) => readFile(path.join(build.outDir, sitePath, 'index.html'), 'utf8');

  before(async () => {
    const work = await temporaryDir('foreign-offset');
    inbox = path.join(work, 'inbox');
    config = path.join(work, 'broadsheet.config.json');
    await writeFile(config, JSON.stringify({ timeZone: ZONE }));
    await mkdir(inbox);
    await writeFile(path.join(inbox, 'ferry.txt'), 'Night ferry crosses at New Year\n\nThe night ferry left the harbour as the bells rang in the new year.\n');
    await writeFile(path.join(inbox, 'ferry.json'), JSON.stringify({ date: '2024-06-01' }));
    await writeFile(path.join(inbox, 'clock.txt'), 'Clock tower repaired after storm\n\nWorkers finished repairing the clock tower on Friday afternoon.\n');
    await writeFile(path.join(inbox, 'clock.json'), JSON.stringify({ date: '2024-06-02' }));
    const first = await buildArchive(inbox, ['--config', config]);
    assert.equal(first.exitCode, 0, first.stderr);
    // Edit the article files by hand, as a user correcting a date would.
    const fileOf = (source: string) => path.join(first.articlesDir, first.report.articles.find((article) => article.source.endsWith(source))!.file);
    ferryFile = fileOf('ferry.txt');
    const ferry = await readFile(ferryFile, 'utf8');
    await writeFile(ferryFile, ferry.replace(/^date: .*$/m, 'date: "2024-12-31T23:30:00-05:00"'));
    const clockFile = fileOf('clock.txt');
    const clock = await readFile(clockFile, 'utf8');
    await writeFile(clockFile, clock.replace(/^date: .*$/m, 'date: "9999-12-31T23:30:00-05:00"'));
    articlesDir = first.articlesDir;
    build = await buildArchive(inbox, ['--config', config], { articlesDir });
  });

  it('files the article under its year in the archive’s zone: URL and date archive', async () => {
    const ferry = build.report.articles.find((article) => article.source.endsWith('ferry.txt'))!;
    assert.match(ferry.url, /^\/2025\//);
    assert.ok(existsSync(path.join(build.outDir, ferry.url, 'index.html')), 'the page is at its URL');
    assert.equal(existsSync(path.join(build.outDir, '2024')), false, 'no /2024/ folder');
    assert.equal(existsSync(path.join(build.outDir, 'archive/2024')), false, 'no 2024 in the date archive');
    assert.ok(linksIn(await page('/archive/2025/01/')).includes(ferry.url), 'January 2025 links to the article');
  });

  it('is built by the shard of that year', async () => {
    const ferry = build.report.articles.find((article) => article.source.endsWith('ferry.txt'))!;
    const shard = await buildArchive(inbox, ['--config', config, '--shard', '2025'], { articlesDir });
    assert.deepEqual(shard.report.problems.map((problem) => problem.code), ['ARTICLE_BAD_DATE'], shard.stderr);
    assert.ok(existsSync(path.join(shard.outDir, ferry.url, 'index.html')), `--shard 2025 writes ${ferry.url}`);
  });

  it('refuses, naming the file and line, a date that is in the year 10000 in the archive’s zone, and builds the rest', () => {
    assert.equal(build.exitCode, 1, build.stderr);
    const problem = build.report.problems.find((entry) => entry.code === 'ARTICLE_BAD_DATE');
    assert.ok(problem, build.stderr);
    assert.match(problem.message, /year 10000/);
    assert.match(problem.message, /Europe\/London/);
    assert.ok(problem.line !== undefined && problem.line > 1, 'the date’s line');
    assert.equal(build.report.articles.length, 1);
  });
});
