// The progress display: one line redrawn in place on a terminal, plain periodic lines in logs,
// nothing under --quiet; checked on the Progress class and on real builds of the sample inbox.

import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { chooseProgressMode, Progress } from '../../src/cli/progress.ts';
import { MANIFEST_FILE } from '../../src/output/manifest.ts';
import { CLI, PROJECT_ROOT, SAMPLE_INBOX, temporaryDir } from '../helpers/paths.ts';
import { runCli, writeInbox } from '../helpers/run-build.ts';

function recorder(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, columns: 80, write: (text: string) => writes.push(text) } };
}

describe('the Progress display', () => {
  it('redraws one line on a terminal with counts and the time left, and clears it at the end', () => {
    let now = 0;
    const { writes, stream } = recorder(true);
    const progress = new Progress('tty', stream, { now: () => now });
    progress.start('render', 'pages', 1000);
    now = 1000; // the stage's set-up, before the first page
    progress.tick(10);
    now = 3000; // 240 pages in 2 s: 750 more take about 6 s
    progress.tick(240);
    assert.equal(writes.at(-1), '\r\x1b[2Krender: 250/1000 pages (25%), about 6 s left');
    progress.end();
    assert.equal(writes.at(-1), '\r\x1b[2K');
    assert.ok(writes.every((text) => !text.includes('\n')), 'a terminal line is redrawn, never scrolled');
  });

  it('prints plain lines at most once per interval when not on a terminal, and a closing line', () => {
    let now = 0;
    const { writes, stream } = recorder(false);
    const progress = new Progress('plain', stream, { now: () => now, intervalMs: 5000 });
    progress.start('index', 'pages', 100);
    for (let i = 1; i <= 100; i++) {
      now = i * 100; // 10 s in all: two intervals
      progress.tick();
    }
    progress.end();
    assert.deepEqual(writes, [
      'index: 100 pages started\n',
      'index: 50/100 pages (50%), about 5 s left\n',
      'index: 100 pages in 10.0 s\n',
    ]);
  });

  it('estimates the time left from the pace after the first item, once a few percent are done', () => {
    // As a 1,200-article build rendered: Eleventy's set-up took 6 s before the first page, then
    // the pages came within a fraction of a second. Measured from the stage's start, the first
    // page promised 352 minutes.
    let now = 0;
    const { writes, stream } = recorder(true);
    const progress = new Progress('tty', stream, { now: () => now });
    progress.start('render', 'pages', 2522);
    now = 6000;
    progress.tick(1);
    assert.equal(writes.at(-1), '\r\x1b[2Krender: 1/2522 pages (0%)', 'no estimate from one page');
    now = 6300;
    progress.tick(1200, true);
    assert.equal(writes.at(-1), '\r\x1b[2Krender: 1200/2522 pages (47%), about 1 s left');
    assert.ok(writes.every((text) => !/min|NaN|Infinity|-\d/.test(text)), writes.join(' | '));
  });

  it('shows the line while a long item runs: once per interval in a log, counting down on a terminal', () => {
    // As the index stage of a large archive: a search part of thousands of pages is one tick, after a minute.
    let now = 0;
    const beats: Array<{ ms: number; beat: () => void; stopped: boolean }> = [];
    const every = (ms: number, beat: () => void) => {
      const entry = { ms, beat, stopped: false };
      beats.push(entry);
      return { stop: () => (entry.stopped = true) };
    };
    const beatAt = (at: number) => {
      now = at;
      for (const entry of beats) if (!entry.stopped) entry.beat();
    };

    const plain = recorder(false);
    const log = new Progress('plain', plain.stream, { now: () => now, intervalMs: 5000, every });
    log.start('index', 'pages', 10_000);
    beatAt(4000);
    assert.equal(plain.writes.length, 1, 'nothing before the interval');
    beatAt(5000);
    assert.deepEqual(plain.writes.slice(1), ['index: 0/10000 pages (0%)\n'], 'a line with no item done');
    now = 20_000;
    log.tick(5000); // 5,000 pages in the first part, after 20 s: a line, the interval being past
    assert.equal(plain.writes.length, 3);
    beatAt(24_000);
    assert.equal(plain.writes.length, 3, 'an interval from the last line, whoever wrote it');
    beatAt(25_000);
    assert.deepEqual(plain.writes.slice(3), ['index: 5000/10000 pages (50%)\n']);
    log.end();
    const afterEnd = plain.writes.length;
    beatAt(60_000);
    assert.equal(plain.writes.length, afterEnd, 'nothing after the stage ended');
    assert.ok(beats.every((entry) => entry.stopped), 'its timer stopped');

    beats.length = 0;
    now = 0;
    const tty = recorder(true);
    const line = new Progress('tty', tty.stream, { now: () => now, every });
    line.start('index', 'pages', 1000);
    assert.equal(beats[0]?.ms, 1000, 'a terminal line is redrawn every second');
    now = 1000;
    line.tick(10);
    now = 3000;
    line.tick(240); // 750 more at 120 pages a second: about 6 s
    assert.equal(tty.writes.at(-1), '\r\x1b[2Kindex: 250/1000 pages (25%), about 6 s left');
    beatAt(5000);
    assert.equal(tty.writes.at(-1), '\r\x1b[2Kindex: 250/1000 pages (25%), about 4 s left', 'counted down with nothing done');
    beatAt(20_000);
    assert.equal(tty.writes.at(-1), '\r\x1b[2Kindex: 250/1000 pages (25%)', 'no estimate once the time is past it');
    line.end();
  });

  it('fits the line to 80 columns when the terminal reports a width of 0 (script(1), some CI terminals)', () => {
    let now = 0;
    const writes: string[] = [];
    const progress = new Progress('tty', { isTTY: true, columns: 0, write: (text: string) => writes.push(text) }, { now: () => now });
    progress.start('ingest', 'sources', 1000);
    now = 1000;
    progress.tick(100);
    now = 2000;
    progress.tick(100);
    assert.equal(writes.at(-1), '\r\x1b[2Kingest: 200/1000 sources (20%), about 8 s left');
  });

  it('writes nothing when quiet', () => {
    const { writes, stream } = recorder(true);
    const progress = new Progress('quiet', stream);
    progress.start('ingest', 'sources', 10);
    progress.tick(10);
    progress.end();
    assert.deepEqual(writes, []);
  });

  it('chooses the terminal display on a TTY, plain lines elsewhere, and nothing under --quiet', () => {
    assert.equal(chooseProgressMode(false, { isTTY: true, write: () => true }, {}), 'tty');
    assert.equal(chooseProgressMode(false, { isTTY: false, write: () => true }, {}), 'plain');
    assert.equal(chooseProgressMode(true, { isTTY: true, write: () => true }, {}), 'quiet');
    assert.equal(chooseProgressMode(false, { isTTY: true, write: () => true }, { BROADSHEET_PROGRESS: 'plain' }), 'plain');
  });

  it('says so when BROADSHEET_PROGRESS holds something else, and goes on as without it', () => {
    const writes: string[] = [];
    const stream = { isTTY: false, write: (text: string) => writes.push(text) };
    assert.equal(chooseProgressMode(false, stream, { BROADSHEET_PROGRESS: 'Quiet' }), 'plain');
    assert.deepEqual(writes, ['BROADSHEET_PROGRESS="Quiet" is not tty, plain or quiet: ignored (progress is shown as plain).\n']);
    writes.length = 0;
    assert.equal(chooseProgressMode(false, stream, { BROADSHEET_PROGRESS: '' }), 'plain');
    assert.equal(chooseProgressMode(true, stream, { BROADSHEET_PROGRESS: 'Quiet' }), 'quiet', '--quiet decides first');
    assert.deepEqual(writes, [], 'an empty value, or --quiet, says nothing');
  });
});

const STAGE_LINE = /^(ingest|load|plan|render|index|commit): /m;

describe('progress from a real build', () => {
  it('prints plain stage lines on stderr when stderr is not a terminal', async () => {
    const work = await temporaryDir('progress-plain');
    const run = await runCli(['build', '--inbox', SAMPLE_INBOX, '--articles', path.join(work, 'a'), '--out', path.join(work, 's')]);
    assert.equal(run.exitCode, 0, run.stderr);
    for (const stage of ['ingest', 'load', 'plan', 'render', 'index', 'commit']) assert.match(run.stderr, new RegExp(`^${stage}: \\d+ \\w+ in \\d+\\.\\d s$`, 'm'));
    // Every file Eleventy rendered: all output but the copied assets, the search bundle, the
    // sitemap (written after rendering, from the list of rendered pages) and the build's manifest.
    const rendered = (await readdir(path.join(work, 's'), { recursive: true, withFileTypes: true })).filter(
      (entry) => entry.isFile() && !/^(assets|pagefind)(\/|$)/.test(path.relative(path.join(work, 's'), entry.parentPath)) && !/^sitemap.*\.xml$/.test(entry.name) && entry.name !== MANIFEST_FILE,
    ).length;
    assert.match(run.stderr, new RegExp(`^render: ${rendered} pages in`, 'm'), `the render count is the ${rendered} pages written`);
  });

  it('counts the index stage in the articles of its parts', async () => {
    // Six years in parts of two articles (indexed while the site renders, as in a cold build of a
    // large archive), and a plain line at every count. When each part is counted (as it ends, not
    // once all have) is tests/search/index-stream.test.ts's ("tells of each part…"): here, parts
    // this small may all end within a millisecond.
    const files: Record<string, string> = {};
    const sidecar = [];
    for (let i = 0; i < 12; i++) {
      files[`story-${i}.txt`] = `Story number ${i}\n\nStory ${i} happened in year ${2015 + (i % 6)}.\n`;
      sidecar.push({ file: `story-${i}.txt`, date: `${2015 + (i % 6)}-06-0${1 + Math.floor(i / 6)}` });
    }
    const inbox = await writeInbox('progress-index', files, sidecar);
    const work = await temporaryDir('progress-index-out');
    const child = spawn(process.execPath, [CLI, 'build', '--inbox', inbox, '--articles', path.join(work, 'a'), '--out', path.join(work, 's')], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, BROADSHEET_PROGRESS: 'plain', BROADSHEET_PROGRESS_INTERVAL_MS: '1', BROADSHEET_SEARCH_PART_PAGES: '2' },
    });
    let stderr = '';
    const counts: Array<{ done: number; total: number }> = [];
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      for (const [, done, total] of chunk.toString().matchAll(/^index: (\d+)\/(\d+) pages/gm)) counts.push({ done: Number(done), total: Number(total) });
    });
    const exitCode = await new Promise<number | null>((resolve) => child.once('close', resolve));
    assert.equal(exitCode, 0, stderr);
    assert.ok(counts.every(({ total }) => total === 12), `every line counts the 12 articles: ${JSON.stringify(counts)}`);
    assert.match(stderr, /^index: 12 pages in \d+\.\d s$/m);
  });

  it('prints no progress at all under --quiet', async () => {
    const work = await temporaryDir('progress-quiet');
    const run = await runCli(['build', '--inbox', SAMPLE_INBOX, '--articles', path.join(work, 'a'), '--out', path.join(work, 's'), '--quiet']);
    assert.equal(run.exitCode, 0, run.stderr);
    assert.doesNotMatch(run.stderr, STAGE_LINE);
    assert.doesNotMatch(run.stderr, /\r/);
  });

  it('redraws a line in place when run on a real terminal (through script(1))', { skip: existsSync('/usr/bin/script') ? false : 'script(1) is not installed' }, async () => {
    const work = await temporaryDir('progress-tty');
    const command = [process.execPath, CLI, 'build', '--inbox', SAMPLE_INBOX, '--articles', path.join(work, 'a'), '--out', path.join(work, 's')]
      .map((arg) => `'${arg.replace(/'/g, `'\\''`)}'`)
      .join(' ');
    const output = await new Promise<string>((resolve, reject) =>
      execFile('/usr/bin/script', ['-qec', command, '/dev/null'], { cwd: PROJECT_ROOT, timeout: 120_000 }, (error, stdout) => (error ? reject(error) : resolve(stdout))),
    );
    assert.ok(['ingest', 'render', 'index'].some((stage) => output.includes(`\r\u001b[2K${stage}: `)), 'a progress line redrawn in place');
    assert.doesNotMatch(output, /^render: \d+ pages in/m, 'no plain lines on a terminal');
    assert.match(output, /Built 2 articles/);
  });
});
