// What the next build finds after one was killed: the lock is judged stale or live by its pid,
// and a site retired by a build killed between its two renames is put back, leftovers removed.
// And an output folder that would replace the inputs is refused before anything happens.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { acquireBuildLock, LockError, lockFileFor } from '../../src/cli/build-lock.ts';
import { replayCommits } from '../../src/output/commit.ts';
import { recoverInterruptedBuilds } from '../../src/output/swap.ts';
import { temporaryDir } from '../helpers/paths.ts';
import { runCli } from '../helpers/run-build.ts';

describe('recovering from a killed build', () => {
  it('puts back a site retired by a build killed between its two renames, and removes staging folders', async () => {
    const work = await temporaryDir('recover');
    await mkdir(path.join(work, '.site.old-4242'));
    await writeFile(path.join(work, '.site.old-4242', 'index.html'), 'the previous site');
    await mkdir(path.join(work, '.site.building-4242'));
    await writeFile(path.join(work, '.site.building-4242', 'index.html'), 'half a new site');
    await recoverInterruptedBuilds(path.join(work, 'site'));
    assert.deepEqual((await readdir(work)).sort(), ['site']);
    assert.equal(await readFile(path.join(work, 'site', 'index.html'), 'utf8'), 'the previous site');
  });

  it('removes a leftover retired site when the site itself is in place', async () => {
    const work = await temporaryDir('recover2');
    await mkdir(path.join(work, 'site'));
    await writeFile(path.join(work, 'site', 'index.html'), 'the new site');
    await mkdir(path.join(work, '.site.old-7'));
    await recoverInterruptedBuilds(path.join(work, 'site'));
    assert.deepEqual(await readdir(work), ['site']);
    assert.equal(await readFile(path.join(work, 'site', 'index.html'), 'utf8'), 'the new site');
  });
});

describe('finishing a commit that a killed incremental build left half done', () => {
  it('replays its journal: the remaining moves, then the removals, and removes the staging folder', async () => {
    const work = await temporaryDir('replay');
    const site = path.join(work, 'site');
    const staging = path.join(work, '.site.building-99');
    await mkdir(path.join(site, 'old'), { recursive: true });
    await writeFile(path.join(site, 'a.html'), 'new a (moved before the build was killed)');
    await writeFile(path.join(site, 'old', 'index.html'), 'a page the new site no longer has');
    await writeFile(path.join(site, 'kept.html'), 'unchanged');
    await mkdir(path.join(staging, 'c'), { recursive: true });
    await writeFile(path.join(staging, 'c', 'd.html'), 'new d');
    await writeFile(path.join(staging, '.broadsheet-manifest.json'), '{"new": true}');
    const journal = { staging, moves: ['a.html', 'c/d.html', '.broadsheet-manifest.json'], removeFiles: ['old/index.html'], removeFolders: [] };
    await writeFile(path.join(work, '.site.commit-99.json'), JSON.stringify(journal));

    await replayCommits(site);
    await recoverInterruptedBuilds(site);
    assert.deepEqual((await readdir(work)).sort(), ['site']);
    assert.deepEqual((await readdir(site, { recursive: true })).map(String).sort(), ['.broadsheet-manifest.json', 'a.html', 'c', 'c/d.html', 'kept.html']);
    assert.equal(await readFile(path.join(site, 'c', 'd.html'), 'utf8'), 'new d');
    assert.equal(await readFile(path.join(site, 'a.html'), 'utf8'), 'new a (moved before the build was killed)');
    assert.equal(await readFile(path.join(site, '.broadsheet-manifest.json'), 'utf8'), '{"new": true}');
  });
});

describe('the build lock', () => {
  it('is a file beside the output folder holding this process id, removed on release', async () => {
    const out = path.join(await temporaryDir('lock'), 'site');
    const lock = await acquireBuildLock(out);
    assert.equal(lock.file, lockFileFor(out));
    assert.equal(lock.file, `${out}.lock`);
    assert.equal((JSON.parse(await readFile(lock.file, 'utf8')) as { pid: number }).pid, process.pid);
    lock.release();
    assert.equal(existsSync(lock.file), false);
  });

  it('refuses while a live process holds it, then succeeds after waiting once the holder releases', async () => {
    const out = path.join(await temporaryDir('lock2'), 'site');
    await writeFile(`${out}.lock`, JSON.stringify({ pid: process.ppid, host: os.hostname(), started: 'now' }));
    await assert.rejects(acquireBuildLock(out), (error: unknown) => error instanceof LockError && new RegExp(`process ${process.ppid}`).test(error.message));
    setTimeout(() => void rm(`${out}.lock`), 300); // the holder finishes
    const lock = await acquireBuildLock(out, 5_000);
    lock.release();
  });

  it('held on the articles folder by a running build, stops a build into another output folder, naming the articles folder', async () => {
    const work = await temporaryDir('lock-articles');
    const inbox = path.join(work, 'inbox');
    await mkdir(inbox);
    await writeFile(path.join(inbox, '2024-05-01-a.txt'), 'Headline\n\nText.\n');
    const articles = path.join(work, 'articles');
    await writeFile(`${articles}.lock`, JSON.stringify({ pid: process.ppid, host: os.hostname(), started: 'now' }));
    const result = await runCli(['build', '--inbox', inbox, '--articles', articles, '--out', path.join(work, 'site'), '--quiet']);
    assert.equal(result.exitCode, 2, result.stderr);
    assert.match(result.stderr, /articles\.lock {2}error: another build \(process \d+, started now\) is writing this articles folder; this build did nothing \(BUILD_LOCKED\)/);
    assert.equal(existsSync(path.join(work, 'site')), false);
    assert.equal(existsSync(articles), false);
  });

  it('takes over a lock whose process id now belongs to another process (a killed build\'s id, reused)', { skip: existsSync('/proc/self/stat') ? false : 'no /proc' }, async () => {
    const out = path.join(await temporaryDir('lock-reused'), 'site');
    // The live parent's id, recorded with a start that is not its own: the build that held it is gone.
    await writeFile(`${out}.lock`, JSON.stringify({ pid: process.ppid, host: os.hostname(), started: 'earlier', processStart: '1' }));
    const lock = await acquireBuildLock(out);
    assert.equal((JSON.parse(await readFile(lock.file, 'utf8')) as { pid: number }).pid, process.pid);
    lock.release();
  });

  it('takes over a lock whose file is empty or unreadable (a build killed while writing it)', async () => {
    const out = path.join(await temporaryDir('lock3'), 'site');
    await writeFile(`${out}.lock`, '');
    const lock = await acquireBuildLock(out);
    assert.equal((JSON.parse(await readFile(lock.file, 'utf8')) as { pid: number }).pid, process.pid);
    lock.release();
  });
});

describe('an output folder that overlaps the inputs', () => {
  it('is refused before anything is written: the inbox, the articles folder and the current folder are never replaced', async () => {
    const work = await temporaryDir('overlap');
    const inbox = path.join(work, 'content', 'inbox');
    await mkdir(inbox, { recursive: true });
    await writeFile(path.join(inbox, 'a.txt'), 'Headline\n\nText.\n');
    const articles = path.join(work, 'content', 'articles');
    for (const out of [inbox, path.join(work, 'content'), articles, path.join(inbox, 'site'), work]) {
      const result = await runCli(['build', '--inbox', inbox, '--articles', articles, '--out', out, '--quiet'], { cwd: work });
      assert.equal(result.exitCode, 2, out);
      assert.match(result.stderr, /error: (overlaps the (inbox|articles) folder|contains the current folder).*\(OUTPUT_OVERLAPS_INPUT\)/, out);
      assert.deepEqual(await readdir(inbox), ['a.txt'], `--out ${out} left the inbox alone`);
      assert.equal(existsSync(articles), false);
    }
  });
});

describe('an articles folder inside the inbox', () => {
  it('is refused before anything is written: the archive would go when the inbox is emptied', async () => {
    const work = await temporaryDir('articles-in-inbox');
    const inbox = path.join(work, 'inbox');
    await mkdir(inbox, { recursive: true });
    await writeFile(path.join(inbox, 'a.txt'), 'Headline\n\nText.\n');
    for (const articles of [inbox, path.join(inbox, 'articles')]) {
      const result = await runCli(['build', '--inbox', inbox, '--articles', articles, '--out', path.join(work, 'site'), '--quiet'], { cwd: work });
      assert.equal(result.exitCode, 2, articles);
      assert.match(result.stderr, /error: is (inside )?the inbox \(.*\); the archive would go with the inbox when it is emptied, so nothing was built \(ARTICLES_INSIDE_INBOX\)/, articles);
      assert.deepEqual(await readdir(inbox), ['a.txt'], `--articles ${articles} left the inbox alone`);
      assert.equal(existsSync(path.join(work, 'site')), false);
    }
  });
});
