// `broadsheet bench` refuses what it cannot benchmark or would damage before it builds anything:
// each case exits with status 2 and a message naming the flag and what to give instead, never a
// stack trace, and leaves the folders it was given as they were.

import assert from 'node:assert/strict';
import { existsSync, statfsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parseBenchArgs } from '../../src/bench/run-bench.ts';
import { UsageError } from '../../src/cli/args.ts';
import { temporaryDir } from '../helpers/paths.ts';
import { runCli } from '../helpers/run-build.ts';

function assertUsageError(run: { exitCode: number; stderr: string }, message: RegExp): void {
  assert.equal(run.exitCode, 2, run.stderr);
  assert.match(run.stderr, message);
  assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
  assert.match(run.stderr, /\nRun "broadsheet bench --help" for usage\.\n$/, 'points to the help that lists the flags');
}

describe('the bench refuses, before building', () => {
  it('a corpus folder without a single .txt file', async () => {
    const corpus = path.join(await temporaryDir('bench-empty-corpus'), 'inbox');
    await mkdir(path.join(corpus, 'sport'), { recursive: true });
    await writeFile(path.join(corpus, 'sport', 'notes.md'), 'not an article\n');
    const run = await runCli(['bench', '--corpus', corpus, '--quiet'], { timeoutMs: 60_000 });
    assertUsageError(run, /--corpus .*inbox: holds no \.txt file; give the inbox folder the article files are in/);
  });

  it('--generate with --corpus, which would write a synthetic inbox instead of the corpus', async () => {
    const out = path.join(await temporaryDir('bench-generate-corpus'), 'inbox');
    const run = await runCli(['bench', '--corpus', path.resolve('content/inbox'), '--generate', out, '--quiet'], { timeoutMs: 60_000 });
    assertUsageError(run, /--generate writes a synthetic inbox \(--articles N\); it does not copy a --corpus/);
    assert.equal(existsSync(out), false, 'nothing written');
  });

  it('--json or --keep with --generate, which runs no build and so would write no report and keep nothing', async () => {
    const work = await temporaryDir('bench-generate-json');
    for (const flag of ['--json', '--keep']) {
      const run = await runCli(['bench', '--articles', '5', '--generate', path.join(work, 'inbox'), flag, path.join(work, 'out')], { timeoutMs: 60_000 });
      assertUsageError(run, new RegExp(`--generate only writes a synthetic inbox and runs no build, so ${flag} would do nothing: leave out ${flag}, or --generate`));
    }
    assert.deepEqual(await readdir(work), [], 'nothing written');
  });

  it('--quiet without --json, which would run every build and show no figure', async () => {
    const started = Date.now();
    const run = await runCli(['bench', '--articles', '5', '--quiet'], { timeoutMs: 60_000 });
    assertUsageError(run, /--quiet prints only the JSON report's path, and no --json FILE was given, so the figures would be lost: add --json FILE, or leave out --quiet/);
    assert.ok(Date.now() - started < 30_000, 'refused before building');
  });

  it('a --keep folder holding files no benchmark made, and leaves them there', async () => {
    const keep = await temporaryDir('bench-keep');
    await writeFile(path.join(keep, 'thesis.txt'), 'years of work\n');
    const run = await runCli(['bench', '--articles', '5', '--keep', keep, '--quiet'], { timeoutMs: 60_000 });
    assertUsageError(run, /--keep .*: holds "thesis\.txt", which no benchmark made, and the benchmark empties the folder first; give a new or empty folder/);
    assert.equal(await readFile(path.join(keep, 'thesis.txt'), 'utf8'), 'years of work\n');
  });

  it('a --generate folder that is not empty, whose meta.jsonl the generator would add to', async () => {
    const inbox = await temporaryDir('bench-generate');
    const first = await runCli(['bench', '--articles', '20', '--generate', inbox, '--quiet']);
    assert.equal(first.exitCode, 0, first.stderr);
    const before = await readdir(inbox, { recursive: true });
    const again = await runCli(['bench', '--articles', '5', '--generate', inbox, '--quiet']);
    assertUsageError(again, /--generate .*: is not empty \(it holds "[^"]+"\); the synthetic inbox would be mixed with what is there, so give a new or empty folder/);
    assert.deepEqual(await readdir(inbox, { recursive: true }), before);
  });

  it('a --json path that cannot be written, before the builds rather than after them', async () => {
    const work = await temporaryDir('bench-json');
    const file = path.join(work, 'a-file');
    await writeFile(file, 'x\n');
    const started = Date.now();
    const under = await runCli(['bench', '--articles', '5', '--json', path.join(file, 'bench.json')], { timeoutMs: 60_000 });
    assertUsageError(under, /--json .*bench\.json: cannot be written \(\w+\); give a file in a folder you can write/);
    assert.doesNotMatch(under.stdout, /^cold /m, 'no build ran');
    assert.ok(Date.now() - started < 30_000);
    const folder = await runCli(['bench', '--articles', '5', '--json', work], { timeoutMs: 60_000 });
    assertUsageError(folder, /--json .*: is a folder; give a file name for the report/);
    assert.ok(!existsSync(path.join(work, 'bench.json')));
  });

  it('an --articles count not written in digits, which it would have read as another number', async () => {
    // "1e1" was read as 10 and "0x5" as 5.
    for (const count of ['1e1', '0x5', '5.0']) {
      const out = path.join(await temporaryDir('bench-articles-digits'), 'inbox');
      const run = await runCli(['bench', '--articles', count, '--generate', out, '--quiet'], { timeoutMs: 60_000 });
      assertUsageError(run, new RegExp(`--articles must be a whole number above 0, not "${count.replace('.', '\\.')}"`));
      assert.equal(existsSync(out), false, 'nothing generated');
    }
  });

  it('a negative --articles count, named as the number it is rather than as a missing value', async () => {
    // parseArgs took "-5" for a flag: "Option '--articles' argument is ambiguous".
    for (const argv of [['--articles', '-5'], ['--articles=-5']]) {
      const run = await runCli(['bench', ...argv, '--quiet'], { timeoutMs: 60_000 });
      assertUsageError(run, /--articles must be a whole number above 0, not "-5"/);
    }
  });

  // Parsed only: without the check, the run would write until the disk is full.
  it('an --articles count its disk cannot hold, or too large to count, naming the room it needs and has', async () => {
    const dir = await temporaryDir('bench-disk');
    const { bavail, bsize } = statfsSync(dir);
    const tooMany = String(2 * bavail + 1000);
    const refused = (argv: string[], message: RegExp) => assert.throws(() => parseBenchArgs(argv), (error: unknown) => error instanceof UsageError && message.test(error.message));
    refused(['--articles', tooMany, '--generate', path.join(dir, 'inbox')], new RegExp(`^--articles ${tooMany}: needs at least [\\d.,]+ GB of disk \\(a source file per article, each at least one ${bsize}-byte block\\), and .* has [\\d.,]+ GB free; give fewer articles`));
    refused(['--articles', tooMany, '--keep', path.join(dir, 'work')], /: needs at least .* \(3 files per article: source, article file, page, .*give fewer articles, or a folder on a larger disk with --keep DIR$/);
    refused(['--articles', '99999999999999999999', '--generate', path.join(dir, 'inbox')], /^--articles 99999999999999999999: is more articles than can be counted exactly/);
    assert.equal(existsSync(path.join(dir, 'inbox')), false, 'nothing generated');
    assert.deepEqual(parseBenchArgs(['--articles', '200', '--generate', path.join(dir, 'inbox')]), { seed: 'broadsheet-bench-1', layout: 'sections', quiet: false, articles: 200, generate: path.join(dir, 'inbox') });
  });
});
