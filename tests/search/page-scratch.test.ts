// Where the folders of pages Pagefind reads go (src/search/page-scratch.ts): in memory when there
// is room, on disk otherwise, and never left behind.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { PageScratch } from '../../src/search/page-scratch.ts';
import { temporaryDir } from '../helpers/paths.ts';
import { buildArchive, type BuildRun } from '../helpers/run-build.ts';
import { FIXTURE_DIR } from './fixture-archive.ts';

/** The process ID of a process that has ended. */
function endedPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  assert.ok(child.pid !== undefined && child.pid > 0);
  return child.pid;
}

describe('page folders for the search index', () => {
  it('go to the memory folder named by BROADSHEET_MEMORY_SCRATCH, and leave with remove()', async () => {
    const memory = await temporaryDir('scratch-memory');
    const disk = path.join(await temporaryDir('scratch-disk'), 'logs');
    const scratch = PageScratch.open(disk, 100, { env: { BROADSHEET_MEMORY_SCRATCH: memory } });
    assert.equal(scratch.inMemory, true);
    assert.equal(path.dirname(scratch.root), memory);
    assert.match(path.basename(scratch.root), new RegExp(`^broadsheet-pages-${process.pid}-\\d+$`));
    assert.equal(path.dirname(scratch.dirFor('part-3')), scratch.root);
    await mkdir(scratch.dirFor('part-3'), { recursive: true });
    const other = PageScratch.open(disk, 100, { env: { BROADSHEET_MEMORY_SCRATCH: memory } });
    assert.notEqual(other.root, scratch.root, 'two builds in one process (serve) have folders of their own');
    await scratch.remove();
    await other.remove();
    assert.deepEqual(await readdir(memory), []);
  });

  it('stay on disk when turned off, when memory has no room for the largest parts, or when the folder is missing', async () => {
    const memory = await temporaryDir('scratch-full');
    const disk = path.join(await temporaryDir('scratch-disk'), 'logs');
    for (const [pages, setting] of [
      [100, '0'],
      [1e12, memory],
      [100, path.join(memory, 'missing')],
    ] as const) {
      const scratch = PageScratch.open(disk, pages, { env: { BROADSHEET_MEMORY_SCRATCH: setting } });
      assert.equal(scratch.inMemory, false, `${setting} for ${pages} pages`);
      assert.equal(scratch.root, disk);
      assert.equal(scratch.dirFor('part-0'), path.join(disk, 'part-0'));
      await scratch.remove();
    }
    assert.deepEqual(await readdir(memory), []);
  });

  it('removes folders whose build has ended, and leaves running builds their own', async () => {
    const memory = await temporaryDir('scratch-abandoned');
    const dead = path.join(memory, `broadsheet-pages-${endedPid()}-1`);
    const alive = path.join(memory, `broadsheet-pages-${process.pid}-999`);
    const foreign = path.join(memory, 'someone-else');
    for (const dir of [dead, alive, foreign]) await mkdir(path.join(dir, 'part-0/2024/a'), { recursive: true });
    const scratch = PageScratch.open(path.join(memory, 'disk'), 10, { env: { BROADSHEET_MEMORY_SCRATCH: memory } });
    assert.equal(existsSync(dead), false, 'a killed build’s folder is removed');
    assert.equal(existsSync(alive), true);
    assert.equal(existsSync(foreign), true);
    await scratch.remove();
  });

  it('a build indexes through the memory folder and leaves it empty', async () => {
    const memory = await temporaryDir('scratch-build');
    const work = await temporaryDir('scratch-build-work');
    const articlesDir = path.join(work, 'articles');
    await cp(path.join(FIXTURE_DIR, 'articles'), articlesDir, { recursive: true });
    const search = (run: BuildRun) => run.report.search as unknown as { pages: number; pageFolders: string };
    const build = await buildArchive(path.join(work, 'no-inbox'), [], { articlesDir }, { BROADSHEET_MEMORY_SCRATCH: memory });
    assert.equal(build.exitCode, 0, build.stderr);
    assert.equal(search(build).pageFolders, 'memory');
    assert.equal(search(build).pages, build.report.articles.length, 'every article is in the index');
    assert.deepEqual(await readdir(memory), []);
    const onDisk = await buildArchive(path.join(work, 'no-inbox'), ['--force'], { articlesDir }, { BROADSHEET_MEMORY_SCRATCH: '0' });
    assert.equal(search(onDisk).pageFolders, 'disk');
    assert.equal(search(onDisk).pages, build.report.articles.length);
  });
});
