// The site's files and the search index's page folders are made on a thread of their own
// (src/file-thread.ts): every file sent is there, with its content, once its folder is flushed;
// a render that outruns the disk waits instead of piling up pages in memory; a file that cannot
// be written fails the flush with a message naming it, and the other folders are unaffected;
// article files are replaced whole (atomic), and the thread says what it wrote (identify).

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { FileThread } from '../../src/file-thread.ts';
import { temporaryDir } from '../helpers/paths.ts';

/** Threads of this process, from the kernel's list (a started worker is one more). */
function threadCount(): number {
  return readdirSync('/proc/self/task').length;
}

describe('the file-writing thread', () => {
  const threads: FileThread[] = [];
  const thread = (options?: ConstructorParameters<typeof FileThread>[0]) => {
    const made = new FileThread(options);
    threads.push(made);
    return made;
  };
  after(() => Promise.all(threads.map((made) => made.close())));

  it('writes text and bytes into nested folders of two folders at once, over several batches', async () => {
    const files = thread({ filesPerBatch: 7 });
    const [a, b] = await Promise.all([temporaryDir('file-thread-a'), temporaryDir('file-thread-b')]);
    const bytes = new Uint8Array([0, 255, 10, 13, 128]);
    for (let index = 0; index < 50; index++) {
      files.send(a, `2024/story-${index}/index.html`, `<p>story ${index} ✓</p>`);
      files.send(b, `assets/${index % 3}/file-${index}.bin`, bytes.map((byte) => (byte + index) % 256));
    }
    await Promise.all([files.flush(a), files.flush(b)]);
    for (let index = 0; index < 50; index++) {
      assert.equal(readFileSync(path.join(a, `2024/story-${index}/index.html`), 'utf8'), `<p>story ${index} ✓</p>`);
      assert.deepEqual([...readFileSync(path.join(b, `assets/${index % 3}/file-${index}.bin`))], [...bytes.map((byte) => (byte + index) % 256)]);
    }
    assert.equal(files.bytesInFlight, 0);
  });

  it("writes a folder's files in the order sent: the last of two writes to one path wins", async () => {
    const files = thread({ filesPerBatch: 2 });
    const dir = await temporaryDir('file-thread-order');
    for (let version = 0; version < 9; version++) files.send(dir, 'page.html', `version ${version}`);
    await files.flush(dir);
    assert.equal(await readFile(path.join(dir, 'page.html'), 'utf8'), 'version 8');
  });

  it('makes a sender wait for room once the thread is more than the limit behind, and lets it on when it catches up', async () => {
    const files = thread({ filesPerBatch: 1, maxBytesInFlight: 1000 });
    const dir = await temporaryDir('file-thread-room');
    const page = 'x'.repeat(600);
    let waited = 0;
    let most = 0;
    for (let index = 0; index < 40; index++) {
      assert.equal(files.send(dir, `page-${index}.html`, page), true, 'a batch of one goes at once');
      most = Math.max(most, files.bytesInFlight);
      const room = files.room();
      if (files.bytesInFlight > 1000) waited++;
      await room;
      assert.ok(files.bytesInFlight <= 1000, `after room(), ${files.bytesInFlight} bytes are in flight`);
    }
    await files.flush(dir);
    assert.ok(waited > 0, 'the sender had to wait');
    assert.ok(most <= 1600, `at most the limit and one batch in flight, not ${most}`);
  });

  it('fails a flush with the file that could not be written, and goes on writing other folders', async () => {
    const files = thread({ filesPerBatch: 2 });
    const [broken, fine] = await Promise.all([temporaryDir('file-thread-broken'), temporaryDir('file-thread-fine')]);
    writeFileSync(path.join(broken, 'taken'), 'a file where a folder is wanted');
    files.send(broken, 'first.html', 'first');
    files.send(broken, 'taken/page.html', 'cannot be written');
    files.send(broken, 'after.html', 'not written after a failure');
    files.send(fine, 'page.html', 'written');
    await assert.rejects(files.flush(broken), (error: unknown) => {
      const { code, path: at } = error as NodeJS.ErrnoException;
      return error instanceof Error && /EEXIST|ENOTDIR/.test(error.message) && error.message.includes(path.join(broken, 'taken')) && /^(EEXIST|ENOTDIR)$/.test(code ?? '') && at?.startsWith(path.join(broken, 'taken')) === true;
    });
    await files.flush(fine);
    assert.equal(readFileSync(path.join(broken, 'first.html'), 'utf8'), 'first');
    assert.equal(readFileSync(path.join(fine, 'page.html'), 'utf8'), 'written');
    // The failure is the flushed folder's alone; a new round in it works.
    files.send(broken, 'again.html', 'again');
    await files.flush(broken);
    assert.equal(readFileSync(path.join(broken, 'again.html'), 'utf8'), 'again');
  });

  it('fails the flush of files a stopped thread did not write, and starts a new thread for the next', async () => {
    const files = thread({ filesPerBatch: 3000 });
    const dir = await temporaryDir('file-thread-stopped');
    // One batch of 3,000 files, which takes the thread far longer than it takes to stop it.
    for (let index = 0; index < 3000; index++) files.send(dir, `lost/${index}/index.html`, 'lost');
    await files.close();
    await assert.rejects(files.flush(dir), /the file-writing thread stopped/);
    files.send(dir, 'later.html', 'later');
    await files.flush(dir);
    files.send(dir, 'later.html', 'later');
    await files.flush(dir);
    assert.equal(readFileSync(path.join(dir, 'later.html'), 'utf8'), 'later');
  });
});

describe('the file-writing thread, atomic and identifying', () => {
  const files = new FileThread({ atomic: true, identify: true, filesPerBatch: 3 });
  after(() => files.close());

  it('replaces files whole, leaves no temporary file, and answers what the file system says of each', async () => {
    const dir = await temporaryDir('file-thread-atomic');
    writeFileSync(path.join(dir, 'old.md'), 'the old text, longer than the new one');
    const texts = new Map([
      ['old.md', 'new'],
      ['2024/a.md', 'a'],
      ['2024/b.md', 'bb'],
      ['1999/c.md', 'ccc ✓'],
    ]);
    for (const [relative, text] of texts) files.send(dir, relative, text);
    const identities = await files.flush(dir);
    assert.deepEqual([...identities.keys()].sort(), [...texts.keys()].sort());
    for (const [relative, text] of texts) {
      const file = path.join(dir, relative);
      assert.equal(readFileSync(file, 'utf8'), text);
      const info = statSync(file);
      assert.deepEqual(identities.get(relative), { size: info.size, mtimeMs: info.mtimeMs, ino: info.ino, ctimeMs: info.ctimeMs });
    }
    assert.deepEqual(readdirSync(dir, { recursive: true }).filter((name) => String(name).endsWith('.tmp')), []);
    // A flush answers only what was written since the one before.
    files.send(dir, '2024/a.md', 'a again');
    assert.deepEqual([...(await files.flush(dir)).keys()], ['2024/a.md']);
  });

  it('flushes a folder nothing was sent for without starting a thread', { skip: !existsSync('/proc/self/task') && 'counting threads needs /proc (Linux)' }, async () => {
    const idle = new FileThread();
    const dir = await temporaryDir('file-thread-idle');
    const threadsBefore = threadCount();
    assert.equal((await idle.flush(dir)).size, 0);
    assert.equal(threadCount(), threadsBefore, 'no thread was started');
    await idle.close();
  });

  it('answers nothing for a thread that does not identify', async () => {
    const plain = new FileThread();
    const dir = await temporaryDir('file-thread-plain');
    plain.send(dir, 'a.html', 'a');
    assert.equal((await plain.flush(dir)).size, 0);
    await plain.close();
  });
});
