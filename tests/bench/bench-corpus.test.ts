// `broadsheet bench --corpus DIR`: the article the add-one run adds to a real inbox joins the
// newest year, as new articles do, and leaves the corpus's own sidecar entries as they were.

import assert from 'node:assert/strict';
import { chmod, mkdir, readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { BenchReport } from '../../src/bench/run-bench.ts';
import { temporaryDir } from '../helpers/paths.ts';
import { runCli } from '../helpers/run-build.ts';
import { runAsUnprivileged, unprivilegedSkipReason } from '../helpers/unprivileged.ts';

describe('the benchmark of a corpus', () => {
  it('adds one article in the corpus\'s newest year, after a meta.jsonl without its last newline', async () => {
    const work = await temporaryDir('bench-corpus');
    const corpus = path.join(work, 'corpus');
    await mkdir(corpus);
    const dates = ['2015-03-01', '2015-06-01', '2015-09-01'];
    for (const [i, date] of dates.entries()) {
      await writeFile(path.join(corpus, `s${i}.txt`), `Harbour story number ${i}\n\nThe harbour council met on ${date} and agreed about the boats.\n`);
    }
    // As some exports write it: no newline after the last line.
    await writeFile(path.join(corpus, 'meta.jsonl'), dates.map((date, i) => JSON.stringify({ file: `s${i}.txt`, date })).join('\n'));
    const keep = path.join(work, 'bench');
    const json = path.join(work, 'bench.json');
    const run = await runCli(['bench', '--corpus', corpus, '--keep', keep, '--json', json, '--quiet'], { timeoutMs: 180_000 });
    assert.equal(run.exitCode, 0, run.stderr);
    const report = JSON.parse(await readFile(json, 'utf8')) as BenchReport;
    const addOne = report.runs[2]!;
    assert.equal(addOne.articles, 4);
    assert.deepEqual(addOne.ingest, { reused: 3, parsed: 1 }, 'only the new source is parsed: the last entry of meta.jsonl is intact');
    // Indexed into the newest year's delta bundle (src/search/delta-parts.ts), not a year of its own.
    assert.deepEqual(addOne.indexParts.built, ['2015-added'], 'the new article joins the newest year, not a year of its own');
    const problems = (JSON.parse(await readFile(path.join(keep, 'report-add-one.json'), 'utf8')) as { problems: Array<{ code: string }> }).problems;
    assert.deepEqual(problems.map((problem) => problem.code), []);
  });

  it('benchmarks a read-only corpus, such as a shared checkout, adding its article to its own copy', { skip: unprivilegedSkipReason() }, async () => {
    const work = await temporaryDir('bench-read-only');
    const corpus = path.join(work, 'corpus');
    await mkdir(corpus);
    for (const i of [1, 2, 3]) await writeFile(path.join(corpus, `2015-03-0${i}-story.txt`), `Harbour story number ${i}\n\nThe harbour council met on day ${i} and agreed about the boats.\n`);
    for (const i of [1, 2, 3]) await chmod(path.join(corpus, `2015-03-0${i}-story.txt`), 0o444);
    await chmod(corpus, 0o555);
    await chmod(work, 0o777);
    const json = path.join(work, 'bench.json');
    // As root, permissions do not apply: the run drops to nobody.
    const run = await runAsUnprivileged(['bench', '--corpus', corpus, '--keep', path.join(work, 'bench'), '--json', json]);
    assert.equal(run.exitCode, 0, run.stderr);
    const report = JSON.parse(await readFile(json, 'utf8')) as BenchReport;
    assert.deepEqual(report.runs.map((each) => [each.name, each.articles]), [['cold', 3], ['unchanged', 3], ['add-one', 4]]);
  });

  it('dates undated sources by their own file times, as a build of the corpus does, not by the time of its copy', async () => {
    const work = await temporaryDir('bench-file-times');
    const corpus = path.join(work, 'corpus');
    await mkdir(corpus);
    const days = ['2015-03-01', '2015-06-01', '2015-09-01'];
    for (const [i, day] of days.entries()) {
      const file = path.join(corpus, `story-${i}.txt`);
      await writeFile(file, `Harbour story number ${i}\n\nThe harbour council met on day ${i} and agreed about the boats.\n`);
      await utimes(file, new Date(`${day}T12:00:00Z`), new Date(`${day}T12:00:00Z`));
    }
    const keep = path.join(work, 'bench');
    const run = await runCli(['bench', '--corpus', corpus, '--keep', keep, '--json', path.join(work, 'bench.json'), '--quiet'], { timeoutMs: 180_000 });
    assert.equal(run.exitCode, 0, run.stderr);
    const cold = JSON.parse(await readFile(path.join(keep, 'report-cold.json'), 'utf8')) as { articles: Array<{ date: string; dateSource: string }> };
    assert.deepEqual(cold.articles.map((article) => [article.date.slice(0, 10), article.dateSource]).sort(), days.map((day) => [day, 'file-mtime']));
  });

  it('adds its article as the newest, after sources that all share the newest date (file times of one checkout)', async () => {
    const work = await temporaryDir('bench-same-time');
    const corpus = path.join(work, 'corpus');
    await mkdir(corpus);
    const time = new Date('2015-06-01T12:00:00Z');
    // Titles whose URLs sort first: an article of the same date sorts among them by URL.
    for (const i of [1, 2, 3]) {
      const file = path.join(corpus, `story-${i}.txt`);
      await writeFile(file, `Aardvark harbour story ${i}\n\nThe harbour council met on day ${i} and agreed about the boats.\n`);
      await utimes(file, time, time);
    }
    const keep = path.join(work, 'bench');
    const run = await runCli(['bench', '--corpus', corpus, '--keep', keep, '--json', path.join(work, 'bench.json'), '--quiet'], { timeoutMs: 180_000 });
    assert.equal(run.exitCode, 0, run.stderr);
    const addOne = JSON.parse(await readFile(path.join(keep, 'report-add-one.json'), 'utf8')) as { articles: Array<{ source: string; date: string }> };
    const newest = addOne.articles[0]!;
    assert.match(newest.source, /bench-added-3\.txt$/, `the newest article is ${newest.source}`);
    assert.ok(newest.date > addOne.articles[1]!.date && newest.date.startsWith('2015-'), newest.date);
  });
});
