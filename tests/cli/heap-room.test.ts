// Node's heap limit against the size of the inbox: the npm scripts raise it, and a build started
// any other way with too small a limit for its inbox says so at once, before it runs out of heap.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { heapLimitFlags } from '../../src/bench/run-bench.ts';
import { HEAP_BYTES_PER_SOURCE, HEAP_LIMIT_FLAG, heapRoomProblem } from '../../src/cli/heap-room.ts';
import { CLI, PROJECT_ROOT, temporaryDir } from '../helpers/paths.ts';

const DEFAULT_LIMIT = 4144 * 2 ** 20; // Node 20's default on a 64-bit machine with 16 GB or more

describe('heapRoomProblem', () => {
  it('says nothing while the sources fit, 100,000 of them in the default heap among them', () => {
    assert.equal(heapRoomProblem(2, 'inbox', DEFAULT_LIMIT), undefined);
    assert.equal(heapRoomProblem(100_000, 'inbox', DEFAULT_LIMIT), undefined, '100,000 articles build in the default heap (docs/scaling.md)');
    const fits = Math.floor(DEFAULT_LIMIT / HEAP_BYTES_PER_SOURCE);
    assert.equal(heapRoomProblem(fits, 'inbox', DEFAULT_LIMIT), undefined);
    assert.ok(heapRoomProblem(fits + 1, 'inbox', DEFAULT_LIMIT), 'one more is too many');
  });

  it('names the inbox, the count, the memory needed and the limit, and how to raise it', () => {
    const problem = heapRoomProblem(200_000, 'content/inbox', DEFAULT_LIMIT);
    assert.ok(problem, '200,000 articles ran out of the default heap');
    assert.equal(problem.code, 'HEAP_LIMIT_LOW');
    assert.equal(problem.file, 'content/inbox');
    assert.match(problem.message, /holds 200,000 sources; .* needs about 7\.6 GiB .* Node's limit here \(4\.0 GiB\)/);
    assert.ok(problem.hint.includes('npm run build') && problem.hint.includes(`NODE_OPTIONS=${HEAP_LIMIT_FLAG}`), problem.hint);
    assert.equal(heapRoomProblem(200_000, 'content/inbox', 16 * 2 ** 30), undefined, 'the npm scripts’ limit holds them');
  });
});

describe("the npm scripts' heap limit", () => {
  it('is given by build, start and bench, and the benchmark hands it to its builds', () => {
    const { scripts } = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    for (const name of ['build', 'start', 'bench']) assert.ok(scripts[name]?.startsWith(`node ${HEAP_LIMIT_FLAG} bin/broadsheet.js `), `${name}: ${scripts[name]}`);
    assert.deepEqual(heapLimitFlags(['--import', 'tsx', HEAP_LIMIT_FLAG, '--max_old_space_size=9000', '--expose-gc']), [HEAP_LIMIT_FLAG, '--max_old_space_size=9000']);
    assert.deepEqual(heapLimitFlags(['--expose-gc']), []);
  });
});

describe('a build whose inbox is too large for the heap', () => {
  it('warns at once, even under --quiet, before the work that would run out of heap', async () => {
    // A 32 MB old space is an 80 MB heap: 2,100 sources need more by the estimate.
    const dir = await temporaryDir('heap-room');
    const inbox = path.join(dir, 'inbox');
    await mkdir(inbox);
    for (let i = 0; i < 2_100; i++) await writeFile(path.join(inbox, `story-${i}.txt`), `Story number ${i}\n\nIt happened on day ${i}.\n`);
    const child = spawn(process.execPath, ['--max-old-space-size=32', CLI, 'build', '--inbox', inbox, '--articles', path.join(dir, 'articles'), '--out', path.join(dir, 'site'), '--quiet'], { cwd: PROJECT_ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const warned = new Promise<boolean>((resolve) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes('HEAP_LIMIT_LOW')) resolve(true);
      });
      void exited.then(() => resolve(stderr.includes('HEAP_LIMIT_LOW')));
    });
    try {
      assert.ok(await warned, stderr);
    } finally {
      child.kill('SIGKILL');
      await exited;
    }
    assert.match(stderr, new RegExp(`inbox {2}warning: holds 2,100 sources; .*JavaScript heap out of memory.* \\(HEAP_LIMIT_LOW\\)`));
  });
});
