// The feeder shares parsing between the main thread and a real parse worker: sources go to the
// worker while it has room, the main thread parses only the ones no worker took, and every
// source is parsed once, its answer handed over in its own turn.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ParseFeeder } from '../../src/ingest/parse-feeder.ts';
import { ParsePool } from '../../src/ingest/parse-pool.ts';
import { parseSource, type SourceToParse } from '../../src/ingest/parse-source.ts';
import { DEFAULT_RULES } from '../../src/ingest/rules.ts';

const OPTIONS = { rules: DEFAULT_RULES, timeZone: 'UTC', language: 'en' };

const source = (index: number): SourceToParse => ({
  // Dated by its name, so that an ordinary source has no problem at all.
  path: `2024-01-01-story-${index}.txt`,
  displayPath: `inbox/2024-01-01-story-${index}.txt`,
  bytes: Buffer.from(`Headline number ${index}\n\nThe text of story ${index}, long enough to be an article.\n`),
  mtimeMs: Date.UTC(2024, 0, 1),
});

/** A pool of one worker, once that worker has loaded its modules. */
async function readyPool(): Promise<ParsePool> {
  const pool = new ParsePool(OPTIONS, 1);
  await new Promise<void>((resolve) => pool.onRoom(resolve));
  return pool;
}

/** A feeder whose main-thread parses are counted. */
function countingFeeder(pool: ParsePool) {
  const parsedHere: string[] = [];
  const feeder = new ParseFeeder(pool, (parse, log) => {
    parsedHere.push(parse.path);
    return parseSource(parse, OPTIONS, log);
  });
  return { feeder, parsedHere };
}

describe('sharing parsing between the main thread and the workers', () => {
  it('hands every source to a worker with room, and the main thread parses none of them', async () => {
    const pool = await readyPool();
    try {
      const { feeder, parsedHere } = countingFeeder(pool);
      // Fewer sources than a worker's queue holds: all of them fit.
      for (let index = 0; index < 10; index++) feeder.offer(index, source(index));
      for (let index = 0; index < 10; index++) {
        const { parsed } = await feeder.take(index);
        assert.equal(parsed?.frontmatter.title, `Headline number ${index}`);
      }
      assert.deepEqual(parsedHere, []);
      assert.equal(pool.parsed, 10);
    } finally {
      await pool.close();
    }
  });

  it('parses on the main thread, in order, the sources no worker took while it waits for a worker', async () => {
    const pool = await readyPool();
    try {
      const { feeder, parsedHere } = countingFeeder(pool);
      const count = 60;
      // More than the worker's queue holds, offered at once: the rest wait for room or the main thread.
      for (let index = 0; index < count; index++) feeder.offer(index, source(index));
      const titles: Array<string | undefined> = [];
      for (let index = 0; index < count; index++) titles.push((await feeder.take(index)).parsed?.frontmatter.title);

      assert.deepEqual(titles, Array.from({ length: count }, (_, index) => `Headline number ${index}`));
      // Nothing can have come back from the worker before the first take, so the main thread
      // parsed the first source the worker's full queue left over, and went on from there in order.
      assert.ok(parsedHere.length >= 1, 'the main thread helped while it waited');
      const firstHere = Number(/story-(\d+)/.exec(parsedHere[0]!)![1]);
      assert.ok(firstHere > 0 && firstHere < count, `the main thread started after the worker's queue (at ${firstHere})`);
      const indexes = parsedHere.map((file) => Number(/story-(\d+)/.exec(file)![1]));
      assert.deepEqual(indexes, [...indexes].sort((a, b) => a - b), 'taken in source order');
      assert.equal(pool.parsed + parsedHere.length, count, 'each source parsed once');
    } finally {
      await pool.close();
    }
  });

  it('skips sources with nothing to parse, and problems come with their own source', async () => {
    const pool = await readyPool();
    try {
      const { feeder } = countingFeeder(pool);
      feeder.offer(0, source(0));
      feeder.offer(1, undefined); // say, reused from the ingest cache
      feeder.offer(2, { ...source(2), bytes: Buffer.alloc(0) });
      feeder.offer(3, source(3));
      assert.equal((await feeder.take(0)).problems.length, 0);
      const empty = await feeder.take(2);
      assert.equal(empty.parsed, undefined);
      assert.deepEqual(
        empty.problems.map((problem) => [problem.code, problem.file]),
        [['ARTICLE_EMPTY', 'inbox/2024-01-01-story-2.txt']],
      );
      assert.equal((await feeder.take(3)).parsed?.frontmatter.title, 'Headline number 3');
    } finally {
      await pool.close();
    }
  });
});
