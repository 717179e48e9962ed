// Pagefind's parts are indexed on several lanes at once (pagefind-lanes.ts): one indexer run per
// lane, one lane fewer while the render runs, the largest part that fits the memory budget first,
// and never more pages held at once than the budget allows.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { PartIndexer } from '../../src/search/pagefind-cli.ts';
import { PAGEFIND_BYTES_PER_PAGE, PagefindLanes } from '../../src/search/pagefind-lanes.ts';
import { temporaryDir } from '../helpers/paths.ts';

/** A job that records when it runs, and ends (or releases) when told. */
function controlledJob(log: string[], name: string) {
  let finish!: () => void;
  let release: (() => void) | undefined;
  const done = new Promise<void>((resolve) => (finish = resolve));
  const job = async (_indexer: PartIndexer, free: () => void) => {
    release = free;
    log.push(`start ${name}`);
    await done;
    log.push(`end ${name}`);
    return name;
  };
  return { job, finish, release: () => release!() };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

/**
 * A memory budget with room for this process as it is (and 64 MB of its growth while the test
 * runs) and `pages` pages of Pagefind's estimate.
 */
const budgetFor = (pages: number) => process.memoryUsage.rss() + 64 * 2 ** 20 + pages * PAGEFIND_BYTES_PER_PAGE;

/** Pagefind indexer processes that are children of this process. */
function pagefindChildren(): number {
  let count = 0;
  for (const name of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).startsWith('pagefind') && fields[0] !== 'Z' && Number(fields[1]) === process.pid) count++;
    } catch {
      // Gone between the listing and the read.
    }
  }
  return count;
}

describe('Pagefind lanes', () => {
  it('runs as many parts at once as there are lanes, the rest in order', async () => {
    const lanes = new PagefindLanes(2);
    const log: string[] = [];
    const [a, b, c] = ['a', 'b', 'c'].map((name) => controlledJob(log, name));
    const results = [lanes.run(10, a!.job), lanes.run(10, b!.job), lanes.run(10, c!.job)];
    await settle();
    assert.deepEqual(log, ['start a', 'start b'], 'two lanes: the third part waits');
    b!.finish();
    await settle();
    assert.deepEqual(log, ['start a', 'start b', 'end b', 'start c'], 'the freed lane takes the next part');
    a!.finish();
    c!.finish();
    assert.deepEqual(await Promise.all(results), ['a', 'b', 'c']);
    await lanes.close();
  });

  it('starts a part beside running ones only while their pages together fit the memory budget, a larger one alone', async () => {
    const lanes = new PagefindLanes(2, { memoryBudget: budgetFor(1000) });
    const log: string[] = [];
    const [big, next, huge] = ['big', 'next', 'huge'].map((name) => controlledJob(log, name));
    const results = [lanes.run(700, big!.job), lanes.run(600, next!.job), lanes.run(5000, huge!.job)];
    await settle();
    assert.deepEqual(log, ['start big'], '700 + 600 pages exceed the budget');
    big!.finish();
    await settle();
    assert.deepEqual(log, ['start big', 'end big', 'start next'], 'the part that fits goes first, before a larger one that does not');
    next!.finish();
    await settle();
    // A part larger than the budget runs, alone.
    assert.deepEqual(log.slice(-2), ['end next', 'start huge']);
    huge!.finish();
    await Promise.all(results);
    await lanes.close();
  });

  it('takes the largest waiting part first, the first of equals', async () => {
    const lanes = new PagefindLanes(1);
    const log: string[] = [];
    const names = ['a', 'b', 'c', 'd'];
    const jobs = names.map((name) => controlledJob(log, name));
    const results = [100, 300, 200, 300].map((pages, index) => lanes.run(pages, jobs[index]!.job));
    for (let started = 1; started <= jobs.length; started++) {
      await settle();
      // One lane: free it from the part that has just started, for the next.
      jobs[names.indexOf(log.at(-1)!.slice('start '.length))]!.release();
    }
    assert.deepEqual(
      log.filter((line) => line.startsWith('start')),
      ['start b', 'start d', 'start c', 'start a'],
    );
    for (const job of jobs) job.finish();
    await Promise.all(results);
    await lanes.close();
  });

  it('starts a smaller part that fits beside the running one while a larger one does not', async () => {
    const lanes = new PagefindLanes(2, { memoryBudget: budgetFor(1000) });
    const log: string[] = [];
    const [running, large, small] = ['running', 'large', 'small'].map((name) => controlledJob(log, name));
    const results = [lanes.run(600, running!.job)];
    await settle();
    results.push(lanes.run(800, large!.job), lanes.run(300, small!.job));
    await settle();
    assert.deepEqual(log, ['start running', 'start small'], '600 + 800 pages do not fit, 600 + 300 do: the idle lane takes the small part');
    running!.finish();
    await settle();
    assert.deepEqual(log.slice(2), ['end running', 'start large'], 'the large part starts as soon as it fits');
    large!.finish();
    small!.finish();
    await Promise.all(results);
    await lanes.close();
  });

  it('while the render runs, leaves it a core: one lane fewer, all of them once it is done', async () => {
    const lanes = new PagefindLanes(2, { rendering: true });
    const log: string[] = [];
    const [a, b] = ['a', 'b'].map((name) => controlledJob(log, name));
    const results = [lanes.run(10, a!.job), lanes.run(10, b!.job)];
    await settle();
    assert.deepEqual(log, ['start a']);
    lanes.renderDone();
    await settle();
    assert.deepEqual(log, ['start a', 'start b']);
    a!.finish();
    b!.finish();
    await Promise.all(results);
    await lanes.close();
  });

  it('while the render runs, starts a part only while this process and the parts held fit; after it, also when none runs', async () => {
    // Three lanes, so that two may run beside the render: a part of 700 pages fits, a second does not.
    const lanes = new PagefindLanes(3, { memoryBudget: budgetFor(1000), rendering: true });
    const log: string[] = [];
    const [small, second, huge] = ['small', 'second', 'huge'].map((name) => controlledJob(log, name));
    const results = [lanes.run(700, small!.job), lanes.run(700, second!.job), lanes.run(50_000, huge!.job)];
    await settle();
    assert.deepEqual(log, ['start small'], 'the second part would take the two past the budget');
    lanes.renderDone();
    await settle();
    assert.deepEqual(log, ['start small'], 'beyond the budget only when no part runs');
    small!.finish();
    await settle();
    assert.deepEqual(log, ['start small', 'end small', 'start second'], 'the freed memory takes the next part');
    second!.finish();
    await settle();
    assert.deepEqual(log.slice(-2), ['end second', 'start huge'], 'a part beyond any budget runs alone once the render is done');
    huge!.finish();
    await Promise.all(results);
    await lanes.close();
  });

  it('keeps a part beyond the budget waiting while the render runs, looking again as memory frees', async () => {
    const lanes = new PagefindLanes(2, { memoryBudget: budgetFor(10), rendering: true });
    const log: string[] = [];
    const job = controlledJob(log, 'big');
    const result = lanes.run(50_000, job.job);
    // Longer than the half second between looks: it still does not fit, so it still waits.
    await new Promise((resolve) => setTimeout(resolve, 700));
    assert.deepEqual(log, []);
    lanes.renderDone();
    await settle();
    assert.deepEqual(log, ['start big']);
    job.finish();
    await result;
    await lanes.close();
  });

  it('says whether a part is running or waiting, so the build knows it will wait for Pagefind', async () => {
    const lanes = new PagefindLanes(1);
    assert.equal(lanes.working, false, 'nothing handed over yet');
    const log: string[] = [];
    const [first, second] = ['first', 'second'].map((name) => controlledJob(log, name));
    const results = [lanes.run(1, first!.job), lanes.run(1, second!.job)];
    assert.equal(lanes.working, true, 'handed over, not started yet');
    await settle();
    first!.finish();
    await settle();
    assert.deepEqual([lanes.working, log], [true, ['start first', 'end first', 'start second']], 'one done, one running');
    second!.finish();
    await Promise.all(results);
    assert.equal(lanes.working, false, 'every part done');
    await lanes.close();
  });

  it('frees a lane when its job releases it, before the job ends', async () => {
    const lanes = new PagefindLanes(1);
    const log: string[] = [];
    const [first, second] = ['first', 'second'].map((name) => controlledJob(log, name));
    const results = [lanes.run(1, first!.job), lanes.run(1, second!.job)];
    await settle();
    first!.release();
    await settle();
    assert.deepEqual(log, ['start first', 'start second'], 'released: Pagefind has written the bundle, reading it back needs no lane');
    first!.finish();
    second!.finish();
    await Promise.all(results);
    await lanes.close();
  });

  it('runs one Pagefind indexer per busy lane, and stops those still running on close', async () => {
    const lanes = new PagefindLanes(2);
    const before = pagefindChildren();
    // Enough pages that indexing them outlasts the checks below on any machine.
    const site = await temporaryDir('lanes-site');
    for (let page = 0; page < 3000; page++) {
      mkdirSync(path.join(site, `p${page}`), { recursive: true });
      writeFileSync(path.join(site, `p${page}`, 'index.html'), `<!doctype html><html lang="en"><body><main>Words ${page} and more words ${page * 7}</main></body></html>`.repeat(20));
    }
    const runs = ['one', 'two'].map((name) => lanes.run(1, (cli) => cli.index(site, path.join(site, `bundle-${name}`), path.join(site, `${name}.log`))));
    while (pagefindChildren() - before < 2) await settle();
    assert.equal(pagefindChildren() - before, 2, 'two indexer processes run side by side');
    await lanes.close();
    assert.equal(pagefindChildren(), before, 'close stops them');
    const outcomes = await Promise.all(runs);
    assert.ok(outcomes.every((run) => !run.ok && /SIGTERM/.test(run.output)), 'a stopped run is a failed one, and says why');
    assert.equal(existsSync(path.join(site, 'bundle-one', 'pagefind-entry.json')), false);
  });

  it('indexes a folder with the command-line indexer, and reports what it printed when it fails', async () => {
    const lanes = new PagefindLanes(1);
    const site = await temporaryDir('lanes-one');
    mkdirSync(path.join(site, 'a'));
    writeFileSync(path.join(site, 'a', 'index.html'), '<!doctype html><html lang="en"><body><main>Searchable words</main></body></html>');
    const run = await lanes.run(1, (cli) => cli.index(site, path.join(site, 'bundle'), path.join(site, 'run.log')));
    assert.equal(run.ok, true, run.output);
    assert.equal(JSON.parse(readFileSync(path.join(site, 'bundle', 'pagefind-entry.json'), 'utf8')).languages.en.page_count, 1);
    assert.match(readFileSync(path.join(site, 'run.log'), 'utf8'), /Indexed 1 page/);
    // A folder with no page: Pagefind refuses to write an empty index.
    const empty = await temporaryDir('lanes-empty');
    const failed = await lanes.run(1, (cli) => cli.index(empty, path.join(empty, 'bundle'), path.join(empty, 'run.log')));
    assert.equal(failed.ok, false);
    assert.match(failed.output, /exited with status [1-9]/);
    await lanes.close();
  });
});
