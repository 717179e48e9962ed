// The progress display: one line redrawn in place on a terminal, plain periodic lines in logs,
// nothing under --quiet; checked on the Progress class and on real builds of the sample inbox.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { chooseProgressMode, Progress } from '../../src/cli/progress.ts';
import { MANIFEST_FILE } from '../../src/output/manifest.ts';
import { CLI, PROJECT_ROOT, SAMPLE_INBOX, temporaryDir } from '../helpers/paths.ts';
import { runCli } from '../helpers/run-build.ts';

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
    now = 2000;
    progress.tick(250);
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
