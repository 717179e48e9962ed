// Faults around a build: killed at random moments, two builds at once, an output location that
// cannot be written or is full. The previous site and article files survive, and the user gets a
// clear problem (never a stack trace).

import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, watch } from 'node:fs';
import { chmod, chown, copyFile, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { readArticleFile } from '../../src/ingest/frontmatter.ts';
import { isCommitJournal } from '../../src/output/commit.ts';
import { CLI, PROJECT_ROOT, SAMPLE_INBOX, temporaryDir } from '../helpers/paths.ts';
import { paragraph, Prng } from '../helpers/prng.ts';
import { isUnstablePagefindFile, stableBundleBytes } from '../helpers/pagefind-files.ts';
import { runCli } from '../helpers/run-build.ts';
import { asRoot, NOBODY as nobody, runAsUnprivileged, unprivilegedSkipReason } from '../helpers/unprivileged.ts';

type Snapshot = Map<string, string>;

/** Every file below `dir` (hidden ones included) with the hash of its content. */
async function snapshot(dir: string): Promise<Snapshot> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const sitePath = path.relative(dir, file).split(path.sep).join('/');
    if (isUnstablePagefindFile(sitePath)) continue;
    files.set(path.relative(dir, file), createHash('sha256').update(stableBundleBytes(sitePath, await readFile(file))).digest('hex'));
  }
  return files;
}

const sameSnapshot = (a: Snapshot, b: Snapshot) => a.size === b.size && [...a].every(([file, hash]) => b.get(file) === hash);

async function writeInbox(inbox: string, seed: number, count: number): Promise<void> {
  await mkdir(inbox, { recursive: true });
  for (const name of ['000_e5f62b7630e97956.txt', '003_e483fe66d234d96d.txt']) await copyFile(path.join(SAMPLE_INBOX, name), path.join(inbox, name));
  const prng = new Prng(seed);
  for (let i = 0; i < count; i++) {
    const body = Array.from({ length: 6 }, () => paragraph(prng, 400)).join('\n\n');
    await writeFile(path.join(inbox, `2024-0${(i % 9) + 1}-1${i % 10}-story-${seed}-${i}.txt`), `Story ${i} of batch ${seed} about the harbour\n\n${body}\n`);
  }
}

function buildArgs(work: string, extra: string[] = []): string[] {
  return ['build', '--inbox', path.join(work, 'inbox'), '--articles', path.join(work, 'articles'), '--out', path.join(work, 'site'), '--quiet', ...extra];
}

const NO_STACK_TRACE = /\n\s+at .+[:(]\d+:\d+\)?\n/;

/** The journal of an incremental build's commit left beside `site` by a killed build, if any. */
async function commitJournal(work: string): Promise<{ moves: string[]; removeFiles: string[]; removeFolders: string[] } | undefined> {
  const name = (await readdir(work)).find((candidate) => isCommitJournal(path.join(work, 'site'), candidate));
  return name === undefined ? undefined : JSON.parse(await readFile(path.join(work, name), 'utf8'));
}

/**
 * What a build killed during its commit must leave: every file of the site whole, each either as
 * the previous site had it or as the complete new one has it, and a journal listing every file
 * still to move in or remove, for the next build to finish. Returns what is wrong, or nothing.
 */
function halfCommitFaults(site: Snapshot, previous: Snapshot, complete: Snapshot, journal: { moves: string[]; removeFiles: string[]; removeFolders: string[] }): string[] {
  const toMove = new Set(journal.moves);
  const removedFiles = new Set(journal.removeFiles);
  const toRemove = (file: string) => removedFiles.has(file) || journal.removeFolders.some((folder) => file.startsWith(`${folder}/`));
  const faults: string[] = [];
  for (const [file, hash] of site) {
    if (hash !== previous.get(file) && hash !== complete.get(file)) faults.push(`${file} is neither the previous nor the new version`);
    if (!complete.has(file) && !toRemove(file)) faults.push(`${file} is not in the new site, and the journal does not remove it`);
  }
  for (const [file, hash] of complete) {
    if (site.get(file) !== hash && !toMove.has(file)) faults.push(`${file} is not yet the new version, and the journal does not move it`);
  }
  return faults;
}

describe('a build killed at random moments', () => {
  let work: string;
  let fullBuildMs: number;
  let before1: { site: Snapshot; articles: Snapshot };

  before(async () => {
    work = await temporaryDir('kill');
    await writeInbox(path.join(work, 'inbox'), 1, 40);
    const started = Date.now();
    const first = await runCli(buildArgs(work));
    fullBuildMs = Date.now() - started;
    assert.equal(first.exitCode, 0, first.stderr);
    before1 = { site: await snapshot(path.join(work, 'site')), articles: await snapshot(path.join(work, 'articles')) };
    // The next build has work to do: forty more articles and one changed.
    await writeInbox(path.join(work, 'inbox'), 2, 40);
  });

  it('leaves the previous site, a complete new one, or a commit its journal finishes; whole article files every time; and a rerun completes', async () => {
    const prng = new Prng(20_24);
    const afterKills: Array<{ delay: number; site: Snapshot; journal: Awaited<ReturnType<typeof commitJournal>> }> = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      const child = spawn(process.execPath, [CLI, ...buildArgs(work)], { cwd: PROJECT_ROOT, stdio: 'ignore' });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      const delay = Math.round(fullBuildMs * (0.05 + prng.next() * 1.1));
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, delay))]);
      child.kill('SIGKILL');
      await exited;

      assert.ok(existsSync(path.join(work, 'site', 'index.html')), `after a kill at ${delay} ms the site is still there`);
      afterKills.push({ delay, site: await snapshot(path.join(work, 'site')), journal: await commitJournal(work) });
      for (const [file] of await snapshot(path.join(work, 'articles'))) {
        if (path.basename(file).startsWith('.')) continue; // an atomic write's temporary file, never read
        const text = await readFile(path.join(work, 'articles', file), 'utf8');
        if (file.startsWith(`.broadsheet${path.sep}`) || file === 'term-urls.json') {
          assert.doesNotThrow(() => JSON.parse(text), `the ingest cache or record ${file} is complete after a kill at ${delay} ms`);
          continue;
        }
        assert.doesNotThrow(() => readArticleFile(text), `${file} is a complete article file after a kill at ${delay} ms`);
      }
    }

    const rerun = await runCli(buildArgs(work));
    assert.equal(rerun.exitCode, 0, rerun.stderr);
    const finalSite = await snapshot(path.join(work, 'site'));
    for (const [index, { delay, site, journal }] of afterKills.entries()) {
      // Killed during the commit's moves: a mix of whole files, which the next build's replay completes.
      if (journal) assert.deepEqual(halfCommitFaults(site, before1.site, finalSite, journal), [], `after kill ${index + 1} (at ${delay} ms), during the commit`);
      else assert.ok(sameSnapshot(site, before1.site) || sameSnapshot(site, finalSite), `after kill ${index + 1} (at ${delay} ms) the site is the previous one or a complete new one, never a mix`);
    }
    const leftovers = (await readdir(work)).filter((name) => name !== 'inbox' && name !== 'articles' && name !== 'site');
    assert.deepEqual(leftovers, [], 'no staging folder, journal or lock file is left after the rerun');
    const hidden = [...(await snapshot(path.join(work, 'articles'))).keys()].filter((file) => path.basename(file).startsWith('.'));
    assert.deepEqual(hidden, [], 'temporary files of interrupted writes are cleaned up');
    assert.ok([...before1.articles.keys()].every((file) => existsSync(path.join(work, 'articles', file))), 'every earlier article file is still there');
  });
});

describe('a build stopped while it commits an incremental change', () => {
  /**
   * Builds 40 articles, adds 40 more, and starts the build that adds them, sending `signal` the
   * moment its commit journal appears (the moves have just begun). Up to three times, each with
   * 40 more articles, until the signal reaches the build before it exits.
   */
  async function stopAtCommit(label: string, signal: NodeJS.Signals) {
    const work = await temporaryDir(label);
    await writeInbox(path.join(work, 'inbox'), 6, 40);
    const first = await runCli(buildArgs(work));
    assert.equal(first.exitCode, 0, first.stderr);
    for (let attempt = 0; attempt < 3; attempt++) {
      const previous = await snapshot(path.join(work, 'site'));
      await writeInbox(path.join(work, 'inbox'), 7 + attempt, 40);
      const child = spawn(process.execPath, [CLI, ...buildArgs(work)], { cwd: PROJECT_ROOT, stdio: 'ignore' });
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, exitSignal) => resolve({ code, signal: exitSignal })));
      let sent = false;
      const watcher = watch(work, (_event, name) => {
        if (!sent && isCommitJournal(path.join(work, 'site'), String(name))) sent = child.kill(signal);
      });
      const exit = await exited;
      watcher.close();
      // A signal that came only as the process was exiting did nothing: try again.
      if (sent && exit.signal === signal) return { work, previous, site: await snapshot(path.join(work, 'site')), journal: await commitJournal(work) };
    }
    assert.fail(`three builds in a row ended before ${signal} reached them, sent as their commit journal appeared`);
  }

  it('killed (SIGKILL), leaves whole files and a journal of the rest, which the next build finishes', async () => {
    const { work, previous, site, journal } = await stopAtCommit('kill-commit', 'SIGKILL');
    const rerun = await runCli(buildArgs(work));
    assert.equal(rerun.exitCode, 0, rerun.stderr);
    const complete = await snapshot(path.join(work, 'site'));
    assert.ok(!sameSnapshot(previous, complete), 'the build had something to commit');
    if (journal) assert.deepEqual(halfCommitFaults(site, previous, complete, journal), []);
    else assert.ok(sameSnapshot(site, complete), 'a commit that finished before the kill left the complete site');
    assert.equal(await commitJournal(work), undefined, 'the next build removed the journal once replayed');
  });

  it('interrupted (SIGINT, as by Ctrl-C) or terminated (SIGTERM), finishes the commit first, then ends as the signal says', async () => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const { work, previous, site, journal } = await stopAtCommit(`${signal.toLowerCase()}-commit`, signal);
      assert.equal(journal, undefined, `no half-done commit is left after ${signal}`);
      const rerun = await runCli(buildArgs(work));
      assert.equal(rerun.exitCode, 0, rerun.stderr);
      const complete = await snapshot(path.join(work, 'site'));
      assert.ok(!sameSnapshot(previous, complete), 'the build had something to commit');
      assert.ok(sameSnapshot(site, complete), `after ${signal} the site is the complete new one`);
    }
  });
});

describe('a build stopped before its commit', () => {
  it('by Ctrl-C (SIGINT) or SIGTERM, ends as the signal says and leaves the site, and neither its locks nor its pages in memory', async () => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const work = await temporaryDir(`${signal.toLowerCase()}-render`);
      // The pages Pagefind reads go to this folder, as they would to /dev/shm.
      const scratch = path.join(work, 'memory');
      await mkdir(scratch);
      await writeInbox(path.join(work, 'inbox'), 11, 40);
      const first = await runCli(buildArgs(work), { env: { BROADSHEET_MEMORY_SCRATCH: scratch } });
      assert.equal(first.exitCode, 0, first.stderr);
      const previous = await snapshot(path.join(work, 'site'));
      let stopped = false;
      const attempts: string[] = [];
      for (let attempt = 0; attempt < 3 && !stopped; attempt++) {
        const child = spawn(process.execPath, [CLI, ...buildArgs(work, ['--force'])], { cwd: PROJECT_ROOT, stdio: 'ignore', env: { ...process.env, BROADSHEET_MEMORY_SCRATCH: scratch } });
        const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, exitSignal) => resolve(exitSignal)));
        let sent = false;
        // Its pages in memory appear as the render starts.
        const watcher = watch(scratch, (_event, name) => {
          if (!sent && String(name).startsWith('broadsheet-pages-')) sent = child.kill(signal);
        });
        const exitSignal = await exited;
        attempts.push(`${sent ? 'sent' : 'not sent'}, ended by ${exitSignal ?? 'itself'}`);
        stopped = sent && exitSignal === signal;
        watcher.close();
      }
      assert.ok(stopped, `three builds in a row ended before ${signal} reached them (${attempts.join('; ')})`);
      assert.deepEqual((await readdir(work)).filter((name) => name.endsWith('.lock')), [], `no lock is left after ${signal}`);
      assert.deepEqual(await readdir(scratch), [], `no page folder is left in memory after ${signal}`);
      assert.ok(sameSnapshot(await snapshot(path.join(work, 'site')), previous), `the site is as it was after ${signal}`);
      const rerun = await runCli(buildArgs(work));
      assert.equal(rerun.exitCode, 0, rerun.stderr);
    }
  });
});

describe('two builds at once on the same folders', () => {
  it('refuses a second build while the first holds the lock, naming the lock file and the holder', async () => {
    const work = await temporaryDir('locked');
    await writeInbox(path.join(work, 'inbox'), 3, 2);
    // This test process stands in for a running build: the lock names a live pid.
    await writeFile(path.join(work, 'site.lock'), `${JSON.stringify({ pid: process.pid, host: os.hostname(), started: new Date().toISOString() })}\n`);
    const refused = await runCli(buildArgs(work));
    assert.equal(refused.exitCode, 2);
    assert.match(refused.stderr, new RegExp(`site\\.lock  error: another build \\(process ${process.pid}.*\\(BUILD_LOCKED\\)\\n\\s+Wait for the other build to finish`));
    assert.equal(existsSync(path.join(work, 'site')), false, 'the refused build wrote nothing');
    assert.equal(existsSync(path.join(work, 'articles')), false);
  });

  it('takes over a lock left by a build that no longer runs', async () => {
    const work = await temporaryDir('stale-lock');
    await writeInbox(path.join(work, 'inbox'), 4, 2);
    const gone = spawn(process.execPath, ['-e', '0']);
    if (gone.exitCode === null) await new Promise((resolve) => gone.once('exit', resolve));
    await writeFile(path.join(work, 'site.lock'), `${JSON.stringify({ pid: gone.pid, host: os.hostname(), started: '2024-01-01T00:00:00Z' })}\n`);
    const build = await runCli(buildArgs(work));
    assert.equal(build.exitCode, 0, build.stderr);
    assert.equal(existsSync(path.join(work, 'site.lock')), false, 'the lock is released');
  });

  it('started together, one builds and the other waits its turn or refuses: the output is never a mix', async () => {
    const work = await temporaryDir('race');
    await writeInbox(path.join(work, 'inbox'), 5, 30);
    const [a, b] = await Promise.all([runCli(buildArgs(work)), runCli(buildArgs(work))]);
    const codes = [a.exitCode, b.exitCode].sort();
    assert.ok(codes[0] === 0 && (codes[1] === 0 || codes[1] === 2), `exit statuses ${codes.join(', ')}`);
    if (codes[1] === 2) assert.match(a.exitCode === 2 ? a.stderr : b.stderr, /BUILD_LOCKED/);
    const raced = await snapshot(path.join(work, 'site'));
    const again = await runCli(buildArgs(work));
    assert.equal(again.exitCode, 0, again.stderr);
    assert.ok(sameSnapshot(raced, await snapshot(path.join(work, 'site'))), 'the raced site equals a clean rebuild');
  });
});

describe('an output location that cannot be written', { skip: unprivilegedSkipReason() }, () => {
  it('a read-only output folder gives a clear OUTPUT_NOT_WRITABLE problem and exit status 2, and the old site stays', async () => {
    const work = await temporaryDir('readonly');
    await writeInbox(path.join(work, 'inbox'), 6, 2);
    const readOnly = path.join(work, 'published');
    await mkdir(readOnly);
    const out = path.join(readOnly, 'site');
    const first = await runCli(['build', '--inbox', path.join(work, 'inbox'), '--articles', path.join(work, 'articles'), '--out', out, '--quiet']);
    assert.equal(first.exitCode, 0, first.stderr);
    const previous = await snapshot(out);
    await chmod(work, 0o755);
    if (asRoot) execFileSync('chown', ['-R', `${nobody}:${nobody}`, path.join(work, 'articles')]);
    await chmod(readOnly, 0o555);
    if (asRoot) await chown(readOnly, 0, 0);

    const result = await runAsUnprivileged(['build', '--inbox', path.join(work, 'inbox'), '--articles', path.join(work, 'articles'), '--out', out, '--quiet']);
    assert.equal(result.exitCode, 2, result.stderr);
    assert.match(result.stderr, /published\/site\.lock {2}error: cannot create the build's lock file beside the output folder \(EACCES\) \(OUTPUT_NOT_WRITABLE\)\n\s+Check that .*published exists and can be written/);
    assert.doesNotMatch(result.stderr, NO_STACK_TRACE);
    assert.ok(sameSnapshot(previous, await snapshot(out)), 'the previous site is untouched');
    await chmod(readOnly, 0o755);
  });

  it('an articles folder that cannot be written gives ARTICLES_NOT_WRITABLE and exit status 2', async () => {
    const work = await temporaryDir('articles-readonly');
    await writeInbox(path.join(work, 'inbox'), 7, 2);
    const articles = path.join(work, 'articles');
    await mkdir(articles);
    await chmod(work, 0o755);
    await chmod(articles, 0o555);
    if (asRoot) {
      execFileSync('chown', [`${nobody}:${nobody}`, work]);
      await chown(articles, 0, 0);
    }
    const result = await runAsUnprivileged(['build', '--inbox', path.join(work, 'inbox'), '--articles', articles, '--out', path.join(work, 'site'), '--quiet']);
    assert.equal(result.exitCode, 2, result.stderr);
    assert.match(result.stderr, /articles {2}error: cannot be written during the ingest stage: permission denied .*\(ARTICLES_NOT_WRITABLE\)\n\s+Give your user write permission/);
    assert.doesNotMatch(result.stderr, NO_STACK_TRACE);
  });

  describe('a full disk', () => {
    const skip = asRoot ? false : 'needs root to mount a small tmpfs that can fill up; skipped';
    // 32 KB fills while the assets are copied. For the index the disk is sized from a probe
    // build: room for every page (tmpfs counts whole 4 KB pages) but not for Pagefind's bundle,
    // which a first build writes while Eleventy writes the pages: either writer may hit the limit.
    for (const stage of ['rendering', 'search indexing'] as const) {
      it(`filling up during ${stage} gives a clear OUTPUT_DISK_FULL problem and exit status 2, not a stack trace`, { skip }, async (t) => {
        const work = await temporaryDir('full');
        await writeInbox(path.join(work, 'inbox'), 8, 5);
        let size = '32k';
        if (stage === 'search indexing') {
          const probe = await runCli(['build', '--inbox', path.join(work, 'inbox'), '--articles', path.join(work, 'probe-articles'), '--out', path.join(work, 'probe'), '--quiet']);
          assert.equal(probe.exitCode, 0, probe.stderr);
          let pagesBytes = 0;
          let bundleBytes = 0;
          for (const entry of await readdir(path.join(work, 'probe'), { recursive: true, withFileTypes: true })) {
            if (!entry.isFile()) continue;
            const file = path.join(entry.parentPath, entry.name);
            const bytes = Math.ceil((await stat(file)).size / 4096) * 4096;
            if (path.relative(path.join(work, 'probe'), file).startsWith('pagefind')) bundleBytes += bytes;
            else pagesBytes += bytes;
          }
          assert.ok(bundleBytes > 128 * 1024, 'the bundle is larger than the headroom left for it');
          size = `${Math.ceil((pagesBytes + 64 * 1024) / 1024)}k`;
        }
        const full = path.join(work, 'full');
        await mkdir(full);
        try {
          execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', full], { stdio: 'ignore' });
        } catch {
          t.skip('mounting a tmpfs is not permitted here; skipped');
          return;
        }
        try {
          const result = await runCli(buildArgs(work).map((arg) => (arg === path.join(work, 'site') ? path.join(full, 'site') : arg)));
          assert.equal(result.exitCode, 2, result.stderr);
          assert.match(result.stderr, /full\/site {2}error: cannot be written during the output stage: no space left on the disk.*\(OUTPUT_DISK_FULL\)\n\s+Free some disk space/);
          assert.doesNotMatch(result.stderr, NO_STACK_TRACE);
          // No error but the full disk (and, when Pagefind was the writer that hit it, its failure).
          const codes = [...result.stderr.matchAll(/ {2}error: [^\n]*\(([A-Z_]+)\)\n/g)].map((match) => match[1]);
          assert.deepEqual(codes.filter((code) => code !== 'SEARCH_INDEX_FAILED'), ['OUTPUT_DISK_FULL'], result.stderr);
          assert.deepEqual(await readdir(full), [], 'the partial staging folder and the lock are removed');
        } finally {
          execFileSync('umount', [full]);
        }
      });
    }
  });
});
