// Pagefind's parts are indexed on several lanes at once (pagefind-lanes.ts): each lane its own
// indexer process, parts taken in order, and never more pages held at once than the bound allows.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { PagefindLanes, type PagefindApi } from '../../src/search/pagefind-lanes.ts';

/** A job that records when it runs, on which lane's API, and ends (or releases) when told. */
function controlledJob(log: string[], name: string) {
  let finish!: () => void;
  let release: (() => void) | undefined;
  let api: PagefindApi | undefined;
  const done = new Promise<void>((resolve) => (finish = resolve));
  const job = async (laneApi: PagefindApi, free: () => void) => {
    api = laneApi;
    release = free;
    log.push(`start ${name}`);
    await done;
    log.push(`end ${name}`);
    return name;
  };
  return { job, finish, release: () => release!(), api: () => api };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

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
  it('runs as many parts at once as there are lanes, each lane with its own copy of the API, the rest in order', async () => {
    const lanes = new PagefindLanes(2, 1000);
    const log: string[] = [];
    const [a, b, c] = ['a', 'b', 'c'].map((name) => controlledJob(log, name));
    const results = [lanes.run(10, a!.job), lanes.run(10, b!.job), lanes.run(10, c!.job)];
    await settle();
    assert.deepEqual(log, ['start a', 'start b'], 'two lanes: the third part waits');
    assert.notEqual(a!.api(), b!.api(), 'each lane has its own indexer');
    b!.finish();
    await settle();
    assert.deepEqual(log, ['start a', 'start b', 'end b', 'start c'], 'the freed lane takes the next part');
    assert.equal(c!.api(), b!.api(), 'on the lane that freed up');
    a!.finish();
    c!.finish();
    assert.deepEqual(await Promise.all(results), ['a', 'b', 'c']);
    await lanes.close();
  });

  it('starts a part beside running ones only while their pages together stay within the bound', async () => {
    const lanes = new PagefindLanes(2, 100);
    const log: string[] = [];
    const [big, next, huge] = ['big', 'next', 'huge'].map((name) => controlledJob(log, name));
    const results = [lanes.run(70, big!.job), lanes.run(40, next!.job), lanes.run(500, huge!.job)];
    await settle();
    assert.deepEqual(log, ['start big'], '70 + 40 pages exceed the bound of 100');
    big!.finish();
    await settle();
    assert.deepEqual(log, ['start big', 'end big', 'start next'], 'the waiting part goes first, before a larger one behind it');
    next!.finish();
    await settle();
    // A part larger than the bound runs, alone.
    assert.deepEqual(log.slice(-2), ['end next', 'start huge']);
    huge!.finish();
    await Promise.all(results);
    await lanes.close();
  });

  it('frees a lane when its job releases it, before the job ends', async () => {
    const lanes = new PagefindLanes(1, 1000);
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

  it('gives each lane its own Pagefind indexer process, and stops them all on close', async () => {
    const lanes = new PagefindLanes(2, 1000);
    const before = pagefindChildren();
    const log: string[] = [];
    const jobs = ['one', 'two'].map((name) => controlledJob(log, name));
    const results = jobs.map(({ job }) =>
      lanes.run(1, async (api, release) => {
        const { index, errors } = await api.createIndex({});
        assert.deepEqual(errors, []);
        await index!.addHTMLFile({ sourcePath: 'a/index.html', content: '<html lang="en"><body><main>Words</main></body></html>' });
        return job(api, release);
      }),
    );
    while (log.length < 2) await settle();
    assert.equal(pagefindChildren() - before, 2, 'two indexer processes run side by side');
    for (const { finish } of jobs) finish();
    await Promise.all(results);
    await lanes.close();
    assert.equal(pagefindChildren(), before, 'close stops them');
  });
});
