// Each lane's Pagefind run is held to one CPU of its own (cpu-affinity.ts): checked on real child
// processes, by what the kernel says they may run on.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { allowedCpus, indexerPinning, parseCpuList, pinningFor } from '../../src/search/cpu-affinity.ts';

const execFileAsync = promisify(execFile);

/** The CPUs a child started through `pinning` on `lane` may run on. */
async function childCpus(lane: number, pinning = indexerPinning()): Promise<number[]> {
  const [command, args] = pinning.command(lane, '/bin/sh', ['-c', 'grep Cpus_allowed_list /proc/self/status']);
  const { stdout } = await execFileAsync(command, args);
  return parseCpuList(stdout.replace(/^Cpus_allowed_list:/, ''));
}

describe('CPU pinning of the indexer', () => {
  it('reads CPU lists as Linux writes them', () => {
    assert.deepEqual(parseCpuList('0-3,8,10-11\n'), [0, 1, 2, 3, 8, 10, 11]);
    assert.deepEqual(parseCpuList('5'), [5]);
    assert.deepEqual(parseCpuList('0-1,x'), []);
  });

  it('gives lanes different CPUs from the last, and leaves one CPU or no taskset alone', () => {
    const pinning = pinningFor([2, 3, 4, 5], '/usr/bin/taskset');
    assert.deepEqual(pinning.command(0, 'pagefind', ['--site', 'x']), ['/usr/bin/taskset', ['--cpu-list', '5', 'pagefind', '--site', 'x']]);
    assert.deepEqual(pinning.command(1, 'pagefind', [])[1].slice(0, 2), ['--cpu-list', '4']);
    assert.deepEqual(pinning.command(4, 'pagefind', [])[1].slice(0, 2), ['--cpu-list', '5']);
    assert.deepEqual(pinningFor([0], '/usr/bin/taskset').command(0, 'pagefind', ['--site', 'x']), ['pagefind', ['--site', 'x']]);
    assert.deepEqual(pinningFor([0, 1], undefined).command(0, 'pagefind', []), ['pagefind', []]);
  });

  it('runs a real child on the one CPU of its lane', async () => {
    const cpus = allowedCpus();
    assert.ok(cpus.length >= 1, 'this process may run somewhere');
    const unpinned = await childCpus(0, pinningFor(cpus, undefined));
    assert.deepEqual(unpinned, cpus, 'a child not pinned may run where its parent may');
    if (cpus.length < 2) return; // one CPU: there is nothing to choose (checked above: left alone)
    const pinning = pinningFor(cpus, 'taskset');
    assert.deepEqual(await childCpus(0, pinning), [cpus.at(-1)]);
    assert.deepEqual(await childCpus(1, pinning), [cpus.at(-2)]);
  });
});
